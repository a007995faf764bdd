import * as vscode from 'vscode';
import type { Problem } from '../core/problems';
import type { CorpusService } from './corpus-service';

/** Every problem of every corpus in the Problems panel, at its line and column. */
export class CorpusDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('qualframe');
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: CorpusService) {
    this.disposables = [
      this.collection,
      service.onDidChange(() => {
        // With validateOnSave off, problems are shown when the corpus is checked on request.
        if (vscode.workspace.getConfiguration('qualframe').get<boolean>('validateOnSave', true)) this.publish();
      }),
    ];
  }

  /** Replaces what is shown with the corpora's current problems. */
  publish(): void {
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const { root, loaded } of this.service.corpora) {
      for (const p of loaded.problems) {
        const uri = vscode.Uri.joinPath(root, ...p.file.split('/'));
        const slot = byFile.get(uri.toString()) ?? { uri, list: [] };
        slot.list.push(toDiagnostic(p));
        byFile.set(uri.toString(), slot);
      }
    }
    this.collection.clear();
    for (const { uri, list } of byFile.values()) this.collection.set(uri, list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function toDiagnostic(p: Problem): vscode.Diagnostic {
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
