import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// Like the Pull Requests extension's check-commands: every contributed command has a command
// class registered in activate(), and every command class is contributed, titled and activates.
const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const extensionDir = path.join(root, 'src/extension');
const sources = (readdirSync(extensionDir, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(extensionDir, f), 'utf8') }));
const implemented = sources.flatMap(({ text }) => [...text.matchAll(/readonly id = '([^']+)'/g)].map((m) => m[1])).sort();
const activation = readFileSync(path.join(root, 'src/extension/extension.ts'), 'utf8');

describe('contributed commands', () => {
  const contributed = (manifest.contributes.commands as { command: string; title: string; category: string }[]);

  it('every contributed command is implemented, and every implemented command contributed', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), implemented);
  });

  it('every command class is registered in activate(), directly or through a list it registers', () => {
    const classes = sources.flatMap(({ text }) => [...text.matchAll(/export class (\w+Command)\b/g)].map((m) => m[1]));
    assert.ok(classes.length >= implemented.length, 'each command id belongs to a command class');
    for (const cls of classes) {
      const direct = new RegExp(`commands\\.register\\(new ${cls}\\(`).test(activation);
      const listed = sources.some(({ text }) => new RegExp(`new ${cls}\\(`).test(text) && /export function \w+Commands\(/.test(text));
      assert.ok(direct || listed, `${cls} is not registered`);
    }
    for (const [, factory] of sources.flatMap(({ text }) => [...text.matchAll(/export function (\w+Commands)\(/g)])) {
      assert.match(activation, new RegExp(`${factory}\\(`), `${factory}() is not registered in activate()`);
    }
  });

  it('every command has a title in the QualFrame category and an activation event', () => {
    for (const c of contributed) {
      assert.equal(c.category, 'QualFrame');
      assert.ok(c.title.length > 0);
      assert.ok(manifest.activationEvents.includes(`onCommand:${c.command}`), `${c.command} has no activation event`);
    }
  });
});
