import * as vscode from 'vscode';
import type { Code, Theme } from '../../core/corpus/codebook';
import { codeUsage, type CodeUsage } from '../../core/corpus/code-usage';
import type { Annotation, CorpusDocument } from '../../core/corpus/document';
import type { LoadedCorpus } from '../../core/corpus/load-corpus';
import { count } from '../../core/text/count';
import type { CorpusEntry, CorpusService } from '../corpus-service';

/** A row of the Codebook view; the codebook commands take it as their first argument. */
export type CodebookNode =
  | { readonly kind: 'corpus'; readonly entry: CorpusEntry }
  | { readonly kind: 'theme'; readonly entry: CorpusEntry; readonly theme: Theme }
  | { readonly kind: 'code'; readonly entry: CorpusEntry; readonly code: Code }
  | { readonly kind: 'segment'; readonly entry: CorpusEntry; readonly document: CorpusDocument; readonly annotation: Annotation };

/** Opens a segment's document with the segment selected: (root URI as a string, root-relative path, annotation id). */
export const OPEN_SEGMENT_COMMAND = 'qualframe.codebook.openSegment';

const LABEL_MAX = 80;

/** What one loaded corpus looks like to the view, worked out once per load. */
interface Tallies {
  readonly usage: ReadonlyMap<string, CodeUsage>;
  /** Per code id, its annotations in path order, then file order. */
  readonly segments: ReadonlyMap<string, readonly { document: CorpusDocument; annotation: Annotation }[]>;
}

/**
 * The codebook: themes, their codes with how often each is applied (in total and per wave),
 * and under each code the segments coded with it.
 */
export class CodebookTree implements vscode.TreeDataProvider<CodebookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodebookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private tallies = new WeakMap<LoadedCorpus, Tallies>();

  constructor(private readonly service: CorpusService) {
    this.disposables = [this.changed, service.onDidChange(() => this.refresh())];
  }

  private refresh(): void {
    const empty = this.service.corpora.length > 0 && this.service.corpora.every((c) => c.loaded.corpus.codebook.themes.length === 0);
    void vscode.commands.executeCommand('setContext', 'qualframe.emptyCodebook', empty);
    this.changed.fire(undefined);
  }

  private tally(entry: CorpusEntry): Tallies {
    let t = this.tallies.get(entry.loaded);
    if (!t) {
      const segments = new Map<string, { document: CorpusDocument; annotation: Annotation }[]>();
      for (const document of entry.loaded.corpus.documents) {
        for (const annotation of document.annotations) {
          const list = segments.get(annotation.code);
          if (list) list.push({ document, annotation });
          else segments.set(annotation.code, [{ document, annotation }]);
        }
      }
      t = { usage: codeUsage(entry.loaded.corpus), segments };
      this.tallies.set(entry.loaded, t);
    }
    return t;
  }

  getChildren(node?: CodebookNode): CodebookNode[] {
    if (!node) {
      const corpora = this.service.corpora;
      return corpora.length === 1 ? this.themes(corpora[0]) : corpora.map((entry) => ({ kind: 'corpus', entry }));
    }
    switch (node.kind) {
      case 'corpus':
        return this.themes(node.entry);
      case 'theme':
        // A theme without codes is applied as a code: its children are its segments.
        return node.theme.codes.length ? node.theme.codes.map((code) => ({ kind: 'code', entry: node.entry, code })) : this.segments(node.entry, node.theme.id);
      case 'code':
        return this.segments(node.entry, node.code.id);
      case 'segment':
        return [];
    }
  }

  private themes(entry: CorpusEntry): CodebookNode[] {
    return entry.loaded.corpus.codebook.themes.map((theme) => ({ kind: 'theme', entry, theme }));
  }

  private segments(entry: CorpusEntry, code: string): CodebookNode[] {
    return (this.tally(entry).segments.get(code) ?? []).map(({ document, annotation }) => ({ kind: 'segment', entry, document, annotation }));
  }

  getTreeItem(node: CodebookNode): vscode.TreeItem {
    switch (node.kind) {
      case 'corpus': {
        const item = new vscode.TreeItem(node.entry.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('library');
        return item;
      }
      case 'theme':
        return node.theme.codes.length ? this.themeItem(node.entry, node.theme) : this.codeItem(node.entry, node.theme, 'appliedTheme');
      case 'code':
        return this.codeItem(node.entry, node.code, 'code');
      case 'segment':
        return segmentItem(node.entry, node.document, node.annotation);
    }
  }

  private themeItem(entry: CorpusEntry, theme: Theme): vscode.TreeItem {
    const { usage } = this.tally(entry);
    const n = theme.codes.reduce((sum, c) => sum + (usage.get(c.id)?.segments ?? 0), 0);
    const item = new vscode.TreeItem(theme.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = count(n, 'segment');
    item.tooltip = definition(theme.name, theme.id, theme);
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.id = `${entry.root.toString()}|theme|${theme.id}`;
    item.contextValue = 'theme';
    item.command = revealInCodebook(entry, theme.line);
    return item;
  }

  /** A code, or a theme without codes (applied as a code, so shown like one, with its theme icon). */
  private codeItem(entry: CorpusEntry, code: Code | Theme, contextValue: 'code' | 'appliedTheme'): vscode.TreeItem {
    const usage = this.tally(entry).usage.get(code.id);
    const n = usage?.segments ?? 0;
    const item = new vscode.TreeItem(code.name, n ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = usage ? usageLine(usage) : count(0, 'segment');
    const tooltip = definition(code.name, code.id, code);
    if (usage) appendUsage(tooltip, usage, entry.loaded.corpus.config.compare.attribute);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(contextValue === 'appliedTheme' ? 'symbol-namespace' : n === 0 ? 'circle-outline' : 'circle-filled');
    item.id = `${entry.root.toString()}|${contextValue === 'code' ? 'code' : 'theme'}|${code.id}`;
    item.contextValue = contextValue;
    item.command = revealInCodebook(entry, code.line);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** `7 segments · 2016: 3 cases · 2021: 4 cases`; without waves, the cases in total. */
function usageLine(usage: CodeUsage): string {
  const parts = [count(usage.segments, 'segment')];
  if (usage.waves.length === 0) parts.push(count(usage.cases, 'case'));
  for (const w of usage.waves) parts.push(`${w.wave}: ${count(w.cases, 'case')}`);
  return parts.join(' · ');
}

function appendUsage(md: vscode.MarkdownString, usage: CodeUsage, attribute: string): void {
  md.appendMarkdown('\n\n**Coded:** ').appendText(`${count(usage.segments, 'segment')} in ${count(usage.cases, 'case')}`);
  for (const w of usage.waves) md.appendMarkdown('\n\n').appendText(`${attribute} ${w.wave}: ${count(w.segments, 'segment')} in ${count(w.cases, 'case')}`);
}

function segmentItem(entry: CorpusEntry, document: CorpusDocument, annotation: Annotation): vscode.TreeItem {
  const orphan = !annotation.anchored;
  const item = new vscode.TreeItem(shorten(annotation.quote), vscode.TreeItemCollapsibleState.None);
  item.description = `${document.caseId} · ${document.path}`;
  const md = new vscode.MarkdownString();
  md.supportThemeIcons = true; // set first, so appendText escapes `$(…)` in the quote
  md.appendText(`“${annotation.quote}”`);
  if (orphan) md.appendMarkdown('\n\n$(warning) ').appendText('Orphaned: this quote is no longer in the text. Opens at its entry in the front matter.');
  if (annotation.memo) md.appendMarkdown('\n\n**Memo:** ').appendText(annotation.memo);
  if (annotation.by) md.appendMarkdown('\n\n**Coded by** ').appendText(annotation.by);
  item.tooltip = md;
  item.iconPath = new vscode.ThemeIcon(orphan ? 'warning' : 'quote');
  item.id = `${entry.root.toString()}|segment|${document.path}|${annotation.id}`;
  item.contextValue = 'segment';
  item.command = { command: OPEN_SEGMENT_COMMAND, title: 'Open Segment', arguments: [entry.root.toString(), document.path, annotation.id] };
  return item;
}

/** One line of at most LABEL_MAX characters: a quote may span paragraphs. */
function shorten(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1).trimEnd()}…` : line;
}

function definition(name: string, id: string, entry: { description?: string; include?: string; exclude?: string; example?: string }): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(name);
  md.appendMarkdown(' — ');
  md.appendText(id);
  if (entry.description) md.appendMarkdown('\n\n').appendText(entry.description);
  if (entry.include) md.appendMarkdown('\n\n**Include:** ').appendText(entry.include);
  if (entry.exclude) md.appendMarkdown('\n\n**Exclude:** ').appendText(entry.exclude);
  if (entry.example) md.appendMarkdown('\n\n**Example:** ').appendText(`“${entry.example}”`);
  return md;
}

function revealInCodebook(entry: CorpusEntry, line: number): vscode.Command {
  const uri = vscode.Uri.joinPath(entry.root, ...entry.loaded.corpus.config.codebook.split('/'));
  return { command: 'vscode.open', title: 'Show in Codebook', arguments: [uri, { selection: new vscode.Range(line - 1, 0, line - 1, 0) }] };
}

const RESTRICTED_MESSAGE = 'Restricted Mode: QualFrame shows the corpus and does not change it. Trust the workspace to code.';

/** Says above the view that nothing can be changed in Restricted Mode, until the workspace is trusted. */
export function describeRestrictedMode(view: vscode.TreeView<unknown>): vscode.Disposable {
  if (vscode.workspace.isTrusted) return new vscode.Disposable(() => undefined);
  view.message = RESTRICTED_MESSAGE;
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    view.message = undefined;
  });
}
