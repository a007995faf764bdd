import * as vscode from 'vscode';
import { buildQuoteTable, type QuoteTableOptions } from '../../core/export/quote-table';
import { count } from '../../core/text/count';
import { renderExport } from '../../node/export/render-export';
import type { Command } from '../command-manager';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { ExportRefused, exportToFile, type ExportFormatItem } from './export-to-file';
import { pickMany, pickQuotes, pickSelection, SELECTION_KEY } from './export-choices';
import { officeFormats } from './office-formats';

type QuoteTableFormat = 'md' | 'csv' | 'xlsx' | 'docx';

const FORMATS: readonly ExportFormatItem<QuoteTableFormat>[] = [
  {
    format: 'md',
    filter: 'Markdown',
    label: 'Markdown: a section per theme',
    description: '.md',
    detail: 'For each theme, the quotes of each wave, each followed by its case id ([P3]): a paper’s supplementary table.',
  },
  {
    format: 'csv',
    filter: 'CSV',
    label: 'CSV: one row per quote',
    description: '.csv',
    detail: 'Document, case, attributes, theme, code, quote, start, coder, memo. UTF-8 for Excel; no cell runs as a formula.',
  },
  ...officeFormats({
    xlsx: 'A sheet per theme, the waves side by side or one after the other; text cells only, the header frozen.',
    docx: 'A heading per theme, the waves’ quotes in italic with their case ids, side by side or one after the other.',
  }),
];

/** What goes into the table, as chosen in the quick picks (and remembered per workspace and corpus). */
export interface QuoteTableChoices {
  readonly themes: readonly string[];
  readonly waves: readonly string[];
  /** All quotes, only those marked illustrative, or the first N per theme and wave. */
  readonly quotes: 'all' | 'illustrative' | number;
  /** The attribute columns of the CSV. */
  readonly attributes?: readonly string[];
  /** Word and Excel: the waves side by side, or one after the other. */
  readonly layout?: 'side-by-side' | 'sequential';
}

/**
 * "Export Quote Table…": the quotes of chosen themes and waves, each with its case id, by the
 * writers of `qualframe export quotes`. A short flow of quick picks (format, themes, waves, which
 * quotes, for CSV which attributes), then the save dialog; the choices are remembered for the
 * next export of the same corpus in this workspace.
 */
export class ExportQuoteTableCommand implements Command {
  readonly id = 'qualframe.exportQuoteTable';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
    private readonly memory: vscode.Memento,
  ) {}

  execute(root?: unknown, format?: unknown): Promise<vscode.Uri | undefined> {
    return exportToFile<QuoteTableFormat, QuoteTableChoices>(this.service, this.log, {
      what: 'the quote table',
      title: 'Export Quote Table',
      pickTitle: (entry) => `Export the quote table of ${entry.name}`,
      formats: FORMATS,
      fileName: 'quote-table',
      choose: (entry, chosen) => this.choose(entry, chosen),
      render: async (loaded, chosen, choices) => {
        const options: QuoteTableOptions = {
          themes: choices.themes,
          waves: choices.waves,
          ...(typeof choices.quotes === 'number' ? { max: choices.quotes } : {}),
          illustrative: choices.quotes === 'illustrative',
          ...(choices.attributes ? { attributes: choices.attributes } : {}),
        };
        const table = buildQuoteTable(loaded.corpus, options);
        if (table.themes.length === 0) throw new ExportRefused('none of the themes chosen is in the codebook any more');
        const quotes = table.themes.reduce((n, t) => n + t.waves.reduce((m, w) => m + w.quotes.length, 0), 0);
        const layout = chosen === 'xlsx' || chosen === 'docx' ? { layout: choices.layout ?? 'side-by-side' } : {};
        return {
          content: await renderExport('quotes', loaded.corpus, { ...options, ...layout }, chosen),
          size: `${count(quotes, 'quote')}, ${count(table.themes.length, 'theme')}`,
        };
      },
    }, root, format);
  }

  private async choose(entry: CorpusEntry, format: QuoteTableFormat): Promise<QuoteTableChoices | undefined> {
    const { corpus } = entry.loaded;
    const key = `qualframe.exportQuoteTable:${entry.root.toString()}`;
    const last = this.memory.get<Partial<QuoteTableChoices>>(key) ?? {};
    const selection = await pickSelection(entry, this.memory, SELECTION_KEY, { waves: true });
    if (!selection) return undefined;
    const themes = selection.themes ?? [];
    const waves = selection.waves ?? [];

    const quotes = await pickQuotes(last.quotes);
    if (quotes === undefined) return undefined;

    let attributes: string[] | undefined;
    if (format === 'csv') {
      const keys = [...new Set(corpus.documents.flatMap((d) => Object.keys(d.attributes)))];
      attributes = await pickMany(keys.map((k) => ({ id: k, label: k })), last.attributes, {
        title: 'Case attributes as columns',
        placeHolder: 'Space ticks or unticks an attribute; Enter goes on',
        allowNone: true,
      });
      if (!attributes) return undefined;
    }
    let layout: QuoteTableChoices['layout'];
    if (format === 'xlsx' || format === 'docx') {
      const items: (vscode.QuickPickItem & { value: 'side-by-side' | 'sequential' })[] = [
        { value: 'side-by-side', label: 'Waves side by side', detail: 'A column per wave: predicted beside reported.' },
        { value: 'sequential', label: 'Waves one after the other', detail: 'Each wave’s quotes under its own heading.' },
      ];
      const picked = await vscode.window.showQuickPick(
        items.sort((a, b) => Number(b.value === last.layout) - Number(a.value === last.layout)),
        { title: 'Layout of each theme', ignoreFocusOut: true },
      );
      if (!picked) return undefined;
      layout = picked.value;
    }
    const choices: QuoteTableChoices = { themes, waves, quotes, ...(attributes ? { attributes } : {}), ...(layout ? { layout } : {}) };
    await this.memory.update(key, choices);
    return choices;
  }
}
