// The Framework Matrix on the sample study, as a researcher charts: open it from the palette,
// see a row per case and wave and a column per theme, open a cell's quotes, click one and land
// on the segment, edit a summary and see the transcript change. Saves a screenshot of the
// matrix for the README, so the picture stays true.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';
import { repoRoot } from './paths';

const SH02 = 'transcripts/2021/SH02.md';

describe('The Framework Matrix', function () {
  const vscode = useVSCode({ name: 'matrix' });
  const frame = () => vscode().webviewFrame();
  const cell = (caseId: string, wave: string, theme: string) =>
    frame().locator(`[data-testid="cell"][data-case="${caseId}"][data-wave="${wave}"][data-theme="${theme}"]`);

  it('opens from the palette with a row per case and wave and a column per theme', async function () {
    const session = vscode();
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.runCommand('QualFrame: Open Framework Matrix');
    await session.activeTab('Framework Matrix').waitFor({ timeout: 30_000 });
    const table = frame().locator('[data-testid="matrix"]');
    await table.waitFor({ timeout: 30_000 });
    await eventually(async () => {
      const rows = await table.locator('tbody th[scope="row"]').count();
      const columns = await table.locator('thead th[scope="col"]').count();
      assert.deepEqual({ rows, columns }, { rows: 13, columns: 10 }, 'P1–P6 in 2016, P3 and SH01–SH06 in 2021; ten themes');
    }, { timeout: 30_000 });
    assert.match((await cell('SH02', '2021', 'workforce').textContent()) ?? '', /rising practice demand/);
    // The picture in the README: the grid with one cell's quotes open beside it.
    await session.runCommand('View: Toggle Primary Side Bar Visibility');
    await cell('P1', '2016', 'purpose').click();
    await frame().locator('[data-testid="cell-detail"] [data-testid="quote"]').first().waitFor({ timeout: 15_000 });
    mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
    await session.page.screenshot({ path: join(repoRoot, 'docs/images/framework-matrix.png') });
  });

  it('shows a cell’s quotes beside the grid, and a quote opens its segment in the transcript', async function () {
    const session = vscode();
    await cell('SH02', '2021', 'workforce').click();
    const detail = frame().locator('[data-testid="cell-detail"]');
    const quote = detail.locator('[data-testid="quote"]', { hasText: 'there was no locum to backfill them' });
    await quote.waitFor({ timeout: 15_000 });
    await quote.click();
    await session.activeTab('SH02.md').waitFor({ timeout: 30_000 });
    await eventually(async () => assert.match((await session.statusBarTexts()).join(' | '), /\(35 selected\)/), { timeout: 15_000 });
  });

  it('saves an edited summary to the case’s transcript', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Open Framework Matrix');
    await session.activeTab('Framework Matrix').waitFor();
    await cell('SH02', '2021', 'workforce').click();
    const summary = frame().locator('[data-testid="summary"]');
    await summary.waitFor({ timeout: 15_000 });
    const field = summary.locator('textarea');
    await field.fill('Leads were exhausted: demand rose every year and nothing gave.');
    await frame().locator('[data-testid="save-summary"]').click();
    await eventually(() => {
      const text = readFileSync(join(session.workspaceDir!, SH02), 'utf8');
      assert.match(text, /\n {2}workforce: "?Leads were exhausted: demand rose every year and nothing gave\."?\n/);
      assert.doesNotMatch(text, /rising practice demand/);
    }, { timeout: 30_000 });
    await eventually(async () => assert.match((await cell('SH02', '2021', 'workforce').textContent()) ?? '', /Leads were exhausted/), { timeout: 30_000 });
  });

  it('groups the rows by another attribute chosen in the panel', async function () {
    const picker = frame().locator('[data-testid="group-by"]');
    await picker.selectOption('role');
    await eventually(async () => {
      const groups = (await frame().locator('[data-testid="group-name"]').allTextContents()).map((t) => t.trim());
      assert.deepEqual(groups, ['role Health board lead', 'role National stakeholder', 'role Partnership lead']);
    }, { timeout: 30_000 });
    await picker.selectOption('wave');
    await eventually(async () => assert.deepEqual((await frame().locator('[data-testid="group-name"]').allTextContents()).map((t) => t.trim()), ['wave 2016', 'wave 2021']), { timeout: 30_000 });
  });
});
