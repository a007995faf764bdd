/**
 * The "Compare Waves" panels: for one corpus, the two groups of `qualframe.yaml` `compare`
 * (default: the two lowest values of `wave`) or two chosen in the panel, set side by side
 * theme by theme and code by code (predicted and reported, predicted only, emergent, unused),
 * with a theme's quotes of each wave side by side. One panel per corpus (corpus-panels.ts).
 */
import type * as vscode from 'vscode';
import type { WaveSettingOverride } from '../../core/compare/comparison-setting';
import {
  COMPARE_VIEW_TYPE,
  type CompareFromWebviewMessage,
  type CompareToWebviewMessage,
} from '../../protocol';
import type { CompareAnswers } from './compare-view';
import { CorpusPanel, CorpusPanels, type PanelCorpora } from './corpus-panels';
import type { PanelRequest } from './panel-host';

/** Where the panels' data comes from. */
export interface CompareSource extends PanelCorpora {
  /**
   * The comparison of the corpus at `root` for the groups `chosen` in the panel (parts left
   * out come from `qualframe.yaml`, then from the data); a problem in words when no two
   * groups can be compared; null when no corpus has that root (yet: see `loading`).
   */
  current(root: string, chosen: WaveSettingOverride): CompareAnswers | { readonly problem: string } | null;
}

export interface ComparePanelHandlers {
  openSegment(root: string, file: string, id: string): void;
  /** Export the comparison of `root` for the groups shown. */
  exportComparison(root: string, chosen: WaveSettingOverride): void;
}

/** The Compare Waves panels, one per corpus. Build during activation (it registers the serializer). */
export function createComparePanelSet(
  extensionUri: vscode.Uri,
  source: CompareSource,
  log: vscode.LogOutputChannel,
  handlers: ComparePanelHandlers,
): CorpusPanels<ComparePanel> {
  return new CorpusPanels(COMPARE_VIEW_TYPE, source, log, (root, elsewhere) => new ComparePanel(extensionUri, source, log, handlers, root, elsewhere));
}

export class ComparePanel extends CorpusPanel<CompareToWebviewMessage, CompareFromWebviewMessage> {
  /** The groups chosen in the panel; empty: those of qualframe.yaml. */
  private chosen: WaveSettingOverride = {};

  constructor(
    extensionUri: vscode.Uri,
    private readonly source: CompareSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: ComparePanelHandlers,
    root: string | undefined,
    elsewhere: () => ReadonlySet<string>,
  ) {
    super(
      { viewType: COMPARE_VIEW_TYPE, title: 'Compare Waves', bundle: 'compare', extensionUri, log, accepts: ['refresh', 'openSegment', 'requestCompareQuotes', 'setWaves', 'exportComparison'] },
      source,
      root,
      elsewhere,
    );
  }

  protected data(): CompareToWebviewMessage {
    const current = this.current();
    const loading = this.source.loading;
    if (current === null) return { type: 'compare', data: null, loading };
    if ('problem' in current) return { type: 'compare', data: null, loading, problem: current.problem };
    return { type: 'compare', data: current.view, loading };
  }

  private current(): CompareAnswers | { readonly problem: string } | null {
    const root = this.root();
    return root === undefined ? null : this.source.current(root, this.chosen);
  }

  protected handle(message: PanelRequest<CompareFromWebviewMessage>): void {
    if (message.type === 'refresh') {
      this.post();
      return;
    }
    if (message.type === 'setWaves') {
      // Only values offered: anything else would compare nothing.
      const answers = this.current();
      const offered = answers && !('problem' in answers) ? answers.view.attributes.find((a) => a.name === message.attribute) : undefined;
      if (!offered || !offered.values.includes(message.baseline) || !offered.values.includes(message.followup)) {
        this.log.warn(`${COMPARE_VIEW_TYPE}: dropped setWaves: not two values offered of an attribute offered`);
        return;
      }
      this.chosen = { attribute: message.attribute, baseline: message.baseline, followup: message.followup };
      this.post();
      return;
    }
    const current = this.current();
    if (!current || 'problem' in current || message.root !== current.view.root) {
      this.log.warn(`${COMPARE_VIEW_TYPE}: dropped ${message.type}: not the comparison shown in the panel`);
      return;
    }
    switch (message.type) {
      case 'openSegment':
        this.handlers.openSegment(message.root, message.file, message.id);
        return;
      case 'exportComparison':
        this.handlers.exportComparison(message.root, this.chosen);
        return;
      case 'requestCompareQuotes': {
        const quotes = current.quotes(message.theme, message.code);
        this.host.post({
          type: 'compareQuotes',
          version: current.view.version,
          theme: message.theme,
          code: message.code,
          baseline: quotes?.baseline ?? null,
          followup: quotes?.followup ?? null,
        });
        return;
      }
    }
  }
}
