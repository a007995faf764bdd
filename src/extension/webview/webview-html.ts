/**
 * The HTML page of a panel. Pure (no `vscode`): the host passes the nonce, the webview's
 * `cspSource` and the asset URIs as strings, so the Content-Security-Policy is tested in
 * plain Node. The page holds no data: the panel's script draws everything from messages, as
 * text, so nothing from a corpus is ever parsed as HTML.
 */

/** Where `scripts/build.mjs` writes the panels' bundles, relative to the extension root. */
export const WEBVIEW_ASSETS_DIR = ['media', 'webview'] as const;

/** A panel's built files in {@link WEBVIEW_ASSETS_DIR}: `<bundle>.js` and `<bundle>.css`. */
export function panelAssetFiles(bundle: string): { readonly script: string; readonly style: string } {
  if (!/^[a-z][a-z0-9-]*$/.test(bundle)) throw new Error(`invalid webview bundle name ${JSON.stringify(bundle)}`);
  return { script: `${bundle}.js`, style: `${bundle}.css` };
}

export interface PanelHtmlParts {
  /** A fresh nonce for this render ({@link createNonce}). */
  readonly nonce: string;
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(...)` of the panel's script, as a string. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(...)` of the panel's stylesheet, as a string. */
  readonly styleUri: string;
  /** The document title (the panel's tab has its own title). */
  readonly title: string;
  /** Which panel the page is, for `webview/common` and tests (`data-panel` on `<body>`). */
  readonly panel: string;
}

/**
 * The Content-Security-Policy of a panel: nothing by default; scripts only with this render's
 * nonce; styles, images and fonts only from the extension's own resources. No remote origin,
 * no inline script or style, no `eval`, no connections, frames, objects, forms or `<base>`.
 */
export function panelContentSecurityPolicy(nonce: string, cspSource: string): string {
  checkNonce(nonce);
  checkCspSource(cspSource);
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPanelHtml(parts: PanelHtmlParts): string {
  const nonce = attribute(parts.nonce);
  const csp = panelContentSecurityPolicy(parts.nonce, parts.cspSource);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${text(parts.title)}</title>
<link rel="stylesheet" href="${attribute(parts.styleUri)}" nonce="${nonce}">
</head>
<body data-panel="${attribute(parts.panel)}">
<main id="root" aria-busy="true"></main>
<script nonce="${nonce}" src="${attribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}

/** 128 random bits as 32 hex digits, from the Web Crypto API (Node 20 and browsers alike). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function checkNonce(nonce: string): void {
  // At least 128 bits, and only characters the CSP nonce grammar allows.
  if (!/^[A-Za-z0-9+/_-]{22,}={0,2}$/.test(nonce)) throw new Error('invalid CSP nonce');
}

function checkCspSource(cspSource: string): void {
  // One or more source expressions: quoted keywords such as 'self' (code-server and desktop
  // VS Code give "'self' https://*.vscode-cdn.net"), or hosts and schemes. A semicolon, a comma
  // or a stray quote would change the policy.
  const sources = cspSource.split(' ').filter((s) => s !== '');
  const valid = (s: string) => s === "'self'" || /^[^;,'"\s]+$/.test(s);
  if (sources.length === 0 || !sources.every(valid)) {
    throw new Error(`invalid webview cspSource ${JSON.stringify(cspSource)}`);
  }
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For double-quoted attribute values (the only kind this page has). */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
