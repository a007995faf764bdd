import * as vscode from 'vscode';
import type { Codebook } from '../../core/corpus/codebook';
import { createCode } from '../codebook/create-code';
import type { CorpusEntry } from '../corpus-service';

const RECENT_KEY = 'qualframe.recentCodes';
const RECENT_MAX = 5;

interface CodePick extends vscode.QuickPickItem {
  readonly code?: string;
  readonly create?: true;
}

/**
 * Picks a code from the codebook: the most recent codes first, then every theme as a section,
 * definitions (and inclusion criteria) as detail, fuzzy filtering over names, ids and
 * definitions; "Create new code…" adds one to the codebook on the way. Remembers what was
 * picked, per workspace.
 */
export class CodePicker {
  constructor(private readonly state: vscode.Memento) {}

  async pick(entry: CorpusEntry, options: { title: string; placeHolder: string; exclude?: string }): Promise<string | undefined> {
    const { codebook } = entry.loaded.corpus;
    const items = this.items(codebook, options.exclude);
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(add) Create new code…', alwaysShow: true, create: true, detail: 'Add a code to a theme of codebook.yaml and apply it' });
    const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true });
    if (!picked) return undefined;
    const code = picked.create ? await createCode(entry) : picked.code;
    if (code) await this.remember(code);
    return code;
  }

  async remember(code: string): Promise<void> {
    await this.state.update(RECENT_KEY, [code, ...this.recent().filter((c) => c !== code)].slice(0, RECENT_MAX));
  }

  private recent(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  private items(codebook: Codebook, exclude?: string): CodePick[] {
    const item = (id: string, name: string, themeName: string, description?: string, include?: string, exclude?: string): CodePick => {
      const detail = [description, include ? `Include: ${include}` : undefined, exclude ? `Exclude: ${exclude}` : undefined].filter(Boolean).join(' · ');
      return { label: name, description: `${id} · ${themeName}`, ...(detail ? { detail } : {}), code: id };
    };
    const items: CodePick[] = [];
    const recent = this.recent().filter((id) => codebook.applicable.has(id) && id !== exclude);
    if (recent.length) {
      items.push({ label: 'Recently used', kind: vscode.QuickPickItemKind.Separator });
      for (const id of recent) {
        const theme = codebook.applicable.get(id)!;
        const code = codebook.codeById.get(id);
        items.push(item(id, code?.name ?? theme.name, theme.name, code?.description ?? theme.description, code?.include, code?.exclude));
      }
    }
    for (const theme of codebook.themes) {
      const codes = theme.codes.filter((c) => c.id !== exclude);
      if (theme.codes.length === 0 && theme.id === exclude) continue;
      items.push({ label: theme.name, kind: vscode.QuickPickItemKind.Separator });
      if (theme.codes.length === 0) items.push(item(theme.id, theme.name, theme.name, theme.description));
      for (const c of codes) items.push(item(c.id, c.name, theme.name, c.description, c.include, c.exclude));
    }
    return items;
  }
}
