// Runs before `npm test` and `npm run demo` on a fresh clone. Uses nothing but Node itself:
// installs node_modules when missing or out of date with package-lock.json (which also builds,
// through the `prepare` script), so the two quick-start commands work with no other step.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = new URL('../package-lock.json', import.meta.url);
const stamp = new URL('../node_modules/.qualframe-install-stamp', import.meta.url);
const wanted = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'no-lock';

const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (installed !== wanted || !existsSync(new URL('../node_modules/.bin', import.meta.url))) {
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`bootstrap: npm ${args[0]} (node_modules ${installed ? 'out of date' : 'missing'})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bootstrap: npm ${args[0]} failed (exit ${r.status}); see the output above`);
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, wanted + '\n');
}
