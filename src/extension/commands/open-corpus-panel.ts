import * as vscode from 'vscode';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';

/** Opens the Framework Matrix on the corpus of the active editor (or the first corpus). */
export class OpenMatrixCommand implements Command {
  readonly id = 'qualframe.openMatrix';

  constructor(
    private readonly service: CorpusService,
    private readonly panel: { show(root?: string): void },
  ) {}

  execute(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const entry = (active && this.service.corpusOf(active)) ?? this.service.corpora[0];
    if (!entry && !this.service.loading) {
      void vscode.window.showInformationMessage('QualFrame: open a folder with a corpus (qualframe.yaml) to chart it in the Framework Matrix.');
      return;
    }
    this.panel.show(entry?.root.toString());
  }
}
