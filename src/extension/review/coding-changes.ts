import * as path from 'node:path';
import * as vscode from 'vscode';
import { countCodingChanges, CODING_CHANGE_KINDS, type CodingChange } from '../../core/review/coding-diff';

/** A comparison as shown: the corpus, the two revisions and the changes between them. */
export interface CodingReview {
  readonly root: vscode.Uri;
  readonly from: { readonly ref: string | undefined; readonly label: string };
  readonly to: { readonly ref: string | undefined; readonly label: string };
  readonly changes: readonly CodingChange[];
  /** Files both revisions list but one could not read: not compared. */
  readonly uncompared: readonly string[];
}

type Node = { readonly kind: 'file'; readonly file: string; readonly changes: readonly CodingChange[] } | { readonly kind: 'change'; readonly change: CodingChange };

const ICONS: Record<CodingChange['kind'], [string, string]> = {
  added: ['diff-added', 'gitDecoration.addedResourceForeground'],
  removed: ['diff-removed', 'gitDecoration.deletedResourceForeground'],
  recoded: ['tag', 'gitDecoration.modifiedResourceForeground'],
  moved: ['arrow-both', 'gitDecoration.renamedResourceForeground'],
  reworded: ['edit', 'gitDecoration.modifiedResourceForeground'],
  summary: ['note', 'gitDecoration.modifiedResourceForeground'],
  codebook: ['symbol-class', 'gitDecoration.modifiedResourceForeground'],
};

/**
 * The Coding Changes view: what "Review Coding Changes…" found between two revisions, by
 * document, each change with the quote it concerns; a click opens the segment, and the file's
 * git diff is one action away.
 */
export class CodingChanges implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private review: CodingReview | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;

  constructor() {
    this.view = vscode.window.createTreeView('qualframe.codingChanges', { treeDataProvider: this, showCollapseAll: true });
    this.describe();
  }

  get current(): CodingReview | undefined {
    return this.review;
  }

  show(review: CodingReview | undefined): void {
    this.review = review;
    void vscode.commands.executeCommand('setContext', 'qualframe.hasCodingReview', review !== undefined);
    this.changed.fire(undefined);
    this.describe();
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand('qualframe.codingChanges.focus');
  }

  getChildren(node?: Node): Node[] {
    if (!this.review) return [];
    if (node?.kind === 'file') return node.changes.map((change) => ({ kind: 'change', change }));
    if (node) return [];
    const byFile = new Map<string, CodingChange[]>();
    for (const change of this.review.changes) byFile.set(change.file, [...(byFile.get(change.file) ?? []), change]);
    return [...byFile].map(([file, changes]) => ({ kind: 'file', file, changes }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const review = this.review!;
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(path.posix.basename(node.file), vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.joinPath(review.root, ...node.file.split('/'));
      item.description = `${path.posix.dirname(node.file)} · ${describeCounts(node.changes)}`;
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'codingChangesFile';
      item.id = `file:${node.file}`;
      return item;
    }
    const { change } = node;
    const [icon, colour] = ICONS[change.kind];
    const item = new vscode.TreeItem(changeLabel(change), vscode.TreeItemCollapsibleState.None);
    item.description = changeDescription(change);
    item.tooltip = changeTooltip(change, review);
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
    item.contextValue = 'codingChange';
    item.command = { command: 'qualframe.openCodingChange', title: 'Open Segment', arguments: [change] };
    item.accessibilityInformation = { label: `${change.kind}: ${item.description}: ${typeof item.label === 'string' ? item.label : ''}` };
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }

  private describe(): void {
    const review = this.review;
    if (!review) {
      this.view.message = 'Compare the coding of two revisions (QualFrame: Review Coding Changes…) to list the changes here.';
      this.view.description = undefined;
      return;
    }
    const counts = describeCounts(review.changes);
    const uncompared = review.uncompared.length > 0 ? ` Not compared (unreadable in one revision): ${review.uncompared.join(', ')}.` : '';
    this.view.description = `${review.from.label} → ${review.to.label}`;
    this.view.message = review.changes.length === 0 ? `No coding changes from ${review.from.label} to ${review.to.label}.${uncompared}` : `${review.from.label} → ${review.to.label}: ${counts}.${uncompared}`;
  }
}

/** `3 added, 1 recoded`, in the kinds' order. */
export function describeCounts(changes: readonly CodingChange[]): string {
  const counts = countCodingChanges(changes);
  return CODING_CHANGE_KINDS.filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k === 'summary' ? (counts[k] === 1 ? 'summary' : 'summaries') : k === 'codebook' ? `codebook ${counts[k] === 1 ? 'change' : 'changes'}` : k}`)
    .join(', ');
}

function oneLine(text: string, width = 100): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

function changeLabel(change: CodingChange): string {
  switch (change.kind) {
    case 'summary':
      return oneLine(change.text ?? change.fromText ?? '') || `(summary of ${change.theme})`;
    case 'codebook':
      return change.name;
    default:
      return oneLine(change.quote) || `(annotation ${change.id})`;
  }
}

function changeDescription(change: CodingChange): string {
  switch (change.kind) {
    case 'added':
      return `added · ${change.code}`;
    case 'removed':
      return `removed · ${change.code}`;
    case 'recoded':
      return `recoded · ${change.fromCode} → ${change.code}`;
    case 'reworded':
      return `re-worded · ${change.code}`;
    case 'moved':
      return `moved to another passage · ${change.code}`;
    case 'summary':
      return `summary ${change.change} · ${change.case} · ${change.theme}`;
    case 'codebook':
      switch (change.change) {
        case 'renamed':
          return `${change.entry} renamed from ${change.fromName ?? change.fromId}`;
        case 'moved':
          return `code moved · ${change.fromTheme} → ${change.theme}`;
        case 'definition':
          return `${change.entry} definition changed (${(change.fields ?? []).join(', ')})`;
        default:
          return `${change.entry} ${change.change} · ${change.id}`;
      }
  }
}

function changeTooltip(change: CodingChange, review: CodingReview): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(`${changeDescription(change)} (${review.from.label} → ${review.to.label})\n\n`);
  if (change.kind === 'reworded' && change.fromQuote !== undefined) {
    md.appendText(`Before: ${change.fromQuote}\n\nNow: ${change.quote}`);
  } else if (change.kind === 'summary') {
    if (change.fromText !== undefined) md.appendText(`Before: ${change.fromText}\n\n`);
    if (change.text !== undefined) md.appendText(`Now: ${change.text}`);
  } else if (change.kind !== 'codebook') md.appendText(change.quote);
  return md;
}
