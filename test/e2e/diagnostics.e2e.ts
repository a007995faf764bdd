// Checking a corpus: "QualFrame: Validate Corpus" from the palette, and problems in the
// Problems panel when a document is saved broken, gone when it is saved mended.
import * as assert from 'node:assert/strict';
import { eventually, useVSCode, type VSCodeSession } from './harness';

const P1 = 'transcripts/2016/P1.md';

async function problemsOf(session: VSCodeSession, file: string) {
  return (await session.problems()).filter((p) => p.file === file && p.source === 'QualFrame');
}

describe('Validation and diagnostics', function () {
  const vscode = useVSCode({ name: 'diagnostics' });

  it('"QualFrame: Validate Corpus" reports 13 documents and no problems', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Validate Corpus');
    const message = await session.waitForNotification(/^QualFrame: \d+ documents? checked/, 60_000);
    assert.equal(message, 'QualFrame: 13 documents checked, 0 errors, 0 warnings');
  });

  it('shows malformed front matter at its line on save, and clears it when mended', async function () {
    const session = vscode();
    await session.openFile(P1);
    await session.selectText('wave: "2016"');
    await session.typeText('wave: "2016" x');
    await session.save();
    const [problem] = await eventually(async () => {
      const found = await problemsOf(session, P1);
      assert.equal(found.length, 1, `one QualFrame problem for ${P1}: ${JSON.stringify(await session.problems())}`);
      return found;
    }, { timeout: 60_000 });
    assert.match(problem.message, /malformed YAML/);
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 3, 'the line of `wave:`');

    await session.openFile(P1);
    await session.selectText('wave: "2016" x');
    await session.typeText('wave: "2016"');
    await session.save();
    await eventually(async () => assert.deepEqual(await problemsOf(session, P1), []), { timeout: 60_000 });
  });

  it('reports an annotation with an unknown code on save', async function () {
    const session = vscode();
    await session.openFile(P1);
    await session.selectText('code: quality-improvement');
    await session.typeText('code: no-such-code');
    await session.save();
    const [problem] = await eventually(async () => {
      const found = await problemsOf(session, P1);
      assert.equal(found.length, 1, `one QualFrame problem for ${P1}: ${JSON.stringify(await session.problems())}`);
      return found;
    }, { timeout: 60_000 });
    assert.match(problem.message, /unknown code "no-such-code"/);
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 11, 'the line of the annotation\'s `code:`');

    await session.openFile(P1);
    await session.selectText('code: no-such-code');
    await session.typeText('code: quality-improvement');
    await session.save();
    await eventually(async () => assert.deepEqual(await problemsOf(session, P1), []), { timeout: 60_000 });
  });
});
