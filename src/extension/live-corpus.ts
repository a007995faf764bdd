import * as vscode from 'vscode';
import { withUnsavedTexts } from '../core/corpus/live-corpus';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import { toRootRelative } from '../node/find-root';
import type { CorpusEntry, CorpusService } from './corpus-service';

/** Typing fires a change per key: views follow once it pauses. */
const UPDATE_DELAY_MS = 300;

/** An open buffer laid over the corpus, at the version read. */
interface Overlay {
  readonly document: vscode.TextDocument;
  readonly version: number;
  /** Root-relative POSIX path. */
  readonly path: string;
}

/**
 * The corpora as the researcher sees them in their editors, before saving: each corpus of
 * the service with the unsaved buffers of its documents and codebook laid over it. Only those
 * buffers are parsed again (core/corpus/live-corpus.ts), and the result is kept until the
 * corpus reloads or one of them changes, so asking again is free.
 */
export class LiveCorpora implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the service changed, and once typing in a corpus document or codebook pauses. */
  readonly onDidChange = this.changed.event;
  /** The last overlay of each load, with the buffers it was made from. */
  private readonly cache = new WeakMap<LoadedCorpus, { readonly overlays: readonly Overlay[]; readonly live: LoadedCorpus }>();
  /** Corpus files last seen with unsaved changes (by URI): reverting or closing one changes the corpus. */
  private readonly dirty = new Set<string>();
  /**
   * Corpus files saved since their corpus last loaded, with the load they were saved over:
   * until the service has read them again their buffer is still laid over it, so the views
   * never step back to the text before the save in between.
   */
  private readonly saved = new Map<string, { readonly document: vscode.TextDocument; readonly loaded: LoadedCorpus }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: CorpusService) {
    this.disposables = [
      service.onDidChange(() => this.serviceChanged()),
      vscode.workspace.onDidChangeTextDocument((e) => this.textChanged(e.document, e.contentChanges.length > 0)),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.isDirty) this.textChanged(d, true);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.documentSaved(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.documentClosed(d)),
      this.changed,
    ];
  }

  /** The entry's corpus with every unsaved buffer of its documents and codebook laid over it. */
  current(entry: CorpusEntry): LoadedCorpus {
    const overlays = this.overlaysOf(entry);
    if (overlays.length === 0) return entry.loaded;
    const cached = this.cache.get(entry.loaded);
    if (cached && sameOverlays(cached.overlays, overlays)) return cached.live;
    const codebookPath = entry.loaded.parts.config.codebook;
    const documents = new Map<string, string>();
    let codebook: string | undefined;
    for (const { document, path } of overlays) {
      if (path === codebookPath) codebook = document.getText();
      else documents.set(path, document.getText());
    }
    const live = withUnsavedTexts(entry.loaded, { documents, codebook });
    this.cache.set(entry.loaded, { overlays, live });
    return live;
  }

  /** The open buffers to lay over the entry's corpus, in path order. */
  private overlaysOf(entry: CorpusEntry): Overlay[] {
    const overlays: Overlay[] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty && this.saved.get(document.uri.toString())?.loaded !== entry.loaded) continue;
      const path = corpusPath(entry, document.uri);
      if (path !== undefined) overlays.push({ document, version: document.version, path });
    }
    return overlays.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private textChanged(document: vscode.TextDocument, contentChanged: boolean): void {
    // Output channels and other virtual documents change all the time: out at once.
    if (document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    // An event without content changes is a save or revert flipping the dirty state.
    if (!contentChanged && this.dirty.has(key) === document.isDirty) return;
    if (this.corpusPathOf(document.uri) === undefined) return;
    if (document.isDirty) this.dirty.add(key);
    else this.dirty.delete(key);
    this.schedule();
  }

  private documentSaved(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    const entry = this.service.corpusOf(document.uri);
    if (!entry || corpusPath(entry, document.uri) === undefined) return;
    this.saved.set(document.uri.toString(), { document, loaded: entry.loaded });
  }

  private documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.saved.delete(key);
    if (this.dirty.delete(key)) this.schedule();
  }

  private serviceChanged(): void {
    for (const [key, { document, loaded }] of this.saved) {
      if (this.service.corpusOf(document.uri)?.loaded !== loaded) this.saved.delete(key);
    }
    // The views are brought up to date now, with whatever typing was pending.
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.fire();
  }

  private corpusPathOf(uri: vscode.Uri): string | undefined {
    const entry = this.service.corpusOf(uri);
    return entry && corpusPath(entry, uri);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, UPDATE_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The root-relative path of a file the overlay covers (a document of the corpus, or its codebook), else undefined. */
function corpusPath(entry: CorpusEntry, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  const path = toRootRelative(entry.root.fsPath, uri.fsPath);
  const { parts } = entry.loaded;
  return parts.documents.has(path) || path === parts.config.codebook ? path : undefined;
}

function sameOverlays(a: readonly Overlay[], b: readonly Overlay[]): boolean {
  return a.length === b.length && a.every((o, i) => o.document === b[i].document && o.version === b[i].version);
}
