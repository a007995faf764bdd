import * as vscode from 'vscode';
import { annotationSpans } from '../../core/coding/editor-coding';
import type { Code, Theme } from '../../core/corpus/codebook';
import { codeUsage } from '../../core/corpus/code-usage';
import { parseCorpusDocument } from '../../core/corpus/document';
import { CodebookEditError, moveCode, removeCode, renameCodebookId, setCodebookFields, type CodeField } from '../../core/corpus/edit-codebook';
import { FrontMatterEditError, recodeAll } from '../../core/frontmatter/edit-front-matter';
import { count } from '../../core/text/count';
import { askCodebookName, codebookIds, confirmCodesUnder, createCode } from '../codebook/create-code';
import type { Command } from '../command-manager';
import { codebookPath, CorpusEditRefused, documentsCoding, editCorpusFiles, type CorpusEditResult, type FileChange } from '../corpus-edits';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { ensureTrusted } from '../user-errors';
import type { CodebookNode } from '../views/codebook-tree';

/*
 * The Codebook view's commands. Each takes the view's node when run from its context menu;
 * from the Command Palette it asks for the code instead, in the corpus of the active editor
 * (else the first corpus). Every change is one edit across the files it touches, so one Undo
 * takes it back.
 */

export class NewCodeCommand implements Command {
  readonly id = 'qualframe.codebook.newCode';

  constructor(private readonly service: CorpusService) {}

  async execute(node?: unknown): Promise<string | undefined> {
    if (!ensureTrusted('create codes')) return undefined;
    const entry = corpusFor(this.service, node);
    if (!entry) return undefined;
    // On a theme: a code of that theme; on a code: a sibling of it.
    const themeId = isNode(node) ? (node.kind === 'theme' ? node.theme.id : node.kind === 'code' ? node.code.themeId : undefined) : undefined;
    return createCode(entry, themeId !== undefined ? { themeId } : {});
  }
}

export class RenameCodeCommand implements Command {
  readonly id = 'qualframe.codebook.renameCode';

  constructor(private readonly service: CorpusService) {}

  async execute(node?: unknown): Promise<void> {
    if (!ensureTrusted('rename codes')) return;
    const target = await targetOf(this.service, node, { title: 'Rename Code', placeHolder: 'Code to rename', accept: isApplicable });
    if (!target) return;
    if (!isApplicable(target)) return refuse(`"${target.name}" is a theme with codes; rename one of its codes, or edit ${codebookPath(target.entry)} to rename the theme`);
    const { entry, id: oldId, name: oldName } = target;
    // A theme's summaries are filed under its id, and nothing re-files them: keep that id.
    const summaries = target.code ? 0 : entry.loaded.corpus.documents.filter((d) => d.summaries.some((s) => s.theme === oldId)).length;
    const taken = codebookIds(entry.loaded.corpus.codebook);
    taken.delete(oldId);
    const named = await askCodebookName({
      title: `Rename "${oldName}"`,
      value: oldName,
      placeholder: 'New name',
      prompt: (id, name) => {
        if (summaries) return `New name; the id stays "${oldId}": summaries in ${count(summaries, 'document')} are filed under it`;
        return !id || id === oldId || name === oldName ? `New name; the id stays "${oldId}"` : `New name; the id becomes "${id}" in the codebook and every document`;
      },
      taken,
    });
    // The same name keeps the id, even one that does not follow from the name.
    if (!named || named.name === oldName) return;
    const newId = summaries ? oldId : named.id;
    if (newId === oldId) {
      await attempt(() => editCorpusFiles(entry, [codebookChange(entry, (t) => setCodebookFields(t, oldId, { name: named.name }))], { label: 'Rename code' }));
      return;
    }
    const result = await attempt(() => withProgress(`QualFrame: renaming code "${oldName}" to "${named.name}"…`, (progress) =>
      editCorpusFiles(entry, [
        codebookChange(entry, (t) => setCodebookFields(renameCodebookId(t, oldId, newId), newId, { name: named.name })),
        ...recodeChanges(entry, oldId, newId),
      ], { label: 'Rename code', progress }),
    ));
    if (result) void vscode.window.showInformationMessage(`QualFrame: renamed "${oldName}" to "${named.name}" in ${outcome(entry, result)}`);
  }
}

export class MoveCodeCommand implements Command {
  readonly id = 'qualframe.codebook.moveCode';

  constructor(private readonly service: CorpusService) {}

  async execute(node?: unknown): Promise<void> {
    if (!ensureTrusted('move codes')) return;
    const target = await targetOf(this.service, node, { title: 'Move Code to Theme', placeHolder: 'Code to move', accept: (t) => t.code !== undefined });
    if (!target) return;
    const { entry, code } = target;
    if (!code) return refuse(`"${target.name}" is a theme; only codes move between themes`);
    const themes = entry.loaded.corpus.codebook.themes.filter((t) => t.id !== code.themeId);
    if (themes.length === 0) return refuse('the codebook has no other theme; create one with New Code… first');
    const picked = await vscode.window.showQuickPick(
      themes.map((theme) => ({ label: theme.name, description: theme.id, theme })),
      { title: `Move "${code.name}" to Theme`, placeHolder: 'Theme to move the code to', matchOnDescription: true },
    );
    if (!picked || !(await confirmCodesUnder(entry, picked.theme, 'Move Code Anyway'))) return;
    await attempt(() => editCorpusFiles(entry, [codebookChange(entry, (t) => moveCode(t, code.id, picked.theme.id))], { label: 'Move code' }));
  }
}

const DEFINITION_FIELDS: readonly { key: CodeField & ('description' | 'include' | 'exclude'); prompt: string }[] = [
  { key: 'description', prompt: 'Description: what it means' },
  { key: 'include', prompt: 'Include: when to apply the code' },
  { key: 'exclude', prompt: 'Exclude: when not to apply it' },
];

export class EditDefinitionCommand implements Command {
  readonly id = 'qualframe.codebook.editDefinition';

  constructor(private readonly service: CorpusService) {}

  async execute(node?: unknown): Promise<void> {
    if (!ensureTrusted('edit the codebook')) return;
    const target = await targetOf(this.service, node, { title: 'Edit Definition', placeHolder: 'Code or theme whose definition to edit', accept: () => true, themes: true });
    if (!target) return;
    // A theme has a description only: the reader ignores include and exclude on themes.
    const fields = target.code ? DEFINITION_FIELDS : DEFINITION_FIELDS.slice(0, 1);
    const current: Partial<Record<CodeField, string>> = target.code ?? target.theme;
    const changed: Partial<Record<CodeField, string | undefined>> = {};
    for (const [i, field] of fields.entries()) {
      const value = await vscode.window.showInputBox({
        title: `Edit Definition of "${target.name}"${fields.length > 1 ? ` (${i + 1}/${fields.length})` : ''}`,
        prompt: `${field.prompt} (empty removes it)`,
        value: current[field.key] ?? '',
        ignoreFocusOut: true,
      });
      // Escape anywhere cancels the whole edit: half a definition is not what was asked for.
      if (value === undefined) return;
      const next = value.trim() || undefined;
      if (next !== (current[field.key]?.trim() || undefined)) changed[field.key] = next;
    }
    if (Object.keys(changed).length === 0) return;
    await attempt(() => editCorpusFiles(target.entry, [codebookChange(target.entry, (t) => setCodebookFields(t, target.id, changed))], { label: 'Edit definition' }));
  }
}

const HEX_COLOUR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

export class ChangeColourCommand implements Command {
  readonly id = 'qualframe.codebook.changeColour';

  constructor(private readonly service: CorpusService) {}

  async execute(node?: unknown): Promise<void> {
    if (!ensureTrusted('change colours')) return;
    const target = await targetOf(this.service, node, { title: 'Change Colour', placeHolder: 'Code whose colour to change', accept: isApplicable });
    if (!target) return;
    if (!isApplicable(target)) return refuse(`"${target.name}" is a theme with codes; its codes carry the colours`);
    const current = (target.code ?? target.theme).color;
    const custom = { label: '$(symbol-color) Custom colour…', description: current ? `now ${current}` : undefined };
    const palette = { label: '$(discard) Palette colour (default)', description: current ? 'removes the colour from the codebook' : 'now' };
    const picked = await vscode.window.showQuickPick([custom, palette], { title: `Colour of "${target.name}"`, placeHolder: current ? `Now ${current}` : 'Now a palette colour' });
    if (!picked) return;
    let colour: string | undefined;
    if (picked === custom) {
      colour = (await vscode.window.showInputBox({
        title: `Colour of "${target.name}"`,
        prompt: 'A hex colour, #rgb or #rrggbb',
        value: current ?? '#',
        ignoreFocusOut: true,
        validateInput: (v) => (HEX_COLOUR.test(v.trim()) ? undefined : 'Enter #rgb or #rrggbb, e.g. #4e79a7'),
      }))?.trim();
      if (colour === undefined) return;
    }
    if (colour === current) return;
    await attempt(() => editCorpusFiles(target.entry, [codebookChange(target.entry, (t) => setCodebookFields(t, target.id, { color: colour }))], { label: 'Change colour' }));
  }
}

export class MergeCodeCommand implements Command {
  readonly id = 'qualframe.codebook.mergeCode';

  constructor(private readonly service: CorpusService) {}

  async execute(node?: unknown): Promise<void> {
    if (!ensureTrusted('merge codes')) return;
    const source = await targetOf(this.service, node, { title: 'Merge Into…', placeHolder: 'Code to merge into another (it is removed)', accept: (t) => t.code !== undefined });
    if (!source) return;
    const { entry } = source;
    if (!source.code) return refuse(`"${source.name}" is a theme; merge codes, or recode its segments with Rename Code… on a code`);
    const into = await pick(entry, { title: `Merge "${source.name}" Into…`, placeHolder: 'Code that takes over its segments', none: 'there is no other code to merge into', accept: (t) => isApplicable(t) && t.id !== source.id });
    if (!into) return;
    const usage = codeUsage(entry.loaded.corpus).get(source.id);
    const confirm = 'Merge';
    const choice = await vscode.window.showWarningMessage(
      `QualFrame: merge "${source.name}" into "${into.name}"? Its ${count(usage?.segments ?? 0, 'segment')} in ${count(usage?.cases ?? 0, 'case')} become "${into.name}", and "${source.name}" and its definition are removed from the codebook. Ctrl+Z in an editor undoes it.`,
      { modal: true },
      confirm,
    );
    if (choice !== confirm) return;
    const result = await attempt(() => withProgress(`QualFrame: merging code "${source.name}" into "${into.name}"…`, (progress) =>
      editCorpusFiles(entry, [codebookChange(entry, (t) => removeCode(t, source.id)), ...recodeChanges(entry, source.id, into.id)], { label: 'Merge codes', progress }),
    ));
    if (result) void vscode.window.showInformationMessage(`QualFrame: merged "${source.name}" into "${into.name}" in ${outcome(entry, result)}`);
  }
}

/** Opens a document with one segment selected, where it stands in the buffer now; an orphan at its front-matter entry. */
export class OpenSegmentCommand implements Command {
  readonly id = 'qualframe.codebook.openSegment';

  /** `beside`: open next to the active editor group (from a panel, which should stay in view). */
  async execute(root?: unknown, path?: unknown, annotationId?: unknown, beside?: unknown): Promise<boolean> {
    if (typeof root !== 'string' || typeof path !== 'string' || typeof annotationId !== 'string') return false;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.Uri.parse(root), ...path.split('/')));
    const text = document.getText();
    let range: vscode.Range | undefined;
    // The open buffer may have been edited since the corpus was loaded: find the segment in it.
    const span = annotationSpans(path, text)?.find((s) => s.annotation.id === annotationId);
    if (span) range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    else {
      const entry = parseCorpusDocument(path, text).document;
      const orphan = entry?.annotations.find((a) => a.id === annotationId);
      if (entry && orphan) {
        const at = entry.locate(['codes', orphan.index]);
        const position = new vscode.Position(at.line - 1, at.column - 1);
        range = new vscode.Range(position, position);
      }
    }
    const editor = await vscode.window.showTextDocument(document, { ...(range ? { selection: range } : {}), ...(beside === true ? { viewColumn: vscode.ViewColumn.Beside } : {}) });
    if (!range) {
      void vscode.window.showInformationMessage(`QualFrame: annotation "${annotationId}" is no longer in ${path}.`);
      return false;
    }
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    return true;
  }
}

/** Every command of the Codebook view, for `CommandManager.register`. */
export function codebookCommands(service: CorpusService): Command[] {
  return [
    new NewCodeCommand(service),
    new RenameCodeCommand(service),
    new MoveCodeCommand(service),
    new EditDefinitionCommand(service),
    new ChangeColourCommand(service),
    new MergeCodeCommand(service),
    new OpenSegmentCommand(),
  ];
}

/** A theme or code of the current codebook. */
interface Target {
  readonly entry: CorpusEntry;
  readonly id: string;
  readonly name: string;
  readonly theme: Theme;
  readonly code?: Code;
}

/** What an annotation may name: a code, or a theme without codes. */
function isApplicable(t: Target): boolean {
  return t.code !== undefined || t.theme.codes.length === 0;
}

function isNode(value: unknown): value is CodebookNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'entry' in value;
}

/** The node's corpus as loaded now (a node may outlive a reload), else the active editor's, else the first. */
function corpusFor(service: CorpusService, node: unknown): CorpusEntry | undefined {
  const corpora = service.corpora;
  const entry = isNode(node)
    ? corpora.find((c) => c.root.toString() === node.entry.root.toString())
    : (vscode.window.activeTextEditor && service.corpusOf(vscode.window.activeTextEditor.document.uri)) ?? corpora[0];
  if (!entry) void vscode.window.showInformationMessage('QualFrame: no corpus is loaded; open a folder with qualframe.yaml, or run QualFrame: Initialise Corpus.');
  return entry;
}

function targetById(entry: CorpusEntry, id: string): Target | undefined {
  const { codebook } = entry.loaded.corpus;
  const code = codebook.codeById.get(id);
  if (code) return { entry, id, name: code.name, code, theme: codebook.themeById.get(code.themeId)! };
  const theme = codebook.themeById.get(id);
  return theme && { entry, id, name: theme.name, theme };
}

interface PickOptions {
  readonly title: string;
  readonly placeHolder: string;
  /** Which entries the pick offers. */
  readonly accept: (t: Target) => boolean;
  /** Offer themes that have codes too (themes without codes are offered as codes). */
  readonly themes?: boolean;
  /** Why there is nothing to pick, when there is not. */
  readonly none?: string;
}

/** The node's theme or code (a segment stands for its code), looked up afresh; else a pick. */
async function targetOf(service: CorpusService, node: unknown, options: PickOptions): Promise<Target | undefined> {
  const entry = corpusFor(service, node);
  if (!entry) return undefined;
  if (!isNode(node) || node.kind === 'corpus') return pick(entry, options);
  const id = node.kind === 'theme' ? node.theme.id : node.kind === 'code' ? node.code.id : node.annotation.code;
  const target = targetById(entry, id);
  if (!target) refuse(`"${id}" is no longer in the codebook`);
  return target;
}

async function pick(entry: CorpusEntry, options: PickOptions): Promise<Target | undefined> {
  const items: (vscode.QuickPickItem & { target?: Target })[] = [];
  for (const theme of entry.loaded.corpus.codebook.themes) {
    const candidates: Target[] = [];
    if (options.themes || theme.codes.length === 0) candidates.push({ entry, id: theme.id, name: theme.name, theme });
    for (const code of theme.codes) candidates.push({ entry, id: code.id, name: code.name, theme, code });
    const offered = candidates.filter(options.accept);
    if (offered.length === 0) continue;
    items.push({ label: theme.name, kind: vscode.QuickPickItemKind.Separator });
    for (const t of offered) {
      const definition = (t.code ?? t.theme).description;
      items.push({ label: t.name, description: t.code ? t.id : `${t.id} · theme`, ...(definition ? { detail: definition } : {}), target: t });
    }
  }
  if (items.length === 0) {
    refuse(options.none ?? `the codebook has no codes yet; add one with New Code…`);
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true }))?.target;
}

function codebookChange(entry: CorpusEntry, change: (text: string) => string): FileChange {
  return { path: codebookPath(entry), change };
}

/** Recodes every document that may hold `from`, saved or open; a failure names its file. */
function recodeChanges(entry: CorpusEntry, from: string, to: string): FileChange[] {
  return documentsCoding(entry, from).map((path) => ({
    path,
    change: (text) => {
      try {
        return recodeAll(text, from, to);
      } catch (e) {
        throw e instanceof FrontMatterEditError ? new FrontMatterEditError(`${path}: ${e.message}`) : e;
      }
    },
  }));
}

/** "3 documents; Ctrl+Z in an editor undoes it." and which files were left unsaved. */
function outcome(entry: CorpusEntry, result: CorpusEditResult): string {
  const documents = result.changed.filter((p) => p !== codebookPath(entry)).length;
  const unsaved = result.unsaved.length
    ? ` ${count(result.unsaved.length, 'file')} with unsaved changes ${result.unsaved.length === 1 ? 'was' : 'were'} changed and left unsaved: ${result.unsaved.join(', ')}.`
    : '';
  return `${count(documents, 'document')}; Ctrl+Z in an editor undoes it.${unsaved}`;
}

async function withProgress<T>(title: string, work: (progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>): Promise<T> {
  return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, (progress) => work(progress));
}

/** Runs a codebook edit; a change that cannot be made safely is a warning, and nothing changes. */
async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof CodebookEditError || e instanceof FrontMatterEditError || e instanceof CorpusEditRefused)) throw e;
    void vscode.window.showWarningMessage(`QualFrame: ${e.message}; nothing changed.`);
    return undefined;
  }
}

function refuse(message: string): void {
  void vscode.window.showInformationMessage(`QualFrame: ${message}.`);
}
