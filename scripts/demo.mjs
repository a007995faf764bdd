// `npm run demo`, for now: the QualFrame CLI on the sample study (the VS Code demo arrives with
// the extension shell). Builds first, so a change is always what the demo shows.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = fileURLToPath(new URL('../sample-workspace', import.meta.url));
const node = process.execPath;
const step = (title, args) => {
  console.log(`\n$ ${title}`);
  return spawnSync(node, args, { cwd: root, stdio: 'inherit' }).status;
};
if (step('npm run build', ['scripts/build.mjs']) !== 0) process.exit(2);
const validate = step('qualframe validate --root sample-workspace', ['bin/qualframe.js', 'validate', '--root', sample]);
const stats = step('qualframe stats --root sample-workspace', ['bin/qualframe.js', 'stats', '--root', sample]);
console.log('\nThe sample study is in sample-workspace/: transcripts/2016 (baseline) and transcripts/2021 (follow-up).');
process.exitCode = Math.max(validate ?? 2, stats ?? 2);
