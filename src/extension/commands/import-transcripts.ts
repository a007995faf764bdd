import * as path from 'node:path';
import * as vscode from 'vscode';
import { wavesOf } from '../../core/compare/document-wave';
import { count } from '../../core/text/count';
import { importOptionsProblem, planImport, writeImportPlan, type ImportPlan } from '../../node/import/import-transcripts';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted, showError } from '../user-errors';

/**
 * "Import Transcripts…": .docx, .txt, .md, .vtt and .srt files into corpus documents (speaker
 * turns as paragraphs, the case from each file name), by the converters of `qualframe import
 * docs`. Asks for the files, the folder, the wave (and other attributes) once for all, shows
 * what will be written, and never overwrites: a clash stops the import before anything is written.
 */
export class ImportTranscriptsCommand implements Command {
  readonly id = 'qualframe.importTranscripts';

  constructor(
    private readonly service: CorpusService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async execute(): Promise<vscode.Uri[] | undefined> {
    if (!ensureTrusted('import transcripts')) return undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    const entry = (active && this.service.corpusOf(active)) ?? this.service.corpora[0];
    const base = entry?.root ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const files = await vscode.window.showOpenDialog({
      title: 'Import Transcripts: the files to bring in',
      canSelectMany: true,
      openLabel: 'Choose',
      ...(base ? { defaultUri: base } : {}),
      filters: { Transcripts: ['docx', 'txt', 'md', 'vtt', 'srt'] },
    });
    if (!files || files.length === 0) return undefined;
    const into = await vscode.window.showOpenDialog({
      title: 'Import Transcripts: the folder to put them in',
      canSelectFiles: false,
      canSelectFolders: true,
      openLabel: 'Import here',
      ...(base ? { defaultUri: vscode.Uri.joinPath(base, 'transcripts') } : {}),
    });
    if (!into?.[0]) return undefined;

    const attribute = entry?.loaded.corpus.config.compare.attribute ?? 'wave';
    const known = entry ? wavesOf(entry.loaded.corpus.documents, attribute) : [];
    const wave = await pickWave(attribute, known);
    if (wave === undefined) return undefined;
    const extra = await vscode.window.showInputBox({
      title: 'Import Transcripts: other attributes for every file (optional)',
      prompt: 'key=value pairs separated by commas, for example: role=Practice manager, region=North',
      ignoreFocusOut: true,
      validateInput: (v) => (parseAttributes(v) ? undefined : 'Write key=value pairs separated by commas'),
    });
    if (extra === undefined) return undefined;
    const attributes = parseAttributes(extra) ?? {};

    const options = { ...(wave ? { wave } : {}), attributes };
    const refused = importOptionsProblem(options);
    if (refused) {
      void vscode.window.showErrorMessage(`QualFrame: ${refused}; nothing was imported.`);
      return undefined;
    }
    let plan: ImportPlan;
    try {
      plan = await planImport(files.map((f) => f.fsPath), into[0].fsPath, options);
    } catch (e) {
      void showError(this.log, 'the transcripts could not be read', e);
      return undefined;
    }
    const errors = plan.problems.filter((p) => p.severity === 'error');
    if (!plan.ready) {
      const why = [
        ...plan.clashes.map((c) => `${path.basename(c.target)} ${c.reason === 'exists' ? 'exists already' : `would hold ${c.sources.map((s) => path.basename(s)).join(' and ')}`}`),
        ...errors.map((p) => `${path.basename(p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`),
      ];
      void vscode.window.showErrorMessage(`QualFrame: nothing was imported. ${why.join('; ')}.`, { modal: true, detail: 'Rename or move the files named, then import again. No file was written.' });
      return undefined;
    }
    const listed = plan.documents.map((d) => `${d.relativeTarget} (case ${d.caseId}${d.wave ? `, ${attribute} ${d.wave}` : ''})`);
    const go = await vscode.window.showInformationMessage(
      `QualFrame: import ${count(plan.documents.length, 'transcript')} into ${vscode.workspace.asRelativePath(into[0])}?`,
      { modal: true, detail: listed.join('\n') },
      'Import',
    );
    if (go !== 'Import') return undefined;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'QualFrame: importing transcripts…' },
      () => writeImportPlan(plan),
    );
    if (result.written.length === 0) {
      const clashes = result.clashes.map((c) => path.basename(c.target)).join(', ');
      void vscode.window.showErrorMessage(`QualFrame: nothing was imported${clashes ? `: ${clashes} appeared in the meantime` : ''}.`);
      return undefined;
    }
    const written = result.written.map((f) => vscode.Uri.file(f));
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    for (const w of warnings) this.log.warn(`import: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    const note = warnings.length > 0 ? ` ${count(warnings.length, 'warning')} in the QualFrame log.` : '';
    void vscode.window.showInformationMessage(`QualFrame: imported ${count(written.length, 'transcript')}.${note}`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.window.showTextDocument(written[0]);
    });
    return written;
  }
}

/** The wave for every file: one already in the corpus, a new one, or none. */
async function pickWave(attribute: string, known: readonly string[]): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { value?: string; other?: boolean })[] = [
    ...[...known].reverse().map((v) => ({ label: `${attribute} ${v}`, value: v })),
    { label: 'Another value…', other: true },
    { label: `No ${attribute}`, value: '' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Import Transcripts: the ${attribute} of these interviews`, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (!picked.other) return picked.value;
  const typed = await vscode.window.showInputBox({ title: `Import Transcripts: the ${attribute}`, prompt: 'For example 2021', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Type a value') });
  return typed?.trim();
}

/** `key=value, key=value` to attributes; undefined when a pair is malformed. */
function parseAttributes(text: string): Record<string, string> | undefined {
  const out = Object.create(null) as Record<string, string>;
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const at = pair.indexOf('=');
    if (at <= 0) return undefined;
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { ...out };
}
