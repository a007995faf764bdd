import * as vscode from 'vscode';
import { computeStats } from '../core/corpus/stats';
import { countErrors } from '../core/problems';
import type { StatsViewData } from '../protocol';
import type { CorpusService } from './corpus-service';
import { StatsPanelController } from './webview/stats-panel';

/** What the statistics panel shows, from the corpora as loaded now. */
export function statsViewData(service: CorpusService): StatsViewData {
  return {
    loading: service.loading,
    corpora: service.corpora.map(({ root, name, loaded }) => {
      const stats = computeStats(loaded.corpus);
      const errors = countErrors(loaded.problems);
      return {
        name,
        root: root.fsPath,
        attribute: loaded.corpus.config.compare.attribute,
        documents: stats.documents,
        cases: stats.cases,
        codes: stats.codes,
        annotations: stats.annotations,
        orphans: stats.orphans,
        casesByValue: Object.entries(stats.casesByWave).map(([value, cases]) => ({ value, cases })),
        errors,
        warnings: loaded.problems.length - errors,
      };
    }),
  };
}

/**
 * The Corpus Statistics panel over the corpus service. Built during activation, because its
 * constructor registers the serializer that restores the panel after a window reload.
 */
export function createStatsPanel(context: vscode.ExtensionContext, service: CorpusService, log: vscode.LogOutputChannel): StatsPanelController {
  return new StatsPanelController(
    context.extensionUri,
    { current: () => statsViewData(service), onDidChange: service.onDidChange },
    log,
    {
      runCommand: (id) => void vscode.commands.executeCommand(id),
      openFile: (root, file) => {
        const entry = service.corpora.find((c) => c.root.fsPath === root);
        if (entry) void vscode.window.showTextDocument(vscode.Uri.joinPath(entry.root, ...file.split('/')));
      },
    },
  );
}
