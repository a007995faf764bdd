import * as vscode from 'vscode';
import { groupCasesBy, type CaseGroup, type CaseInGroup } from '../../core/corpus/case-groups';
import type { CorpusDocument } from '../../core/corpus/document';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { count } from '../../core/text/count';

type Node =
  | { kind: 'corpus'; entry: CorpusEntry }
  | { kind: 'group'; entry: CorpusEntry; attribute: string; group: CaseGroup }
  | { kind: 'case'; entry: CorpusEntry; attribute: string; item: CaseInGroup; group: string }
  | { kind: 'document'; entry: CorpusEntry; document: CorpusDocument };

/** Cases grouped by wave (or the attribute the `qualframe.cases.groupBy` setting names), with their attributes and documents. */
export class CasesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: CorpusService) {
    this.disposables = [
      this.changed,
      service.onDidChange(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('qualframe.cases.groupBy') && this.changed.fire(undefined)),
    ];
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const corpora = this.service.corpora;
      return corpora.length === 1 ? this.groups(corpora[0]) : corpora.map((entry) => ({ kind: 'corpus', entry }));
    }
    switch (node.kind) {
      case 'corpus':
        return this.groups(node.entry);
      case 'group':
        return node.group.cases.map((item) => ({ kind: 'case', entry: node.entry, attribute: node.attribute, item, group: node.group.value }));
      case 'case':
        return node.item.documents.map((document) => ({ kind: 'document', entry: node.entry, document }));
      default:
        return [];
    }
  }

  private groups(entry: CorpusEntry): Node[] {
    const setting = vscode.workspace.getConfiguration('qualframe').get<string>('cases.groupBy', '').trim();
    const attribute = setting || entry.loaded.corpus.config.compare.attribute;
    return groupCasesBy(entry.loaded.corpus, attribute).map((group) => ({ kind: 'group', entry, attribute, group }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'corpus': {
        const item = new vscode.TreeItem(node.entry.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('library');
        item.tooltip = node.entry.root.fsPath;
        return item;
      }
      case 'group': {
        const label = node.group.value === '' ? `(no ${node.attribute})` : `${node.attribute} ${node.group.value}`;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        const n = node.group.cases.length;
        item.description = count(n, 'case');
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.id = `${node.entry.root.toString()}|${node.attribute}|${node.group.value}`;
        return item;
      }
      case 'case': {
        const { item: c } = node;
        const item = new vscode.TreeItem(c.case.id, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = c.description.map((d) => d.value).join(' · ');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown(`**${escape(c.case.id)}**\n\n`);
        for (const d of c.documents) {
          for (const [k, v] of Object.entries(d.attributes)) tooltip.appendMarkdown(`- ${escape(k)}: ${escape(v)}\n`);
          break;
        }
        const annotations = c.documents.reduce((n, d) => n + d.annotations.length, 0);
        tooltip.appendMarkdown(`\n${count(c.documents.length, 'document')}, ${count(annotations, 'coded segment')}`);
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon('person');
        item.id = `${node.entry.root.toString()}|${node.attribute}|${node.group}|${c.case.id}`;
        item.contextValue = 'qualframe.case';
        return item;
      }
      case 'document': {
        const uri = vscode.Uri.joinPath(node.entry.root, ...node.document.path.split('/'));
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
        const n = node.document.annotations.length;
        const orphans = node.document.annotations.filter((a) => !a.anchored).length;
        item.description = `${count(n, 'segment')}${orphans ? `, ${orphans} orphaned` : ''}`;
        item.command = { command: 'vscode.open', title: 'Open Document', arguments: [uri] };
        item.contextValue = 'qualframe.document';
        return item;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Attribute values are the researcher's text: never Markdown structure in a tooltip. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
