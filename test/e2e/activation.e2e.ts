// Opening the sample study activates QualFrame; the status bar shows the corpus at a glance and
// opens the Corpus Statistics panel.
import * as assert from 'node:assert/strict';
import { eventually, useVSCode, type VSCodeSession } from './harness';

const COUNTS = '13 documents · 12 cases · 67 annotations';

async function countsItem(session: VSCodeSession) {
  return eventually(async () => {
    const item = await session.readStatusBarItem(/\d+ documents?/, 5_000).catch(async () => {
      throw new Error(`no QualFrame item in the status bar; it shows: ${JSON.stringify(await session.statusBarTexts())}`);
    });
    assert.equal(item.text, COUNTS);
    return item;
  }, { timeout: 60_000 });
}

async function expectStatisticsPanel(session: VSCodeSession): Promise<void> {
  await session.activeTab('Corpus Statistics').waitFor({ timeout: 30_000 });
  const frame = session.webviewFrame();
  try {
    await eventually(async () => {
      const read = async (id: string) => ((await frame.locator(`[data-testid="${id}"]`).first().textContent({ timeout: 2_000 })) ?? '').trim();
      assert.deepEqual(
        { documents: await read('documents'), cases: await read('cases'), annotations: await read('annotations') },
        { documents: '13', cases: '12', annotations: '67' },
      );
    }, { timeout: 30_000 });
  } catch (e) {
    // What the workbench said about it (a panel that throws while rendering leaves it blank).
    const errors = session.browserConsole.filter((l) => l.startsWith('[error]') && !/Failed to load resource/.test(l));
    const notes = await session.notifications();
    throw new Error(
      `the Corpus Statistics panel does not show the counts: ${e instanceof Error ? e.message.split('\n')[0] : e}\n` +
        `browser console errors: ${JSON.stringify(errors)}\nnotifications: ${JSON.stringify(notes)}`,
    );
  }
  const heading = await frame.locator('h1').first().textContent();
  assert.equal(heading?.trim(), 'Corpus Statistics');
}

describe('Activation and the status bar', function () {
  const vscode = useVSCode({ name: 'activation' });

  it('activates on opening the sample workspace (workspaceContains:**/qualframe.yaml)', async function () {
    const session = vscode();
    await eventually(() => {
      const log = session.extensionHostLog();
      const line = log.split('\n').find((l) => l.includes('_doActivateExtension qualframe.qualframe'));
      assert.ok(line, 'the extension host log has no activation of qualframe.qualframe');
      assert.match(line, /activationEvent: 'workspaceContains:[^']*\*\*\/qualframe\.yaml/);
    }, { timeout: 60_000 });
    assert.match(await session.page.title(), /\[Extension Development Host\]/);
  });

  it(`shows "$(book) ${COUNTS}" in the status bar`, async function () {
    const item = await countsItem(vscode());
    assert.deepEqual(item.codicons, ['book'], 'a $(book) icon before the counts');
    assert.doesNotMatch(item.text, /orphan/, 'no orphans in the sample study, so none mentioned');
  });

  it('opens the Corpus Statistics panel with the counts when the item is clicked', async function () {
    const session = vscode();
    const item = await countsItem(session);
    await item.locator.click();
    await expectStatisticsPanel(session);
  });

  it('opens the Corpus Statistics panel from "QualFrame: Show Corpus Statistics"', async function () {
    const session = vscode();
    await session.runCommand('View: Close All Editors');
    await eventually(async () => assert.deepEqual(await session.tabTitles(), []));
    await session.runCommand('QualFrame: Show Corpus Statistics');
    await expectStatisticsPanel(session);
  });
});
