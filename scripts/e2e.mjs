// `npm run test:e2e`: the end-to-end suite in a real VS Code (code-server, driven through
// Chromium by playwright-core). Installs code-server when needed (scripts/setup-vscode.mjs),
// builds, then runs mocha over test/e2e/**/*.e2e.ts, one file at a time, each file with its own
// code-server. Counts go to $QUALFRAME_TEST_COUNTS (the count reporter), for `npm test`.
// Arguments are passed to mocha: `npm run test:e2e -- test/e2e/views.e2e.ts` or `-- --grep status`.
// Failed tests leave a screenshot and logs in test-results/<test name>/.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const started = Date.now();

function step(title, args) {
  console.log(`e2e: ${title}`);
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`e2e: ${title} failed (exit ${r.status ?? r.signal}); no end-to-end test ran`);
    process.exit(1);
  }
}

step('setup (code-server, Chromium)', ['scripts/setup-vscode.mjs']);
step('build', ['scripts/build.mjs']);
rmSync(new URL('../test-results', import.meta.url), { recursive: true, force: true });

const extra = process.argv.slice(2);
const specs = extra.some((a) => !a.startsWith('-')) ? [] : ['test/e2e/**/*.e2e.ts'];
const mocha = fileURLToPath(new URL('../node_modules/mocha/bin/mocha.js', import.meta.url));
const args = [
  mocha,
  '--no-config', // .mocharc.json is the unit suite's
  '--require',
  'tsx/cjs',
  '--extension',
  'ts',
  '--timeout',
  '120000',
  '--slow',
  '30000',
  '--reporter',
  './scripts/mocha-count-reporter.cjs',
  '--exit', // a stray browser or server handle must not keep the run alive
  ...specs,
  ...extra,
];
console.log('e2e: mocha (one code-server and one Chromium per test file)');
const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
console.log(`e2e: finished in ${Math.round((Date.now() - started) / 1000)} s${r.status ? `; failures leave screenshots and logs in test-results/` : ''}`);
process.exitCode = r.status ?? 1;
