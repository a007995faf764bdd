import * as vscode from 'vscode';

/** Shows an error the user can act on, with the details one click away in the log. */
export async function showError(log: vscode.LogOutputChannel, message: string, error?: unknown): Promise<void> {
  if (error !== undefined) log.error(`${message}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const choice = await vscode.window.showErrorMessage(`QualFrame: ${message}`, 'Show Log');
  if (choice) log.show();
}
