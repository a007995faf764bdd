import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core/corpus/config';
import { loadCorpus, updateDocuments, type LoadedCorpus } from '../core/corpus/load-corpus';
import { NodeCorpusFiles } from '../node/node-corpus-files';
import { toRootRelative } from '../node/find-root';
import { findCorpusRoots } from './corpus-roots';

/** One corpus of the workspace: a root folder and what was loaded from it. */
export interface CorpusEntry {
  readonly root: vscode.Uri;
  readonly name: string;
  readonly loaded: LoadedCorpus;
}

const UPDATE_DELAY_MS = 150;

/**
 * The corpora of the workspace, kept current. Loading happens in the background (never on
 * the activation path), with progress in the status bar; afterwards a saved, created or
 * deleted document costs a re-read of that file only, and a change to qualframe.yaml or the
 * codebook reloads its corpus.
 */
export class CorpusService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any corpus was (re)loaded or updated. */
  readonly onDidChange = this.changed.event;
  private entries: CorpusEntry[] = [];
  private loadingCount = 0;
  private readonly pending = new Map<string, { root: vscode.Uri; paths: Set<string>; full: boolean }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.fileChanged(uri)),
      watcher.onDidCreate((uri) => this.fileChanged(uri)),
      watcher.onDidDelete((uri) => this.fileChanged(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reloadAll()),
      this.changed,
    );
  }

  get corpora(): readonly CorpusEntry[] {
    return this.entries;
  }

  get loading(): boolean {
    return this.loadingCount > 0;
  }

  /** Finds the corpus roots and loads them all; resolves when done. */
  reloadAll(): Promise<void> {
    return this.enqueue(async () => {
      await this.withProgress('QualFrame: loading corpus', async () => {
        const roots = await findCorpusRoots();
        const loaded: CorpusEntry[] = [];
        for (const root of roots) {
          const started = Date.now();
          try {
            loaded.push({ root, name: rootName(root), loaded: await loadCorpus(new NodeCorpusFiles(root.fsPath)) });
            this.log.info(`loaded ${root.fsPath}: ${loaded[loaded.length - 1].loaded.corpus.files.length} documents in ${Date.now() - started} ms`);
          } catch (e) {
            this.log.error(`cannot load ${root.fsPath}: ${(e as Error).message}`);
          }
        }
        this.entries = loaded;
      });
      this.changed.fire();
    });
  }

  /** The corpus a file belongs to: the nearest root above it. */
  corpusOf(uri: vscode.Uri): CorpusEntry | undefined {
    return [...this.entries]
      .filter((e) => uri.fsPath === e.root.fsPath || uri.fsPath.startsWith(e.root.fsPath + '/'))
      .sort((a, b) => b.root.fsPath.length - a.root.fsPath.length)[0];
  }

  private fileChanged(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || /\/(node_modules|\.git)\//.test(uri.path)) return;
    const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (base === CONFIG_FILE) {
      // A new or removed corpus root, or new settings: find the roots again.
      this.schedule(uri, true, true);
      return;
    }
    const entry = this.corpusOf(uri);
    if (!entry) return;
    const relative = toRootRelative(entry.root.fsPath, uri.fsPath);
    const isSettings = relative === entry.loaded.parts.config.codebook;
    if (!isSettings && !/\.md$/i.test(relative)) return;
    this.schedule(uri, isSettings, false, entry.root, relative);
  }

  private schedule(uri: vscode.Uri, full: boolean, roots: boolean, root?: vscode.Uri, relative?: string): void {
    const key = roots ? '*' : root!.toString();
    const job = this.pending.get(key) ?? { root: root ?? uri, paths: new Set<string>(), full: false };
    job.full ||= full;
    if (relative) job.paths.add(relative);
    this.pending.set(key, job);
    if (this.timer) clearTimeout(this.timer);
    // Saves come in bursts (format on save, git checkout): gather them.
    this.timer = setTimeout(() => void this.flush(), UPDATE_DELAY_MS);
  }

  private flush(): Promise<void> {
    const jobs = [...this.pending.entries()];
    this.pending.clear();
    if (jobs.some(([key]) => key === '*')) return this.reloadAll();
    return this.enqueue(async () => {
      for (const [, job] of jobs) {
        const index = this.entries.findIndex((e) => e.root.toString() === job.root.toString());
        if (index === -1) continue;
        const files = new NodeCorpusFiles(job.root.fsPath);
        const current = this.entries[index];
        const started = Date.now();
        try {
          const loaded = job.full ? await loadCorpus(files) : await updateDocuments(files, current.loaded, [...job.paths]);
          this.entries = this.entries.map((e, i) => (i === index ? { ...e, loaded } : e));
          this.log.debug(`${job.full ? 'reloaded' : `updated ${[...job.paths].join(', ')} in`} ${job.root.fsPath} in ${Date.now() - started} ms`);
        } catch (e) {
          this.log.error(`cannot update ${job.root.fsPath}: ${(e as Error).message}`);
        }
      }
      this.changed.fire();
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    // One load or update at a time, in order, so a later save never loses to an earlier load.
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  private async withProgress(title: string, work: () => Promise<void>): Promise<void> {
    this.loadingCount++;
    void vscode.commands.executeCommand('setContext', 'qualframe.loading', true);
    this.changed.fire();
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, work);
    } finally {
      this.loadingCount--;
      void vscode.commands.executeCommand('setContext', 'qualframe.loading', this.loadingCount > 0);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function rootName(root: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(root);
  const base = root.path.slice(root.path.lastIndexOf('/') + 1);
  return folder && folder.uri.toString() !== root.toString() ? `${folder.name}/${toRootRelative(folder.uri.fsPath, root.fsPath)}` : base;
}
