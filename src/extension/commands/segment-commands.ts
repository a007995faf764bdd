import * as vscode from 'vscode';
import { uncodeAnnotation, minimalEdit } from '../../core/coding/editor-coding';
import { recodeAnnotation, setAnnotationMemo, setIllustrative } from '../../core/frontmatter/edit-front-matter';
import type { Command } from '../command-manager';
import type { CodePicker } from '../coding/code-picker';
import type { CodingDecorations } from '../coding/coding-decorations';
import { applyToBuffer } from '../coding/editor-context';
import { segmentTarget, truncate, type SegmentTarget } from '../coding/segment-target';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted } from '../user-errors';

/**
 * Commands on one coded segment: the one under the cursor (a pick when codes overlap there),
 * or the one a hover link names. Each is one edit of the editor's buffer, so Ctrl+Z takes it
 * back, and a document with unsaved changes is never written behind the editor's back.
 */
abstract class SegmentCommand implements Command {
  abstract readonly id: string;
  protected abstract readonly action: string;
  protected abstract readonly title: string;

  constructor(
    protected readonly service: CorpusService,
    private readonly decorations: CodingDecorations,
  ) {}

  async execute(uri?: unknown, id?: unknown): Promise<boolean> {
    if (!ensureTrusted(this.action)) return false;
    const target = await segmentTarget(this.service, this.decorations, { uri, id, title: this.title, placeHolder: `Which segment to ${this.action}` });
    if (!target) return false;
    try {
      const change = await this.ask(target);
      if (!change) return false;
      // Read the buffer after the question: the person may have typed or saved meanwhile.
      const text = target.editor.document.getText();
      const after = change(text);
      if (after === text) return false;
      return await applyToBuffer(target.editor, minimalEdit(text, after));
    } catch (e) {
      void vscode.window.showWarningMessage(`QualFrame: ${(e as Error).message}`);
      return false;
    }
  }

  /** Asks what is needed, then how the document's text changes; undefined when the person cancelled. */
  protected abstract ask(target: SegmentTarget): Promise<((text: string) => string) | undefined>;
}

export class RemoveCodeCommand extends SegmentCommand {
  readonly id = 'qualframe.removeCode';
  protected readonly action = 'remove a code';
  protected readonly title = 'Remove Code';

  protected async ask(target: SegmentTarget): Promise<(text: string) => string> {
    return (text) => {
      const edit = uncodeAnnotation(text, target.span.annotation.id);
      return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    };
  }
}

export class RecodeCommand extends SegmentCommand {
  readonly id = 'qualframe.recode';
  protected readonly action = 'recode a segment';
  protected readonly title = 'Recode';

  constructor(service: CorpusService, decorations: CodingDecorations, private readonly picker: CodePicker) {
    super(service, decorations);
  }

  protected async ask(target: SegmentTarget): Promise<((text: string) => string) | undefined> {
    const { annotation } = target.span;
    const code = await this.picker.pick(target.corpus, { title: `Recode “${truncate(annotation.quote, 40)}”`, placeHolder: `The code instead of ${annotation.code}`, exclude: annotation.code });
    return code ? (text) => recodeAnnotation(text, annotation.id, code) : undefined;
  }
}

export class ToggleIllustrativeCommand extends SegmentCommand {
  readonly id = 'qualframe.toggleIllustrative';
  protected readonly action = 'mark a quote as illustrative';
  protected readonly title = 'Mark as Illustrative';

  protected async ask(target: SegmentTarget): Promise<(text: string) => string> {
    const { annotation } = target.span;
    vscode.window.setStatusBarMessage(annotation.illustrative ? 'QualFrame: no longer an illustrative quote' : 'QualFrame: marked as an illustrative quote', 4000);
    return (text) => setIllustrative(text, annotation.id, !annotation.illustrative);
  }
}

export class EditSegmentMemoCommand extends SegmentCommand {
  readonly id = 'qualframe.editSegmentMemo';
  protected readonly action = 'edit a memo';
  protected readonly title = 'Segment Memo';

  protected async ask(target: SegmentTarget): Promise<((text: string) => string) | undefined> {
    const { annotation } = target.span;
    const memo = await vscode.window.showInputBox({
      title: `Memo on “${truncate(annotation.quote, 40)}” (${annotation.code})`,
      prompt: 'A note on this segment; empty removes the memo.',
      value: annotation.memo ?? '',
      ignoreFocusOut: true,
    });
    return memo === undefined ? undefined : (text) => setAnnotationMemo(text, annotation.id, memo);
  }
}
