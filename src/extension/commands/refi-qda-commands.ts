import * as path from 'node:path';
import * as vscode from 'vscode';
import { count } from '../../core/text/count';
import { exportQdpx, ImportClashError, importQdpxFile, QdpxError } from '../../node/exchange/qdpx';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted, showError } from '../user-errors';
import { exportToFile } from './export-to-file';

/**
 * "Export REFI-QDA Project…": the corpus as a `.qdpx` for NVivo, MAXQDA, ATLAS.ti or QualCoder
 * (docs/refi-qda.md says what travels and what cannot), as `qualframe export qdpx` writes it.
 */
export class ExportQdpxCommand implements Command {
  readonly id = 'qualframe.exportQdpx';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  execute(root?: unknown): Promise<vscode.Uri | undefined> {
    return exportToFile(this.service, this.log, {
      what: 'the REFI-QDA project',
      title: 'Export REFI-QDA Project',
      pickTitle: (entry) => `Export ${entry.name} as a REFI-QDA project`,
      formats: [{ format: 'qdpx', filter: 'REFI-QDA project', label: 'REFI-QDA project (.qdpx)' }],
      fileName: 'project',
      render: (loaded) => {
        const { corpus } = loaded;
        const entry = this.service.corpora.find((c) => c.loaded.corpus === corpus);
        const name = entry ? path.basename(entry.root.fsPath) : 'QualFrame project';
        const annotations = corpus.documents.reduce((n, d) => n + d.annotations.length, 0);
        return { content: exportQdpx(corpus, { projectName: name }), size: `${count(corpus.documents.length, 'document')}, ${count(annotations, 'coded segment')}` };
      },
    }, root, 'qdpx');
  }
}

/**
 * "Import REFI-QDA Project…": a `.qdpx` from another tool into a new corpus folder (documents
 * with front matter, codebook, settings), as `qualframe import qdpx` does; never overwrites.
 */
export class ImportQdpxCommand implements Command {
  readonly id = 'qualframe.importQdpx';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  async execute(): Promise<vscode.Uri | undefined> {
    if (!ensureTrusted('import a REFI-QDA project')) return undefined;
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file = await vscode.window.showOpenDialog({
      title: 'Import REFI-QDA Project: the .qdpx file',
      canSelectMany: false,
      openLabel: 'Choose',
      ...(base ? { defaultUri: base } : {}),
      filters: { 'REFI-QDA project': ['qdpx'] },
    });
    if (!file?.[0]) return undefined;
    const into = await vscode.window.showOpenDialog({
      title: 'Import REFI-QDA Project: a new or empty folder for the corpus',
      canSelectFiles: false,
      canSelectFolders: true,
      openLabel: 'Import here',
      ...(base ? { defaultUri: base } : {}),
    });
    if (!into?.[0]) return undefined;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'QualFrame: importing the REFI-QDA project…' },
        () => importQdpxFile(file[0].fsPath, into[0].fsPath),
      );
      for (const w of result.warnings) this.log.warn(`import qdpx: ${w}`);
      const where = vscode.workspace.asRelativePath(into[0]);
      const notes = result.warnings.length > 0 ? ` ${count(result.warnings.length, 'note')} in the QualFrame log (what could not travel).` : '';
      void vscode.window.showInformationMessage(`QualFrame: imported ${count(result.written.length, 'file')} into ${where}.${notes}`, 'Open Codebook').then((choice) => {
        if (choice === 'Open Codebook') void vscode.window.showTextDocument(vscode.Uri.joinPath(into[0], 'codebook.yaml'));
      });
      return into[0];
    } catch (e) {
      if (e instanceof ImportClashError || e instanceof QdpxError) {
        void vscode.window.showErrorMessage(`QualFrame: ${e.message}`);
        return undefined;
      }
      void showError(this.log, 'the REFI-QDA project could not be imported', e);
      return undefined;
    }
  }
}
