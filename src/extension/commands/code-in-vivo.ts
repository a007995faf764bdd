import * as vscode from 'vscode';
import { inVivoName } from '../../core/coding/in-vivo';
import { createCode } from '../codebook/create-code';
import type { Command } from '../command-manager';
import type { CodePicker } from '../coding/code-picker';
import { corpusEditor } from '../coding/editor-context';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted } from '../user-errors';
import { codeSelectionsWith } from './apply-code';

/**
 * In-vivo coding: a new code named from the participant's own (selected) words, added to a
 * theme of the codebook and applied to the selection(s) at once.
 */
export class CodeInVivoCommand implements Command {
  readonly id = 'qualframe.codeInVivo';

  constructor(
    private readonly service: CorpusService,
    private readonly picker: CodePicker,
  ) {}

  async execute(): Promise<string[] | undefined> {
    if (!ensureTrusted('code')) return undefined;
    const target = corpusEditor(this.service, vscode.window.activeTextEditor);
    const selection = target?.editor.selections.find((s) => !s.isEmpty);
    if (!target || !selection) {
      void vscode.window.showInformationMessage('QualFrame: select the participant’s words in a transcript to code them in vivo.');
      return undefined;
    }
    const name = inVivoName(target.editor.document.getText(selection));
    if (name === '') {
      void vscode.window.showInformationMessage('QualFrame: the selection has no words to name a code after.');
      return undefined;
    }
    const code = await createCode(target.corpus, { name });
    if (!code) return undefined;
    await this.picker.remember(code);
    return codeSelectionsWith(target.editor, target.path, code);
  }
}
