import * as vscode from 'vscode';
import { buildFrameworkMatrix } from '../core/matrix/framework-matrix';
import { summaryDocumentFor } from '../core/corpus/summary-document';
import { FrontMatterEditError, setSummary } from '../core/frontmatter/edit-front-matter';
import { CorpusEditRefused, editCorpusFiles } from './corpus-edits';
import type { CorpusEntry, CorpusService } from './corpus-service';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import type { LiveCorpora } from './live-corpus';
import { ensureTrusted } from './user-errors';
import type { CorpusPanels } from './webview/corpus-panels';
import { createMatrixPanelSet, type MatrixPanel } from './webview/matrix-panel';
import { MatrixAnswers, toMatrixView } from './webview/matrix-view';

const cached = new WeakMap<LoadedCorpus, Map<string, MatrixAnswers>>();
/** Numbers the matrices built, so the panel can tell an answer about an older one (from the clock: a restored panel holds numbers of an earlier session). */
let versions = Date.now();

/**
 * The matrix of one corpus as the panel shows it (`loaded`: the entry's corpus, unsaved
 * buffers included): built once per state of the corpus and grouping.
 */
export function matrixAnswers(entry: CorpusEntry, loaded: LoadedCorpus, attribute?: string): MatrixAnswers {
  const key = attribute ?? '';
  const cache = cached.get(loaded) ?? new Map<string, MatrixAnswers>();
  cached.set(loaded, cache);
  const hit = cache.get(key);
  if (hit && hit.view.readOnly === !vscode.workspace.isTrusted) return hit;
  const { corpus } = loaded;
  const matrix = buildFrameworkMatrix(corpus, attribute ? { attribute } : {});
  const view = toMatrixView(corpus, matrix, { root: entry.root.toString(), name: entry.name, readOnly: !vscode.workspace.isTrusted, version: ++versions });
  const answers = new MatrixAnswers(corpus, matrix, view);
  cache.set(key, answers);
  return answers;
}

/**
 * The Framework Matrix panels over the corpus service. Built during activation, because the
 * constructor registers the serializer that restores the panels after a window reload.
 */
export function createMatrixPanels(context: vscode.ExtensionContext, service: CorpusService, live: LiveCorpora, log: vscode.LogOutputChannel): CorpusPanels<MatrixPanel> {
  const entryAt = (root: string) => service.corpora.find((c) => c.root.toString() === root);
  return createMatrixPanelSet(
    context.extensionUri,
    {
      get corpora() {
        return service.corpora.map((c) => ({ root: c.root.toString(), name: c.name }));
      },
      current: (root, attribute) => {
        const entry = entryAt(root);
        return entry ? matrixAnswers(entry, live.current(entry), attribute) : null;
      },
      get loading() {
        return service.loading;
      },
      onDidChange: live.onDidChange,
    },
    log,
    {
      openSegment: (root, file, id) => void vscode.commands.executeCommand('qualframe.codebook.openSegment', root, file, id, true),
      exportMatrix: (root, attribute) => void vscode.commands.executeCommand('qualframe.exportMatrix', root, undefined, attribute),
      saveSummary: async (root, caseId, theme, summary) => {
        if (!ensureTrusted('edit summaries')) return;
        const entry = entryAt(root);
        const c = entry?.loaded.corpus.caseById.get(caseId);
        const path = c && summaryDocumentFor(c, theme);
        if (!entry || !path || !entry.loaded.corpus.codebook.themeById.has(theme)) {
          void vscode.window.showWarningMessage(`QualFrame: case "${caseId}" or theme "${theme}" is no longer in the corpus; the summary was not saved.`);
          return;
        }
        const text = summary.trim() === '' ? undefined : summary.replace(/\s+$/, '');
        try {
          await editCorpusFiles(entry, [{ path, change: (t) => setSummary(t, theme, text) }], { label: 'Edit summary' });
        } catch (e) {
          if (!(e instanceof CorpusEditRefused || e instanceof FrontMatterEditError)) throw e;
          void vscode.window.showWarningMessage(`QualFrame: ${path}: ${e.message}; the summary was not saved.`);
        }
      },
    },
  );
}
