import * as vscode from 'vscode';
import type { Problem } from '../core/problems';
import type { CorpusService } from './corpus-service';

/**
 * Every problem of every corpus in the Problems panel, at its line and column. Orphans of an
 * open document come from its current text (an unsaved deletion is reported at once); the
 * rest from the saved files.
 */
export class CorpusDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('qualframe');
  private readonly disposables: vscode.Disposable[];
  /** Orphans found in open documents' current text, by URI. */
  private readonly liveOrphans = new Map<string, readonly Problem[]>();

  constructor(private readonly service: CorpusService) {
    this.disposables = [
      this.collection,
      service.onDidChange(() => {
        // With validateOnSave off, problems are shown when the corpus is checked on request.
        if (this.enabled()) this.publish();
      }),
    ];
  }

  /** Replaces what is shown with the corpora's current problems. */
  publish(): void {
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const slot = (uri: vscode.Uri) => {
      const found = byFile.get(uri.toString()) ?? { uri, list: [] };
      byFile.set(uri.toString(), found);
      return found;
    };
    for (const { root, loaded } of this.service.corpora) {
      for (const p of loaded.problems) {
        const uri = vscode.Uri.joinPath(root, ...p.file.split('/'));
        if (p.rule === 'orphan' && this.liveOrphans.has(uri.toString())) continue;
        slot(uri).list.push(toDiagnostic(p));
      }
    }
    for (const [key, orphans] of this.liveOrphans) {
      if (orphans.length) slot(vscode.Uri.parse(key)).list.push(...orphans.map(toDiagnostic));
    }
    this.collection.clear();
    for (const { uri, list } of byFile.values()) this.collection.set(uri, list);
  }

  /** The orphans of an open document's current text; undefined when it is closed (the saved file counts again). */
  setLiveOrphans(uri: vscode.Uri, orphans: readonly Problem[] | undefined): void {
    const key = uri.toString();
    const before = this.liveOrphans.get(key);
    if (orphans === undefined) this.liveOrphans.delete(key);
    else this.liveOrphans.set(key, orphans);
    const same = before !== undefined && orphans !== undefined && before.length === orphans.length && before.every((p, i) => p.line === orphans[i].line && p.message === orphans[i].message);
    if (!same && this.enabled()) this.publish();
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration('qualframe').get<boolean>('validateOnSave', true);
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
