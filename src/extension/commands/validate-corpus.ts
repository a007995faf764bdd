import * as vscode from 'vscode';
import { countErrors } from '../../core/problems';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import type { CorpusDiagnostics } from '../diagnostics';
import { count } from '../../core/text/count';

/** Reloads every corpus of the workspace and shows its problems in the Problems panel. */
export class ValidateCorpusCommand implements Command {
  readonly id = 'qualframe.validateCorpus';

  constructor(
    private readonly service: CorpusService,
    private readonly diagnostics: CorpusDiagnostics,
  ) {}

  async execute(): Promise<{ documents: number; errors: number; warnings: number }> {
    await this.service.reloadAll();
    this.diagnostics.publish();
    const corpora = this.service.corpora;
    if (corpora.length === 0) {
      const choice = await vscode.window.showInformationMessage('QualFrame: this workspace has no corpus (no qualframe.yaml).', 'Initialise Corpus');
      if (choice) await vscode.commands.executeCommand('qualframe.initialiseCorpus');
      return { documents: 0, errors: 0, warnings: 0 };
    }
    let documents = 0, errors = 0, warnings = 0;
    for (const { loaded } of corpora) {
      documents += loaded.corpus.files.length;
      const e = countErrors(loaded.problems);
      errors += e;
      warnings += loaded.problems.length - e;
    }
    const summary = `QualFrame: ${count(documents, 'document')} checked, ${count(errors, 'error')}, ${count(warnings, 'warning')}`;
    if (errors + warnings === 0) void vscode.window.showInformationMessage(summary);
    else {
      void vscode.window.showWarningMessage(summary, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return { documents, errors, warnings };
  }
}
