import * as vscode from 'vscode';
import type { Codebook, Theme } from '../../core/corpus/codebook';
import { codeUsage } from '../../core/corpus/code-usage';
import { addCode, addTheme, CodebookEditError, codebookId, type NewTheme } from '../../core/corpus/edit-codebook';
import { count } from '../../core/text/count';
import { codebookPath, CorpusEditRefused, editCorpusFiles } from '../corpus-edits';
import type { CorpusEntry } from '../corpus-service';
import { ensureTrusted } from '../user-errors';

/**
 * "Create new code…", as the Apply Code picker, In Vivo coding and the Codebook view offer it:
 * a theme (or a new one), a name, an optional description; one edit of the codebook, so Ctrl+Z
 * takes it back. Returns the new code's id; undefined when cancelled or refused.
 */
export async function createCode(entry: CorpusEntry, options: { name?: string; themeId?: string } = {}): Promise<string | undefined> {
  if (!ensureTrusted('create codes')) return undefined;
  const { codebook } = entry.loaded.corpus;
  const taken = codebookIds(codebook);
  let theme: { id: string; name: string; create?: NewTheme } | undefined;
  if (options.themeId !== undefined) {
    const existing = codebook.themeById.get(options.themeId);
    theme = { id: options.themeId, name: existing?.name ?? options.themeId };
  } else {
    theme = await pickTheme(codebook, taken);
  }
  if (!theme) return undefined;
  const existing = codebook.themeById.get(theme.id);
  if (existing && !(await confirmCodesUnder(entry, existing, 'Add Code Anyway'))) return undefined;
  if (theme.create) taken.add(theme.create.id);

  const named = await askCodebookName({
    title: `New Code in ${theme.name}`,
    value: options.name,
    placeholder: 'Name of the code',
    prompt: (id) => (id ? `Name of the code; its id will be "${id}"` : 'Name of the code'),
    taken,
  });
  if (!named) return undefined;
  // Escape or an empty answer skips the description: it is optional, not a reason to stop.
  const description = (await vscode.window.showInputBox({
    title: `New Code: ${named.name}`,
    prompt: 'Description: what the code means (optional; Enter or Escape to skip)',
    ignoreFocusOut: true,
  }))?.trim();

  const created = theme.create;
  const themeId = theme.id;
  try {
    const result = await editCorpusFiles(entry, [{
      path: codebookPath(entry),
      change: (text) => addCode(created ? addTheme(text, created) : text, themeId, { id: named.id, name: named.name, ...(description ? { description } : {}) }),
    }], { label: 'Create code' });
    if (result.unsaved.length) {
      // The corpus is read from disk: until the codebook is saved, the new code is unknown to it.
      void vscode.window.showWarningMessage(`QualFrame: ${codebookPath(entry)} has unsaved changes, so the new code was added there without saving; save it to use the code everywhere.`, 'Save Codebook').then(async (choice) => {
        if (choice) await (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(entry.root, ...codebookPath(entry).split('/')))).save();
      });
    }
  } catch (e) {
    if (!(e instanceof CodebookEditError || e instanceof CorpusEditRefused)) throw e;
    void vscode.window.showWarningMessage(`QualFrame: ${e.message}; nothing changed.`);
    return undefined;
  }
  return named.id;
}

interface ThemePick extends vscode.QuickPickItem {
  readonly theme?: Theme;
}

async function pickTheme(codebook: Codebook, taken: Set<string>): Promise<{ id: string; name: string; create?: NewTheme } | undefined> {
  const items: ThemePick[] = codebook.themes.map((theme) => ({
    label: theme.name,
    description: theme.codes.length ? `${theme.id} · ${count(theme.codes.length, 'code')}` : `${theme.id} · applied as a code`,
    ...(theme.description ? { detail: theme.description } : {}),
    theme,
  }));
  const newTheme: ThemePick = { label: '$(add) New theme…', alwaysShow: true };
  // An empty codebook has nothing to choose from: go straight to naming the first theme.
  const picked = items.length === 0
    ? newTheme
    : await vscode.window.showQuickPick([...items, { label: '', kind: vscode.QuickPickItemKind.Separator }, newTheme], { title: 'New Code', placeHolder: 'Theme of the new code', matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.theme) return { id: picked.theme.id, name: picked.theme.name };
  const named = await askCodebookName({
    title: 'New Theme',
    placeholder: 'Name of the theme',
    prompt: (id) => (id ? `Name of the new theme; its id will be "${id}"` : 'Name of the new theme'),
    taken,
  });
  return named && { id: named.id, name: named.name, create: { id: named.id, name: named.name } };
}

/** Every id of the codebook: themes and codes share one namespace. */
export function codebookIds(codebook: Codebook): Set<string> {
  return new Set([...codebook.themeById.keys(), ...codebook.codeById.keys()]);
}

/**
 * Asks for the name of a theme or code, showing as it is typed the id it will get (unique
 * against `taken`). Resolves to the trimmed name and that id; undefined when cancelled.
 */
export function askCodebookName(options: {
  readonly title: string;
  readonly value?: string;
  readonly placeholder: string;
  /** The prompt, given the id the (trimmed) name would get: undefined while the name is empty. */
  readonly prompt: (id: string | undefined, name: string) => string;
  readonly taken: ReadonlySet<string>;
}): Promise<{ name: string; id: string } | undefined> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.placeholder = options.placeholder;
  box.value = options.value ?? '';
  box.ignoreFocusOut = true;
  const idOf = (name: string) => (name === '' ? undefined : codebookId(name, options.taken));
  const update = (touched: boolean) => {
    const name = box.value.trim();
    box.prompt = options.prompt(idOf(name), name);
    // No complaint before anything was typed: an empty box is where everyone starts.
    box.validationMessage = touched && name === '' ? 'Enter a name' : undefined;
  };
  update(false);
  return new Promise((resolve) => {
    let result: { name: string; id: string } | undefined;
    const subscriptions = [
      box.onDidChangeValue(() => update(true)),
      box.onDidAccept(() => {
        const name = box.value.trim();
        if (name === '') return update(true);
        result = { name, id: idOf(name)! };
        box.hide();
      }),
      box.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        box.dispose();
        resolve(result);
      }),
    ];
    box.show();
  });
}

/**
 * A theme without codes is applied as a code; once it has codes it no longer may be, and its
 * segments are reported until they are recoded. Asks before that happens; true to go on.
 */
export async function confirmCodesUnder(entry: CorpusEntry, theme: Theme, proceed: string): Promise<boolean> {
  if (theme.codes.length > 0) return true;
  const segments = codeUsage(entry.loaded.corpus).get(theme.id)?.segments ?? 0;
  if (segments === 0) return true;
  const choice = await vscode.window.showWarningMessage(
    `QualFrame: the theme "${theme.name}" is applied as a code to ${count(segments, 'segment')}. Once it has codes it cannot be applied itself, and those segments are reported until you recode them.`,
    { modal: true },
    proceed,
  );
  return choice === proceed;
}
