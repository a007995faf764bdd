// One Framework Matrix per corpus: a workspace holding two studies gets a panel for each,
// named in its tab, and both come back on their own corpus after the window reloads.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';
import { repoRoot } from './paths';

/** Two corpora side by side: the sample study, and a pilot holding only its 2016 interviews. */
function twoStudies(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'qualframe-two-studies-')), 'two-studies');
  cpSync(join(repoRoot, 'sample-workspace'), join(dir, 'cluster-futures'), { recursive: true });
  cpSync(join(repoRoot, 'sample-workspace'), join(dir, 'pilot'), { recursive: true });
  rmSync(join(dir, 'pilot/transcripts/2021'), { recursive: true });
  return dir;
}

const FULL = 'Framework Matrix: two-studies/cluster-futures';
const PILOT = 'Framework Matrix: two-studies/pilot';

describe('Framework Matrix panels, one per corpus', function () {
  const vscode = useVSCode({ name: 'matrix-panels', workspace: twoStudies() });
  const rows = () => vscode().webviewFrame().locator('[data-testid="matrix"] tbody th[scope="row"]');
  const matrixTabs = async () => (await vscode().tabTitles()).filter((t) => t.startsWith('Framework Matrix')).sort();

  async function openMatrixFrom(file: string, title: string, expectedRows: number): Promise<void> {
    const session = vscode();
    await session.openFile(file);
    await session.runCommand('QualFrame: Open Framework Matrix');
    await session.activeTab(title).waitFor({ timeout: 30_000 });
    await eventually(async () => assert.equal(await rows().count(), expectedRows), { timeout: 30_000 });
  }

  it('opens a panel for each corpus, named in its tab, and reveals the one already open', async function () {
    await vscode().readStatusBarItem(/\d+ documents/, 60_000);
    await openMatrixFrom('pilot/transcripts/2016/P1.md', PILOT, 6);
    await openMatrixFrom('cluster-futures/transcripts/2021/SH02.md', FULL, 13);
    await openMatrixFrom('pilot/transcripts/2016/P2.md', PILOT, 6);
    assert.deepEqual(await matrixTabs(), [FULL, PILOT], 'the pilot panel is revealed, not opened twice');
  });

  it('restores both panels on their own corpus after a window reload', async function () {
    const session = vscode();
    await session.reloadWindow();
    await eventually(async () => assert.deepEqual(await matrixTabs(), [FULL, PILOT]), { timeout: 60_000 });
    await session.activeTab(PILOT).waitFor({ timeout: 30_000 });
    await eventually(async () => assert.equal(await rows().count(), 6), { timeout: 60_000 });
    await session.page.locator('.tabs-container .tab', { hasText: FULL }).click();
    await session.activeTab(FULL).waitFor();
    await eventually(async () => assert.equal(await rows().count(), 13), { timeout: 60_000 });
  });
});
