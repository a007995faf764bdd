// `npm run test:desktop`: the in-host suite (test/e2e/host/) in desktop VS Code, through
// @vscode/test-electron. It downloads VS Code (into .vscode-test/), so it needs the internet;
// without it this says so and exits 2. Linux without a display: run it under `xvfb-run -a`.
// The same suite runs in code-server, offline, as part of `npm run test:e2e` (host-suite.e2e.ts).
//
//   node scripts/test-desktop.mjs [--version 1.100.3|stable]
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHostTests } from '../test/e2e/host/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const versionArg = process.argv.indexOf('--version');
// The oldest VS Code package.json's engines.vscode accepts, as code-server 4.100.3 is.
const version = versionArg > 0 ? process.argv[versionArg + 1] : '1.100.3';
const log = (message) => console.log(`test-desktop: ${message}`);

log('build');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const extensionTestsPath = await buildHostTests();

log(`download VS Code ${version} (cached in .vscode-test/)`);
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(root, '.vscode-test'), timeout: 20_000 });
} catch (e) {
  console.error(
    `test-desktop: could not download VS Code ${version}: ${e instanceof Error ? e.message : e}\n` +
      'test-desktop: desktop VS Code is downloaded from update.code.visualstudio.com, so this needs the internet.\n' +
      'test-desktop: offline, the same in-host suite runs in code-server: npm run test:e2e',
  );
  process.exit(2);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  log('no DISPLAY: VS Code needs one; if it fails to start, run this under `xvfb-run -a`');
}

// A fresh copy of the sample study, so the suite may change files.
const runDir = mkdtempSync(join(tmpdir(), 'qualframe-desktop-'));
const workspace = join(runDir, 'sample-workspace');
cpSync(join(root, 'sample-workspace'), workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; the one under test loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(runDir, 'user-data'),
      '--extensions-dir',
      join(runDir, 'extensions'),
      '--no-sandbox',
    ],
  });
} catch (e) {
  console.error(`test-desktop: the in-host suite failed: ${e instanceof Error ? e.message : e}`);
  code = 1;
} finally {
  rmSync(runDir, { recursive: true, force: true });
}
log(code === 0 ? 'passed' : `failed (exit ${code})`);
process.exitCode = code === 0 ? 0 : 1;
