// One esbuild script, several bundles: the extension (node, cjs, `vscode` external) and the
// CLI. Webview bundles (browser) join here as panels arrive. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const node = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { QUALFRAME_VERSION: JSON.stringify(version) },
};

const bundles = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('build: watching for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
