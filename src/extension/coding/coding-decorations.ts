import * as vscode from 'vscode';
import { annotationSpans, spansAt, type AnnotationSpan } from '../../core/coding/editor-coding';
import type { CorpusService } from '../corpus-service';
import { codeColours } from './colours';
import { corpusEditor } from './editor-context';

const UPDATE_DELAY_MS = 120;

/**
 * Coded text at a glance: each code's colour as a translucent background (overlapping codes
 * layer visibly), a solid underline and an overview-ruler mark; a hover lists the codes under
 * the cursor. Positions come from re-anchoring the editor's current text in memory, so
 * highlights follow their text while it is edited, before any save.
 */
export class CodingDecorations implements vscode.Disposable, vscode.HoverProvider {
  /** One decoration type per code, remade when the code's colour changes. */
  private readonly types = new Map<string, { colour: string; type: vscode.TextEditorDecorationType }>();
  private readonly spans = new Map<string, AnnotationSpan[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: CorpusService) {
    this.disposables = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (vscode.window.visibleTextEditors.some((ed) => ed.document === e.document)) this.schedule();
      }),
      service.onDidChange(() => this.renderAll()),
      vscode.workspace.onDidCloseTextDocument((d) => this.spans.delete(d.uri.toString())),
      vscode.languages.registerHoverProvider({ language: 'markdown', scheme: 'file' }, this),
    ];
    this.renderAll();
  }

  /** The spans last drawn in an editor's document, for commands and tests. */
  spansOf(document: vscode.TextDocument): readonly AnnotationSpan[] {
    return this.spans.get(document.uri.toString()) ?? [];
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.renderAll(), UPDATE_DELAY_MS);
  }

  renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    const target = corpusEditor(this.service, editor);
    if (!target) return;
    const text = editor.document.getText();
    const spans = annotationSpans(target.path, text);
    if (!spans) return; // front matter unreadable while being typed: keep the last highlights
    this.spans.set(editor.document.uri.toString(), spans);
    const colours = codeColours(target.corpus.loaded.corpus.codebook);
    const byCode = new Map<string, vscode.Range[]>();
    for (const s of spans) {
      const list = byCode.get(s.annotation.code) ?? [];
      list.push(new vscode.Range(editor.document.positionAt(s.start), editor.document.positionAt(s.end)));
      byCode.set(s.annotation.code, list);
    }
    for (const [code, { type }] of this.types) if (!byCode.has(code)) editor.setDecorations(type, []);
    for (const [code, ranges] of byCode) editor.setDecorations(this.typeFor(code, colours.get(code) ?? '#888888'), ranges);
  }

  private typeFor(code: string, colour: string): vscode.TextEditorDecorationType {
    const known = this.types.get(code);
    if (known && known.colour === colour) return known.type;
    known?.type.dispose();
    const type = vscode.window.createTextEditorDecorationType({
      backgroundColor: `${colour}33`,
      borderColor: colour,
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      overviewRulerColor: colour,
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.types.set(code, { colour, type });
    return type;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const target = corpusEditor(this.service, vscode.window.visibleTextEditors.find((e) => e.document === document));
    if (!target) return undefined;
    const here = spansAt(this.spansOf(document), document.offsetAt(position));
    if (here.length === 0) return undefined;
    const { codebook } = target.corpus.loaded.corpus;
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: ['qualframe.removeCode'] };
    for (const { annotation: a } of here) {
      const name = codebook.codeById.get(a.code)?.name ?? codebook.themeById.get(a.code)?.name ?? a.code;
      md.appendMarkdown('**').appendText(name).appendMarkdown('** ').appendText(`(${a.code})`);
      if (a.by) md.appendMarkdown(' · coded by ').appendText(a.by);
      if (a.illustrative) md.appendMarkdown(' · illustrative');
      if (a.memo) md.appendMarkdown('\n\n').appendText(a.memo);
      const args = encodeURIComponent(JSON.stringify([document.uri.toString(), a.id]));
      md.appendMarkdown(`\n\n[Remove](command:qualframe.removeCode?${args} "Remove this code from the passage")\n\n---\n\n`);
    }
    const first = here[0];
    return new vscode.Hover(md, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const { type } of this.types.values()) type.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
