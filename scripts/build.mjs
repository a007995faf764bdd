// One esbuild script, several bundles: the extension (node, cjs, `vscode` external), the CLI,
// and one browser bundle per webview panel (webview/<panel>/main.ts -> media/webview/<panel>.js
// and .css, @vscode-elements and all bundled: a panel loads nothing remote). `--watch`
// rebuilds on change; `--production` (or NODE_ENV=production) minifies the panels and drops
// their source maps.
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';

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

/** The webview panels: each is `webview/<name>/main.ts`, served by a PanelHost with bundle `<name>`. */
const webviewPanels = ['stats', 'matrix', 'compare', 'agreement'];

const webviews = {
  absWorkingDir: root,
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  entryPoints: Object.fromEntries(webviewPanels.map((name) => [name, `webview/${name}/main.ts`])),
  outdir: 'media/webview',
  minify: production,
  sourcemap: production ? false : 'linked',
  // Lit's and vscode-elements' licence notices stay in the bundle.
  legalComments: 'eof',
  logLevel: 'warning',
};

const bundles = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // exceljs and docx, loaded only when exporting XLSX or DOCX (src/node/export/load-office-writers.ts).
  { ...node, entryPoints: ['src/node/export/office-writers.ts'], outfile: 'dist/office-writers.js' },
  // mammoth, loaded only when a .docx transcript is imported (src/node/import/docx-html.ts).
  { ...node, entryPoints: ['src/node/import/docx-reader.ts'], outfile: 'dist/docx-reader.js' },
  webviews,
];

// Build output only: a stale bundle or source map of a removed panel or an earlier
// development build must not reach the .vsix.
rmSync(new URL('../media/webview', import.meta.url), { recursive: true, force: true });

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('build: watching for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
