import type * as vscode from 'vscode';
import { isWaveSettingError, resolveComparison } from '../../core/compare/comparison-setting';
import { renderComparisonExport, type ComparisonFormat } from '../../core/export/render-comparison';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { ExportRefused, exportToFile, type ExportFormatItem } from './export-to-file';

const FORMATS: readonly ExportFormatItem<ComparisonFormat>[] = [
  {
    format: 'md',
    filter: 'Markdown',
    label: 'Markdown: the table, then each theme’s quotes side by side',
    description: '.md',
    detail: 'Cases, share and segments per wave with each theme’s status; then, per theme, the baseline’s quotes beside the follow-up’s, each with its case id.',
  },
  {
    format: 'csv',
    filter: 'CSV',
    label: 'CSV for spreadsheets',
    description: '.csv',
    detail: 'A row per theme and code: status, first wave, cases, share and segments per wave, and the quotes of each wave. UTF-8, opens in Excel or LibreOffice.',
  },
];

/**
 * Writes the wave comparison of a corpus with its quotes side by side, by the writers of
 * `qualframe compare --quotes`. Arguments are optional, so the panel can pass its corpus and
 * groups: `(root?, format?: 'md' | 'csv', attribute?, baseline?, followup?)`; groups left out
 * come from qualframe.yaml, then from the data. Resolves to the file written, or undefined.
 */
export class ExportComparisonCommand implements Command {
  readonly id = 'qualframe.exportComparison';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  execute(root?: unknown, format?: unknown, attribute?: unknown, baseline?: unknown, followup?: unknown): Promise<vscode.Uri | undefined> {
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const chosen = { attribute: text(attribute), baseline: text(baseline), followup: text(followup) };
    return exportToFile(this.service, this.log, {
      what: 'the wave comparison',
      title: 'Export Wave Comparison',
      pickTitle: (entry) => `Export the wave comparison of ${entry.name}${chosen.baseline && chosen.followup ? `: ${chosen.baseline} and ${chosen.followup}` : ''}`,
      formats: FORMATS,
      fileName: 'wave-comparison',
      render: (loaded, chosenFormat) => {
        const setting = resolveComparison(loaded.corpus, chosen);
        if (isWaveSettingError(setting)) throw new ExportRefused(setting.error);
        const size = `${setting.attribute} ${setting.baseline} and ${setting.followup}, ${loaded.corpus.codebook.themes.length} themes`;
        return { content: renderComparisonExport(loaded.corpus, setting, chosenFormat, { quotes: true }), size };
      },
    }, root, format);
  }
}
