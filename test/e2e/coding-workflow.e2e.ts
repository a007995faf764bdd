// A researcher's session on one transcript, in order: it opens onto the interview (front
// matter folded) with coding stripes in the gutter; they recode a segment, mark it as an
// illustrative quote, code a phrase in vivo, delete a coded passage (an orphan is reported at
// once, before any save; Ctrl+Z brings it back; the "Remove" quick fix removes it), and
// rename a code from the Codebook commands, which updates every transcript that uses it.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode, type VSCodeSession } from './harness';

const SH02 = 'transcripts/2021/SH02.md';
// Words of the body only: the quote itself is also in the front matter, which Find reaches first.
const WORKLOAD = 'frankly. Demand in the practice went up';
const IN_VIVO = 'chasing the board for data';
const VIDEO = 'late. Meeting on a video call meant people could join from their own consulting room between patients';

describe('A coding session on one transcript', function () {
  const vscode = useVSCode({ name: 'coding-workflow', settings: { 'qualframe.foldFrontMatter': true } });
  const onDisk = (path: string) => readFileSync(join(vscode().workspaceDir!, path), 'utf8');
  /** The lines of the front-matter entry with `id`, as saved. */
  const entry = (path: string, id: string) => {
    const lines = onDisk(path).split('\n');
    const at = lines.findIndex((l) => l.trim() === `- id: ${id}` || l.trim() === `- id: "${id}"`);
    assert.ok(at >= 0, `${path} has an entry ${id}`);
    const end = lines.findIndex((l, i) => i > at && !/^ {4}\S/.test(l));
    return lines.slice(at, end);
  };

  it('opens a transcript onto the interview, its front matter folded, with coding stripes in the gutter', async function () {
    const session = vscode();
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.openFile(SH02);
    await eventually(async () => {
      const lines = await session.editorLines();
      assert.match(lines[0], /^---/);
      assert.ok(!lines.some((l) => l.startsWith('case: SH02')), `the front matter is folded: ${JSON.stringify(lines.slice(0, 4))}`);
      assert.ok(lines.some((l) => l.startsWith('Interviewer: Thanks for joining me')));
    }, { timeout: 30_000 });
    const stripes = session.editor().locator('.margin [class*="ced-"]');
    await eventually(async () => assert.ok((await stripes.count()) > 0, 'coded lines have a gutter stripe'), { timeout: 30_000 });
  });

  it('updates the stored start of the passages after new text, on save, and nothing else', async function () {
    const session = vscode();
    const before = onDisk(SH02);
    await session.selectText('Thanks for joining me.');
    await session.page.keyboard.press('End'); // to the end of the interviewer's line: no coded passage here
    await session.typeText(' (Line checked.)');
    await saveEdited(session);
    const after = await eventually(async () => {
      const text = onDisk(SH02);
      assert.notEqual(text, before);
      return text;
    }, { timeout: 30_000 });
    const old = before.split('\n');
    const changed = after.split('\n').map((line, i) => [old[i], line]).filter(([a, b]) => a !== b);
    // The typed words, and one `start:` per annotation of the body: every one after the insertion.
    const starts = changed.filter(([a]) => /^ {4}start: \d+$/.test(a));
    assert.equal(changed.length, starts.length + 1, JSON.stringify(changed.slice(0, 4)));
    assert.equal(starts.length, (before.match(/^ {4}start: /gm) ?? []).length);
    for (const [a, b] of starts) assert.equal(Number(b.split(': ')[1]) - Number(a.split(': ')[1]), ' (Line checked.)'.length);
  });

  it('recodes the segment under the cursor with a code picked from the codebook', async function () {
    const session = vscode();
    await session.selectText(WORKLOAD);
    await session.runCommand('QualFrame: Recode Segment at Cursor…');
    await session.pickItem('Funding');
    await saveEdited(session);
    await eventually(async () => assert.equal(entry(SH02, '335b')[1], '    code: funding'), { timeout: 30_000 });
  });

  it('marks the segment as an illustrative quote', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Mark Segment as Illustrative');
    await saveEdited(session);
    await eventually(async () => assert.ok(entry(SH02, '335b').includes('    illustrative: true')), { timeout: 30_000 });
  });

  it('codes a phrase in vivo: a new code named from the words, added to the chosen theme and applied', async function () {
    const session = vscode();
    await session.selectText(IN_VIVO);
    await session.runCommand('QualFrame: Code In Vivo');
    await session.pickItem('Leadership and protected time');
    const input = session.page.locator('.quick-input-widget input');
    await eventually(async () => assert.equal(await input.inputValue(), IN_VIVO), { timeout: 15_000 });
    await session.page.keyboard.press('Enter'); // the name, as proposed
    await eventually(async () => assert.equal(await input.inputValue(), ''), { timeout: 15_000 });
    await session.page.keyboard.press('Enter'); // no description
    await saveEdited(session);
    await eventually(async () => {
      assert.match(onDisk('codebook.yaml'), /- id: chasing-the-board-for-data\n\s+name: chasing the board for data\n/);
      assert.match(onDisk(SH02), new RegExp(`code: chasing-the-board-for-data, start: \\d+, quote: "${IN_VIVO}"|code: chasing-the-board-for-data\\n\\s+start: \\d+\\n\\s+quote: "${IN_VIVO}"`));
    }, { timeout: 30_000 });
  });

  it('reports a coded passage deleted in the editor as an orphan at once, and Ctrl+Z brings it back', async function () {
    const session = vscode();
    await session.selectText(VIDEO);
    await session.page.keyboard.press('Delete');
    const orphan = await eventually(async () => {
      const found = (await session.problems()).filter((p) => p.file === SH02 && p.code === 'orphan');
      assert.equal(found.length, 1, 'one orphan, before any save');
      return found[0];
    }, { timeout: 30_000 });
    assert.match(orphan.message, /annotation "787f" \(remote-working\) is orphaned/);
    assert.equal(orphan.severity, 'error');
    await session.focusEditor();
    await session.page.keyboard.press('Control+Z');
    await eventually(async () => assert.deepEqual((await session.problems()).filter((p) => p.file === SH02), []), { timeout: 30_000 });
  });

  it('removes an orphan with its "Remove" quick fix, never silently', async function () {
    const session = vscode();
    await session.selectText(VIDEO);
    await session.page.keyboard.press('Delete');
    const orphan = await eventually(async () => {
      const found = (await session.problems()).filter((p) => p.file === SH02 && p.code === 'orphan');
      assert.equal(found.length, 1);
      return found[0];
    }, { timeout: 30_000 });
    // As a person would: open the problem from the Problems panel (which unfolds the front
    // matter at the entry), then Quick Fix (Ctrl+.).
    assert.ok(orphan.line > 1);
    await session.page.locator('.markers-panel .monaco-list-row', { hasText: /is orphaned/ }).first().dblclick();
    await eventually(async () => assert.ok((await session.editorLines()).some((l) => l.includes('code: remote-working'))), { timeout: 15_000 });
    await session.page.keyboard.press('Control+.');
    const fix = session.page.locator('.action-widget .monaco-list-row', { hasText: /Remove the orphaned annotation/ }).first();
    await fix.waitFor({ timeout: 15_000 });
    // With the keyboard, as the menu offers it: down to the fix, then Enter.
    const focused = session.page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 5 && !/Remove the orphaned/.test((await focused.textContent().catch(() => '')) ?? ''); i++) await session.page.keyboard.press('ArrowDown');
    assert.match((await focused.textContent()) ?? '', /Remove the orphaned/);
    await session.page.keyboard.press('Enter');
    await saveEdited(session);
    await eventually(async () => {
      assert.ok(!onDisk(SH02).includes('id: 787f'), 'the orphaned entry is gone');
      assert.deepEqual((await session.problems()).filter((p) => p.file === SH02), []);
    }, { timeout: 30_000 });
  });

  it('renames a code across the corpus: the codebook and every transcript coding it', async function () {
    const session = vscode();
    const users = () => transcripts(session).filter((p) => /code: protected-time\b/.test(onDisk(p)));
    assert.equal(users().length, 3, 'three sample transcripts use "protected-time"');
    await session.runCommand('QualFrame: Rename Code…');
    await session.pickItem('Protected time');
    const input = session.page.locator('.quick-input-widget input');
    await eventually(async () => assert.equal(await input.inputValue(), 'Protected time'), { timeout: 15_000 });
    await input.fill('Protected sessions');
    await session.page.keyboard.press('Enter');
    await session.waitForNotification(/^QualFrame: renamed "Protected time" to "Protected sessions"/, 60_000);
    await eventually(async () => {
      assert.match(onDisk('codebook.yaml'), /- id: protected-sessions\n\s+name: Protected sessions\n/);
      assert.deepEqual(users(), []);
      assert.equal(transcripts(session).filter((p) => /code: protected-sessions\b/.test(onDisk(p))).length, 3);
    }, { timeout: 30_000 });
  });
});

function transcripts(session: VSCodeSession): string[] {
  const root = session.workspaceDir!;
  return (readdirSync(join(root, 'transcripts'), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => p.endsWith('.md'))
    .map((p) => `transcripts/${p}`);
}

/** Saves once the command's edit has reached the buffer (the tab shows unsaved changes). */
async function saveEdited(session: VSCodeSession): Promise<void> {
  await session.page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 15_000 });
  await session.save();
}
