import type * as vscode from 'vscode';
import { narrowCorpus, type CorpusSelection } from '../../core/corpus/narrow-corpus';
import { buildFrameworkMatrix } from '../../core/matrix/framework-matrix';
import { renderExport } from '../../node/export/render-export';
import { count } from '../../core/text/count';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { pickQuotes, pickSelection, SELECTION_KEY, type QuoteChoice } from './export-choices';
import { exportToFile, type CorpusExport, type ExportFormatItem } from './export-to-file';
import { officeFormats } from './office-formats';

/** The formats offered here: the table a report quotes, the sheet a team charts in, Word and Excel. */
type ExportFormat = 'md' | 'csv' | 'xlsx' | 'docx';

const FORMATS: readonly ExportFormatItem<ExportFormat>[] = [
  {
    format: 'md',
    filter: 'Markdown',
    label: 'Markdown table with quotes',
    description: '.md',
    detail: 'A table per wave (each cell the summary and its number of segments), then the quotes of each theme with their case.',
  },
  {
    format: 'csv',
    filter: 'CSV',
    label: 'CSV for spreadsheets',
    description: '.csv',
    detail: 'A row per case and wave; for each theme its summary, segments and quotes. UTF-8, opens in Excel or LibreOffice.',
  },
  ...officeFormats({
    xlsx: 'A sheet per wave, a row per case, a column per theme (summary and segments); the quotes on their own sheet.',
    docx: 'A table per wave, then each theme’s quotes with their case ids.',
  }),
];

/**
 * Writes the Framework Matrix of a corpus to a file, by the writers `qualframe matrix` uses.
 * Arguments are optional, so the matrix panel can pass its corpus, grouping and format:
 * `(root?: corpus root URI string, format?: 'md' | 'csv' | 'xlsx' | 'docx', attribute?: string)`. Resolves to the
 * file written, or undefined when nothing was.
 */
export class ExportMatrixCommand implements Command {
  readonly id = 'qualframe.exportMatrix';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
    private readonly memory?: vscode.Memento,
  ) {}

  execute(root?: unknown, format?: unknown, attribute?: unknown): Promise<vscode.Uri | undefined> {
    const grouping = typeof attribute === 'string' && attribute !== '' ? attribute : undefined;
    const spec: CorpusExport<ExportFormat, { selection: CorpusSelection; quotes: QuoteChoice }> = {
      what: 'the framework matrix',
      title: 'Export Framework Matrix',
      pickTitle: (entry) => `Export the Framework Matrix of ${entry.name}${grouping ? `, by ${grouping}` : ''}`,
      formats: FORMATS,
      ...(this.memory ? { memory: this.memory } : {}),
      fileName: 'framework-matrix',
      choose: async (entry) => {
        const selection = await pickSelection(entry, this.memory, SELECTION_KEY, { waves: true });
        if (!selection) return undefined;
        const key = `qualframe.exportMatrixQuotes:${entry.root.toString()}`;
        const quotes = await pickQuotes(this.memory?.get<QuoteChoice>(key), 'Quotes per cell');
        if (quotes === undefined) return undefined;
        await this.memory?.update(key, quotes);
        return { selection, quotes };
      },
      render: async (loaded, chosen, { selection, quotes }) => {
        const corpus = narrowCorpus(loaded.corpus, selection);
        const matrix = buildFrameworkMatrix(corpus, grouping ? { attribute: grouping } : {});
        const size = `${count(new Set(matrix.rows.map((r) => r.case)).size, 'case')} × ${count(matrix.themes.length, 'theme')}`;
        const options = {
          ...(grouping ? { attribute: grouping } : {}),
          ...(typeof quotes === 'number' ? { maxQuotes: quotes } : {}),
          illustrative: quotes === 'illustrative',
        };
        return { content: await renderExport('matrix', corpus, options, chosen), size };
      },
    };
    return exportToFile(this.service, this.log, spec, root, format);
  }
}
