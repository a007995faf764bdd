import * as vscode from 'vscode';
import { parseSearchInput, type SearchHit, type SearchIndex, type SearchOptions } from '../../core/search';
import { hitSnippet } from '../../core/search/snippet';
import type { Command } from '../command-manager';
import { activeCorpus } from '../active-corpus';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { openHit } from './open-hit';
import type { SearchIndexes } from './search-indexes';
import { describeAttributes, VIEW_HIT_LIMIT, type SearchResults, type SearchRun } from './search-results';

/** Hits listed in the quick pick while typing. */
const PICK_LIMIT = 100;
const TYPING_DELAY_MS = 60;
const MEMORY_KEY = 'qualframe.search.last';

interface HitPick extends vscode.QuickPickItem {
  readonly hit?: SearchHit;
}

const FILTERS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: 'Add a filter: wave, attribute, speaker, code, uncoded' };
const VIEW_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('list-tree'), tooltip: 'Show all hits in the Search Results view' };
const AUTO_CODE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('tag'), tooltip: 'Auto-code these hits…' };
const BESIDE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: 'Open to the side' };


/** The attribute names of a corpus's documents, for filters typed as `name:value`. */
export function attributeNames(entry: CorpusEntry): string[] {
  const names = new Set<string>();
  for (const d of entry.loaded.corpus.documents) for (const k of Object.keys(d.attributes)) names.add(k);
  return [...names].sort();
}

/** Runs what was typed on an index: the query and the filters typed in it. */
export function runSearch(entry: CorpusEntry, index: SearchIndex, input: string, options: Pick<SearchOptions, 'limit' | 'prefixLast' | 'fuzzy'>): SearchRun {
  const { query, filters } = parseSearchInput(input, attributeNames(entry));
  const result = index.search(query, { ...filters, ...options });
  return { root: entry.root.toString(), corpusName: entry.name, input, query, filters, result };
}

/**
 * "QualFrame: Search Corpus": results as you type, best first, each a passage with its case,
 * attributes and speaker; Enter opens the passage with the match selected. Filters are typed
 * (`wave:2021 -speaker:Interviewer code:funding is:uncoded`) or added with the filter button.
 * The title buttons show every hit in the Search Results view or auto-code them.
 */
export class SearchCorpusCommand implements Command {
  readonly id = 'qualframe.searchCorpus';

  constructor(
    private readonly service: CorpusService,
    private readonly indexes: SearchIndexes,
    private readonly results: SearchResults,
    private readonly memory: vscode.Memento,
  ) {}

  async execute(initial?: unknown): Promise<void> {
    const entry = activeCorpus(this.service, 'search it');
    if (!entry) return;
    const pick = vscode.window.createQuickPick<HitPick>();
    const title = this.service.corpora.length > 1 ? `Search ${entry.name}` : 'Search Corpus';
    pick.title = title;
    pick.placeholder = 'Words (all must match), "a phrase", -word, word*; filters: wave:2021 speaker:P3 -speaker:Interviewer code:funding is:uncoded';
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.buttons = [FILTERS_BUTTON, VIEW_BUTTON, AUTO_CODE_BUTTON];
    pick.value = typeof initial === 'string' ? initial : this.memory.get<string>(MEMORY_KEY, '');
    let run: SearchRun | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let generation = 0;
    let keepOpen = false;
    const refresh = async () => {
      const mine = ++generation;
      const progress = this.indexes.progress(entry);
      pick.busy = true;
      if (progress) pick.placeholder = `Indexing for search… ${Math.floor((100 * progress.done) / Math.max(progress.total, 1))}%`;
      const index = await this.indexes.ready(entry);
      if (mine !== generation) return;
      const current = this.service.corpora.find((c) => c.root.toString() === entry.root.toString()) ?? entry;
      run = runSearch(current, index, pick.value, { prefixLast: true, limit: PICK_LIMIT });
      pick.busy = false;
      const count = countLine(run);
      pick.title = count ? `${title}: ${count}` : title;
      pick.items = pickItems(run);
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(), TYPING_DELAY_MS);
    };
    const disposables: vscode.Disposable[] = [
      pick.onDidChangeValue(schedule),
      pick.onDidAccept(async () => {
        const hit = pick.selectedItems[0]?.hit;
        if (!hit) return;
        await this.remember(pick.value);
        if (run) this.results.show(await this.fullRun(entry, pick.value));
        pick.hide();
        await openHit(entry.root, hit);
      }),
      pick.onDidTriggerItemButton(async (e) => {
        if (e.item.hit) await openHit(entry.root, e.item.hit, { beside: true, preserveFocus: true });
      }),
      pick.onDidTriggerButton(async (button) => {
        await this.remember(pick.value);
        if (button === FILTERS_BUTTON) {
          keepOpen = true;
          const added = await pickFilters(entry, await this.indexes.ready(entry));
          keepOpen = false;
          if (added) pick.value = `${pick.value.trim()} ${added}`.trim();
          pick.show();
          schedule();
          return;
        }
        this.results.show(await this.fullRun(entry, pick.value));
        pick.hide();
        await this.results.reveal();
        if (button === AUTO_CODE_BUTTON) await vscode.commands.executeCommand('qualframe.autoCodeHits');
      }),
      pick.onDidHide(() => {
        if (keepOpen) return;
        if (timer) clearTimeout(timer);
        for (const d of disposables) d.dispose();
        pick.dispose();
      }),
    ];
    pick.show();
    await refresh();
  }

  /** The search with every hit the view lists. */
  private async fullRun(entry: CorpusEntry, input: string): Promise<SearchRun> {
    const index = await this.indexes.ready(entry);
    const current = this.service.corpora.find((c) => c.root.toString() === entry.root.toString()) ?? entry;
    return runSearch(current, index, input, { prefixLast: true, limit: VIEW_HIT_LIMIT });
  }

  private async remember(value: string): Promise<void> {
    await this.memory.update(MEMORY_KEY, value);
  }
}

/** How many passages matched, for the quick pick's title; empty before anything is typed. */
function countLine(run: SearchRun): string {
  const { result } = run;
  if (run.query.trim() === '' && Object.keys(run.filters).length === 0) return '';
  const count = result.total === 0 ? 'no passage matches' : result.total > result.hits.length ? `${result.hits.length} best of ${result.total} passages` : `${result.total} ${result.total === 1 ? 'passage' : 'passages'}`;
  return result.notes.length > 0 ? `${count} (${result.notes.join('; ')})` : count;
}

/** The quick pick's items: each hit's words, and below them its case, attributes, speaker, file and codes. */
function pickItems(run: SearchRun): HitPick[] {
  if (countLine(run) === '') return [];
  return run.result.hits.map((hit) => ({
    label: hitSnippet(hit, 110).text,
    detail: [hit.case, describeAttributes(hit), hit.speaker && hit.speaker !== hit.case ? hit.speaker : undefined, hit.file, hit.codes.length > 0 ? `coded: ${hit.codes.join(', ')}` : 'uncoded'].filter(Boolean).join(' · '),
    alwaysShow: true,
    buttons: [BESIDE_BUTTON],
    hit,
  }));
}

interface FilterPick extends vscode.QuickPickItem {
  readonly filter?: string;
}

/** Filters to add, picked from what the corpus has: attribute values, speakers, codes, uncoded. */
async function pickFilters(entry: CorpusEntry, index: SearchIndex): Promise<string | undefined> {
  const quote = (value: string) => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value);
  const items: FilterPick[] = [];
  const values = new Map<string, Map<string, number>>();
  for (const d of entry.loaded.corpus.documents) {
    for (const [k, v] of Object.entries(d.attributes)) {
      const counts = values.get(k) ?? new Map<string, number>();
      counts.set(v, (counts.get(v) ?? 0) + 1);
      values.set(k, counts);
    }
  }
  const speakers = index.speakers();
  const interviewer = speakers.find((s) => /^(interviewer|int|i|q|facilitator|moderator)$/i.test(s.name));
  items.push({ label: 'Passages', kind: vscode.QuickPickItemKind.Separator });
  if (interviewer) items.push({ label: `Leave the interviewer out`, description: `-speaker:${quote(interviewer.name)}`, filter: `-speaker:${quote(interviewer.name)}` });
  items.push({ label: 'Only uncoded passages', description: 'is:uncoded', filter: 'is:uncoded' });
  for (const [name, counts] of [...values].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (counts.size > 30) continue;
    items.push({ label: name, kind: vscode.QuickPickItemKind.Separator });
    for (const [value, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) items.push({ label: `${name}: ${value}`, description: `${n} ${n === 1 ? 'document' : 'documents'}`, filter: `${name}:${quote(value)}` });
  }
  items.push({ label: 'Speakers', kind: vscode.QuickPickItemKind.Separator });
  for (const s of speakers.slice(0, 50)) items.push({ label: `Speaker: ${s.name}`, description: `${s.passages} turns`, filter: `speaker:${quote(s.name)}` });
  const { codebook } = entry.loaded.corpus;
  for (const theme of codebook.themes) {
    items.push({ label: `Coded: ${theme.name}`, kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `Coded with ${theme.name} (any of its codes)`, description: `code:${theme.id}`, filter: `code:${theme.id}` });
    for (const code of theme.codes) {
      items.push({ label: `Coded with ${code.name}`, description: `code:${code.id}`, filter: `code:${code.id}` });
      items.push({ label: `Not coded with ${code.name}`, description: `-code:${code.id}`, filter: `-code:${code.id}` });
    }
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Add filters to the search', placeHolder: 'Pick one or more filters (Space to check, Enter to add)', canPickMany: true, matchOnDescription: true });
  return picked && picked.length > 0 ? picked.map((p) => p.filter).filter(Boolean).join(' ') : undefined;
}

/** Opens a hit (from the Search Results view). */
export class OpenSearchHitCommand implements Command {
  readonly id = 'qualframe.openSearchHit';

  async execute(root?: unknown, hit?: unknown): Promise<void> {
    if (typeof root !== 'string' || !isHit(hit)) return;
    await openHit(vscode.Uri.parse(root), hit, { preview: true });
  }
}

function isHit(value: unknown): value is SearchHit {
  const h = value as Partial<SearchHit> | undefined;
  return typeof h === 'object' && h !== null && typeof h.file === 'string' && typeof h.start === 'number' && typeof h.text === 'string' && Array.isArray(h.matches);
}

/** Empties the Search Results view. */
export class ClearSearchResultsCommand implements Command {
  readonly id = 'qualframe.clearSearchResults';

  constructor(private readonly results: SearchResults) {}

  execute(): void {
    this.results.show(undefined);
  }
}

/** Re-runs the search shown in the Search Results view when its corpus's index changes (a save, an auto-code). */
export function refreshSearchResults(service: CorpusService, indexes: SearchIndexes, results: SearchResults): vscode.Disposable {
  return indexes.onDidChange(async (root) => {
    const run = results.current;
    if (!run || run.root !== root) return;
    const entry = service.corpora.find((c) => c.root.toString() === root);
    if (!entry || indexes.progress(entry)) return;
    const index = await indexes.ready(entry);
    if (results.current === run) results.update(runSearch(entry, index, run.input, { prefixLast: true, limit: VIEW_HIT_LIMIT }));
  });
}
