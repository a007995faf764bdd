import * as vscode from 'vscode';
import { GitError, repositoryRoot, runGit } from '../../node/git/git';

/** A revision to compare: a ref as a person names it, or the working tree (`undefined`). */
export interface RevisionChoice {
  readonly ref: string | undefined;
  readonly label: string;
}

interface RefPick extends vscode.QuickPickItem {
  readonly ref?: string;
  readonly workingTree?: true;
  readonly typed?: true;
}

export const WORKING_TREE: RevisionChoice = { ref: undefined, label: 'working tree' };

/** The repository holding a folder, or a message saying it is none. */
export async function repositoryOf(folder: vscode.Uri): Promise<string | undefined> {
  try {
    return await repositoryRoot(folder.fsPath);
  } catch (e) {
    void vscode.window.showWarningMessage(`QualFrame: ${e instanceof GitError ? e.message : String(e)}. Coding changes and agreement are read from git revisions; run "git init" and commit the corpus first.`);
    return undefined;
  }
}

/**
 * The default comparison: the current branch's upstream (or `main`, `master`) against the
 * working tree, so "what have I changed" is one Enter away.
 */
export async function defaultBase(repo: string): Promise<string | undefined> {
  const tries = [['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], ['rev-parse', '--verify', '--quiet', 'refs/heads/main'], ['rev-parse', '--verify', '--quiet', 'refs/heads/master']];
  const names = ['', 'main', 'master'];
  for (let i = 0; i < tries.length; i++) {
    try {
      const out = (await runGit(repo, tries[i])).trim();
      if (out) return names[i] || out;
    } catch {
      // not there: try the next
    }
  }
  try {
    return (await runGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() ? 'HEAD' : undefined;
  } catch {
    return undefined;
  }
}

/** Branches, tags and the last commits, newest first, for a quick pick. */
async function refItems(repo: string, options: { workingTree: boolean; preferred?: string }): Promise<RefPick[]> {
  const items: RefPick[] = [];
  if (options.workingTree) items.push({ label: '$(file-directory) Working tree', description: 'the files as they are now, saved', workingTree: true });
  const refs = await runGit(repo, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)%09%(objecttype)%09%(committerdate:relative)%09%(subject)', 'refs/heads', 'refs/remotes', 'refs/tags']).catch(() => '');
  const branchItems: RefPick[] = [];
  for (const line of refs.split('\n').filter(Boolean)) {
    const [name, , when, subject] = line.split('\t');
    if (!name || name.endsWith('/HEAD')) continue;
    branchItems.push({ label: `$(git-branch) ${name}`, description: when, detail: subject, ref: name });
  }
  if (options.preferred) {
    const at = branchItems.findIndex((i) => i.ref === options.preferred);
    if (at > 0) branchItems.unshift(...branchItems.splice(at, 1));
  }
  if (branchItems.length) items.push({ label: 'Branches and tags', kind: vscode.QuickPickItemKind.Separator }, ...branchItems);
  const log = await runGit(repo, ['log', '-n', '20', '--format=%h%x09%cr%x09%s']).catch(() => '');
  const commits = log
    .split('\n')
    .filter(Boolean)
    .map((line): RefPick => {
      const [hash, when, subject] = line.split('\t');
      return { label: `$(git-commit) ${hash}`, description: when, detail: subject, ref: hash };
    });
  if (commits.length) items.push({ label: 'Recent commits', kind: vscode.QuickPickItemKind.Separator }, ...commits);
  return items;
}

/**
 * Asks for a revision: a branch, tag or recent commit from the list, the working tree, or any
 * ref typed in the box (verified later, before use).
 */
export async function pickRevision(repo: string, options: { title: string; placeHolder: string; workingTree: boolean; preferred?: string }): Promise<RevisionChoice | undefined> {
  const items = await refItems(repo, options);
  const pick = vscode.window.createQuickPick<RefPick>();
  pick.title = options.title;
  pick.placeholder = options.placeHolder;
  pick.items = items;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const typedItem = (value: string): RefPick => ({ label: `$(edit) ${value}`, description: 'use this ref as typed', ref: value, typed: true, alwaysShow: true });
  pick.onDidChangeValue((value) => {
    // A ref as typed (`HEAD~1`, a hash), offered after the listed ones; git refs have no spaces.
    const v = value.trim();
    pick.items = v && !/\s/.test(v) && !items.some((i) => i.ref === v) ? [...items, typedItem(v)] : items;
  });
  const chosen = await new Promise<RefPick | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return undefined;
  if (chosen.workingTree) return WORKING_TREE;
  return chosen.ref ? { ref: chosen.ref, label: chosen.ref } : undefined;
}
