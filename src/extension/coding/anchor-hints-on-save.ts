import * as vscode from 'vscode';
import { minimalEdit } from '../../core/coding/editor-coding';
import { refreshAnchors } from '../../core/coding/refresh-anchors';
import { toRootRelative } from '../../node/find-root';
import type { CorpusService } from '../corpus-service';

/**
 * On save, brings the stored `start` (and quote and context) of annotations whose text moved
 * or was re-worded up to date, as part of the save itself: one minimal edit touching only
 * those entries' values, so the saved file never drifts from its body and `git diff` shows
 * only what moved. Orphans are left as they are (they are reported). Nothing is done when
 * nothing moved, or when the front matter cannot be read.
 */
export class AnchorHintsOnSave implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: CorpusService, private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.workspace.onWillSaveTextDocument((e) => {
      // Auto save would slip an invisible edit (inside the folded front matter) onto the undo
      // stack after every pause; the hints wait for a save the person makes.
      if (!vscode.workspace.isTrusted || e.reason !== vscode.TextDocumentSaveReason.Manual) return;
      const edits = this.hintEdits(e.document);
      if (edits.length) e.waitUntil(Promise.resolve(edits));
    });
  }

  private hintEdits(document: vscode.TextDocument): vscode.TextEdit[] {
    if (document.languageId !== 'markdown' || document.uri.scheme !== 'file') return [];
    const corpus = this.service.corpusOf(document.uri);
    if (!corpus) return [];
    const path = toRootRelative(corpus.root.fsPath, document.uri.fsPath);
    const text = document.getText();
    try {
      const { text: after, refreshed } = refreshAnchors(path, text);
      if (refreshed.length === 0 || after === text) return [];
      this.log.info(`${path}: updated the stored position of ${refreshed.map((r) => `${r.id} (${r.kind})`).join(', ')} on save`);
      const { start, end, text: replacement } = minimalEdit(text, after);
      return [vscode.TextEdit.replace(new vscode.Range(document.positionAt(start), document.positionAt(end)), replacement)];
    } catch (e) {
      this.log.warn(`${path}: stored positions not updated on save: ${(e as Error).message}`);
      return [];
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
