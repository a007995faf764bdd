import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { STATS_VIEW_TYPE, WEBVIEW_COMMANDS } from '../../../src/protocol';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string }[] };
};

describe('webview protocol', () => {
  it('lets webviews run only commands the extension contributes', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const id of WEBVIEW_COMMANDS) assert.ok(contributed.has(id), `${id} is not a contributed command`);
  });

  it('each panel activates the extension when VS Code restores it after a reload', () => {
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${STATS_VIEW_TYPE}`), `package.json lacks "onWebviewPanel:${STATS_VIEW_TYPE}"`);
  });

  it('imports nothing but types (src/protocol is shared with the webviews)', () => {
    const dir = path.join(root, 'src/protocol');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const [statement] of source.matchAll(/^import\b[^;]*;/gm)) {
        assert.match(statement, /^import type\b/, `${file}: ${statement}`);
      }
      for (const [statement] of source.matchAll(/^export\b[^;]*\bfrom\s+'([^']+)';/gm)) {
        assert.match(statement, /from '\.\/[a-z-]+'/, `${file} re-exports only from src/protocol: ${statement}`);
      }
    }
  });
});
