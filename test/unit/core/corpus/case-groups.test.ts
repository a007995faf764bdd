import assert from 'node:assert/strict';
import * as path from 'node:path';
import { groupCasesBy } from '../../../../src/core/corpus/case-groups';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { NodeCorpusFiles } from '../../../../src/node/node-corpus-files';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

describe('groupCasesBy (the Cases view)', () => {
  it('groups the sample study by wave, the panel case in both, described by shared attributes', async () => {
    const { corpus } = await loadCorpus(new NodeCorpusFiles(path.resolve(__dirname, '../../../../sample-workspace')));
    const groups = groupCasesBy(corpus, 'wave');
    assert.deepEqual(groups.map((g) => [g.value, g.cases.length]), [['2016', 6], ['2021', 7]]);
    assert.deepEqual(groups[1].cases.map((c) => c.case.id), ['P3', 'SH01', 'SH02', 'SH03', 'SH04', 'SH05', 'SH06']);
    const p3 = groups[1].cases[0];
    assert.deepEqual(p3.documents.map((d) => d.path), ['transcripts/2021/P3-2021.md']);
    const keys = p3.description.map((d) => d.key);
    assert.ok(keys.includes('role') && keys.includes('sector'), keys.join());
    assert.ok(!keys.includes('date') && !keys.includes('wave') && !keys.includes('case'), keys.join());
    assert.equal(p3.description.find((d) => d.key === 'role')!.value, 'Health board lead');
  });

  it('puts documents without the attribute in a last group with an empty value', async () => {
    const { corpus } = await loadCorpus(new MemoryCorpusFiles({
      'codebook.yaml': 'themes: []\n',
      'a.md': markdown('wave: 2021\nrole: GP', 'x'),
      'b.md': markdown('role: GP', 'x'),
      'c.md': markdown('wave: 2016\nrole: nurse', 'x'),
    }));
    assert.deepEqual(groupCasesBy(corpus, 'wave').map((g) => [g.value, g.cases.map((c) => c.case.id)]), [['2016', ['c']], ['2021', ['a']], ['', ['b']]]);
  });
});
