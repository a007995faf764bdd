// Checks made from inside the extension host through the `vscode` API, on the sample workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'qualframe.qualframe';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface ContributedCommand {
  command: string;
}

export function registerHostTests(): void {
  describe('QualFrame in the extension host', () => {
    it('opens a workspace that holds a corpus', async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      assert.equal(folders.length, 1, 'one workspace folder (a copy of sample-workspace)');
      const settings = await vscode.workspace.findFiles('**/qualframe.yaml', '**/node_modules/**', 5);
      assert.equal(settings.length, 1, 'the workspace has a qualframe.yaml');
    });

    it('is installed and activates on the sample workspace by itself', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
      // Not extension.activate(): the workspaceContains activation event must do it.
      await until(`${EXTENSION_ID} to activate`, () => (extension.isActive ? true : undefined));
    });

    it('registers every command it contributes', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension);
      await until(`${EXTENSION_ID} to activate`, () => (extension.isActive ? true : undefined));
      const contributed = ((extension.packageJSON.contributes?.commands ?? []) as ContributedCommand[]).map((c) => c.command);
      assert.ok(contributed.length > 0, 'package.json contributes commands');
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = contributed.filter((id) => !registered.has(id));
      assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    });
  });
}
