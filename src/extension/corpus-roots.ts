import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core/corpus/config';

/**
 * The corpus roots of the workspace: every folder holding qualframe.yaml; a workspace folder
 * without one counts as a root of its own. Local files only for now.
 */
export async function findCorpusRoots(): Promise<vscode.Uri[]> {
  const configs = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/{node_modules,.git}/**');
  const roots = configs.filter((u) => u.scheme === 'file').map((u) => vscode.Uri.joinPath(u, '..'));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme === 'file' && !roots.some((r) => r.fsPath === folder.uri.fsPath || r.fsPath.startsWith(folder.uri.fsPath + '/'))) {
      roots.push(folder.uri);
    }
  }
  return roots.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}
