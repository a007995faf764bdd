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
/** The rows whose role is Health board lead: P3 in 2016 and 2021, SH03 in 2021. */
const HEALTH_BOARD_LEADS = ['P3', 'P3', 'SH03'];

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

  it('cites a segment in the summary, and the citation opens that segment', async function () {
    const session = vscode();
    await cell('SH02', '2021', 'workforce').click();
    const detail = frame().locator('[data-testid="cell-detail"]');
    const locum = detail.locator('[data-testid="quotes"] li', { hasText: 'there was no locum to backfill them' });
    await locum.locator('[data-testid="cite"]').click();
    const field = frame().locator('[data-testid="summary"] textarea');
    const citation = /nothing gave\. \(transcripts\/2021\/SH02\.md#[\w.-]+\)$/;
    await eventually(async () => assert.match(await field.inputValue(), citation), { timeout: 15_000 });
    await frame().locator('[data-testid="save-summary"]').click();
    await eventually(() => assert.match(readFileSync(join(session.workspaceDir!, SH02), 'utf8'), /\n {2}workforce: "?Leads were exhausted.*nothing gave\. \(transcripts\/2021\/SH02\.md#[\w.-]+\)"?\n/), { timeout: 30_000 });
    const cited = detail.locator('[data-testid="cited"] [data-testid="quote"]', { hasText: 'there was no locum to backfill them' });
    await cited.waitFor({ timeout: 30_000 });
    await cited.click();
    await session.activeTab('SH02.md').waitFor({ timeout: 30_000 });
    await eventually(async () => assert.match((await session.statusBarTexts()).join(' | '), /\(35 selected\)/), { timeout: 15_000 });
    await session.runCommand('QualFrame: Open Framework Matrix');
    await session.activeTab('Framework Matrix').waitFor();
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

  it('filters the rows by words of a quote, dimming the cells without them', async function () {
    const filter = frame().locator('[data-testid="filter"] input');
    await filter.fill('no locum to backfill');
    const shownCases = () => frame().locator('[data-testid="matrix"] tbody th[scope="row"] .case-id').allTextContents();
    await eventually(async () => assert.deepEqual(await shownCases(), ['SH02']), { timeout: 15_000 });
    // The words are in a leadership quote (and a workforce one), not in any cell of other themes.
    assert.equal(await cell('SH02', '2021', 'leadership').evaluate((td) => td.classList.contains('dim')), false);
    assert.equal(await cell('SH02', '2021', 'workforce').evaluate((td) => td.classList.contains('dim')), false);
    assert.equal(await cell('SH02', '2021', 'purpose').evaluate((td) => td.classList.contains('dim')), true);
    await filter.fill('zebra crossing');
    await frame().locator('[data-testid="no-match"]', { hasText: 'zebra crossing' }).waitFor({ timeout: 15_000 });
    await filter.fill('');
    await eventually(async () => assert.equal((await shownCases()).length, 13), { timeout: 15_000 });
  });

  it('expands a theme into a column per code, and a code’s cell lists that code’s segments', async function () {
    const header = frame().locator('thead th[data-testid="theme"][data-theme="workforce"]');
    const expand = header.locator('[data-testid="expand"]');
    assert.equal(await expand.getAttribute('aria-expanded'), 'false');
    await expand.click();
    const codes = frame().locator('thead th[data-testid="code"][data-theme="workforce"]');
    await eventually(async () => assert.deepEqual(await codes.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-code'))), ['gp-recruitment', 'workload-pressure']), { timeout: 15_000 });
    const codeCell = frame().locator('[data-testid="cell"][data-case="SH02"][data-wave="2021"][data-theme="workforce"][data-code="workload-pressure"]');
    assert.equal((await codeCell.locator('[data-testid="cell-count"]').textContent())?.trim(), '1');
    await codeCell.click();
    const detail = frame().locator('[data-testid="cell-detail"]');
    await eventually(async () => assert.match((await detail.locator('[data-testid="detail-heading"]').textContent()) ?? '', /SH02 · Workforce.* › /), { timeout: 15_000 });
    await eventually(async () => {
      const codesShown = await detail.locator('[data-testid="quote-code"]').allTextContents();
      assert.deepEqual(codesShown, ['[workload-pressure]']);
    }, { timeout: 15_000 });
    assert.equal(await frame().locator('[data-testid="summary"]').isVisible(), false, 'a code’s cell has no summary of its own');
    await expand.click();
    await eventually(async () => assert.equal(await codes.count(), 0), { timeout: 15_000 });
  });

  it('sorts each wave’s rows by a theme’s segments, most first, from its header', async function () {
    const header = frame().locator('thead th[data-testid="theme"][data-theme="leadership"]');
    await header.locator('[data-testid="sort"]').click();
    await eventually(async () => assert.equal(await header.getAttribute('aria-sort'), 'descending'), { timeout: 15_000 });
    const counts = async (wave: string) => frame()
      .locator(`[data-testid="cell"][data-wave="${wave}"][data-theme="leadership"]`)
      .evaluateAll((tds) => tds.map((td) => Number(td.querySelector('[data-testid="cell-count"]')?.textContent ?? 0)));
    for (const wave of ['2016', '2021']) {
      const list = await counts(wave);
      assert.deepEqual(list, [...list].sort((a, b) => b - a), `wave ${wave}: ${list.join(', ')}`);
      assert.ok(list[0] > list[list.length - 1], `wave ${wave} has more and less coded cases: ${list.join(', ')}`);
    }
    // Twice more: fewest first, then back to case order.
    await header.locator('[data-testid="sort"]').click();
    await header.locator('[data-testid="sort"]').click();
    await eventually(async () => assert.equal(await header.getAttribute('aria-sort'), 'none'), { timeout: 15_000 });
  });

  it('shows only the rows of one role, and hides a theme’s column from the Themes menu', async function () {
    const show = frame().locator('[data-testid="row-filter"]');
    await show.selectOption({ label: 'role: Health board lead' });
    const shownCases = () => frame().locator('[data-testid="matrix"] tbody th[scope="row"] .case-id').allTextContents();
    await eventually(async () => assert.deepEqual(await shownCases(), HEALTH_BOARD_LEADS), { timeout: 15_000 });
    await show.selectOption({ label: 'All cases' });
    await eventually(async () => assert.equal((await shownCases()).length, 13), { timeout: 15_000 });

    await frame().locator('[data-testid="themes-summary"]').click();
    await frame().locator('[data-testid="theme-toggle"][data-theme="governance"]').uncheck();
    const themes = () => frame().locator('thead th[data-testid="theme"]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-theme')));
    await eventually(async () => {
      const shown = await themes();
      assert.equal(shown.length, 9);
      assert.ok(!shown.includes('governance'));
    }, { timeout: 15_000 });
    assert.match((await frame().locator('[data-testid="themes-summary"]').textContent()) ?? '', /9 of 10/);
    await frame().locator('[data-testid="theme-toggle"][data-theme="governance"]').check();
    await eventually(async () => assert.equal((await themes()).length, 10), { timeout: 15_000 });
    await frame().locator('[data-testid="themes-summary"]').click();
  });

  it('shows a summary typed in a transcript before it is saved', async function () {
    const session = vscode();
    // One editor group again (the quote opened the transcript beside the panel).
    await session.runCommand('View: Close All Editor Groups');
    await session.openFile(SH02);
    await session.selectText('Leads were exhausted');
    await session.typeText('Leads were worn down');
    await session.runCommand('QualFrame: Open Framework Matrix');
    await session.activeTab('Framework Matrix').waitFor();
    await eventually(async () => assert.match((await cell('SH02', '2021', 'workforce').textContent()) ?? '', /Leads were worn down/), { timeout: 30_000 });
    assert.match(readFileSync(join(session.workspaceDir!, SH02), 'utf8'), /Leads were exhausted/, 'nothing was saved');
  });
});
