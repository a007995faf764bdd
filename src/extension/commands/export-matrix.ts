import * as vscode from 'vscode';
import { renderMatrix, type MatrixFormat } from '../../core/export/render-matrix';
import { buildFrameworkMatrix } from '../../core/matrix/framework-matrix';
import { countErrors } from '../../core/problems';
import { count } from '../../core/text/count';
import type { Command } from '../command-manager';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { ensureTrusted, showError } from '../user-errors';

/** The formats offered here: the table a report quotes and the sheet a team charts in. */
type ExportFormat = Extract<MatrixFormat, 'md' | 'csv'>;

const FORMATS: readonly (vscode.QuickPickItem & { format: ExportFormat; filter: string })[] = [
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
];

/**
 * Writes the Framework Matrix of a corpus to a file, by the writers `qualframe matrix` uses.
 * Arguments are optional, so the matrix panel can pass its corpus, grouping and format:
 * `(root?: corpus root URI string, format?: 'md' | 'csv', attribute?: string)`. Resolves to the
 * file written, or undefined when nothing was.
 */
export class ExportMatrixCommand implements Command {
  readonly id = 'qualframe.exportMatrix';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async execute(root?: unknown, format?: unknown, attribute?: unknown): Promise<vscode.Uri | undefined> {
    if (!ensureTrusted('export the framework matrix')) return undefined;
    if (format !== undefined && !FORMATS.some((f) => f.format === format)) {
      void vscode.window.showWarningMessage(`QualFrame: the framework matrix exports as md or csv, not ${String(format)}.`);
      return undefined;
    }
    const entry = this.corpus(typeof root === 'string' ? root : undefined);
    if (!entry) return undefined;
    const grouping = typeof attribute === 'string' && attribute !== '' ? attribute : undefined;

    const chosen = FORMATS.find((f) => f.format === format) ?? (await vscode.window.showQuickPick(FORMATS, {
      title: `Export the Framework Matrix of ${entry.name}${grouping ? `, by ${grouping}` : ''}`,
      placeHolder: 'Choose a format',
      matchOnDetail: true,
    }));
    if (!chosen) return undefined;
    const target = await vscode.window.showSaveDialog({
      title: 'Export Framework Matrix',
      saveLabel: 'Export',
      defaultUri: vscode.Uri.joinPath(entry.root, `framework-matrix.${chosen.format}`),
      filters: { [chosen.filter]: [chosen.format] },
    });
    if (!target) return undefined;

    // The corpus as it is now: it may have been updated while the dialogs were open.
    const { loaded } = this.service.corpora.find((c) => c.root.toString() === entry.root.toString()) ?? entry;
    let shape: { cases: number; themes: number };
    try {
      shape = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'QualFrame: exporting the framework matrix…' },
        async () => {
          const matrix = buildFrameworkMatrix(loaded.corpus, grouping ? { attribute: grouping } : {});
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderMatrix(matrix, chosen.format)));
          return { cases: new Set(matrix.rows.map((r) => r.case)).size, themes: matrix.themes.length };
        },
      );
    } catch (e) {
      void showError(this.log, `the framework matrix could not be written to ${displayPath(target)}`, e);
      return undefined;
    }

    const done = `QualFrame: Exported the framework matrix (${count(shape.cases, 'case')} × ${count(shape.themes, 'theme')}) to ${displayPath(target)}`;
    const errors = countErrors(loaded.problems);
    // As `qualframe matrix` does: the output is made, and the corpus errors are pointed out.
    const shown = errors === 0
      ? vscode.window.showInformationMessage(`${done}.`, 'Open')
      : vscode.window.showWarningMessage(`${done}. ${count(errors, 'error')} in the corpus; the export leaves out what could not be read.`, 'Open', 'Show Problems');
    void shown.then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
      else if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return target;
  }

  /** The corpus at `root`, else the active editor's, else the first; says why when there is none. */
  private corpus(root: string | undefined): CorpusEntry | undefined {
    const { corpora } = this.service;
    if (root !== undefined) {
      const entry = corpora.find((c) => c.root.toString() === root);
      if (!entry) void vscode.window.showWarningMessage(`QualFrame: no corpus is loaded at ${vscode.Uri.parse(root).fsPath}; nothing was exported.`);
      return entry;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const entry = (active && this.service.corpusOf(active)) ?? corpora[0];
    if (!entry) {
      void vscode.window.showInformationMessage(this.service.loading
        ? 'QualFrame: the corpus is still loading; export the framework matrix again in a moment.'
        : 'QualFrame: open a folder with a corpus (qualframe.yaml) to export its Framework Matrix.');
    }
    return entry;
  }
}

/** The file as the person knows it: relative to the workspace when inside it. */
function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}
