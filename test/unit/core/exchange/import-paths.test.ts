import assert from 'node:assert/strict';
import { ImportPaths } from '../../../../src/core/exchange/import-paths';

describe('exchange import paths', () => {
  it('keeps a QualFrame path as it was, and gives another tool\'s name a .md file', () => {
    const paths = new ImportPaths();
    assert.equal(paths.document('transcripts/2016/P1.md'), 'transcripts/2016/P1.md');
    assert.equal(paths.document('Interview Anna.docx'), 'Interview Anna.md');
    assert.equal(paths.document('Focus group: Skye'), 'Focus group Skye.md');
  });

  it('never leaves the folder, whatever the name says', () => {
    const paths = new ImportPaths();
    for (const name of ['../../etc/passwd', '/etc/shadow', '..\\..\\windows\\system32\\x', './../a', '..', '', '   ']) {
      const p = paths.document(name);
      assert.ok(!p.startsWith('/') && !p.split('/').some((s) => s === '..' || s === '.' || s === ''), `${name} -> ${p}`);
      assert.match(p, /\.md$/);
    }
  });

  it('makes names unique regardless of case, and avoids names the corpus ignores or Windows refuses', () => {
    const paths = new ImportPaths();
    assert.equal(paths.document('P1'), 'P1.md');
    assert.equal(paths.document('p1.txt'), 'p1-2.md');
    assert.equal(paths.document('README'), 'README-source.md');
    assert.equal(paths.document('memos/journal'), 'documents/memos/journal.md');
    assert.equal(paths.document('node_modules/x'), 'node_modules-source/x.md');
    assert.equal(paths.document('CON'), 'CON_.md');
    assert.equal(paths.document('a.md/b'), 'a.md/b.md');
    assert.equal(paths.memo('Journal / week 1'), 'memos/imported/Journal week 1.md');
    assert.equal(paths.memo('Journal / week 1'), 'memos/imported/Journal week 1-2.md');
  });
});
