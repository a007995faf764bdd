import assert from 'node:assert/strict';
import { buildFrameworkMatrix } from '../../../../src/core/matrix/framework-matrix';
import { renderMatrixCsv, renderMatrixJson, renderMatrixMarkdown } from '../../../../src/core/export/render-matrix';
import { loadRenderStudy } from './render-study';

describe('rendering the framework matrix', () => {
  it('writes Markdown: a table per wave, then the quotes per theme with their case, nothing turned into markup', async () => {
    const md = renderMatrixMarkdown(buildFrameworkMatrix(await loadRenderStudy()));
    assert.equal(md, `# Framework matrix

Cases by theme, per wave. Each cell: the summary (— when there is none), then the number of coded segments in brackets.

## wave: 2016

| Case | Support \\| help | Expectations |
| --- | --- | --- |
| P1 | Wants analysts \\| now (1) | — (0) |

### Quotes, wave: 2016

#### Support \\| help

- "We had \\*no\\* analyst \\| support" [P1]

## wave: 2021

| Case | Support \\| help | Expectations |
| --- | --- | --- |
| P1 | — (0) | — (1) |
| P3 | — (3) | — (1) |

### Quotes, wave: 2021

#### Support \\| help

- "=SUM(A1)" [P3]
- "+1 then" [P3]
- "-2 then" [P3]

#### Expectations

- "support at all. It was \\<b\\>bad\\</b\\> \\&amp; worse" [P1]
- "@x" [P3]
`);
  });

  it('writes CSV with a BOM, a line per case and wave, formulas neutralised', async () => {
    const csv = renderMatrixCsv(buildFrameworkMatrix(await loadRenderStudy()));
    assert.equal(csv, '\uFEFF' + [
      'case,wave,documents,Support | help,Support | help: segments,Support | help: quotes,Expectations,Expectations: segments,Expectations: quotes',
      'P1,2016,2016/P1.md,Wants analysts | now,1,We had *no* analyst | support,,0,',
      'P1,2021,2021/P1.md,,0,,,1,support at all. It was <b>bad</b> &amp; worse',
      `P3,2021,2021/P3.md,,3,"'=SUM(A1)\n+1 then\n-2 then",,1,'@x`,
      '',
    ].join('\n'));
  });

  it("writes JSON in the shape of cli.md's matrix --format json, with summary null where there is none", async () => {
    const json = JSON.parse(renderMatrixJson(buildFrameworkMatrix(await loadRenderStudy())));
    assert.deepEqual(json.themes.map((t: { id: string; name: string }) => [t.id, t.name]), [['support', 'Support | help'], ['expectations', 'Expectations']]);
    assert.deepEqual(json.rows.map((r: { case: string; wave: string }) => [r.case, r.wave]), [['P1', '2016'], ['P1', '2021'], ['P3', '2021']]);
    const first = json.rows[0].cells;
    assert.equal(first.support.summary, 'Wants analysts | now');
    assert.equal(first.expectations.summary, null);
    assert.deepEqual(first.support.quotes.map((x: Record<string, unknown>) => [x.file, x.id, x.code, x.quote]), [['2016/P1.md', 'a', 'data-support', 'We had *no* analyst | support']]);
    assert.equal(json.rows[1].cells.expectations.quotes[0].quote, 'support at all.\nIt was <b>bad</b> &amp; worse');
  });
});
