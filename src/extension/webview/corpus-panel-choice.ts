/**
 * Which corpus a panel shows: its tab title, and the corpus a panel restored after a window
 * reload takes (from the state its webview saved, or else from the title its tab kept). Pure:
 * the panels themselves are in corpus-panels.ts.
 */

/** A corpus a panel can show: its root (a URI string) and its name. */
export interface PanelCorpus {
  readonly root: string;
  readonly name: string;
}

/** The tab title: `title`, with the corpus named once the workspace has more than one. */
export function corpusPanelTitle(title: string, corpora: readonly PanelCorpus[], root: string | undefined): string {
  const name = corpora.length > 1 ? corpora.find((c) => c.root === root)?.name : undefined;
  return name ? `${title}: ${name}` : title;
}

/**
 * The corpus a restored panel showed, from the state its webview saved: `root`, or else
 * `data.root` (every corpus panel keeps the last data it drew, root included). The state is the
 * webview's: only a string is taken, and it names a corpus only if one has that root.
 */
export function rootInSavedState(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { root, data } = state as { root?: unknown; data?: unknown };
  if (isRoot(root)) return root;
  if (typeof data !== 'object' || data === null) return undefined;
  const dataRoot = (data as { root?: unknown }).root;
  return isRoot(dataRoot) ? dataRoot : undefined;
}

function isRoot(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 4096;
}

/**
 * The corpus for a panel that does not know its own (restored without a root in its state): the
 * one its tab named before the reload (VS Code keeps the title, which the host set), else the
 * first corpus no other panel shows, else the first. Undefined while no corpus is loaded.
 */
export function corpusForPanel(title: string, corpora: readonly PanelCorpus[], taken: ReadonlySet<string>, restoredTitle: string | undefined): string | undefined {
  const free = corpora.filter((c) => !taken.has(c.root));
  const named = restoredTitle === undefined ? undefined : free.find((c) => corpusPanelTitle(title, corpora, c.root) === restoredTitle && corpora.length > 1);
  return (named ?? free[0] ?? corpora[0])?.root;
}
