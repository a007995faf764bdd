// Coding in the editor as a researcher does it: select words in a transcript, "QualFrame: Apply
// Code…", pick a code; the passage is highlighted, the front matter gains exactly one entry,
// the hover names the code, and Ctrl+Z takes it back.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';

const SH04 = 'transcripts/2021/SH04.md';
const PHRASE = 'covering thirty-one practices';

describe('Coding in the editor', function () {
  const vscode = useVSCode({ name: 'coding' });
  let original: string;

  before(function () {
    original = readFileSync(join(vscode().workspaceDir!, SH04), 'utf8');
    assert.ok(original.includes(PHRASE), `the sample transcript says "${PHRASE}"`);
  });

  it('applies a code picked from the codebook to the selected words, as one new front-matter entry', async function () {
    const session = vscode();
    // As a person would: wait until the corpus has loaded (its counts in the status bar).
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.openFile(SH04);
    await session.selectText(PHRASE);
    await session.runCommand('QualFrame: Apply Code…');
    await session.pickItem('Funding');
    await session.save();
    const after = await eventually(async () => {
      const text = readFileSync(join(session.workspaceDir!, SH04), 'utf8');
      assert.notEqual(text, original, 'the file was saved with the new code');
      return text;
    }, { timeout: 30_000 });
    const added = addedLines(original, after);
    assert.equal(added.length, 1, `one new line (this list is one entry per line): ${JSON.stringify(added)}`);
    assert.match(added[0], new RegExp(`code: funding, start: \\d+, quote: "${PHRASE}"`));
  });

  it('highlights the coded words and names the code in a hover', async function () {
    const session = vscode();
    const highlights = session.page.locator('.monaco-editor .view-overlays div[class*="ced-"]');
    await eventually(async () => assert.ok((await highlights.count()) > 0, 'coded passages are highlighted'), { timeout: 30_000 });
    await session.selectText(PHRASE);
    await session.page.keyboard.press('Control+K');
    await session.page.keyboard.press('Control+I');
    const hover = session.page.locator('.monaco-hover-content');
    await eventually(async () => assert.match((await hover.first().textContent()) ?? '', /Funding \(funding\)/), { timeout: 15_000 });
    await session.page.keyboard.press('Escape');
  });

  it('takes the code back with Ctrl+Z, restoring the file', async function () {
    const session = vscode();
    assert.notEqual(readFileSync(join(session.workspaceDir!, SH04), 'utf8'), original, 'the coded file was saved, so there is something to undo');
    await session.openFile(SH04);
    await session.page.keyboard.press('Control+Z');
    await session.save();
    await eventually(async () => assert.equal(readFileSync(join(session.workspaceDir!, SH04), 'utf8'), original), { timeout: 30_000 });
  });
});


function addedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((l) => !old.has(l));
}
