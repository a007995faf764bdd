import * as vscode from 'vscode';
import type { CorpusDocument } from '../../core/corpus/document';
import { count } from '../../core/text/count';
import { renderExport } from '../../node/export/render-export';
import type { Command } from '../command-manager';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { ExportRefused, exportToFile, type ExportFormatItem } from './export-to-file';
import { officeFormats } from './office-formats';

type CodedDocumentFormat = 'html' | 'docx';

const FORMATS: readonly ExportFormatItem<CodedDocumentFormat>[] = [
  {
    format: 'html',
    filter: 'HTML',
    label: 'HTML for reading and printing',
    description: '.html',
    detail: 'A page with each coded segment highlighted in its code’s colour and the codes of each paragraph in the margin.',
  },
  // Word only: a coded transcript is no table for a spreadsheet.
  ...officeFormats({ xlsx: '', docx: 'Each coded segment shaded in its code’s colour, a comment in the margin naming its code.' })
    .filter((f): f is ExportFormatItem<'docx'> => f.format === 'docx'),
];

/** The documents to write: one transcript, or every document of its case. */
interface CodedDocumentChoice {
  readonly paths: readonly string[];
  readonly name: string;
}

/**
 * "Export Coded Document…": a transcript (the active editor's, or one picked), or every
 * document of its case, as an HTML page with each coded segment highlighted in its code's
 * colour and the codes of each paragraph in the margin, for colleagues who read on paper, or
 * as a Word document with the segments shaded and each annotation's code in a comment.
 */
export class ExportCodedDocumentCommand implements Command {
  readonly id = 'qualframe.exportCodedDocument';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
    private readonly memory?: vscode.Memento,
  ) {}

  execute(uri?: unknown): Promise<vscode.Uri | undefined> {
    const given = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const entry = given ? this.service.corpusOf(given) : undefined;
    return exportToFile<CodedDocumentFormat, CodedDocumentChoice>(this.service, this.log, {
      what: 'the coded document',
      title: 'Export Coded Document',
      pickTitle: (e) => `Export a coded document of ${e.name}`,
      formats: FORMATS,
      ...(this.memory ? { memory: this.memory } : {}),
      fileName: (choice) => choice.name,
      choose: (e) => this.choose(e, given && entry?.root.toString() === e.root.toString() ? given : undefined),
      render: async (loaded, format, choice) => {
        const documents = choice.paths.map((p) => loaded.corpus.documents.find((d) => d.path === p)).filter((d): d is CorpusDocument => d !== undefined);
        if (documents.length === 0) throw new ExportRefused(`${choice.paths.join(', ')} is no longer in the corpus`);
        const segments = documents.reduce((n, d) => n + d.annotations.length, 0);
        return {
          // The documents still in the corpus: it may have changed since they were chosen.
          content: await renderExport('coded', loaded.corpus, { paths: documents.map((d) => d.path) }, format),
          size: `${count(documents.length, 'document')}, ${count(segments, 'coded segment')}`,
        };
      },
    }, entry?.root.toString());
  }

  private async choose(entry: CorpusEntry, active: vscode.Uri | undefined): Promise<CodedDocumentChoice | undefined> {
    const { corpus } = entry.loaded;
    let document = active ? corpus.documents.find((d) => vscode.Uri.joinPath(entry.root, ...d.path.split('/')).toString() === active.toString()) : undefined;
    if (!document) {
      const picked = await vscode.window.showQuickPick(
        corpus.documents.map((d) => ({ label: d.path, description: `case ${d.caseId}`, detail: `${count(d.annotations.length, 'coded segment')}`, document: d })),
        { title: 'Export a coded document', placeHolder: 'The transcript to export', matchOnDescription: true },
      );
      if (!picked) return undefined;
      document = picked.document;
    }
    const siblings = corpus.documents.filter((d) => d.caseId === document!.caseId);
    if (siblings.length > 1) {
      const scope = await vscode.window.showQuickPick(
        [
          { label: `This document: ${document.path}`, paths: [document.path], name: stem(document.path) },
          { label: `Case ${document.caseId}: all ${siblings.length} documents`, paths: siblings.map((d) => d.path), name: `case-${document.caseId}` },
        ],
        { title: 'Export a coded document', placeHolder: 'One document, or every document of its case' },
      );
      return scope ? { paths: scope.paths, name: scope.name } : undefined;
    }
    return { paths: [document.path], name: stem(document.path) };
  }
}

function stem(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}
