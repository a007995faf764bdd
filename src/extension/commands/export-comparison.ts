import type * as vscode from 'vscode';
import { isWaveSettingError, resolveComparison } from '../../core/compare/comparison-setting';
import { narrowCorpus } from '../../core/corpus/narrow-corpus';
import { renderExport } from '../../node/export/render-export';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { pickSelection, SELECTION_KEY } from './export-choices';
import { ExportRefused, exportToFile, type ExportFormatItem } from './export-to-file';
import { officeFormats } from './office-formats';

type ComparisonFormat = 'md' | 'csv' | 'xlsx' | 'docx';

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
  ...officeFormats({
    xlsx: 'The comparison table on one sheet, the quotes of both waves with their cases on another.',
    docx: 'The comparison table, then a section per theme with the two waves’ quotes side by side.',
  }),
];

/**
 * Writes the wave comparison of a corpus with its quotes side by side, by the writers of
 * `qualframe compare --quotes`. Arguments are optional, so the panel can pass its corpus and
 * groups: `(root?, format?: 'md' | 'csv' | 'xlsx' | 'docx', attribute?, baseline?, followup?)`; groups left out
 * come from qualframe.yaml, then from the data. Resolves to the file written, or undefined.
 */
export class ExportComparisonCommand implements Command {
  readonly id = 'qualframe.exportComparison';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
    private readonly memory?: vscode.Memento,
  ) {}

  execute(root?: unknown, format?: unknown, attribute?: unknown, baseline?: unknown, followup?: unknown): Promise<vscode.Uri | undefined> {
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const chosen = { attribute: text(attribute), baseline: text(baseline), followup: text(followup) };
    return exportToFile(this.service, this.log, {
      what: 'the wave comparison',
      title: 'Export Wave Comparison',
      pickTitle: (entry) => `Export the wave comparison of ${entry.name}${chosen.baseline && chosen.followup ? `: ${chosen.baseline} and ${chosen.followup}` : ''}`,
      formats: FORMATS,
      ...(this.memory ? { memory: this.memory } : {}),
      fileName: 'wave-comparison',
      // The two waves are the comparison's; only the themes are chosen.
      choose: (entry) => pickSelection(entry, this.memory, SELECTION_KEY, { waves: false }),
      render: async (loaded, chosenFormat, selection) => {
        const corpus = narrowCorpus(loaded.corpus, { ...(selection.themes ? { themes: selection.themes } : {}) });
        const setting = resolveComparison(corpus, chosen);
        if (isWaveSettingError(setting)) throw new ExportRefused(setting.error);
        const size = `${setting.attribute} ${setting.baseline} and ${setting.followup}, ${corpus.codebook.themes.length} themes`;
        return { content: await renderExport('comparison', corpus, { setting, quotes: true }, chosenFormat), size };
      },
    }, root, format);
  }
}
