// The QualFrame container in the activity bar: the Cases view (cases grouped by wave) and the
// Codebook view (themes and their codes, with how many segments each is applied to).
import * as assert from 'node:assert/strict';
import { eventually, useVSCode } from './harness';

describe('The QualFrame views', function () {
  const vscode = useVSCode({ name: 'views' });

  it('has a QualFrame container in the activity bar with the Cases and Codebook views', async function () {
    const session = vscode();
    await session.openViewContainer('QualFrame');
    await session.treeView('Cases').pane().waitFor();
    await session.treeView('Codebook').pane().waitFor();
  });

  it('groups the cases by wave', async function () {
    const cases = vscode().treeView('Cases');
    await eventually(async () => {
      const top = (await cases.waitForRows()).filter((r) => r.level === 1).map((r) => ({ label: r.label, description: r.description }));
      assert.deepEqual(top, [
        { label: 'wave 2016', description: '6 cases' },
        { label: 'wave 2021', description: '7 cases' },
      ]);
    }, { timeout: 60_000 });
  });

  it('lists the cases of wave 2021 with their attributes', async function () {
    const cases = vscode().treeView('Cases');
    await cases.expand('wave 2021');
    await eventually(async () => {
      const rows = (await cases.rows()).filter((r) => r.level === 2);
      const byLabel = new Map(rows.map((r) => [r.label, r.description]));
      assert.ok(byLabel.has('P3'), `P3 (interviewed in both waves) under wave 2021; rows: ${JSON.stringify(rows)}`);
      assert.ok(byLabel.has('SH01'), `SH01 under wave 2021; rows: ${JSON.stringify(rows)}`);
      assert.match(byLabel.get('SH01')!, /National stakeholder · Government/);
      assert.match(byLabel.get('P3')!, /Health board lead · NHS board/);
      assert.equal(rows.length, 7, `seven cases in wave 2021: ${JSON.stringify(rows.map((r) => r.label))}`);
    });
  });

  /**
   * Collapses the Cases view, as a person would to read the codebook: the sidebar holds four
   * views, and rows out of sight are not drawn (so a test cannot read them).
   */
  async function roomForTheCodebook(): Promise<void> {
    const header = vscode().treeView('Cases').pane().locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') return;
    await header.locator('.title').click();
    await eventually(async () => assert.equal(await header.getAttribute('aria-expanded'), 'false', 'the Cases view is collapsed'), { timeout: 10_000 });
  }

  it('lists the themes of the codebook, expandable to their codes', async function () {
    const codebook = vscode().treeView('Codebook');
    await roomForTheCodebook();
    const themes = await eventually(async () => {
      const rows = (await codebook.waitForRows()).filter((r) => r.level === 1);
      assert.ok(rows.some((r) => r.label === 'Workforce shortages'), `themes: ${JSON.stringify(rows.map((r) => r.label))}`);
      return rows;
    }, { timeout: 60_000 });
    const workforce = themes.find((r) => r.label === 'Workforce shortages')!;
    assert.match(workforce.description, /^\d+ segments?$/);
    assert.equal(workforce.expanded, false, 'a theme with codes can be expanded');
    await codebook.expand('Workforce shortages');
    await eventually(async () => {
      const rows = await codebook.rows();
      const at = rows.findIndex((r) => r.label === 'Workforce shortages');
      const codes = rows.slice(at + 1).filter((r) => r.level === 2).map((r) => r.label);
      assert.deepEqual(codes.slice(0, 2), ['Recruitment and retention', 'Workload pressure']);
    });
  });

  it('counts a code’s segments and cases per wave, lists its segments, and opens one', async function () {
    const session = vscode();
    const codebook = session.treeView('Codebook');
    const code = await eventually(async () => {
      const row = (await codebook.rows()).find((r) => r.label === 'Recruitment and retention');
      assert.ok(row, 'the code is shown under its theme');
      return row;
    });
    assert.equal(code.description, '4 segments · 2016: 0 cases · 2021: 4 cases');
    await roomForTheCodebook();
    await codebook.expand('Recruitment and retention');
    const segments = await eventually(async () => {
      const rows = await codebook.rows();
      const at = rows.findIndex((r) => r.label === 'Recruitment and retention');
      const children = rows.slice(at + 1).filter((r) => r.level === 3);
      assert.equal(children.length, 4);
      return children;
    });
    const sh02 = segments.find((r) => r.description === 'SH02 · transcripts/2021/SH02.md');
    assert.ok(sh02, JSON.stringify(segments));
    assert.equal(sh02.label, 'there was no locum to backfill them');
    await codebook.row(sh02.label).click();
    await session.activeTab('SH02.md').waitFor();
    await eventually(async () => assert.match(await session.statusBarTexts().then((t) => t.join(' | ')), /\(35 selected\)/), { timeout: 15_000 });
  });
});
