import * as vscode from 'vscode';
import { loadCorpus } from '../../core/corpus/load-corpus';
import { countErrors, type Problem } from '../../core/problems';
import { NodeCorpusFiles } from '../../node/node-corpus-files';
import type { Command } from '../command-manager';
import { findCorpusRoots } from '../corpus-roots';

/** Loads every corpus of the workspace and shows its problems in the Problems panel. */
export class ValidateCorpusCommand implements Command {
  readonly id = 'qualframe.validateCorpus';

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async execute(): Promise<{ documents: number; errors: number; warnings: number }> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'QualFrame: validating corpus' },
      async () => {
        const roots = await findCorpusRoots();
        this.diagnostics.clear();
        let documents = 0;
        const all: Problem[] = [];
        for (const root of roots) {
          const { corpus, problems } = await loadCorpus(new NodeCorpusFiles(root.fsPath));
          documents += corpus.files.length;
          all.push(...problems);
          const byFile = new Map<string, vscode.Diagnostic[]>();
          for (const p of problems) {
            const list = byFile.get(p.file) ?? [];
            list.push(toDiagnostic(p));
            byFile.set(p.file, list);
          }
          for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.joinPath(root, ...file.split('/')), list);
          this.log.info(`${root.fsPath}: ${corpus.files.length} documents, ${problems.length} problems`);
        }
        const errors = countErrors(all);
        const warnings = all.length - errors;
        const summary = `QualFrame: ${documents} document${documents === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
        if (all.length === 0) void vscode.window.showInformationMessage(summary);
        else {
          void vscode.window.showWarningMessage(summary, 'Show Problems').then((choice) => {
            if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
          });
        }
        return { documents, errors, warnings };
      },
    );
  }
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const at = new vscode.Position(p.line - 1, p.column - 1);
  const d = new vscode.Diagnostic(
    new vscode.Range(at, at.translate(0, 1)),
    p.message,
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'QualFrame';
  d.code = p.rule;
  return d;
}
