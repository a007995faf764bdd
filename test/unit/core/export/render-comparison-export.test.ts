import assert from 'node:assert/strict';
import { buildWaveComparison } from '../../../../src/core/compare/wave-comparison';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { COMPARISON_FORMATS, renderComparisonExport, renderComparisonMarkdown } from '../../../../src/core/export/render-comparison';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

/**
 * A small two-wave study of GP clusters, in sentences written for this test:
 *
 * | document     | case | wave | annotations (code)                                                                  |
 * |--------------|------|------|-------------------------------------------------------------------------------------|
 * | 2016/GP1.md  | GP1  | 2016 | l1 cluster-leads, l2 protected-time (illustrative)                                  |
 * | 2016/GP2.md  | GP2  | 2016 | l3 protected-time, l4 cluster-leads                                                 |
 * | 2021/GP1.md  | GP1  | 2021 | r1 protected-time (illustrative; starts with "=", has a pipe), r2 expectations      |
 * | 2021/PM1.md  | PM1  | 2021 | r4 protected-time (orphan: its text is gone), r3 cluster-leads                      |
 *
 * Leadership has four baseline quotes and three follow-up ones; expectations is a theme applied
 * directly, emergent in 2021; patient involvement is never coded.
 */
const codebook = `themes:
  - id: leadership
    name: Leadership | protected time
    codes:
      - id: cluster-leads
        name: Cluster quality leads
      - id: protected-time
        name: Protected time
  - id: expectations
    name: Unrealistic expectations
    codes: []
  - id: patients
    name: Patient involvement
    codes:
      - id: patient-voice
        name: Patient voice
`;

const gp1In2016 = 'GP1: I think the cluster lead will need a session a week protected, or it simply will not happen.\n';
const gp2In2016 = 'GP2: If nobody pays for a locum, the lead\'s time goes straight back into surgeries.\n';
const gp1In2021 = 'GP1: =two sessions, on paper | one in practice.\nThe board expected the clusters to redesign local services overnight.\n';
const pm1In2021 = 'PM1: Our lead left in the autumn and the post stayed empty for a year.\n';

const entry = (body: string, id: string, code: string, quote: string, extra = '') =>
  `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: ${JSON.stringify(quote)}${extra}}`;

async function loadClusterStudy() {
  const { corpus, problems } = await loadCorpus(new MemoryCorpusFiles({
    'codebook.yaml': codebook,
    '2016/GP1.md': markdown(`case: GP1\nwave: 2016\ncodes:\n${[
      entry(gp1In2016, 'l1', 'cluster-leads', 'the cluster lead will need'),
      entry(gp1In2016, 'l2', 'protected-time', 'a session a week protected', ', illustrative: true'),
    ].join('\n')}`, gp1In2016),
    '2016/GP2.md': markdown(`case: GP2\nwave: 2016\ncodes:\n${[
      entry(gp2In2016, 'l3', 'protected-time', 'If nobody pays for a locum'),
      entry(gp2In2016, 'l4', 'cluster-leads', 'the lead\'s time goes straight back into surgeries'),
    ].join('\n')}`, gp2In2016),
    '2021/GP1.md': markdown(`case: GP1\nwave: 2021\ncodes:\n${[
      entry(gp1In2021, 'r1', 'protected-time', '=two sessions, on paper | one in practice.', ', illustrative: true'),
      entry(gp1In2021, 'r2', 'expectations', 'The board expected the clusters to redesign local services overnight'),
    ].join('\n')}`, gp1In2021),
    '2021/PM1.md': markdown(`case: PM1\nwave: 2021\ncodes:\n${[
      '  - {id: r4, code: protected-time, start: 0, quote: "the sessions were\\nnever ring-fenced"}',
      entry(pm1In2021, 'r3', 'cluster-leads', 'Our lead left in the autumn'),
    ].join('\n')}`, pm1In2021),
  }));
  const unexpected = problems.filter((p) => p.rule !== 'orphan');
  if (unexpected.length > 0) throw new Error(unexpected.map((p) => p.message).join('\n'));
  return corpus;
}

const setting = { attribute: 'wave', baseline: '2016', followup: '2021' };

describe('exporting the wave comparison with quotes side by side', () => {
  it('offers Markdown and CSV', () => {
    assert.deepEqual([...COMPARISON_FORMATS], ['md', 'csv']);
  });

  it('writes Markdown: the comparison table, then per theme its status and the two waves\' quotes in two columns', async () => {
    const corpus = await loadClusterStudy();
    const md = renderComparisonExport(corpus, setting, 'md');
    const head = renderComparisonMarkdown(buildWaveComparison(corpus, setting));
    assert.ok(md.startsWith(head), 'the comparison table comes first, as compare prints it');
    assert.equal(md.slice(head.length), `
## Leadership \\| protected time

Predicted and reported; first coded in wave 2016.

| wave 2016 (predicted) | wave 2021 (reported) |
| --- | --- |
| “the cluster lead will need” [GP1] | ★ “=two sessions, on paper \\| one in practice.” [GP1] |
| ★ “a session a week protected” [GP1] | “the sessions were never ring-fenced” [PM1] (orphaned) |
| “If nobody pays for a locum” [GP2] | “Our lead left in the autumn” [PM1] |
| “the lead's time goes straight back into surgeries” [GP2] |  |

## Unrealistic expectations

Emergent; first coded in wave 2021.

| wave 2016 (predicted) | wave 2021 (reported) |
| --- | --- |
|  | “The board expected the clusters to redesign local services overnight” [GP1] |

## Patient involvement

Unused; never coded.

No coded segments in either wave.
`);
  });

  it('prints the comparison alone when quotes are off', async () => {
    const corpus = await loadClusterStudy();
    assert.equal(renderComparisonExport(corpus, setting, 'md', { quotes: false }), renderComparisonMarkdown(buildWaveComparison(corpus, setting)));
  });

  it('keeps the first N quotes per theme and wave', async () => {
    const md = renderComparisonExport(await loadClusterStudy(), setting, 'md', { max: 1 });
    assert.match(md, /\| wave 2016 \(predicted\) \| wave 2021 \(reported\) \|\n\| --- \| --- \|\n\| “the cluster lead will need” \[GP1\] \| ★ “=two sessions, on paper \\\| one in practice\.” \[GP1\] \|\n\n## Unrealistic expectations/);
  });

  it('keeps only illustrative quotes when asked, and says so where a coded theme has none', async () => {
    const md = renderComparisonExport(await loadClusterStudy(), setting, 'md', { illustrative: true });
    assert.match(md, /\| ★ “a session a week protected” \[GP1\] \| ★ “=two sessions, on paper \\\| one in practice\.” \[GP1\] \|\n\n## Unrealistic expectations\n\nEmergent; first coded in wave 2021\.\n\nNo quote marked illustrative in either wave\.\n/);
    assert.match(md, /## Patient involvement\n\nUnused; never coded\.\n\nNo coded segments in either wave\.\n$/);
  });

  it('writes CSV: a row per theme and per code, each wave\'s counts and quotes, formulas neutralised', async () => {
    const csv = renderComparisonExport(await loadClusterStudy(), setting, 'csv');
    assert.equal(csv, '\uFEFF' + [
      'theme,code,name,status,first wave,2016 cases,2016 share,2016 segments,2021 cases,2021 share,2021 segments,2016 quotes,2021 quotes',
      'leadership,,Leadership | protected time,predicted and reported,2016,2,100%,4,2,100%,3,' +
        '"“the cluster lead will need” [GP1]\n★ “a session a week protected” [GP1]\n“If nobody pays for a locum” [GP2]\n“the lead\'s time goes straight back into surgeries” [GP2]",' +
        '"★ “=two sessions, on paper | one in practice.” [GP1]\n“the sessions were never ring-fenced” [PM1] (orphaned)\n“Our lead left in the autumn” [PM1]"',
      'leadership,cluster-leads,Cluster quality leads,predicted and reported,2016,2,100%,2,1,50%,1,' +
        '"“the cluster lead will need” [GP1]\n“the lead\'s time goes straight back into surgeries” [GP2]",“Our lead left in the autumn” [PM1]',
      'leadership,protected-time,Protected time,predicted and reported,2016,2,100%,2,2,100%,2,' +
        '"★ “a session a week protected” [GP1]\n“If nobody pays for a locum” [GP2]",' +
        '"★ “=two sessions, on paper | one in practice.” [GP1]\n“the sessions were never ring-fenced” [PM1] (orphaned)"',
      'expectations,,Unrealistic expectations,emergent,2021,0,0%,0,1,50%,1,,“The board expected the clusters to redesign local services overnight” [GP1]',
      'patients,,Patient involvement,unused,,0,0%,0,0,0%,0,,',
      'patients,patient-voice,Patient voice,unused,,0,0%,0,0,0%,0,,',
      '',
    ].join('\n'));
  });

  it('caps a theme\'s row at N quotes per wave, and each code\'s row at its own first N', async () => {
    const csv = renderComparisonExport(await loadClusterStudy(), setting, 'csv', { max: 1 });
    const rows = csv.split('\n');
    assert.equal(rows[1], 'leadership,,Leadership | protected time,predicted and reported,2016,2,100%,4,2,100%,3,“the cluster lead will need” [GP1],"★ “=two sessions, on paper | one in practice.” [GP1]"');
    assert.equal(rows[2], 'leadership,cluster-leads,Cluster quality leads,predicted and reported,2016,2,100%,2,1,50%,1,“the cluster lead will need” [GP1],“Our lead left in the autumn” [PM1]');
    assert.equal(rows[3], 'leadership,protected-time,Protected time,predicted and reported,2016,2,100%,2,2,100%,2,★ “a session a week protected” [GP1],"★ “=two sessions, on paper | one in practice.” [GP1]"');
  });

  it('neutralises a cell a spreadsheet would run as a formula: a name or a quote starting with "="', async () => {
    assert.doesNotMatch(renderComparisonExport(await loadClusterStudy(), setting, 'csv'), /(^|,)"?=/m, 'no cell starts with =');
    const odd = await loadCorpus(new MemoryCorpusFiles({
      'codebook.yaml': 'themes:\n  - id: sums\n    name: "=SUM(A1:A9)"\n    codes: []\n',
      '2016/GP1.md': markdown(`case: GP1\nwave: 2016\ncodes:\n${entry('=HYPERLINK("x") said\n', 's1', 'sums', '=HYPERLINK("x")')}`, '=HYPERLINK("x") said\n'),
      '2021/GP1.md': markdown('case: GP1\nwave: 2021', 'nothing coded\n'),
    }));
    assert.deepEqual(renderComparisonExport(odd.corpus, setting, 'csv').split('\n').slice(1), [
      `sums,,'=SUM(A1:A9),"predicted, not reported",2016,1,100%,1,0,0%,0,"“=HYPERLINK(""x"")” [GP1]",`,
      '',
    ]);
  });

  it('leaves the quote columns out of the CSV when quotes are off', async () => {
    const csv = renderComparisonExport(await loadClusterStudy(), setting, 'csv', { quotes: false });
    assert.equal(csv.split('\n')[0], '\uFEFFtheme,code,name,status,first wave,2016 cases,2016 share,2016 segments,2021 cases,2021 share,2021 segments');
    assert.equal(csv.split('\n')[1], 'leadership,,Leadership | protected time,predicted and reported,2016,2,100%,4,2,100%,3');
  });
});
