import type * as vscode from 'vscode';
import { count } from '../../core/text/count';
import { renderExport } from '../../node/export/render-export';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { exportToFile, type ExportFormatItem } from './export-to-file';
import { officeFormats } from './office-formats';

type CodebookFormat = 'md' | 'csv' | 'xlsx' | 'docx';

const FORMATS: readonly ExportFormatItem<CodebookFormat>[] = [
  { format: 'md', filter: 'Markdown', label: 'Markdown', description: '.md', detail: 'Each theme and its codes with definitions, criteria, status and counts per wave.' },
  { format: 'csv', filter: 'CSV', label: 'CSV for spreadsheets', description: '.csv', detail: 'A row per theme and code. UTF-8 for Excel; no cell runs as a formula.' },
  ...officeFormats({ xlsx: 'The codebook on one sheet, the header frozen.', docx: 'A heading per theme, a table of its codes.' }),
];

/**
 * "Export Codebook…": the themes and codes with their definitions, criteria and counts in the
 * compared waves, by the writers of `qualframe export codebook`.
 */
export class ExportCodebookCommand implements Command {
  readonly id = 'qualframe.exportCodebook';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
    private readonly memory?: vscode.Memento,
  ) {}

  execute(root?: unknown, format?: unknown): Promise<vscode.Uri | undefined> {
    return exportToFile(this.service, this.log, {
      what: 'the codebook',
      title: 'Export Codebook',
      pickTitle: (entry) => `Export the codebook of ${entry.name}`,
      formats: FORMATS,
      ...(this.memory ? { memory: this.memory } : {}),
      fileName: 'codebook',
      render: async (loaded, chosen) => {
        const { codebook } = loaded.corpus;
        const codes = codebook.themes.reduce((n, t) => n + t.codes.length, 0);
        return { content: await renderExport('codebook', loaded.corpus, {}, chosen), size: `${count(codebook.themes.length, 'theme')}, ${count(codes, 'code')}` };
      },
    }, root, format);
  }
}
