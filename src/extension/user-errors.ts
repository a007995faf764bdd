import * as vscode from 'vscode';

/** Shows an error the user can act on, with the details one click away in the log. */
export async function showError(log: vscode.LogOutputChannel, message: string, error?: unknown): Promise<void> {
  if (error !== undefined) log.error(`${message}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const choice = await vscode.window.showErrorMessage(`QualFrame: ${message}`, 'Show Log');
  if (choice) log.show();
}

/**
 * Whether QualFrame may write: not in Restricted Mode, where it only reads. Says so, with what
 * to do, when it may not.
 */
export function ensureTrusted(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`QualFrame: this workspace is in Restricted Mode, so QualFrame only reads it and cannot ${action}. Trust the workspace (Manage Workspace Trust) to do that.`, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
