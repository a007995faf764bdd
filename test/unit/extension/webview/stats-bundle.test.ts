import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as path from 'node:path';

// The stats panel's browser bundle, built as scripts/build.mjs builds it but in memory and
// without licence comments: whatever remains is code and CSS, which must load nothing remote.
const root = path.resolve(__dirname, '../../../..');

describe('the stats webview bundle', function () {
  this.timeout(60_000);
  let js = '';
  let css = '';

  before(async () => {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { stats: 'webview/stats/main.ts' },
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      outdir: 'out/stats-bundle-test',
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
    for (const tag of ['vscode-button', 'vscode-badge', 'vscode-progress-ring']) assert.ok(js.includes(`"${tag}"`), `${tag} is bundled`);
  });

  it('loads no remote resource', () => {
    assert.doesNotMatch(js, /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|importScripts|\bimport\(|sendBeacon/);
    assert.doesNotMatch(css, /@import|url\(/);
    // The one URL left is a help link in a console warning of vscode-icon (unused here).
    const urls = new Set(js.match(/https?:\/\/[^\s"'`)]+/g) ?? []);
    for (const url of urls) assert.equal(url, 'https://vscode-elements.github.io/components/icon/', `unexpected URL ${url}`);
  });

  it('never requires Node or vscode', () => {
    assert.doesNotMatch(js, /\brequire\(["'](?:vscode|node:|fs|path|child_process)/);
  });
});
