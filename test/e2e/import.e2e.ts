// Bringing a transcript in, as a researcher does with a new interview: "QualFrame: Import
// Transcripts…", the file, the folder, the wave and the role asked once, a confirmation that
// lists what will be written; the new document joins the corpus with its front matter.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';

describe('Importing transcripts', function () {
  const vscode = useVSCode({ name: 'import' });

  it('turns a text transcript into a corpus document of the chosen wave, and it joins the corpus', async function () {
    const session = vscode();
    const dir = session.workspaceDir!;
    mkdirSync(join(dir, 'incoming'), { recursive: true });
    const source = join(dir, 'incoming', 'SH07.txt');
    writeFileSync(source, 'Interviewer: How did the cluster manage after 2020?\r\nSH07: We met online, and\r\nfewer practices came.\r\n');
    await session.readStatusBarItem(/13 documents/, 60_000);
    await session.runCommand('QualFrame: Import Transcripts…');
    const input = session.page.locator('.quick-input-widget .quick-input-box input');
    const title = session.page.locator('.quick-input-widget .quick-input-title');
    // The open dialogs (code-server's simple dialog: a quick input holding a path).
    await title.filter({ hasText: 'the files to bring in' }).waitFor({ timeout: 15_000 });
    await session.acceptOpenDialog(source);
    await title.filter({ hasText: 'the folder to put them in' }).waitFor({ timeout: 15_000 });
    await session.acceptOpenDialog(join(dir, 'transcripts') + '/');
    await title.filter({ hasText: 'the wave of these interviews' }).waitFor({ timeout: 15_000 });
    await session.pickItem('wave 2021');
    await title.filter({ hasText: 'other attributes' }).waitFor({ timeout: 15_000 });
    await input.fill('role=Practice manager');
    await session.page.keyboard.press('Enter');
    const dialog = session.page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: 'import 1 transcript into transcripts?' }).waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /2021\/SH07\.md \(case SH07, wave 2021\)/);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await session.waitForNotification(/imported 1 transcript/);
    const text = readFileSync(join(dir, 'transcripts/2021/SH07.md'), 'utf8');
    assert.equal(text, '---\ncase: SH07\nwave: "2021"\nrole: Practice manager\n---\nInterviewer: How did the cluster manage after 2020?\n\nSH07: We met online, and fewer practices came.\n');
    await eventually(async () => assert.match((await session.readStatusBarItem(/\d+ documents/)).text, /^14 documents/), { timeout: 30_000 });
  });
});
