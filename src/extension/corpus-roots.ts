import * as vscode from 'vscode';
import { CONFIG_FILE, DEFAULT_CODEBOOK } from '../core/corpus/config';

/**
 * The corpus roots of the workspace: every folder holding qualframe.yaml, and a workspace
 * folder with a codebook.yaml at its top but no qualframe.yaml (a corpus on the defaults).
 * A folder with neither is not a corpus: "Initialise Corpus" makes it one. Local files only.
 */
export async function findCorpusRoots(): Promise<vscode.Uri[]> {
  const configs = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/{node_modules,.git}/**');
  const roots = configs.filter((u) => u.scheme === 'file').map((u) => vscode.Uri.joinPath(u, '..'));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file' || roots.some((r) => r.fsPath === folder.uri.fsPath)) continue;
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, DEFAULT_CODEBOOK));
      roots.push(folder.uri);
    } catch {
      // no codebook at the top: not a corpus
    }
  }
  return roots.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}
