// Workspace trust on: VS Code asks whether to trust the sample study's folder. Declined, the
// window is in Restricted Mode, where QualFrame only reads: it still loads and shows the corpus,
// and "Initialise Corpus" (which writes files) is not offered.
import * as assert from 'node:assert/strict';
import { eventually, useVSCode } from './harness';

describe('Restricted Mode (the folder not trusted)', function () {
  const vscode = useVSCode({ name: 'restricted-mode', workspaceTrust: true });

  it('asks whether to trust the folder; declined, QualFrame still shows the corpus', async function () {
    const session = vscode();
    const dialog = session.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    assert.match((await dialog.textContent()) ?? '', /trust the authors/i);
    await dialog.locator('.monaco-button', { hasText: /No, I don.t trust the authors/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await session.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: /Restricted Mode/ }).first().waitFor();
    await eventually(async () => {
      const item = await session.readStatusBarItem(/\d+ documents?/, 5_000).catch(async () => {
        throw new Error(`no QualFrame item in the status bar; it shows: ${JSON.stringify(await session.statusBarTexts())}`);
      });
      assert.equal(item.text, '13 documents · 12 cases · 67 annotations');
    }, { timeout: 60_000 });
  });

  it('does not offer "QualFrame: Initialise Corpus", which writes files', async function () {
    const entries = await vscode().commandPaletteEntries('QualFrame', 'QualFrame: Validate Corpus');
    assert.ok(!entries.includes('QualFrame: Initialise Corpus'), `the palette offers: ${JSON.stringify(entries)}`);
  });

  it('says in the Codebook view that it only reads, and what to do', async function () {
    const view = vscode().treeView('Codebook');
    await view.show();
    await eventually(async () => assert.match((await view.pane().textContent()) ?? '', /Restricted Mode: QualFrame shows the corpus and does not change it\. Trust the workspace to code\./), { timeout: 30_000 });
  });
});
