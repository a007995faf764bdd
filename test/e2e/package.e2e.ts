// The packaged extension: `npm run package` builds the .vsix, code-server installs it with
// --install-extension into a fresh profile, and it activates on the sample workspace like the
// development copy does.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, useVSCode } from './harness';
import { repoRoot } from './paths';

const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = join(repoRoot, '.vscode-test', `${name}-${version}.vsix`);

describe('The packaged extension (.vsix)', function () {
  before(function () {
    this.timeout(180_000);
    // What `npm run package` runs.
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    assert.ok(existsSync(vsix), `${vsix} was not written`);
  });
  const vscode = useVSCode({ name: 'package', extensionDevelopmentPath: null, installExtensions: [vsix] });

  it('is installed with --install-extension and activates on the sample workspace', async function () {
    const session = vscode();
    assert.doesNotMatch(await session.page.title(), /Extension Development Host/, 'the installed copy, not a development one');
    await eventually(() => {
      const line = session.extensionHostLog().split('\n').find((l) => l.includes('_doActivateExtension qualframe.qualframe'));
      assert.ok(line, 'the extension host log has no activation of qualframe.qualframe');
    }, { timeout: 60_000 });
    const item = await eventually(async () => {
      const found = await session.readStatusBarItem(/\d+ documents?/, 5_000).catch(async () => {
        throw new Error(`no QualFrame item in the status bar; it shows: ${JSON.stringify(await session.statusBarTexts())}`);
      });
      assert.equal(found.text, '13 documents · 12 cases · 67 annotations');
      return found;
    }, { timeout: 60_000 });
    assert.deepEqual(item.codicons, ['book']);
  });
});
