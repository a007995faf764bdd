// `npm run package`: a production build, then the .vsix with vsce, offline:
// .vscode-test/qualframe-<version>.vsix (git-ignored). `--out FILE` puts it elsewhere.
// What goes in is .vscodeignore's business; `--no-dependencies` because every runtime
// dependency is bundled into dist/ by esbuild.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, '.vscode-test', `${name}-${version}.vsix`);

function run(title, command, args) {
  console.log(`package: ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) {
    console.error(`package: ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

run('production build', process.execPath, ['scripts/build.mjs', '--production']);
mkdirSync(dirname(out), { recursive: true });
run(`vsce package -> ${relative(root, out)}`, process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  // package.json has no "repository" (the project is private); README links stay relative.
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  out,
]);
console.log(`package: ${relative(root, out)} (${Math.round(statSync(out).size / 1024)} KiB)`);
