import * as vscode from 'vscode';
import { diffCoding, uncomparedFiles, type CodingChange } from '../../core/review/coding-diff';
import { GitError } from '../../node/git/git';
import { loadCorpusAt } from '../../node/git/revision-corpus';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { activeCorpus } from '../active-corpus';
import { ensureTrusted } from '../user-errors';
import type { CodingChanges } from './coding-changes';
import { defaultBase, pickRevision, repositoryOf, WORKING_TREE, type RevisionChoice } from './pick-refs';

/**
 * "QualFrame: Review Coding Changes…": two revisions (default: the branch's upstream, or
 * `main`, against the working tree), then the Coding Changes view lists what changed in the
 * coding between them: annotations added, removed, recoded, moved, re-worded; summaries; the
 * codebook. Git runs only in a trusted workspace.
 */
export class ReviewCodingChangesCommand implements Command {
  readonly id = 'qualframe.reviewCodingChanges';

  constructor(
    private readonly service: CorpusService,
    private readonly view: CodingChanges,
  ) {}

  async execute(from?: unknown, to?: unknown): Promise<number | undefined> {
    if (!ensureTrusted('run git')) return undefined;
    const entry = activeCorpus(this.service, 'review its coding changes');
    if (!entry) return undefined;
    const repo = await repositoryOf(entry.root);
    if (!repo) return undefined;
    // Arguments (from a script or a test): refs as strings, `null`/'' for the working tree.
    let base: RevisionChoice | undefined = typeof from === 'string' && from !== '' ? { ref: from, label: from } : undefined;
    let target: RevisionChoice | undefined = typeof to === 'string' && to !== '' ? { ref: to, label: to } : to === null ? WORKING_TREE : undefined;
    if (!base) {
      const preferred = await defaultBase(repo);
      base = await pickRevision(repo, { title: 'Review Coding Changes (1/2): from', placeHolder: `The revision to compare from${preferred ? ` (first: ${preferred})` : ''}; or type a ref`, workingTree: false, preferred });
      if (!base) return undefined;
    }
    if (!target) {
      target = await pickRevision(repo, { title: `Review Coding Changes (2/2): from ${base.label} to`, placeHolder: 'The revision to compare to (first: the working tree); or type a ref', workingTree: true });
      if (!target) return undefined;
    }
    const fromChoice = base;
    const toChoice = target;
    try {
      const review = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `QualFrame: comparing the coding of ${fromChoice.label} and ${toChoice.label}` }, async () => {
        const [a, b] = await Promise.all([loadCorpusAt(entry.root.fsPath, fromChoice.ref), loadCorpusAt(entry.root.fsPath, toChoice.ref)]);
        return { root: entry.root, from: fromChoice, to: toChoice, changes: diffCoding(a.loaded.corpus, b.loaded.corpus), uncompared: uncomparedFiles(a.loaded.corpus, b.loaded.corpus) };
      });
      this.view.show(review);
      await this.view.reveal();
      return review.changes.length;
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      void vscode.window.showWarningMessage(`QualFrame: ${e.message}; nothing was compared.`);
      return undefined;
    }
  }
}

/** Opens a change's segment: in the second revision, or in the first for what is gone. */
export class OpenCodingChangeCommand implements Command {
  readonly id = 'qualframe.openCodingChange';

  constructor(private readonly view: CodingChanges) {}

  async execute(change?: unknown): Promise<void> {
    const review = this.view.current;
    if (!review || !isChange(change)) return;
    const gone = change.kind === 'removed' || (change.kind === 'summary' && change.change === 'removed') || (change.kind === 'codebook' && change.change === 'removed');
    const side = gone ? review.from : review.to;
    const file = change.kind === 'summary' && gone ? (change.fromFile ?? change.file) : change.file;
    const line = change.kind === 'summary' || change.kind === 'codebook' ? undefined : gone ? change.fromLine : change.line;
    const uri = revisionUri(review.root, file, side.ref);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
      let selection = new vscode.Range(position, position);
      // Select the quote on its line when it is there as written.
      if (line !== undefined && change.quote) {
        const at = document.getText().indexOf(change.quote, document.offsetAt(position));
        if (at !== -1) selection = new vscode.Range(document.positionAt(at), document.positionAt(at + change.quote.length));
      }
      await vscode.window.showTextDocument(document, { selection, preview: true });
    } catch (e) {
      void vscode.window.showWarningMessage(`QualFrame: cannot open ${file} at ${side.label}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** Opens the git diff of a changed file between the two revisions. */
export class OpenCodingChangeDiffCommand implements Command {
  readonly id = 'qualframe.openCodingChangeDiff';

  constructor(private readonly view: CodingChanges) {}

  async execute(node?: unknown): Promise<void> {
    const review = this.view.current;
    const file = fileOf(node);
    if (!review || !file) return;
    const left = revisionUri(review.root, file, review.from.ref);
    const right = revisionUri(review.root, file, review.to.ref);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${file} (${review.from.label} ↔ ${review.to.label})`);
  }
}

/**
 * A file of a revision as VS Code's git extension serves it (`git:` scheme; its query names the
 * path and the ref), or the file on disk for the working tree.
 */
function revisionUri(root: vscode.Uri, file: string, ref: string | undefined): vscode.Uri {
  const uri = vscode.Uri.joinPath(root, ...file.split('/'));
  return ref === undefined ? uri : uri.with({ scheme: 'git', query: JSON.stringify({ path: uri.fsPath, ref }) });
}

function fileOf(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { kind?: unknown; file?: unknown; change?: { file?: unknown } };
  if (typeof n.file === 'string') return n.file;
  return typeof n.change?.file === 'string' ? n.change.file : undefined;
}

function isChange(value: unknown): value is CodingChange {
  const c = value as Partial<CodingChange> | undefined;
  return typeof c === 'object' && c !== null && typeof c.kind === 'string' && typeof c.file === 'string';
}
