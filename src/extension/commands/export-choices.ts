import * as vscode from 'vscode';
import { wavesOf } from '../../core/compare/document-wave';
import type { CorpusSelection } from '../../core/corpus/narrow-corpus';
import type { CorpusEntry } from '../corpus-service';

/** Where the themes and waves chosen for an export are remembered: one selection per corpus, shared by the exports. */
export const SELECTION_KEY = 'qualframe.exportSelection';

/** All quotes, only those marked illustrative, or the first N per theme and wave. */
export type QuoteChoice = 'all' | 'illustrative' | number;

/**
 * The themes and the values of the comparison attribute an export keeps (see narrowCorpus),
 * ticked as last time for this corpus (`key`, kept in `memory`); undefined when cancelled.
 * Without `waves`, only the themes are asked.
 */
export async function pickSelection(entry: CorpusEntry, memory: vscode.Memento | undefined, key: string, options: { waves: boolean }): Promise<CorpusSelection | undefined> {
  const { corpus } = entry.loaded;
  const memoryKey = `${key}:${entry.root.toString()}`;
  const last = memory?.get<CorpusSelection>(memoryKey) ?? {};
  const themes = await pickMany(
    corpus.codebook.themes.map((t) => ({ id: t.id, label: t.name, description: t.id })),
    last.themes,
    { title: 'Themes to include', placeHolder: 'Space ticks or unticks a theme; Enter goes on' },
  );
  if (!themes) return undefined;
  let waves: string[] | undefined;
  const attribute = corpus.config.compare.attribute;
  if (options.waves) {
    waves = await pickMany(
      wavesOf(corpus.documents, attribute).map((v) => ({ id: v, label: `${attribute} ${v}` })),
      last.waves,
      { title: `Values of ${attribute} to include`, placeHolder: 'Space ticks or unticks a value; Enter goes on' },
    );
    if (!waves) return undefined;
  }
  const selection: CorpusSelection = { themes, ...(waves ? { waves, attribute } : {}) };
  // An export that asks only for themes keeps the waves another export chose.
  await memory?.update(memoryKey, { ...last, ...selection });
  return selection;
}

/**
 * A multi-select quick pick, ticked as last time (all, the first time); resolves to the ids
 * ticked in the items' order, or undefined when cancelled. At least one unless `allowNone`.
 */
export async function pickMany(
  items: readonly { id: string; label: string; description?: string }[],
  last: readonly string[] | undefined,
  options: { title: string; placeHolder: string; allowNone?: boolean },
): Promise<string[] | undefined> {
  if (items.length === 0) return [];
  const ticked = last && last.some((id) => items.some((i) => i.id === id)) ? new Set(last) : new Set(items.map((i) => i.id));
  for (;;) {
    const picked = await vscode.window.showQuickPick(
      items.map((i) => ({ ...i, picked: ticked.has(i.id) })),
      { title: options.title, placeHolder: options.placeHolder, canPickMany: true, ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    if (picked.length > 0 || options.allowNone) return items.filter((i) => picked.some((p) => p.id === i.id)).map((i) => i.id);
    void vscode.window.showWarningMessage('QualFrame: tick at least one.');
  }
}

/** All quotes, the illustrative ones, or the first N per theme and wave. */
export async function pickQuotes(last: QuoteChoice | undefined, title = 'Quotes per theme and wave'): Promise<QuoteChoice | undefined> {
  const items: (vscode.QuickPickItem & { value: 'all' | 'illustrative' | 'first' })[] = [
    { value: 'all', label: 'All quotes' },
    { value: 'illustrative', label: 'Illustrative quotes only', detail: 'The segments marked as illustrative (★).' },
    { value: 'first', label: 'The first N…', detail: typeof last === 'number' ? `Last time: ${last}.` : undefined },
  ];
  const lastValue = typeof last === 'number' ? 'first' : (last ?? 'all');
  const picked = await vscode.window.showQuickPick(
    [...items].sort((a, b) => Number(b.value === lastValue) - Number(a.value === lastValue)),
    { title, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.value !== 'first') return picked.value;
  const n = await vscode.window.showInputBox({
    title,
    prompt: `${title}: how many, at most (the first, in case order)?`,
    value: String(typeof last === 'number' ? last : 3),
    ignoreFocusOut: true,
    validateInput: (v) => (/^[1-9]\d{0,3}$/.test(v.trim()) ? undefined : 'A whole number from 1 to 9999'),
  });
  return n === undefined ? undefined : Number(n.trim());
}
