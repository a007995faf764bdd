// Reviewing coding like code: a corpus repository with two commits (a second coder recoded a
// segment and rewrote a summary); "Review Coding Changes…" from the first commit to the working
// tree lists both changes under their transcript, and a change opens its segment; "Intercoder
// Agreement…" between the two shows the recoded passage as a disagreement, side by side.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';
import { repoRoot } from './paths';

const SH03 = 'transcripts/2021/SH03.md';

/** The sample study as a git repository: the study as shipped, then a second coder's commit. */
function studyRepository(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'qualframe-review-')), 'study');
  cpSync(join(repoRoot, 'sample-workspace'), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Coder A');
  git('config', 'user.email', 'a@example.org');
  git('add', '-A');
  git('commit', '-q', '-m', 'Wave 2021 coded');
  const file = join(dir, SH03);
  const text = readFileSync(file, 'utf8');
  const recoded = text.replace('    code: data-support\n', '    code: quality-improvement\n');
  const rewritten = recoded.replace(/^ {2}support: .*$/m, '  support: Valued analysts less than facilitators, who kept clusters moving between meetings.');
  assert.notEqual(rewritten, recoded, 'the summary line is there to rewrite');
  writeFileSync(file, rewritten);
  git('commit', '-q', '-am', 'Second coder: recode a data passage, rewrite the support summary');
  return dir;
}

describe('Review Coding Changes', function () {
  const vscode = useVSCode({ name: 'review', workspace: studyRepository() });

  it('lists the recoded segment and the rewritten summary under their transcript, and opens the segment', async function () {
    const session = vscode();
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.runCommand('QualFrame: Review Coding Changes…');
    const title = session.page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: '(1/2)' }).waitFor({ timeout: 30_000 });
    await session.pickItem('HEAD~1');
    await title.filter({ hasText: '(2/2)' }).waitFor({ timeout: 15_000 });
    await session.pickItem('Working tree');
    const view = session.treeView('Coding Changes');
    const rows = await eventually(async () => {
      const all = await view.rows();
      assert.deepEqual(all.filter((r) => r.level === 1).map((r) => r.label), ['SH03.md'], JSON.stringify(all));
      return all.filter((r) => r.level === 2);
    }, { timeout: 60_000 });
    const descriptions = rows.map((r) => r.description);
    assert.ok(descriptions.includes('recoded · data-support → quality-improvement'), JSON.stringify(descriptions));
    assert.ok(descriptions.some((d) => /^summary changed · SH03 · support$/.test(d)), JSON.stringify(descriptions));
    const recoded = rows.find((r) => r.description.startsWith('recoded'))!;
    await view.row(recoded.label).click();
    await session.activeTab('SH03.md').waitFor({ timeout: 15_000 });
    await eventually(async () => assert.match((await session.statusBarTexts()).join(' | '), /selected\)/), { timeout: 15_000 });
  });

  it('measures agreement between the two revisions and shows the recoded passage on both sides', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Intercoder Agreement…');
    await session.pickItem('Two revisions');
    const title = session.page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: '(1/2)' }).waitFor({ timeout: 15_000 });
    await session.pickItem('HEAD~1');
    await title.filter({ hasText: '(2/2)' }).waitFor({ timeout: 15_000 });
    await session.pickItem('Working tree');
    await session.activeTab('Intercoder Agreement').waitFor({ timeout: 30_000 });
    const frame = session.webviewFrame();
    const row = (code: string) => frame.locator(`[data-testid="code-row"][data-code="${code}"]`);
    await eventually(async () => {
      const chars = async (code: string, side: string) => Number(((await row(code).locator(`[data-testid="${side}-chars"]`).textContent()) ?? '').replace(/\D/g, ''));
      assert.ok((await chars('data-support', 'a')) > (await chars('data-support', 'b')), 'B coded less with data-support: the recoded passage');
      assert.ok((await chars('quality-improvement', 'b')) > (await chars('quality-improvement', 'a')), 'and more with quality-improvement');
    }, { timeout: 60_000 });
    const disagreement = frame.locator('[data-testid="disagreement"][data-code="data-support"]');
    await disagreement.waitFor({ timeout: 15_000 });
    assert.equal(await disagreement.locator('[data-testid="only-a"] [data-testid="range"]').count(), 1, 'A coded it, B did not');
    await disagreement.locator('[data-testid="only-a"] [data-testid="range"]').first().click();
    await session.activeTab('SH03.md').waitFor({ timeout: 15_000 });
  });
});
