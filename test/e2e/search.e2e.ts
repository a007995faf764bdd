// Searching the sample study from the command palette: hits as you type, filtered to one
// speaker; Enter opens the passage with the word selected; the Search Results view lists the
// hits with the words highlighted; "Auto-code Hits…" codes both passages with one code after a
// preview, and one Undo takes both back.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';

const SH02 = 'transcripts/2021/SH02.md';
const QUERY = 'locum speaker:SH02';

describe('Search Corpus and auto-coding', function () {
  const vscode = useVSCode({ name: 'search' });
  const onDisk = () => readFileSync(join(vscode().workspaceDir!, SH02), 'utf8');
  let original = '';

  it('lists the passages as you type, filtered to one speaker, and opens one with the word selected', async function () {
    const session = vscode();
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    original = onDisk();
    await session.runCommand('QualFrame: Search Corpus');
    const input = session.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(QUERY);
    const rows = session.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await eventually(async () => {
      const texts = (await rows.allTextContents()).map((t) => t.trim());
      assert.equal(texts.length, 2, `two passages of SH02 mention a locum: ${JSON.stringify(texts)}`);
      assert.ok(texts.every((t) => /locum/i.test(t) && /SH02 · 2021/.test(t)), JSON.stringify(texts));
    }, { timeout: 60_000 });
    assert.match((await session.page.locator('.quick-input-widget .quick-input-title').textContent()) ?? '', /Search Corpus: 2 passages/);
    await session.page.keyboard.press('Enter');
    await session.activeTab('SH02.md').waitFor({ timeout: 30_000 });
    const selection = await session.readStatusBarItem(/\(5 selected\)/);
    assert.match(selection.text, /5 selected/, 'the word "locum" is selected');
  });

  it('lists the hits in the Search Results view, the matching words highlighted', async function () {
    const view = vscode().treeView('Search Results');
    await view.show();
    await eventually(async () => {
      const rows = await view.rows();
      assert.deepEqual(rows.filter((r) => r.level === 1).map((r) => r.label), ['SH02']);
      assert.equal(rows.filter((r) => r.level === 2).length, 2, JSON.stringify(rows));
    }, { timeout: 30_000 });
    const highlighted = await view.pane().locator('.monaco-list-row .label-name .highlight').allTextContents();
    assert.ok(highlighted.length >= 2 && highlighted.every((h) => /^locum/i.test(h)), `highlights: ${JSON.stringify(highlighted)}`);
  });

  it('auto-codes both hits with one code after a preview, as new lines of the front matter', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Auto-code Hits…');
    await session.pickItem('Workload pressure');
    const title = session.page.locator('.quick-input-widget .quick-input-title');
    await eventually(async () => assert.match((await title.textContent()) ?? '', /Auto-code with Workload pressure: 2 new segments/), { timeout: 15_000 });
    await session.page.keyboard.press('Enter');
    const coded = (text: string) => (text.match(/^ {4}code: workload-pressure$/gm) ?? []).length;
    const after = await eventually(async () => {
      const text = onDisk();
      assert.equal(coded(text) - coded(original), 2, 'two new entries coded workload-pressure');
      return text;
    }, { timeout: 30_000 });
    // Nothing but new front-matter lines: the transcript and the other entries are as they were.
    const body = (text: string) => text.slice(text.indexOf('\n---\n', 4));
    assert.equal(body(after), body(original));
    assert.equal(after.split('\n').length - original.split('\n').length, 2 * 6, 'six lines per block entry (id, code, start, quote, prefix, suffix)');
    await session.waitForNotification(/coded 2 passages with Workload pressure/);
  });

  it('takes both segments back with one Undo', async function () {
    const session = vscode();
    await session.openFile(SH02);
    await session.page.keyboard.press('Control+Z');
    await session.save();
    await eventually(async () => assert.equal(onDisk(), original), { timeout: 30_000 });
  });
});
