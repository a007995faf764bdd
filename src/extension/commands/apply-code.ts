import * as vscode from 'vscode';
import { codeSelections } from '../../core/coding/editor-coding';
import type { Codebook } from '../../core/corpus/codebook';
import type { Command } from '../command-manager';
import { applyToBuffer, corpusEditor } from '../coding/editor-context';
import type { CorpusService } from '../corpus-service';

const RECENT_KEY = 'qualframe.recentCodes';
const RECENT_MAX = 5;

interface CodePick extends vscode.QuickPickItem {
  readonly code?: string;
}

/**
 * Codes the selection(s) of the active transcript with a code picked from the codebook: themes
 * as sections, the most recent codes first, definitions as detail, fuzzy filtering. The new
 * entries are one edit of the editor's buffer, so Ctrl+Z undoes them.
 */
export class ApplyCodeCommand implements Command {
  readonly id = 'qualframe.applyCode';

  constructor(
    private readonly service: CorpusService,
    private readonly state: vscode.Memento,
  ) {}

  async execute(): Promise<string[] | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('QualFrame: this workspace is in Restricted Mode, so QualFrame only reads it. Trust the workspace to code.');
      return undefined;
    }
    const target = corpusEditor(this.service, vscode.window.activeTextEditor);
    if (!target) {
      void vscode.window.showInformationMessage('QualFrame: open a transcript of the corpus and select the words to code.');
      return undefined;
    }
    const { editor } = target;
    const selections = editor.selections.filter((s) => !s.isEmpty);
    if (selections.length === 0) {
      void vscode.window.showInformationMessage('QualFrame: select the words to code first.');
      return undefined;
    }
    const code = await this.pickCode(target.corpus.loaded.corpus.codebook);
    if (!code) return undefined;
    const doc = editor.document;
    const result = codeSelections(target.path, doc.getText(), selections.map((s) => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end) })), {
      code,
      ...(coder() ? { by: coder() } : {}),
    });
    if (!result.ok) {
      void vscode.window.showWarningMessage(`QualFrame: ${result.message}`);
      return undefined;
    }
    if (!(await applyToBuffer(editor, result.edit))) {
      void vscode.window.showWarningMessage('QualFrame: the editor refused the edit; nothing changed.');
      return undefined;
    }
    await this.state.update(RECENT_KEY, [code, ...this.recent().filter((c) => c !== code)].slice(0, RECENT_MAX));
    return [...result.ids];
  }

  private recent(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  private async pickCode(codebook: Codebook): Promise<string | undefined> {
    const item = (id: string, name: string, themeName: string, description?: string): CodePick => ({
      label: name,
      description: `${id} · ${themeName}`,
      ...(description ? { detail: description } : {}),
      code: id,
    });
    const items: CodePick[] = [];
    const recent = this.recent().filter((id) => codebook.applicable.has(id));
    if (recent.length) {
      items.push({ label: 'Recently used', kind: vscode.QuickPickItemKind.Separator });
      for (const id of recent) {
        const theme = codebook.applicable.get(id)!;
        const code = codebook.codeById.get(id);
        items.push(item(id, code?.name ?? theme.name, theme.name, code?.description ?? theme.description));
      }
    }
    for (const theme of codebook.themes) {
      items.push({ label: theme.name, kind: vscode.QuickPickItemKind.Separator });
      if (theme.codes.length === 0) items.push(item(theme.id, theme.name, theme.name, theme.description));
      for (const c of theme.codes) items.push(item(c.id, c.name, theme.name, c.description));
    }
    if (!items.some((i) => i.code)) {
      void vscode.window.showInformationMessage('QualFrame: the codebook has no codes yet; add themes and codes to codebook.yaml.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Apply Code', placeHolder: 'Code to apply to the selection', matchOnDescription: true, matchOnDetail: true });
    return picked?.code;
  }
}

/** Who codes: the `qualframe.coder` setting, when set. */
function coder(): string | undefined {
  const name = vscode.workspace.getConfiguration('qualframe').get<string>('coder', '').trim();
  return name === '' ? undefined : name;
}
