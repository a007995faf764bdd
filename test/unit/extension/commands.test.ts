import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// Like the Pull Requests extension's check-commands: every contributed command has a command
// class registered in activate(), and every command class is contributed, titled and activates.
const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const commandsDir = path.join(root, 'src/extension/commands');
const sources = readdirSync(commandsDir).map((f) => readFileSync(path.join(commandsDir, f), 'utf8'));
const implemented = sources.flatMap((s) => [...s.matchAll(/readonly id = '([^']+)'/g)].map((m) => m[1])).sort();
const activation = readFileSync(path.join(root, 'src/extension/extension.ts'), 'utf8');

describe('contributed commands', () => {
  const contributed = (manifest.contributes.commands as { command: string; title: string; category: string }[]);

  it('every contributed command is implemented, and every implemented command contributed', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), implemented);
  });

  it('every command class is registered in activate()', () => {
    for (const source of sources) {
      const cls = /export class (\w+Command) implements Command/.exec(source)?.[1];
      assert.ok(cls, 'each file in src/extension/commands exports one command class');
      assert.match(activation, new RegExp(`commands\\.register\\(new ${cls}\\(`), `${cls} is not registered`);
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
