import * as vscode from 'vscode';
import { isWaveSettingError, resolveComparison, type WaveSettingOverride } from '../core/compare/comparison-setting';
import { buildWaveComparison } from '../core/compare/wave-comparison';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import type { CorpusEntry, CorpusService } from './corpus-service';
import type { LiveCorpora } from './live-corpus';
import { createComparePanelSet, type ComparePanel } from './webview/compare-panel';
import { CompareAnswers, toCompareView } from './webview/compare-view';
import type { CorpusPanels } from './webview/corpus-panels';

type Answer = CompareAnswers | { readonly problem: string };
const cached = new WeakMap<LoadedCorpus, Map<string, Answer>>();
/** Numbers the comparisons built (from the clock: a restored panel holds numbers of an earlier session). */
let versions = Date.now();

/** The comparison of one corpus as the panel shows it (`loaded`: unsaved buffers included), built once per state and groups. */
export function compareAnswers(entry: CorpusEntry, loaded: LoadedCorpus, chosen: WaveSettingOverride): Answer {
  const key = JSON.stringify([chosen.attribute ?? '', chosen.baseline ?? '', chosen.followup ?? '', vscode.workspace.isTrusted]);
  const cache = cached.get(loaded) ?? new Map<string, Answer>();
  cached.set(loaded, cache);
  const hit = cache.get(key);
  if (hit) return hit;
  const { corpus } = loaded;
  const setting = resolveComparison(corpus, chosen);
  const answer: Answer = isWaveSettingError(setting)
    ? { problem: setting.error }
    : new CompareAnswers(corpus, setting, toCompareView(corpus, buildWaveComparison(corpus, setting), {
      root: entry.root.toString(),
      name: entry.name,
      readOnly: !vscode.workspace.isTrusted,
      version: ++versions,
    }));
  cache.set(key, answer);
  return answer;
}

/**
 * The Compare Waves panels over the corpus service, following the editors as the matrix does.
 * Built during activation: the constructor registers the serializer that restores the panels.
 */
export function createComparePanels(context: vscode.ExtensionContext, service: CorpusService, live: LiveCorpora, log: vscode.LogOutputChannel): CorpusPanels<ComparePanel> {
  const entryAt = (root: string) => service.corpora.find((c) => c.root.toString() === root);
  return createComparePanelSet(
    context.extensionUri,
    {
      get corpora() {
        return service.corpora.map((c) => ({ root: c.root.toString(), name: c.name }));
      },
      current: (root, chosen) => {
        const entry = entryAt(root);
        return entry ? compareAnswers(entry, live.current(entry), chosen) : null;
      },
      get loading() {
        return service.loading;
      },
      onDidChange: live.onDidChange,
    },
    log,
    {
      openSegment: (root, file, id) => void vscode.commands.executeCommand('qualframe.codebook.openSegment', root, file, id, true),
      exportComparison: (root, chosen) =>
        void vscode.commands.executeCommand('qualframe.exportComparison', root, undefined, chosen.attribute, chosen.baseline, chosen.followup),
    },
  );
}
