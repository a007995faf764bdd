import * as vscode from 'vscode';
import { activeCorpus } from '../active-corpus';
import type { LoadedCorpus } from '../../core/corpus/load-corpus';
import { countErrors } from '../../core/problems';
import { count } from '../../core/text/count';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { ensureTrusted, showError } from '../user-errors';

/** A format offered in the quick pick: its file extension and the save dialog's filter name. */
export type ExportFormatItem<F extends string> = vscode.QuickPickItem & { readonly format: F; readonly filter: string };

/** One export of a corpus to a file: what it is called, its formats, and how it is written. */
export interface CorpusExport<F extends string, C = undefined> {
  /** In a sentence: "the framework matrix". */
  readonly what: string;
  /** The dialogs' title: "Export Framework Matrix". */
  readonly title: string;
  /** The quick pick's title, for the corpus chosen. */
  pickTitle(entry: CorpusEntry): string;
  readonly formats: readonly ExportFormatItem<F>[];
  /** Where the format chosen last is kept, to be offered first next time (the workspace's state). */
  readonly memory?: vscode.Memento;
  /** The file name proposed in the corpus folder, without extension (or once the choices are made). */
  readonly fileName: string | ((choices: C) => string);
  /**
   * What to include, asked after the format (quick picks); undefined when the person cancels.
   * Without it, the export takes no choices.
   */
  choose?(entry: CorpusEntry, format: F): Promise<C | undefined>;
  /**
   * The file's content (text, or bytes for binary formats) from the corpus as it is now, and a
   * few words on its size for the message ("12 cases × 10 themes"); throws {@link ExportRefused}
   * when there is nothing to export.
   */
  render(loaded: LoadedCorpus, format: F, choices: C): { readonly content: string | Uint8Array; readonly size: string } | Promise<{ readonly content: string | Uint8Array; readonly size: string }>;
}

/** Nothing to export, in words for the researcher (for example, fewer than two waves to compare). */
export class ExportRefused extends Error {}

/**
 * The flow every export command shares: the corpus (`root`, else the active editor's, else the
 * first), a format (given, or picked), a save dialog proposing `<fileName>.<format>` in the
 * corpus folder, the writing with progress, then "Open" (and "Show Problems" when the corpus
 * has errors, as the CLI exits 1 then). Resolves to the file written, or undefined when nothing was.
 */
export async function exportToFile<F extends string, C = undefined>(
  service: CorpusService,
  log: vscode.LogOutputChannel,
  spec: CorpusExport<F, C>,
  root?: unknown,
  format?: unknown,
): Promise<vscode.Uri | undefined> {
  if (!ensureTrusted(`export ${spec.what}`)) return undefined;
  if (format !== undefined && !spec.formats.some((f) => f.format === format)) {
    void vscode.window.showWarningMessage(`QualFrame: ${spec.what} exports as ${spec.formats.map((f) => f.format).join(' or ')}, not ${String(format)}.`);
    return undefined;
  }
  const entry = corpusFor(service, spec, typeof root === 'string' ? root : undefined);
  if (!entry) return undefined;

  // One format: nothing to ask.
  const only = spec.formats.length === 1 ? spec.formats[0] : undefined;
  const memoryKey = `qualframe.exportFormat:${spec.title}`;
  const last = spec.memory?.get<string>(memoryKey);
  const offered = [...spec.formats].sort((a, b) => Number(b.format === last) - Number(a.format === last));
  const chosen = spec.formats.find((f) => f.format === format) ?? only ?? (await vscode.window.showQuickPick(offered, {
    title: spec.pickTitle(entry),
    placeHolder: 'Choose a format',
    matchOnDetail: true,
  }));
  if (!chosen) return undefined;
  if (!only && format === undefined) await spec.memory?.update(memoryKey, chosen.format);
  let choices = undefined as C;
  if (spec.choose) {
    const picked = await spec.choose(entry, chosen.format);
    if (picked === undefined) return undefined;
    choices = picked;
  }
  const target = await vscode.window.showSaveDialog({
    title: spec.title,
    saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(entry.root, `${typeof spec.fileName === 'string' ? spec.fileName : spec.fileName(choices)}.${chosen.format}`),
    filters: { [chosen.filter]: [chosen.format] },
  });
  if (!target) return undefined;

  // The corpus as it is now: it may have been updated while the dialogs were open.
  const { loaded } = service.corpora.find((c) => c.root.toString() === entry.root.toString()) ?? entry;
  let size: string;
  try {
    size = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `QualFrame: exporting ${spec.what}…` },
      async () => {
        const out = await spec.render(loaded, chosen.format, choices);
        await vscode.workspace.fs.writeFile(target, typeof out.content === 'string' ? new TextEncoder().encode(out.content) : out.content);
        return out.size;
      },
    );
  } catch (e) {
    if (e instanceof ExportRefused) {
      void vscode.window.showWarningMessage(`QualFrame: ${e.message}; nothing was exported.`);
      return undefined;
    }
    void showError(log, `${spec.what} could not be written to ${displayPath(target)}`, e);
    return undefined;
  }

  const done = `QualFrame: Exported ${spec.what} (${size}) to ${displayPath(target)}`;
  const errors = countErrors(loaded.problems);
  // As the CLI does: the output is made, and the corpus errors are pointed out.
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
function corpusFor(service: CorpusService, spec: { readonly what: string }, root: string | undefined): CorpusEntry | undefined {
  const { corpora } = service;
  if (root !== undefined) {
    const entry = corpora.find((c) => c.root.toString() === root);
    if (!entry) void vscode.window.showWarningMessage(`QualFrame: no corpus is loaded at ${vscode.Uri.parse(root).fsPath}; nothing was exported.`);
    return entry;
  }
  return activeCorpus(service, `export ${spec.what}`);
}

/** The file as the person knows it: relative to the workspace when inside it. */
function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}
