import * as vscode from 'vscode';
import { computeStats } from '../core/corpus/stats';
import { countErrors } from '../core/problems';
import type { CorpusService } from './corpus-service';
import { count } from '../core/text/count';

/** The corpus at a glance: documents, cases, annotations and orphans; a click opens the statistics. */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('qualframe.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: CorpusService) {
    this.item.name = 'QualFrame';
    this.item.command = 'qualframe.showStats';
    this.disposables = [
      this.item,
      service.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('qualframe.statusBar.enabled') && this.render()),
    ];
    this.render();
  }

  private render(): void {
    const enabled = vscode.workspace.getConfiguration('qualframe').get<boolean>('statusBar.enabled', true);
    const corpora = this.service.corpora;
    if (!enabled || (corpora.length === 0 && !this.service.loading)) {
      this.item.hide();
      return;
    }
    if (this.service.loading && corpora.length === 0) {
      this.item.text = '$(sync~spin) QualFrame: loading…';
      this.item.tooltip = 'QualFrame is reading the corpus';
      this.item.backgroundColor = undefined;
      this.item.show();
      return;
    }
    let documents = 0, cases = 0, annotations = 0, orphans = 0, errors = 0;
    for (const { loaded } of corpora) {
      const s = computeStats(loaded.corpus);
      documents += s.documents;
      cases += s.cases;
      annotations += s.annotations;
      orphans += s.orphans;
      errors += countErrors(loaded.problems);
    }
    this.item.text = `$(book) ${count(documents, 'document')} · ${count(cases, 'case')} · ${count(annotations, 'annotation')}${orphans > 0 ? ` · ${count(orphans, 'orphan')}` : ''}`;
    this.item.backgroundColor = orphans > 0 || errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**QualFrame** ${corpora.map((c) => c.name).join(', ')}\n\n`);
    tooltip.appendMarkdown(errors > 0 ? `${count(errors, 'problem')} to look at in the Problems panel.\n\n` : 'No problems.\n\n');
    tooltip.appendMarkdown('Click for the corpus statistics.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `QualFrame corpus: ${this.item.text.replace(/\$\([^)]*\)\s*/g, '')}` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
