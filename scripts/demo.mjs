// `npm run demo`: QualFrame in VS Code in the browser, on the sample study.
// Builds and packages the extension (.vsix), installs it into a demo profile of code-server
// (installed by scripts/setup-vscode.mjs), opens a fresh copy of sample-workspace/ (so the demo
// never changes the repository) and serves it on http://127.0.0.1:8080 (or the next free port)
// until Ctrl+C. With a display (DISPLAY set, not CI) it opens the browser too.
//
//   node scripts/demo.mjs             serve until Ctrl+C
//   node scripts/demo.mjs --port 9000 another port (or the next free one after it)
//   node scripts/demo.mjs --check     start, load the workbench in headless Chromium, wait until
//                                     QualFrame is active (its status bar item), print OK, exit
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const check = process.argv.includes('--check');
const portArg = process.argv.indexOf('--port');
const preferredPort = portArg > 0 ? Number(process.argv[portArg + 1]) : 8080;
const entry = join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const demoDir = join(root, '.vscode-test', 'demo');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, '.vscode-test', `${name}-${version}.vsix`);
const log = (message) => console.log(`demo: ${message}`);

function step(title, args, { quiet = false } = {}) {
  log(title);
  const r = spawnSync(node, args, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout}${r.stderr}`);
    console.error(`demo: ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(2);
  }
  return r;
}

async function freePort(from) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let port = from; port < from + 100; port++) if (await tryPort(port)) return port;
  throw new Error(`no free port from ${from} to ${from + 99}`);
}

// 1. Build and package (a production build; also builds the command line used next).
step(`build and package ${name}-${version}.vsix`, ['scripts/package.mjs'], { quiet: true });

// 2. The sample study on the command line.
if (!check) {
  const sample = join(root, 'sample-workspace');
  console.log('\n$ qualframe validate --root sample-workspace');
  spawnSync(node, ['bin/qualframe.js', 'validate', '--root', sample], { cwd: root, stdio: 'inherit' });
  console.log('\n$ qualframe stats --root sample-workspace');
  spawnSync(node, ['bin/qualframe.js', 'stats', '--root', sample], { cwd: root, stdio: 'inherit' });
  console.log('');
}

// 3. VS Code (code-server) with the packaged extension in a fresh demo profile.
step('setup code-server (once; later runs skip it)', ['scripts/setup-vscode.mjs']);
rmSync(demoDir, { recursive: true, force: true });
const userData = join(demoDir, 'user-data');
const extensions = join(demoDir, 'extensions');
const workspace = join(demoDir, 'sample-workspace');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'security.workspace.trust.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
    },
    null,
    2,
  ),
);
cpSync(join(root, 'sample-workspace'), workspace, { recursive: true });
const env = {
  ...process.env,
  EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
  XDG_CONFIG_HOME: join(demoDir, 'xdg', 'config'),
  XDG_DATA_HOME: join(demoDir, 'xdg', 'data'),
  XDG_CACHE_HOME: join(demoDir, 'xdg', 'cache'),
};
const profile = ['--user-data-dir', userData, '--extensions-dir', extensions];
log(`install ${name}-${version}.vsix into the demo profile`);
const installed = spawnSync(node, [entry, ...profile, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
if (installed.status !== 0) {
  console.error(`${installed.stdout}${installed.stderr}\ndemo: --install-extension failed (exit ${installed.status})`);
  process.exit(2);
}

const port = await freePort(preferredPort);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
const serverLog = join(demoDir, 'code-server.log');
const args = [
  entry,
  '--bind-addr',
  `127.0.0.1:${port}`,
  '--auth',
  'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  ...profile,
];
const server = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const out = createWriteStream(serverLog);
server.stdout.pipe(out);
server.stderr.pipe(out);
let stopping = false;
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
exited.then(({ code, signal }) => {
  if (!stopping) {
    console.error(`demo: code-server stopped unexpectedly (${signal ?? `exit ${code}`}); see ${serverLog}`);
    process.exit(1);
  }
});

async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const done = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))]);
  try {
    process.kill(-server.pid, 'SIGKILL'); // whatever of its group is left
  } catch {
    // all gone
  }
  if (!done) await exited;
}

async function waitForHealth(timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeout / 1000} s; see ${serverLog}`);
}

/** Loads the workbench in headless Chromium and waits for QualFrame's status bar item. */
async function checkWorkbench() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    log('workbench loaded; waiting for QualFrame to activate');
    const item = page.locator('#workbench\\.parts\\.statusbar .statusbar-item-label', { hasText: /\d+ documents?/ }).first();
    try {
      await item.waitFor({ timeout: 90_000 });
    } catch (e) {
      const shot = join(demoDir, 'check-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`QualFrame's status bar item did not appear (screenshot: ${shot}; server log: ${serverLog})`, { cause: e });
    }
    return ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  } finally {
    await browser.close();
  }
}

process.on('SIGINT', () => {
  console.log('');
  log('stopping code-server');
  void stop().then(() => process.exit(0));
});
process.on('SIGTERM', () => void stop().then(() => process.exit(0)));

try {
  await waitForHealth();
} catch (e) {
  console.error(`demo: ${e.message}`);
  await stop();
  process.exit(1);
}

if (check) {
  try {
    const text = await checkWorkbench();
    log(`status bar: ${text}`);
    console.log('OK');
    await stop();
    process.exit(0);
  } catch (e) {
    console.error(`demo --check: ${e.message}`);
    await stop();
    process.exit(1);
  }
}

console.log(`
QualFrame ${version} in VS Code (code-server), on a fresh copy of the sample study:

  ${url}

Open it in a browser on this machine. Press Ctrl+C to stop.
(The copy is ${workspace}; the repository's sample-workspace/ is not changed.)
`);
if (process.env.DISPLAY && !process.env.CI && existsSync('/usr/bin/xdg-open')) {
  spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
