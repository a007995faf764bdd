import assert from 'node:assert/strict';
import { attributePatterns, driverCommand, updateGitattributes } from '../../../../src/core/merge/git-attributes';

describe('the .gitattributes lines of the merge driver', () => {
  it('writes document patterns relative to the top of the repository', () => {
    assert.deepEqual(attributePatterns('study', ['transcripts/**/*.md']).patterns, ['study/transcripts/**/*.md']);
    assert.deepEqual(attributePatterns('', ['transcripts/**/*.md', './notes/*.md']).patterns, ['transcripts/**/*.md', 'notes/*.md']);
  });

  it('anchors a pattern without a slash at the corpus root, as fast-glob reads it', () => {
    assert.deepEqual(attributePatterns('', ['*.md']).patterns, ['/*.md']);
    assert.deepEqual(attributePatterns('a/b', ['*.md']).patterns, ['a/b/*.md']);
  });

  it('expands braces, escapes glob characters in the folder, and skips what gitattributes cannot say', () => {
    const { patterns, skipped } = attributePatterns('wave [1]', ['t/{2016,2021}/*.md', '!t/drafts/**', 't/@(a|b).md']);
    assert.deepEqual(patterns, ['wave \\[1\\]/t/2016/*.md', 'wave \\[1\\]/t/2021/*.md']);
    assert.deepEqual(skipped.map((s) => s.pattern), ['!t/drafts/**', 't/@(a|b).md']);
  });

  it('adds missing lines once, under a comment, in the file’s line ending', () => {
    const first = updateGitattributes('*.png binary\r\n', ['t/**/*.md', 'my notes/*.md']);
    assert.deepEqual(first.added, ['t/**/*.md merge=qualframe', '"my notes/*.md" merge=qualframe']);
    assert.equal(first.text, '*.png binary\r\n\r\n# QualFrame: merge coded documents by annotation id (qualframe install-merge-driver)\r\nt/**/*.md merge=qualframe\r\n"my notes/*.md" merge=qualframe\r\n');
    const again = updateGitattributes(first.text, ['t/**/*.md', 'my notes/*.md']);
    assert.deepEqual(again, { text: first.text, added: [], kept: first.added });
    const more = updateGitattributes(first.text, ['t/**/*.md', 'u/*.md']);
    assert.deepEqual(more.added, ['u/*.md merge=qualframe']);
    assert.equal(more.text, `${first.text}u/*.md merge=qualframe\r\n`);
  });

  it('recognises a line that sets other attributes as well', () => {
    assert.deepEqual(updateGitattributes('t/**/*.md text eol=lf merge=qualframe\n', ['t/**/*.md']).added, []);
    assert.deepEqual(updateGitattributes('t/**/*.md merge=other\n', ['t/**/*.md']).added, ['t/**/*.md merge=qualframe']);
  });

  it('runs the driver with the three versions and the document’s path', () => {
    assert.equal(driverCommand('qualframe'), 'qualframe merge-driver %O %A %B %P');
  });
});
