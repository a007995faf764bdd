// `npm run setup:vscode`: installs a real VS Code for the end-to-end tests and the demo, offline
// but for the npm registry and Debian: code-server (VS Code in the browser) from npm into
// .vscode-test/code-server/, plus the Debian packages it builds against and the Chromium the
// tests drive. The recipe is ../shared/notes/e2e.md. Idempotent: a stamp file makes a second
// run a no-op. Never runs code-server's own postinstall (it downloads ripgrep from GitHub).
import { spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3';
const RECIPE = 1; // bump when the steps below change, so installed copies are redone
const APT_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'ripgrep', 'chromium', 'libxml2-utils'];
const NATIVE_VSCODE_MODULES = ['kerberos', '@parcel/watcher', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'];

const root = fileURLToPath(new URL('..', import.meta.url));
const installDir = join(root, '.vscode-test', 'code-server');
const codeServerEntry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = '/usr/bin/chromium';
const stampFile = join(installDir, '.qualframe-setup-stamp');
const wantedStamp = JSON.stringify({ codeServer: CODE_SERVER_VERSION, recipe: RECIPE, abi: process.versions.modules });

const started = Date.now();
const log = (message) => console.log(`setup-vscode: ${message}`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`setup-vscode: ${message}`);
  process.exit(1);
}

/** Runs a command with inherited output; exits the script when it fails. */
function sh(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (r.error) fail(`${command} could not be started: ${r.error.message}`);
  if (r.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}) in ${options.cwd ?? process.cwd()}`);
}

function upToDate() {
  if (!existsSync(stampFile) || !existsSync(codeServerEntry) || !existsSync(chromiumPath)) return false;
  return readFileSync(stampFile, 'utf8').trim() === wantedStamp;
}

function missingAptPackages() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\\n', ...APT_PACKAGES], { encoding: 'utf8' });
  if (r.error) return { unknown: true, missing: APT_PACKAGES };
  const installed = new Set(
    r.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ')[0].replace(/:.*$/, '')),
  );
  return { unknown: false, missing: APT_PACKAGES.filter((p) => !installed.has(p)) };
}

function ensureAptPackages() {
  const { unknown, missing } = missingAptPackages();
  if (missing.length === 0) {
    log('Debian packages: all present');
    return;
  }
  const line = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (unknown) fail(`dpkg-query is not available (not Debian?). Install the equivalents of: ${APT_PACKAGES.join(' ')}`);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    fail(`missing Debian packages: ${missing.join(' ')}. Install them as root, then run again:\n  sudo sh -c '${line}'`);
  }
  log(`Debian packages: installing ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update'], { env });
  sh('apt-get', ['install', '-y', ...APT_PACKAGES], { env });
}

/** Makes `link -> target` (a relative target), replacing whatever is at `link`. */
function link(linkPath, target) {
  try {
    lstatSync(linkPath);
    rmSync(linkPath, { recursive: true, force: true });
  } catch {
    // nothing there yet
  }
  symlinkSync(target, linkPath);
}

function main() {
  if (!process.argv.includes('--force') && upToDate()) {
    // A package added to the list since the install (xmllint for the REFI-QDA tests) still arrives.
    ensureAptPackages();
    log(`code-server ${CODE_SERVER_VERSION} is installed (${installDir}); nothing to do`);
    return;
  }
  if (Number(process.versions.node.split('.')[0]) !== 20) {
    fail(`code-server ${CODE_SERVER_VERSION} needs Node 20.x; this is ${process.version}`);
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir}`);

  log('[1/7] Debian packages');
  ensureAptPackages();

  // node-gyp must build against the installed node's headers, never download them.
  const nodedir = dirname(dirname(process.execPath));
  if (!existsSync(join(nodedir, 'include', 'node', 'node.h'))) {
    fail(`no Node headers at ${join(nodedir, 'include', 'node', 'node.h')}; node-gyp would download them`);
  }
  const npmEnv = {
    npm_config_nodedir: nodedir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
  };
  const npm = (args, cwd, env = {}) => sh('npm', args, { cwd, env: { ...npmEnv, ...env } });

  rmSync(stampFile, { force: true });
  mkdirSync(installDir, { recursive: true });
  // Its own package.json, so npm does not walk up and install into the project.
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({ name: 'qualframe-code-server', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2) + '\n',
  );

  log(`[2/7] npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts (${elapsed()})`);
  npm(['install', '--ignore-scripts', '--no-package-lock'], installDir);

  log(`[3/7] rebuild argon2 from source (${elapsed()})`);
  npm(['rebuild', 'argon2'], installDir, { npm_config_build_from_source: 'true' });

  const vscodeDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  log(`[4/7] VS Code server modules: npm install --omit=dev --ignore-scripts, rebuild native modules (${elapsed()})`);
  npm(['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  npm(['rebuild', ...NATIVE_VSCODE_MODULES], vscodeDir, { npm_config_yes: 'true' });

  log(`[5/7] ripgrep and links (${elapsed()})`);
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) fail('ripgrep (rg) is not on PATH');
  const rgTarget = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rgTarget), { recursive: true });
  rmSync(rgTarget, { force: true });
  copyFileSync(rg, rgTarget);
  chmodSync(rgTarget, 0o755);
  link(join(vscodeDir, 'node_modules.asar'), 'node_modules');
  link(join(vscodeDir, 'bin', 'remote-cli', 'code-server'), 'code-linux.sh');
  link(join(vscodeDir, 'bin', 'helpers', 'browser.sh'), 'browser-linux.sh');

  log(`[6/7] built-in extensions: npm install --omit=dev (${elapsed()})`);
  npm(['install', '--omit=dev'], join(vscodeDir, 'extensions'));

  log(`[7/7] smoke check (${elapsed()})`);
  const requireFromVscode = createRequire(join(vscodeDir, 'package.json'));
  for (const name of NATIVE_VSCODE_MODULES) {
    try {
      requireFromVscode(name);
    } catch (e) {
      fail(`native module ${name} does not load: ${e instanceof Error ? e.message : e}`);
    }
  }
  try {
    createRequire(join(installDir, 'node_modules', 'code-server', 'package.json'))('argon2');
  } catch (e) {
    fail(`native module argon2 does not load: ${e instanceof Error ? e.message : e}`);
  }
  const version = spawnSync(process.execPath, [codeServerEntry, '--version'], { encoding: 'utf8', env: { ...process.env, ...isolatedXdg() } });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    fail(`code-server --version failed (exit ${version.status}):\n${version.stdout}${version.stderr}`);
  }
  const chromium = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' });
  if (chromium.status !== 0) fail(`${chromiumPath} --version failed:\n${chromium.stderr}`);

  writeFileSync(stampFile, wantedStamp + '\n');
  const versionLine = version.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION)) ?? CODE_SERVER_VERSION;
  log(`ready: code-server ${versionLine.trim()}; ${chromium.stdout.trim()} (${elapsed()})`);
}

/** code-server writes to XDG dirs even for --version; keep that out of the home directory. */
function isolatedXdg() {
  const base = join(root, '.vscode-test', 'setup-xdg');
  return { XDG_CONFIG_HOME: join(base, 'config'), XDG_DATA_HOME: join(base, 'data'), XDG_CACHE_HOME: join(base, 'cache') };
}

main();
