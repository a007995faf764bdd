import * as vscode from 'vscode';
import { DEFAULT_CODEBOOK } from '../../core/corpus/config';
import { initCorpus } from '../../node/init-corpus';
import type { Command } from '../command-manager';

/** Makes a workspace folder a corpus (qualframe.yaml, codebook.yaml), never overwriting. */
export class InitialiseCorpusCommand implements Command {
  readonly id = 'qualframe.initialiseCorpus';

  constructor(private readonly afterInit: () => Promise<void>) {}

  async execute(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('QualFrame: this workspace is in Restricted Mode, so QualFrame only reads it. Trust the workspace to initialise a corpus.');
      return;
    }
    const folder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1
      ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to make a QualFrame corpus' })
      : vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showWarningMessage('QualFrame: open a folder first.');
      return;
    }
    const result = await initCorpus(folder.uri.fsPath);
    await this.afterInit();
    const message = result.written.length === 0
      ? `QualFrame: ${folder.name} is already a corpus; nothing written.`
      : `QualFrame: wrote ${result.written.join(' and ')} in ${folder.name}.`;
    const choice = await vscode.window.showInformationMessage(message, 'Open Codebook');
    if (choice) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, DEFAULT_CODEBOOK));
  }
}
