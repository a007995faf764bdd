import * as vscode from 'vscode';
import { codingLayers, lineStartsOf, stripeSvg } from '../../core/coding/coding-layers';
import { documentCoding, spansAt, type AnnotationSpan } from '../../core/coding/editor-coding';
import type { Problem } from '../../core/problems';
import type { CorpusService } from '../corpus-service';
import { codeColours } from './colours';
import { corpusEditor } from './editor-context';

const UPDATE_DELAY_MS = 120;
/** Marks by layer: overlapping segments each keep a line of their own colour. */
const LAYER_BORDERS = ['none none solid none', 'solid none none none', 'none none dotted none'] as const;
const HOVER_COMMANDS = ['qualframe.removeCode', 'qualframe.recode', 'qualframe.toggleIllustrative', 'qualframe.editSegmentMemo'];

/** Orphans found in an open document's current text (undefined: the document is gone, use the saved state). */
export type OrphanListener = (uri: vscode.Uri, orphans: readonly Problem[] | undefined) => void;

/**
 * Coded text at a glance: each code's colour as a translucent background (overlaps add up),
 * with an underline, overline or dotted line by overlap layer so every code of a passage
 * stays visible; a coding stripe per code in the gutter of each coded line; an overview-ruler
 * mark; a hover with the codes, coder and memo under the cursor and links to act on them.
 * Positions come from re-anchoring the editor's current text in memory, so highlights follow
 * their text while it is edited, before any save.
 */
export class CodingDecorations implements vscode.Disposable, vscode.HoverProvider {
  /** Decoration types by key (code and layer style, or a stripe's colours), remade when a colour changes. */
  private readonly types = new Map<string, { look: string; type: vscode.TextEditorDecorationType }>();
  private readonly spans = new Map<string, AnnotationSpan[]>();
  /** Keys drawn in each editor, so keys no longer needed are cleared. */
  private readonly drawn = new WeakMap<vscode.TextEditor, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly service: CorpusService,
    private readonly onOrphans: OrphanListener = () => {},
  ) {
    this.disposables = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (vscode.window.visibleTextEditors.some((ed) => ed.document === e.document)) this.schedule();
      }),
      service.onDidChange(() => this.renderAll()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.spans.delete(d.uri.toString());
        this.onOrphans(d.uri, undefined);
      }),
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
    const doc = editor.document;
    const text = doc.getText();
    const coding = documentCoding(target.path, text);
    if (!coding) return; // front matter unreadable while being typed: keep the last highlights
    this.spans.set(doc.uri.toString(), coding.spans);
    this.onOrphans(doc.uri, coding.orphans);
    const { codebook } = target.corpus.loaded.corpus;
    const colours = codeColours(codebook);
    const colourOf = (code: string) => colours.get(code) ?? '#888888';
    const layers = codingLayers(
      coding.spans.map((s) => ({ id: s.annotation.id, code: s.annotation.code, start: s.start, end: s.end })),
      lineStartsOf(text),
      [...colours.keys()],
    );
    const ranges = new Map<string, { look: string; options: vscode.DecorationRenderOptions; ranges: vscode.Range[] }>();
    const add = (key: string, look: string, options: () => vscode.DecorationRenderOptions, range: vscode.Range) => {
      const slot = ranges.get(key) ?? { look, options: options(), ranges: [] };
      slot.ranges.push(range);
      ranges.set(key, slot);
    };
    for (const s of layers.spans) {
      const style = Math.min(s.layer, LAYER_BORDERS.length - 1);
      const colour = colourOf(s.code);
      add(`span|${s.code}|${colour}|${style}`, colour, () => highlight(colour, style), new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
    for (const { line, codes } of layers.stripes) {
      const stripe = codes.map(colourOf);
      const look = stripe.join(',');
      add(`stripe|${look}`, look, () => gutterStripe(stripe), new vscode.Range(line, 0, line, 0));
    }
    const before = this.drawn.get(editor) ?? new Set<string>();
    for (const key of before) {
      const stale = ranges.has(key) ? undefined : this.types.get(key);
      if (stale) editor.setDecorations(stale.type, []);
    }
    for (const [key, slot] of ranges) editor.setDecorations(this.typeFor(key, slot.look, slot.options), slot.ranges);
    this.drawn.set(editor, new Set(ranges.keys()));
  }

  private typeFor(key: string, look: string, options: vscode.DecorationRenderOptions): vscode.TextEditorDecorationType {
    const known = this.types.get(key);
    if (known && known.look === look) return known.type;
    known?.type.dispose();
    const type = vscode.window.createTextEditorDecorationType(options);
    this.types.set(key, { look, type });
    return type;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const target = corpusEditor(this.service, vscode.window.visibleTextEditors.find((e) => e.document === document));
    if (!target) return undefined;
    const here = spansAt(this.spansOf(document), document.offsetAt(position));
    if (here.length === 0) return undefined;
    const { codebook } = target.corpus.loaded.corpus;
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.supportThemeIcons = true;
    here.forEach(({ annotation: a }, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      const code = codebook.codeById.get(a.code);
      const name = code?.name ?? codebook.themeById.get(a.code)?.name ?? a.code;
      md.appendMarkdown('**').appendText(name).appendMarkdown('** ').appendText(`(${a.code})`);
      if (a.by) md.appendMarkdown(' · coded by ').appendText(a.by);
      if (a.illustrative) md.appendMarkdown(' · $(star-full) illustrative');
      const definition = code?.description ?? codebook.themeById.get(a.code)?.description;
      if (definition) md.appendMarkdown('\n\n*').appendText(definition).appendMarkdown('*');
      if (code?.include) md.appendMarkdown('\n\n**Include:** ').appendText(code.include);
      if (code?.exclude) md.appendMarkdown('\n\n**Exclude:** ').appendText(code.exclude);
      if (a.memo) md.appendMarkdown('\n\n$(note) ').appendText(a.memo);
      const args = encodeURIComponent(JSON.stringify([document.uri.toString(), a.id]));
      const link = (label: string, command: string, tip: string) => `[${label}](command:${command}?${args} "${tip}")`;
      md.appendMarkdown(`\n\n${[
        link('Recode', 'qualframe.recode', 'Apply another code to this passage instead'),
        link(a.illustrative ? 'Unmark illustrative' : 'Mark as illustrative', 'qualframe.toggleIllustrative', 'Choose this quote for publication'),
        link(a.memo ? 'Edit memo' : 'Add memo', 'qualframe.editSegmentMemo', 'A note on this segment'),
        link('Remove', 'qualframe.removeCode', 'Remove this code from the passage'),
      ].join(' · ')}`);
    });
    const first = here[0];
    return new vscode.Hover(md, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const { type } of this.types.values()) type.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A code's highlight: stronger on dark backgrounds, where a light tint fades. */
function highlight(colour: string, style: number): vscode.DecorationRenderOptions {
  return {
    borderColor: colour,
    borderStyle: LAYER_BORDERS[style],
    borderWidth: style === 1 ? '2px 0 0 0' : '0 0 2px 0',
    overviewRulerColor: colour,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    light: { backgroundColor: `${colour}38` },
    dark: { backgroundColor: `${colour}4d` },
  };
}

function gutterStripe(colours: readonly string[]): vscode.DecorationRenderOptions {
  return {
    gutterIconPath: vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(stripeSvg(colours)).toString('base64')}`),
    gutterIconSize: 'contain',
  };
}
