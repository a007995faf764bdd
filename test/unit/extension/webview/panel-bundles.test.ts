import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as path from 'node:path';

// Each panel's browser bundle, built as scripts/build.mjs builds it but in memory and without
// licence comments: whatever remains is code and CSS, which must load nothing remote.
const root = path.resolve(__dirname, '../../../..');

/** Per panel: the components it must bundle, and the URLs that may appear in library text (help links, never loaded). */
const PANELS = {
  stats: { tags: ['vscode-button', 'vscode-badge', 'vscode-progress-ring'], urls: ['https://vscode-elements.github.io/components/icon/'] },
  matrix: {
    tags: ['vscode-button', 'vscode-textarea'],
    urls: ['https://vscode-elements.github.io/components/icon/', 'https://developer.mozilla.org/en-US/docs/Web/API/HTMLInputElement/checkValidity'],
  },
  agreement: { tags: ['vscode-button', 'vscode-progress-ring'], urls: ['https://vscode-elements.github.io/components/icon/'] },
} as const;

for (const [panel, expected] of Object.entries(PANELS)) describe(`the ${panel} webview bundle`, function () {
  this.timeout(60_000);
  let js = '';
  let css = '';

  before(async () => {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { [panel]: `webview/${panel}/main.ts` },
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      outdir: `out/${panel}-bundle-test`,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    for (const file of result.outputFiles) {
      if (file.path.endsWith('.js')) js = file.text;
      if (file.path.endsWith('.css')) css = file.text;
    }
  });

  it('builds a script and a stylesheet, with the vscode-elements components in it', () => {
    assert.ok(js.length > 0 && css.length > 0);
    for (const tag of expected.tags) assert.ok(js.includes(`"${tag}"`), `${tag} is bundled`);
  });

  it('loads no remote resource', () => {
    assert.doesNotMatch(js, /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|importScripts|\bimport\(|sendBeacon/);
    assert.doesNotMatch(css, /@import|url\(/);
    // What URLs remain are help links in the components' messages and comments.
    const urls = new Set(js.match(/https?:\/\/[^\s"'`)]+/g) ?? []);
    for (const url of urls) assert.ok((expected.urls as readonly string[]).includes(url), `unexpected URL ${url}`);
  });

  it('never requires Node or vscode', () => {
    assert.doesNotMatch(js, /\brequire\(["'](?:vscode|node:|fs|path|child_process)/);
  });
});
