import assert from 'node:assert/strict';
import { buildQuoteTable } from '../../../../src/core/export/quote-table';
import { renderQuoteTableCsv, renderQuoteTableMarkdown } from '../../../../src/core/export/render-quote-table';
import { loadRenderStudy } from './render-study';

describe('rendering the quote table', () => {
  it('writes Markdown for a paper: theme, wave, one block quote per quote with its case', async () => {
    const md = renderQuoteTableMarkdown(buildQuoteTable(await loadRenderStudy()));
    assert.equal(md, `# Quotes by theme and wave

## Support \\| help

### wave: 2016

> "We had \\*no\\* analyst \\| support" [P1]

### wave: 2021

> "=SUM(A1)" [P3]

> "+1 then" [P3]

> "-2 then" [P3]

## Expectations

### wave: 2016

_No quotes._

### wave: 2021

> "support at all. It was \\<b\\>bad\\</b\\> \\&amp; worse" [P1]

> "@x" [P3]
`);
  });

  it('writes CSV with a BOM, a column per attribute, every formula-like cell neutralised', async () => {
    const csv = renderQuoteTableCsv(buildQuoteTable(await loadRenderStudy()));
    assert.ok(csv.startsWith('\uFEFFdocument,'));
    assert.equal(csv, '\uFEFF' + [
      'document,case,role,wave,theme,code,quote,start,coder,memo,illustrative,theme name,code name,annotation',
      '2016/P1.md,P1,GP,2016,support,data-support,We had *no* analyst | support,3,am,,true,Support | help,Data support,a',
      "2021/P3.md,P3,'=cmd,2021,support,data-support,'=SUM(A1),0,,,false,Support | help,Data support,c",
      "2021/P3.md,P3,'=cmd,2021,support,data-support,'+1 then,14,,,false,Support | help,Data support,d",
      "2021/P3.md,P3,'=cmd,2021,support,data-support,'-2 then,22,,,false,Support | help,Data support,e",
      '2021/P1.md,P1,,2021,expectations,expectations,"support at all.\nIt was <b>bad</b> &amp; worse",25,,"line\nbreak",false,Expectations,Expectations,b',
      "2021/P3.md,P3,'=cmd,2021,expectations,expectations,'@x,30,,,false,Expectations,Expectations,f",
      '',
    ].join('\n'));
  });

  it('renames an attribute column that clashes with a fixed one', async () => {
    const csv = renderQuoteTableCsv({
      attribute: 'wave', unknownThemes: [],
      themes: [{ theme: { id: 't', name: 'T' }, waves: [{ wave: '1', quotes: [{ quote: 'q', case: 'C', code: 't', codeName: 'T', file: 'c.md', id: 'x', start: 0, illustrative: false, anchored: true, attributes: { theme: 'odd', wave: '1' } }] }] }],
    });
    assert.equal(csv.split('\n')[0], '\uFEFFdocument,case,attribute: theme,wave,theme,code,quote,start,coder,memo,illustrative,theme name,code name,annotation');
  });
});
