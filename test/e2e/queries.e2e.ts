// The queries beside the Framework Matrix on the sample study: counts of cases and segments by
// role and theme (or code), and code co-occurrence; a cell lists its segments beside the table,
// and a segment opens the transcript there.
import * as assert from 'node:assert/strict';
import { eventually, useVSCode } from './harness';

describe('Queries beside the Framework Matrix', function () {
  const vscode = useVSCode({ name: 'queries' });
  const frame = () => vscode().webviewFrame();
  const tab = (view: string) => frame().locator(`[data-testid="view-tab"][data-view="${view}"]`);
  const queryCell = (row: string, col: string) => frame().locator(`[data-testid="query-cell"][data-row="${row}"][data-col="${col}"]`);
  const pane = () => frame().locator('[data-testid="query-detail"]');
  const texts = async (selector: string) => (await frame().locator(selector).allTextContents()).map((t) => t.trim());

  async function openMatrix(): Promise<void> {
    const session = vscode();
    await session.runCommand('QualFrame: Open Framework Matrix');
    await session.activeTab('Framework Matrix').waitFor({ timeout: 30_000 });
    // The tabs, not the grid: the panel opens on the view last chosen.
    await tab('matrix').waitFor({ timeout: 30_000 });
  }

  it('counts cases and segments by role and theme, beside the matrix', async function () {
    await vscode().readStatusBarItem(/\d+ documents/, 60_000);
    await openMatrix();
    assert.equal(await tab('matrix').getAttribute('aria-selected'), 'true');
    await tab('counts').click();
    assert.equal(await tab('counts').getAttribute('aria-selected'), 'true');
    assert.equal(await tab('matrix').getAttribute('aria-selected'), 'false');
    await frame().locator('[data-testid="group-by"]').selectOption('role');
    const counts = frame().locator('[data-testid="counts"]');
    await eventually(async () => {
      assert.deepEqual(await texts('[data-testid="counts"] [data-testid="query-row-name"]'), ['Health board lead', 'National stakeholder', 'Partnership lead']);
      assert.deepEqual(await texts('[data-testid="counts"] [data-testid="query-row-detail"]'), ['2 cases', '9 cases', '1 case']);
    }, { timeout: 30_000 });
    assert.equal(await counts.locator('thead th[scope="col"]').count(), 10, 'a column per theme');
    assert.equal((await queryCell('Health board lead', 'support').textContent())?.trim(), '2 cases · 5 segments');
    assert.equal((await queryCell('Partnership lead', 'purpose').textContent())?.trim(), '1 case · 1 segment');
    assert.equal((await queryCell('Partnership lead', 'support').textContent())?.trim(), '', 'an empty cell is empty');
    // The matrix's filter and export belong to the matrix.
    assert.equal(await frame().locator('[data-testid="filter"]').isVisible(), false);
  });

  it('lists a count’s segments beside the table, and a segment opens the transcript there', async function () {
    const session = vscode();
    await queryCell('Health board lead', 'support').click();
    assert.equal(await queryCell('Health board lead', 'support').getAttribute('aria-selected'), 'true');
    await eventually(async () => assert.equal((await pane().locator('[data-testid="query-detail-heading"]').textContent())?.trim(), 'Health board lead · Support for clusters'), { timeout: 15_000 });
    await eventually(async () => assert.equal(await pane().locator('[data-testid="quote"]').count(), 5), { timeout: 15_000 });
    assert.deepEqual(await pane().locator('[data-testid="quote-code"]').allTextContents(), ['[data-support]', '[facilitation]', '[facilitation]', '[data-support]', '[facilitation]']);
    await pane().locator('[data-testid="quote"]', { hasText: 'a tired GP can read in five minutes' }).click();
    await session.activeTab('P3.md').waitFor({ timeout: 30_000 });
    await eventually(async () => assert.match((await session.statusBarTexts()).join(' | '), /\(101 selected\)/), { timeout: 15_000 });
  });

  it('counts by code when the columns are codes', async function () {
    await openMatrix();
    assert.equal(await tab('counts').getAttribute('aria-selected'), 'true', 'the view chosen is kept');
    await frame().locator('[data-testid="count-by"]').selectOption('code');
    const columns = frame().locator('[data-testid="counts"] thead th[scope="col"]');
    // 26 codes, and the theme without codes (applied as a code of its own).
    await eventually(async () => assert.equal(await columns.count(), 27), { timeout: 30_000 });
    assert.equal((await queryCell('Health board lead', 'facilitation').textContent())?.trim(), '2 cases · 3 segments');
    await frame().locator('[data-testid="count-by"]').selectOption('theme');
    await eventually(async () => assert.equal(await columns.count(), 10), { timeout: 30_000 });
  });

  it('switches views from the keyboard and shows code co-occurrence, the diagonal apart', async function () {
    await tab('counts').focus();
    await vscode().page.keyboard.press('ArrowRight');
    await eventually(async () => assert.equal(await tab('cooccurrence').getAttribute('aria-selected'), 'true'), { timeout: 15_000 });
    assert.equal(await tab('cooccurrence').evaluate((t) => t.ownerDocument.activeElement === t), true, 'focus follows the tab');
    const table = frame().locator('[data-testid="cooccurrence"]');
    await table.waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('[data-testid="count-by"]').isVisible(), false);
    assert.equal(await frame().locator('[data-testid="group-by"]').isVisible(), false, 'co-occurrence has no rows by attribute');
    const overlap = queryCell('cluster-leads', 'leadership-skills');
    await eventually(async () => assert.equal((await overlap.textContent())?.trim(), '1'), { timeout: 30_000 });
    assert.equal((await queryCell('leadership-skills', 'cluster-leads').textContent())?.trim(), '1', 'symmetric');
    const diagonal = queryCell('cluster-leads', 'cluster-leads');
    assert.equal(await diagonal.evaluate((td) => td.classList.contains('diagonal')), true);
    assert.equal(await overlap.evaluate((td) => td.classList.contains('diagonal')), false);
    assert.equal(await table.locator('tbody tr').count(), await table.locator('thead th[scope="col"]').count(), 'codes by codes');
  });

  it('lists both segments of an overlap, and moves between cells with the arrow keys', async function () {
    const session = vscode();
    await queryCell('cluster-leads', 'leadership-skills').click();
    const heading = pane().locator('[data-testid="query-detail-heading"]');
    await eventually(async () => assert.equal((await heading.textContent())?.trim(), 'Cluster quality leads ∩ Leadership skills and development'), { timeout: 15_000 });
    await eventually(async () => assert.deepEqual(await pane().locator('[data-testid="quote-code"]').allTextContents(), ['[cluster-leads]', '[leadership-skills]']), { timeout: 15_000 });
    const texts = await pane().locator('[data-testid="quote-text"]').allTextContents();
    assert.ok(texts.every((t) => t.includes('so you ended up making it up as you went along')), texts.join(' / '));

    // Keyboard: one cell up (no overlap there), Enter selects it; back down, Space selects the overlap again.
    await session.page.keyboard.press('ArrowUp');
    await session.page.keyboard.press('Enter');
    await eventually(async () => assert.equal((await heading.textContent())?.trim(), 'Clarity of role ∩ Leadership skills and development'), { timeout: 15_000 });
    await pane().locator('[data-testid="no-quotes"]', { hasText: 'These codes do not overlap.' }).waitFor({ timeout: 15_000 });
    assert.equal(await queryCell('role-clarity', 'leadership-skills').getAttribute('aria-selected'), 'true');
    await session.page.keyboard.press('ArrowDown');
    await session.page.keyboard.press(' ');
    await eventually(async () => assert.equal((await heading.textContent())?.trim(), 'Cluster quality leads ∩ Leadership skills and development'), { timeout: 15_000 });
    assert.equal(await queryCell('cluster-leads', 'leadership-skills').getAttribute('aria-selected'), 'true');

    // The diagonal lists the code's own segments.
    await queryCell('leadership-skills', 'leadership-skills').click();
    await eventually(async () => assert.equal((await heading.textContent())?.trim(), 'Leadership skills and development: its segments'), { timeout: 15_000 });
    const own = Number((await queryCell('leadership-skills', 'leadership-skills').textContent())?.trim());
    await eventually(async () => assert.equal(await pane().locator('[data-testid="quote"]').count(), own), { timeout: 15_000 });

    // Back to the overlap, and its shorter segment opens the transcript there.
    await queryCell('cluster-leads', 'leadership-skills').click();
    await pane().locator('[data-testid="quote"]', { has: frame().locator('[data-testid="quote-code"]', { hasText: '[leadership-skills]' }) }).click();
    await session.activeTab('SH02.md').waitFor({ timeout: 30_000 });
    await eventually(async () => assert.match((await session.statusBarTexts()).join(' | '), /\(46 selected\)/), { timeout: 15_000 });
  });
});
