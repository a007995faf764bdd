import * as vscode from 'vscode';
import { parseCorpusDocument } from '../../core/corpus/document';
import { applyAutoCode, planAutoCode, type AutoCodeAddition } from '../../core/search/auto-code';
import type { Command } from '../command-manager';
import type { CodePicker } from '../coding/code-picker';
import { coder } from '../coding/editor-context';
import { CorpusEditRefused, editCorpusFiles } from '../corpus-edits';
import type { CorpusService } from '../corpus-service';
import { FrontMatterEditError } from '../../core/frontmatter/edit-front-matter';
import { ensureTrusted } from '../user-errors';
import type { SearchResults } from './search-results';
import { describeAttributes } from './search-results';

interface AdditionPick extends vscode.QuickPickItem {
  readonly addition: AutoCodeAddition;
}

/**
 * "Auto-code Hits…": codes the hits of the search in the Search Results view (the checked ones,
 * else all) with a code picked from the codebook. A preview lists each new segment (uncheck to
 * leave one out); hits already coded with that code are skipped and counted. The segments are
 * one edit across the files, so one Undo takes them all back.
 */
export class AutoCodeHitsCommand implements Command {
  readonly id = 'qualframe.autoCodeHits';

  constructor(
    private readonly service: CorpusService,
    private readonly results: SearchResults,
    private readonly picker: CodePicker,
  ) {}

  async execute(): Promise<number | undefined> {
    if (!ensureTrusted('code')) return undefined;
    const run = this.results.current;
    const entry = run && this.service.corpora.find((c) => c.root.toString() === run.root);
    if (!run || !entry || run.result.hits.length === 0) {
      void vscode.window.showInformationMessage('QualFrame: search the corpus first (QualFrame: Search Corpus); the hits in the Search Results view are what Auto-code Hits codes.');
      return undefined;
    }
    const checked = this.results.checkedHits();
    const hits = checked.length > 0 ? checked : run.result.hits;
    const which = checked.length > 0 ? `the ${checked.length} checked ${checked.length === 1 ? 'hit' : 'hits'}` : `all ${hits.length} ${hits.length === 1 ? 'hit' : 'hits'}`;
    const code = await this.picker.pick(entry, { title: `Auto-code ${which} of ${JSON.stringify(run.input)}`, placeHolder: 'Code to apply to each passage' });
    if (!code) return undefined;
    // The codebook may have gained the code on the way ("Create new code…"): plan on the corpus as it is now.
    const current = this.service.corpora.find((c) => c.root.toString() === run.root) ?? entry;
    const plan = planAutoCode(current.loaded.corpus, hits, code, { by: coder() });
    const name = current.loaded.corpus.codebook.codeById.get(code)?.name ?? current.loaded.corpus.codebook.themeById.get(code)?.name ?? code;
    const skippedNote = describeSkips(plan.skipped);
    if (plan.additions.length === 0) {
      void vscode.window.showInformationMessage(`QualFrame: nothing to code with ${name}: ${skippedNote || 'no passage left'}.`);
      return 0;
    }
    const items: AdditionPick[] = plan.additions.map((addition) => ({
      label: oneLine(addition.entry.quote, 110),
      description: [addition.hit.case, describeAttributes(addition.hit), addition.hit.speaker].filter(Boolean).join(' · '),
      detail: addition.file,
      picked: true,
      addition,
    }));
    const chosen = await vscode.window.showQuickPick(items, {
      title: `Auto-code with ${name}: ${plan.additions.length} new ${plan.additions.length === 1 ? 'segment' : 'segments'}${skippedNote ? ` (${skippedNote})` : ''}`,
      placeHolder: 'Uncheck any passage to leave out, then press Enter to code the rest',
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!chosen || chosen.length === 0) return undefined;
    const byFile = new Map<string, AutoCodeAddition[]>();
    for (const { addition } of chosen) byFile.set(addition.file, [...(byFile.get(addition.file) ?? []), addition]);
    let moved = 0;
    try {
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `QualFrame: coding ${chosen.length} passages with ${name}` }, (progress) =>
        editCorpusFiles(
          current,
          [...byFile].map(([path, additions]) => ({
            path,
            change: (text: string) => {
              // The file may have been edited since it was indexed: code only passages still where they were.
              const body = parseCorpusDocument(path, text, { locateProblems: false }).document?.body;
              const still = additions.filter((a) => body !== undefined && body.startsWith(a.entry.quote, a.entry.start));
              moved += additions.length - still.length;
              return still.length > 0 ? applyAutoCode(text, still.map((a) => a.entry)) : text;
            },
          })),
          { label: `Auto-code ${code}`, progress },
        ),
      );
      const coded = chosen.length - moved;
      const parts = [`QualFrame: coded ${coded} ${coded === 1 ? 'passage' : 'passages'} with ${name} in ${result.changed.length} ${result.changed.length === 1 ? 'document' : 'documents'}`];
      if (skippedNote) parts.push(skippedNote);
      if (moved > 0) parts.push(`${moved} left out: their text changed since the search`);
      if (result.unsaved.length > 0) parts.push(`unsaved: ${result.unsaved.join(', ')}`);
      void vscode.window.showInformationMessage(`${parts.join('; ')}. Undo (Ctrl+Z in a coded document) takes them all back.`);
      return coded;
    } catch (e) {
      if (!(e instanceof CorpusEditRefused || e instanceof FrontMatterEditError)) throw e;
      void vscode.window.showWarningMessage(`QualFrame: ${e.message}; nothing was coded.`);
      return undefined;
    }
  }
}

function describeSkips(skipped: readonly { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  const words: Record<string, string> = { 'already-coded': 'already coded with it', 'document-gone': 'in documents no longer in the corpus', 'text-changed': 'whose text changed', empty: 'without words' };
  return [...counts].map(([reason, n]) => `${n} skipped, ${words[reason] ?? reason}`).join('; ');
}

function oneLine(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
