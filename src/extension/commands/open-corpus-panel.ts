import * as vscode from 'vscode';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';

type Panels = { show(root?: string): void };

/**
 * Opens a corpus panel on the corpus of the active editor, or the first corpus; reveals it
 * when it is open.
 */
abstract class OpenCorpusPanelCommand implements Command {
  abstract readonly id: string;

  /**
   * @param purpose What the panel does with a corpus, for the hint shown without one:
   *   "chart it in the Framework Matrix".
   */
  constructor(
    private readonly service: CorpusService,
    private readonly panels: Panels,
    private readonly purpose: string,
  ) {}

  execute(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const entry = (active && this.service.corpusOf(active)) ?? this.service.corpora[0];
    if (!entry && !this.service.loading) {
      void vscode.window.showInformationMessage(`QualFrame: open a folder with a corpus (qualframe.yaml) to ${this.purpose}.`);
      return;
    }
    this.panels.show(entry?.root.toString());
  }
}

/** "Open Framework Matrix". */
export class OpenMatrixCommand extends OpenCorpusPanelCommand {
  readonly id = 'qualframe.openMatrix';

  constructor(service: CorpusService, panels: Panels) {
    super(service, panels, 'chart it in the Framework Matrix');
  }
}

/** "Compare Waves". */
export class CompareWavesCommand extends OpenCorpusPanelCommand {
  readonly id = 'qualframe.compareWaves';

  constructor(service: CorpusService, panels: Panels) {
    super(service, panels, 'compare its waves');
  }
}
