// `npm test`: build, type-check, lint, then every test suite; ends with one line counted from
// the real runs: `N passed, N failed`. A failed check (build, types, lint) counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = fileURLToPath(new URL('../.test-results/', import.meta.url));
rmSync(results, { recursive: true, force: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, command, args) {
  if (!run(label, command, args)) {
    console.error(`${label}: FAILED`);
    failed++;
  }
}

function suite(label, command, args) {
  const counts = `${results}${label}.json`;
  const ok = run(label, command, args, { QUALFRAME_TEST_COUNTS: counts });
  if (!existsSync(counts)) {
    console.error(`${label}: did not run (exit ${ok ? 0 : 'non-zero'})`);
    failed++;
    return;
  }
  const c = JSON.parse(readFileSync(counts, 'utf8'));
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped ?? 0;
  if (!ok && c.failed === 0) failed++;
}

const node = process.execPath;
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
check('build', node, ['scripts/build.mjs']);
check('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
check('typecheck webview', bin('tsc'), ['--noEmit', '-p', 'webview']);
check('lint', bin('eslint'), ['.']);
// The unit suite validates REFI-QDA exports with xmllint (Debian's libxml2-utils), which the
// same setup installs with code-server and Chromium; idempotent, so e2e's own call is a no-op.
check('setup', node, ['scripts/setup-vscode.mjs']);
suite('unit', bin('mocha'), []);
// End-to-end in a real VS Code (code-server + Chromium; installed on first use, see
// scripts/setup-vscode.mjs). Its counts join the line below like the unit suite's.
suite('e2e', node, ['scripts/e2e.mjs']);

console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
