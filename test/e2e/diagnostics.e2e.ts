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
    await replaceAndSave(session, 'wave: "2016"', 'wave: "2016" x');
    const problem = await theOneProblem(session);
    assert.match(problem.message, /malformed YAML/);
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 3, 'the line of `wave:`');
    await replaceAndSave(session, 'wave: "2016" x', 'wave: "2016"');
    await eventually(async () => assert.deepEqual(await problemsOf(session, P1), []), { timeout: 60_000 });
  });

  it('reports an annotation with an unknown code on save', async function () {
    const session = vscode();
    await replaceAndSave(session, 'code: quality-improvement', 'code: no-such-code');
    const problem = await theOneProblem(session);
    assert.match(problem.message, /unknown code "no-such-code"/);
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 11, 'the line of the annotation\'s `code:`');
    await replaceAndSave(session, 'code: no-such-code', 'code: quality-improvement');
    await eventually(async () => assert.deepEqual(await problemsOf(session, P1), []), { timeout: 60_000 });
  });
});

/** What a person does: open P1, select the text, type its replacement, save. */
async function replaceAndSave(session: VSCodeSession, from: string, to: string): Promise<void> {
  await session.openFile(P1);
  await session.selectText(from);
  await session.typeText(to);
  await session.save();
}

/** Waits until the Problems panel shows exactly one QualFrame problem for P1, and returns it. */
async function theOneProblem(session: VSCodeSession) {
  const [problem] = await eventually(async () => {
    const found = await problemsOf(session, P1);
    assert.equal(found.length, 1, `one QualFrame problem for ${P1}: ${JSON.stringify(await session.problems())}`);
    return found;
  }, { timeout: 60_000 });
  return problem;
}

