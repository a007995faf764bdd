import * as vscode from 'vscode';
import type { SearchFilters, SearchHit, SearchResult } from '../../core/search';
import { hitSnippet } from '../../core/search/snippet';

/** A search as run: which corpus, what was typed, and what it found. */
export interface SearchRun {
  /** The corpus root, a URI string. */
  readonly root: string;
  readonly corpusName: string;
  /** What was typed, filters included. */
  readonly input: string;
  readonly query: string;
  readonly filters: SearchFilters;
  readonly result: SearchResult;
}

/** A hit's key: its document and passage. */
export function hitKey(hit: Pick<SearchHit, 'file' | 'start'>): string {
  return `${hit.file}#${hit.start}`;
}

type Node = { readonly kind: 'document'; readonly file: string; readonly hits: readonly SearchHit[] } | { readonly kind: 'hit'; readonly hit: SearchHit };

/** Hits shown in the Search Results view, at most. */
export const VIEW_HIT_LIMIT = 1000;

/**
 * The Search Results view: the last search's hits, grouped by document, each hit's words with
 * the matches highlighted; a checkbox per hit chooses which ones "Auto-code Hits…" codes (all,
 * when none is checked).
 */
export class SearchResults implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private run: SearchRun | undefined;
  private readonly checked = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.view = vscode.window.createTreeView('qualframe.searchResults', { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.subscriptions.push(
      this.view,
      this.view.onDidChangeCheckboxState((e) => {
        for (const [node, state] of e.items) {
          const hits = node.kind === 'hit' ? [node.hit] : node.hits;
          for (const hit of hits) {
            if (state === vscode.TreeItemCheckboxState.Checked) this.checked.add(hitKey(hit));
            else this.checked.delete(hitKey(hit));
          }
        }
        this.changed.fire(undefined);
        this.describe();
      }),
    );
    this.describe();
  }

  /** The search shown. */
  get current(): SearchRun | undefined {
    return this.run;
  }

  /** The hits checked in the view (of the search shown). */
  checkedHits(): SearchHit[] {
    return this.run ? this.run.result.hits.filter((h) => this.checked.has(hitKey(h))) : [];
  }

  show(run: SearchRun | undefined): void {
    this.run = run;
    this.checked.clear();
    void vscode.commands.executeCommand('setContext', 'qualframe.hasSearchResults', run !== undefined && run.result.hits.length > 0);
    this.changed.fire(undefined);
    this.describe();
  }

  /** Shows a new run of the same search: the checked hits stay checked. */
  update(run: SearchRun): void {
    const keep = new Set(run.result.hits.map(hitKey));
    for (const key of [...this.checked]) if (!keep.has(key)) this.checked.delete(key);
    this.run = run;
    void vscode.commands.executeCommand('setContext', 'qualframe.hasSearchResults', run.result.hits.length > 0);
    this.changed.fire(undefined);
    this.describe();
  }

  /** Shows the view (and its container). */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand('qualframe.searchResults.focus');
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'document') {
      const first = node.hits[0];
      const item = new vscode.TreeItem(first.case, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${describeAttributes(first)} · ${node.file} · ${node.hits.length} ${node.hits.length === 1 ? 'passage' : 'passages'}`;
      item.resourceUri = this.run ? vscode.Uri.joinPath(vscode.Uri.parse(this.run.root), ...node.file.split('/')) : undefined;
      item.iconPath = vscode.ThemeIcon.File;
      item.id = `doc:${node.file}`;
      item.checkboxState = node.hits.every((h) => this.checked.has(hitKey(h))) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
      item.contextValue = 'searchDocument';
      return item;
    }
    const { hit } = node;
    const snippet = hitSnippet(hit, 120);
    const item = new vscode.TreeItem({ label: snippet.text, highlights: snippet.highlights.map(([s, e]) => [s, e] as [number, number]) }, vscode.TreeItemCollapsibleState.None);
    item.id = `hit:${hitKey(hit)}`;
    item.description = [hit.speaker, hit.codes.length > 0 ? `coded: ${hit.codes.join(', ')}` : 'uncoded'].filter(Boolean).join(' · ');
    item.tooltip = hitTooltip(hit);
    item.accessibilityInformation = { label: `${hit.case}${hit.speaker ? `, ${hit.speaker}` : ''}: ${snippet.text}` };
    item.checkboxState = this.checked.has(hitKey(hit)) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.command = { command: 'qualframe.openSearchHit', title: 'Open Passage', arguments: [this.run?.root, hit] };
    item.contextValue = 'searchHit';
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!this.run) return [];
    if (node?.kind === 'hit') return [];
    if (node?.kind === 'document') return node.hits.map((hit) => ({ kind: 'hit', hit }));
    const byFile = new Map<string, SearchHit[]>();
    for (const hit of this.run.result.hits) {
      const list = byFile.get(hit.file);
      if (list) list.push(hit);
      else byFile.set(hit.file, [hit]);
    }
    // Documents in the order of their best hit; hits in a document in reading order.
    return [...byFile].map(([file, hits]) => ({ kind: 'document', file, hits: [...hits].sort((a, b) => a.start - b.start) }));
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.changed.dispose();
  }

  /** The view's message: what was searched, and how many passages matched. */
  private describe(): void {
    const run = this.run;
    if (!run) {
      this.view.message = 'Search the corpus (QualFrame: Search Corpus) to list passages here.';
      this.view.description = undefined;
      return;
    }
    const { result } = run;
    const shown = result.hits.length < result.total ? `${result.hits.length} best of ${result.total}` : `${result.total}`;
    const notes = result.notes.length > 0 ? ` (${result.notes.join('; ')})` : '';
    const checked = this.checked.size > 0 ? ` · ${this.checked.size} checked for auto-coding` : '';
    this.view.message = result.total === 0 ? `No passage matches ${JSON.stringify(run.input)}${notes}.` : `${shown} ${result.total === 1 ? 'passage matches' : 'passages match'} ${JSON.stringify(run.input)}${notes}${checked}.`;
    this.view.description = run.corpusName;
  }
}

/** The hit's document attributes, short: `2021 · GP`. */
export function describeAttributes(hit: Pick<SearchHit, 'attributes'>): string {
  return Object.values(hit.attributes).slice(0, 2).join(' · ');
}

/** The whole passage with the matches in bold, as Markdown that shows transcript text as text. */
function hitTooltip(hit: SearchHit): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(hit.case)}** · ${escapeMarkdown(hit.file)}\n\n`);
  let at = hit.start;
  for (const [s, e] of hit.matches) {
    md.appendText(hit.text.slice(at - hit.start, s - hit.start));
    md.appendMarkdown(`**${escapeMarkdown(hit.text.slice(s - hit.start, e - hit.start))}**`);
    at = e;
  }
  md.appendText(hit.text.slice(at - hit.start));
  if (hit.codes.length > 0) md.appendMarkdown(`\n\n*coded:* ${escapeMarkdown(hit.codes.join(', '))}`);
  return md;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
