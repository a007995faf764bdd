import * as vscode from 'vscode';
import type { Code, Theme } from '../../core/corpus/codebook';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { count } from '../../core/text/count';

type Node =
  | { kind: 'corpus'; entry: CorpusEntry }
  | { kind: 'theme'; entry: CorpusEntry; theme: Theme }
  | { kind: 'code'; entry: CorpusEntry; code: Code };

/** The codebook: themes, and their codes with how many segments each is applied to. */
export class CodebookTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private counts = new WeakMap<CorpusEntry['loaded'], Map<string, number>>();

  constructor(private readonly service: CorpusService) {
    this.disposables = [this.changed, service.onDidChange(() => this.refresh())];
  }

  private refresh(): void {
    const empty = this.service.corpora.length > 0 && this.service.corpora.every((c) => c.loaded.corpus.codebook.themes.length === 0);
    void vscode.commands.executeCommand('setContext', 'qualframe.emptyCodebook', empty);
    this.changed.fire(undefined);
  }

  /** Segments per applicable code id, counted once per loaded corpus. */
  private segments(entry: CorpusEntry): Map<string, number> {
    let counts = this.counts.get(entry.loaded);
    if (!counts) {
      counts = new Map();
      for (const d of entry.loaded.corpus.documents) for (const a of d.annotations) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
      this.counts.set(entry.loaded, counts);
    }
    return counts;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const corpora = this.service.corpora;
      return corpora.length === 1 ? this.themes(corpora[0]) : corpora.map((entry) => ({ kind: 'corpus', entry }));
    }
    if (node.kind === 'corpus') return this.themes(node.entry);
    if (node.kind === 'theme') return node.theme.codes.map((code) => ({ kind: 'code', entry: node.entry, code }));
    return [];
  }

  private themes(entry: CorpusEntry): Node[] {
    return entry.loaded.corpus.codebook.themes.map((theme) => ({ kind: 'theme', entry, theme }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'corpus') {
      const item = new vscode.TreeItem(node.entry.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('library');
      return item;
    }
    const counts = this.segments(node.entry);
    if (node.kind === 'theme') {
      const { theme } = node;
      const n = theme.codes.length === 0 ? counts.get(theme.id) ?? 0 : theme.codes.reduce((sum, c) => sum + (counts.get(c.id) ?? 0), 0);
      const item = new vscode.TreeItem(theme.name, theme.codes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = count(n, 'segment');
      item.tooltip = definition(theme.name, theme.id, theme.description);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.id = `${node.entry.root.toString()}|theme|${theme.id}`;
      item.command = revealInCodebook(node.entry, theme.line);
      return item;
    }
    const { code } = node;
    const n = counts.get(code.id) ?? 0;
    const item = new vscode.TreeItem(code.name, vscode.TreeItemCollapsibleState.None);
    item.description = String(n);
    item.tooltip = definition(code.name, code.id, code.description, code);
    item.iconPath = new vscode.ThemeIcon(n === 0 ? 'circle-outline' : 'circle-filled');
    item.id = `${node.entry.root.toString()}|code|${code.id}`;
    item.command = revealInCodebook(node.entry, code.line);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function definition(name: string, id: string, description?: string, code?: Code): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(name);
  md.appendMarkdown(' — ');
  md.appendText(id);
  if (description) md.appendMarkdown('\n\n').appendText(description);
  if (code?.include) md.appendMarkdown('\n\n**Include:** ').appendText(code.include);
  if (code?.exclude) md.appendMarkdown('\n\n**Exclude:** ').appendText(code.exclude);
  if (code?.example) md.appendMarkdown('\n\n**Example:** ').appendText(`“${code.example}”`);
  return md;
}

function revealInCodebook(entry: CorpusEntry, line: number): vscode.Command {
  const uri = vscode.Uri.joinPath(entry.root, ...entry.loaded.corpus.config.codebook.split('/'));
  return { command: 'vscode.open', title: 'Show in Codebook', arguments: [uri, { selection: new vscode.Range(line - 1, 0, line - 1, 0) }] };
}
