import * as vscode from 'vscode';
import { SearchIndex } from '../../core/search';
import type { CorpusEntry, CorpusService } from '../corpus-service';

/** Work done between yields to the event loop while indexing: the editor stays responsive. */
const SLICE_MS = 8;
/** Below this many documents to index, no progress is shown (an update after a save). */
const PROGRESS_FROM = 20;

interface IndexState {
  readonly index: SearchIndex;
  /** The documents the index holds now (identity: what was loaded). */
  synced: CorpusEntry['loaded']['corpus']['documents'] | undefined;
  /** The sync running, if any. */
  running: Promise<void> | undefined;
  /** Done and total documents of the running sync. */
  progress: { done: number; total: number } | undefined;
  /** The documents whose indexing failed (logged), so nothing waits for them forever. */
  failed?: CorpusEntry['loaded']['corpus']['documents'];
}

/**
 * A search index per corpus, kept in step with the corpus service: built in the background
 * after a corpus loads (a few milliseconds of work at a time, with progress in the status bar),
 * then brought up to date after each change, at the cost of the documents that changed (the
 * service keeps unchanged documents' objects, and the index skips them).
 */
export class SearchIndexes implements vscode.Disposable {
  private readonly states = new Map<string, IndexState>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a corpus root (URI string) when its index changed or its progress moved. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private disposed = false;

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = service.onDidChange(() => this.update());
    this.update();
  }

  /** The index of a corpus, once it holds the corpus as loaded now (waits for indexing). */
  async ready(entry: CorpusEntry): Promise<SearchIndex> {
    const state = this.stateOf(entry);
    for (;;) {
      const current = this.entryAt(entry.root.toString());
      // A corpus gone (being found again), or one whose indexing failed (logged): the index as it is.
      if (!current || state.failed === current.loaded.corpus.documents) return state.index;
      if (state.synced === current.loaded.corpus.documents && !state.running) return state.index;
      await (state.running ?? this.sync(current, state));
    }
  }

  /** Indexing progress of a corpus, while it indexes. */
  progress(entry: CorpusEntry): { done: number; total: number } | undefined {
    return this.states.get(entry.root.toString())?.progress;
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    this.changed.dispose();
    this.states.clear();
  }

  private entryAt(root: string): CorpusEntry | undefined {
    return this.service.corpora.find((c) => c.root.toString() === root);
  }

  private stateOf(entry: CorpusEntry): IndexState {
    const root = entry.root.toString();
    let state = this.states.get(root);
    if (!state) {
      state = { index: new SearchIndex(entry.loaded.corpus.codebook), synced: undefined, running: undefined, progress: undefined };
      this.states.set(root, state);
    }
    return state;
  }

  /** Starts indexing what changed, and forgets the indexes of corpora that are gone. */
  private update(): void {
    const roots = new Set(this.service.corpora.map((c) => c.root.toString()));
    for (const root of [...this.states.keys()]) if (!roots.has(root)) this.states.delete(root);
    for (const entry of this.service.corpora) {
      const state = this.stateOf(entry);
      const documents = entry.loaded.corpus.documents;
      if (!state.running && state.synced !== documents && state.failed !== documents) void this.sync(entry, state);
    }
  }

  /** Brings one index to its corpus, in slices; runs again if the corpus changed meanwhile. */
  private sync(entry: CorpusEntry, state: IndexState): Promise<void> {
    const root = entry.root.toString();
    const work = async () => {
      for (;;) {
        const current = this.entryAt(root);
        if (!current || this.disposed) return;
        const documents = current.loaded.corpus.documents;
        if (state.synced === documents) return;
        state.index.setCodebook(current.loaded.corpus.codebook);
        const started = Date.now();
        const steps = state.index.syncSteps(documents);
        const first = steps.next();
        if (first.done) {
          state.synced = documents;
          continue;
        }
        const total = first.value.total;
        const run = () => this.runSteps(steps, first.value, state, root);
        if (total >= PROGRESS_FROM) {
          await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `QualFrame: indexing ${current.name} for search` }, async (progress) => {
            let reported = 0;
            const listener = this.changed.event((changedRoot) => {
              const p = state.progress;
              if (changedRoot !== root || !p) return;
              const percent = Math.floor((100 * p.done) / p.total);
              if (percent > reported) progress.report({ message: `${percent}%`, increment: percent - reported });
              reported = percent;
            });
            try {
              await run();
            } finally {
              listener.dispose();
            }
          });
        } else await run();
        state.synced = documents;
        state.progress = undefined;
        const stats = state.index.stats();
        this.log.info(`search index of ${current.name}: ${total} document(s) indexed in ${Date.now() - started} ms (${stats.documents} documents, ${stats.passages} passages, ${stats.terms} words, ~${Math.round(stats.bytes / 1e6)} MB)`);
        this.changed.fire(root);
      }
    };
    state.running = work()
      .catch((e) => {
        state.failed = this.entryAt(root)?.loaded.corpus.documents;
        state.progress = undefined;
        this.log.error(`search index of ${root}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      })
      .finally(() => {
        state.running = undefined;
      });
    return state.running;
  }

  private async runSteps(steps: Generator<{ done: number; total: number }, void, void>, first: { done: number; total: number }, state: IndexState, root: string): Promise<void> {
    state.progress = first;
    let sliceStart = Date.now();
    for (let step = steps.next(); !step.done; step = steps.next()) {
      state.progress = step.value;
      if (Date.now() - sliceStart >= SLICE_MS) {
        this.changed.fire(root);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.disposed) return;
        sliceStart = Date.now();
      }
    }
  }
}
