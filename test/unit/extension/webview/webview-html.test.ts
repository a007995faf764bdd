import assert from 'node:assert/strict';
import {
  createNonce,
  panelAssetFiles,
  panelContentSecurityPolicy,
  renderPanelHtml,
  type PanelHtmlParts,
} from '../../../../src/extension/webview/webview-html';

// What VS Code passes in a desktop window (the resource origin is VS Code's own CDN alias for
// local files, not a remote server).
const cspSource = 'https://*.vscode-cdn.net';
const parts: PanelHtmlParts = {
  nonce: createNonce(),
  cspSource,
  scriptUri: 'https://file%2B.vscode-resource.vscode-cdn.net/ext/media/webview/stats.js',
  styleUri: 'https://file%2B.vscode-resource.vscode-cdn.net/ext/media/webview/stats.css',
  title: 'Corpus Statistics',
  panel: 'stats',
};

interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** Every start tag of the page, its attributes parsed; fails on anything but `name="value"` attributes. */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const [whole, name, rest] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    assert.match(rest, /^(?:\s+[a-z-]+(?:="[^"]*")?)*\s*$/, `malformed attributes in ${whole}`);
    const attributes = new Map<string, string>();
    for (const [, attr, value] of rest.matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)) {
      assert.ok(!attributes.has(attr), `${attr} twice in ${whole}`);
      attributes.set(attr, value ?? '');
    }
    tags.push({ name: name.toLowerCase(), attributes });
  }
  return tags;
}

function cspOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page has a CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const directive of content.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    assert.ok(!directives.has(name), `${name} appears once`);
    directives.set(name, sources);
  }
  return directives;
}

describe('panel HTML', () => {
  const html = renderPanelHtml(parts);

  it('has a strict CSP: nothing by default, scripts by nonce only, the rest from the webview resource origin', () => {
    const csp = cspOf(html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${parts.nonce}'`]);
    assert.deepEqual(csp.get('style-src'), [cspSource, `'nonce-${parts.nonce}'`]);
    assert.deepEqual(csp.get('img-src'), [cspSource]);
    assert.deepEqual(csp.get('font-src'), [cspSource]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'none'"]);
  });

  it('allows no other origin, no inline code, no eval', () => {
    for (const [name, sources] of cspOf(html)) {
      for (const source of sources) {
        assert.ok(source === cspSource || source === "'none'" || source === `'nonce-${parts.nonce}'`, `${name} allows ${source}`);
      }
    }
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|\bdata:|\bblob:|\*(?!\.vscode-cdn\.net)/);
  });

  it('puts this render\'s nonce on every script and stylesheet, and loads only the built assets', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes, new RegExp(`\\bnonce="${parts.nonce}"`));
      assert.match(attributes, new RegExp(`\\bsrc="${parts.scriptUri}"`));
      assert.equal(body, '', 'no inline script');
    }
    const links = [...html.matchAll(/<link\b([^>]*)>/g)];
    assert.equal(links.length, 1);
    assert.match(links[0][1], new RegExp(`\\bnonce="${parts.nonce}"`));
    assert.match(links[0][1], new RegExp(`\\bhref="${parts.styleUri}"`));
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(urls.sort(), [parts.scriptUri, parts.styleUri].sort());
    assert.doesNotMatch(html, /<style\b|<iframe\b|<object\b|<embed\b|<base\b|<form\b/i);
  });

  it('has no inline event handlers or style attributes', () => {
    for (const tag of tagsOf(html)) {
      for (const name of tag.attributes.keys()) assert.ok(!name.startsWith('on') && name !== 'style', `<${tag.name} ${name}>`);
    }
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('escapes what it is given instead of interpolating markup', () => {
    const hostile = renderPanelHtml({
      ...parts,
      title: '</title><script>alert(1)</script>',
      scriptUri: 'https://x.vscode-cdn.net/a.js" onload="alert(1)',
      panel: 'stats" onclick="x',
    });
    const tags = tagsOf(hostile);
    assert.deepEqual(tags.map((t) => t.name), tagsOf(html).map((t) => t.name), 'no tag was added');
    for (const tag of tags) for (const name of tag.attributes.keys()) assert.ok(!name.startsWith('on'), `<${tag.name} ${name}>`);
    assert.equal(tags.find((t) => t.name === 'script')?.attributes.get('src'), 'https://x.vscode-cdn.net/a.js&quot; onload=&quot;alert(1)');
    assert.equal(tags.find((t) => t.name === 'body')?.attributes.get('data-panel'), 'stats&quot; onclick=&quot;x');
    assert.match(hostile, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
  });

  it('holds no corpus data: the body is an empty root for the panel script', () => {
    assert.match(html, /<body data-panel="stats">\s*<main id="root" aria-busy="true"><\/main>\s*<script /);
  });

  it('refuses a nonce or cspSource that would change the policy', () => {
    assert.throws(() => panelContentSecurityPolicy("abc' 'unsafe-inline", cspSource), /nonce/);
    assert.throws(() => panelContentSecurityPolicy('short', cspSource), /nonce/);
    assert.throws(() => panelContentSecurityPolicy(createNonce(), "x; script-src 'unsafe-inline'"), /cspSource/);
    assert.throws(() => panelContentSecurityPolicy(createNonce(), ''), /cspSource/);
    assert.throws(() => panelContentSecurityPolicy(createNonce(), "'self' 'unsafe-inline'"), /cspSource/);
    assert.throws(() => panelContentSecurityPolicy(createNonce(), "'self"), /cspSource/);
  });

  it("accepts the cspSource code-server and desktop VS Code give, 'self' included", () => {
    const csp = panelContentSecurityPolicy(createNonce(), "'self' https://*.vscode-cdn.net");
    assert.match(csp, /img-src 'self' https:\/\/\*\.vscode-cdn\.net(;|$)/);
  });
});

describe('createNonce', () => {
  it('is 128 random bits in hex, fresh each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    for (const n of nonces) assert.match(n, /^[0-9a-f]{32}$/);
  });

  it('differs between two renders of the same panel', () => {
    const a = renderPanelHtml({ ...parts, nonce: createNonce() });
    const b = renderPanelHtml({ ...parts, nonce: createNonce() });
    assert.notEqual(cspOf(a).get('script-src')?.[0], cspOf(b).get('script-src')?.[0]);
  });
});

describe('panelAssetFiles', () => {
  it('names a panel\'s script and stylesheet', () => {
    assert.deepEqual(panelAssetFiles('stats'), { script: 'stats.js', style: 'stats.css' });
  });

  it('refuses names that could point elsewhere', () => {
    for (const name of ['../stats', 'stats/../../x', 'Stats', '', 'a.b']) assert.throws(() => panelAssetFiles(name), /bundle name/);
  });
});
