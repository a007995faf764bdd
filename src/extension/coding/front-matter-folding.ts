import * as vscode from 'vscode';
import { readFrontMatter } from '../../core/frontmatter/read-front-matter';
import type { CorpusService } from '../corpus-service';
import { corpusEditor } from './editor-context';

/**
 * The front matter of a transcript as a folding region, folded when the transcript is first
 * shown (setting `qualframe.foldFrontMatter`), so a researcher opens onto the interview rather
 * than onto YAML; the coding is still one click away.
 */
export class FrontMatterFolding implements vscode.FoldingRangeProvider, vscode.Disposable {
  /** Documents already shown once in this session: they are never folded again behind the person's back. */
  private readonly seen = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: CorpusService) {
    this.disposables = [
      vscode.languages.registerFoldingRangeProvider({ language: 'markdown', scheme: 'file' }, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.foldOnFirstShow(editor)),
      vscode.workspace.onDidCloseTextDocument((d) => this.seen.delete(d.uri.toString())),
      service.onDidChange(() => void this.foldOnFirstShow(vscode.window.activeTextEditor)),
    ];
    void this.foldOnFirstShow(vscode.window.activeTextEditor);
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const end = frontMatterEndLine(document);
    return end === undefined ? [] : [new vscode.FoldingRange(0, end, vscode.FoldingRangeKind.Region)];
  }

  private async foldOnFirstShow(editor: vscode.TextEditor | undefined): Promise<void> {
    // The corpus may still be loading: a document is only "seen" once it is known to be a transcript.
    if (!editor || !corpusEditor(this.service, editor)) return;
    const key = editor.document.uri.toString();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (!vscode.workspace.getConfiguration('qualframe').get<boolean>('foldFrontMatter', true)) return;
    if (frontMatterEndLine(editor.document) === undefined) return;
    // Only a transcript nobody has started on: once the cursor has moved, text is selected or
    // typed (the corpus may finish loading seconds after the file opened), folding would pull
    // the cursor away from where the person works. Opened at a Problems entry: they want to see it.
    const untouched = editor.selection.isEmpty && editor.selection.active.isEqual(new vscode.Position(0, 0)) && !editor.document.isDirty;
    if (!untouched || vscode.window.activeTextEditor !== editor) return;
    await vscode.commands.executeCommand('editor.fold', { selectionLines: [0], levels: 1 });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The 0-based line of the closing `---`, or undefined without front matter. */
function frontMatterEndLine(document: vscode.TextDocument): number | undefined {
  if (!document.lineAt(0).text.startsWith('---')) return undefined;
  try {
    const fm = readFrontMatter(document.getText());
    return fm.hasFrontMatter ? document.positionAt(fm.bodyOffset).line - 1 : undefined;
  } catch {
    return undefined;
  }
}
