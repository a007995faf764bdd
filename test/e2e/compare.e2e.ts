// Compare Waves on the sample study, as the paper's question is asked: which predicted
// challenges were reported, which were not, what emerged. Open the panel from the palette, see
// the emergent follow-up themes marked, read a theme's quotes of both waves side by side with
// their case ids, follow one to its transcript, narrow the table by status, and export it.
// Saves the screenshot of the panel that the README shows.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';
import { repoRoot } from './paths';

describe('Compare Waves', function () {
  const vscode = useVSCode({ name: 'compare' });
  const frame = () => vscode().webviewFrame();
  const row = (theme: string, code = '') => frame().locator(`[data-testid="compare-row"][data-theme="${theme}"][data-code="${code}"]`);
  const status = async (theme: string, code = '') => ((await row(theme, code).locator('[data-testid="row-status"]').textContent()) ?? '').trim();

  it('opens from the palette and marks the themes that emerged in 2021', async function () {
    const session = vscode();
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.runCommand('QualFrame: Compare Waves');
    await session.activeTab('Compare Waves').waitFor({ timeout: 30_000 });
    await row('workforce').waitFor({ timeout: 30_000 });
    assert.match((await frame().locator('[data-testid="status"]').textContent()) ?? '', /Baseline \(wave 2016, predicted\): 6 cases, 6 documents\. Follow-up \(wave 2021, reported\): 7 cases, 7 documents\./);
    const themes = await frame().locator('[data-testid="compare-row"][data-kind="theme"]').count();
    assert.equal(themes, 10, 'a row per theme');
    for (const emergent of ['workforce', 'expectations', 'covid-19']) assert.equal(await status(emergent), 'Emergent', `${emergent} emerged in 2021`);
    assert.equal(await status('purpose'), 'Predicted and reported');
    assert.equal(await status('governance', 'information-governance'), 'Predicted, not reported');
    assert.equal(await status('relationships', 'patient-involvement'), 'Unused');
    assert.equal((await row('workforce').locator('[data-testid="first-wave"]').textContent())?.trim(), '2021', 'the workforce theme was first applied in 2021');
    assert.equal((await row('purpose').locator('[data-testid="first-wave"]').textContent())?.trim(), '2016');
  });

  it('shows a theme’s quotes of both waves side by side with case ids, and a quote opens its transcript', async function () {
    const session = vscode();
    await session.runCommand('View: Toggle Primary Side Bar Visibility');
    await row('purpose').locator('[data-testid="row-select"]').click();
    const baseline = frame().locator('[data-testid="baseline-quotes"] [data-testid="quote"]');
    const followup = frame().locator('[data-testid="followup-quotes"] [data-testid="quote"]');
    await baseline.first().waitFor({ timeout: 15_000 });
    await followup.first().waitFor({ timeout: 15_000 });
    assert.equal(await frame().locator('[data-testid="baseline-heading"]').textContent(), 'wave 2016 · predicted');
    assert.equal(await frame().locator('[data-testid="followup-heading"]').textContent(), 'wave 2021 · reported');
    const tags = async (list: typeof baseline) => (await list.locator('[data-testid="case-tag"]').allTextContents()).map((t) => t.trim());
    assert.ok((await tags(baseline)).every((t) => /^\[P\d\]$/.test(t)), `2016 quotes carry [P…] ids: ${await tags(baseline)}`);
    assert.ok((await tags(followup)).some((t) => /^\[SH0\d\]$/.test(t)), `2021 quotes carry [SH…] ids: ${await tags(followup)}`);
    assert.equal(await baseline.count(), 7, 'the 7 segments of the theme in 2016');
    assert.equal(await followup.count(), 4);
    mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
    await session.page.screenshot({ path: join(repoRoot, 'docs/images/wave-comparison.png') });

    const first = followup.first();
    const file = (await first.getAttribute('data-file')) ?? '';
    await first.click();
    await session.activeTab(file.split('/').pop()!).waitFor({ timeout: 30_000 });
    await eventually(async () => assert.match((await session.statusBarTexts()).join(' | '), /\(\d+ selected\)/), { timeout: 15_000 });
    await session.runCommand('View: Toggle Primary Side Bar Visibility');
  });

  it('narrows the table to the emergent themes and codes, from the keyboard', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Compare Waves');
    await session.activeTab('Compare Waves').waitFor();
    for (const s of ['both', 'baseline-only', 'unused']) await frame().locator(`[data-testid="show-${s}"]`).uncheck();
    await eventually(async () => {
      const statuses = await frame().locator('[data-testid="row-status"]').allTextContents();
      assert.ok(statuses.length > 0 && statuses.every((t) => t.trim() === 'Emergent'), `only emergent rows: ${statuses}`);
    }, { timeout: 15_000 });
    const themes = await frame().locator('[data-testid="compare-row"][data-kind="theme"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-theme')));
    assert.deepEqual(themes, ['workforce', 'expectations', 'covid-19']);
    // Keyboard: focus the first row, arrow down to the next, Enter shows its quotes.
    await row('workforce').locator('[data-testid="row-select"]').focus();
    await session.page.keyboard.press('ArrowDown');
    await session.page.keyboard.press('Enter');
    const code = await frame().locator('[data-testid="compare-row"]').nth(1).getAttribute('data-code');
    await eventually(async () => assert.match((await frame().locator('[data-testid="quotes-heading"]').textContent()) ?? '', /^Workforce shortages › /), { timeout: 15_000 });
    assert.equal(await frame().locator('[data-testid="compare-row"].selected').getAttribute('data-code'), code);
    await frame().locator('[data-testid="baseline-quotes"] [data-testid="no-quotes"]').waitFor({ timeout: 15_000 });
    for (const s of ['both', 'baseline-only', 'unused']) await frame().locator(`[data-testid="show-${s}"]`).check();
  });

  it('exports the comparison with the quotes side by side', async function () {
    const session = vscode();
    await frame().locator('[data-testid="export"]').click();
    await session.pickItem('Markdown: the table, then each theme’s quotes side by side');
    await session.acceptPicks('Themes to include');
    const path = join(session.workspaceDir!, 'wave-comparison.md');
    assert.equal(await session.acceptSaveDialog(path), path, 'the dialog proposes wave-comparison.md in the corpus root');
    const message = await session.waitForNotification(/Exported the wave comparison/);
    assert.match(message, /^QualFrame: Exported the wave comparison \(wave 2016 and 2021, 10 themes\) to wave-comparison\.md\.$/);
    const md = readFileSync(path, 'utf8');
    assert.match(md, /^# Wave comparison: wave 2016 and 2021/);
    assert.match(md, /\n## Workforce shortages\n/);
    assert.match(md, /\[SH0\d\]/);
  });
});
