import * as vscode from 'vscode';
import { buildFrameworkMatrix } from '../core/matrix/framework-matrix';
import { summaryDocumentFor } from '../core/corpus/summary-document';
import { FrontMatterEditError, setSummary } from '../core/frontmatter/edit-front-matter';
import type { MatrixViewData } from '../protocol';
import { CorpusEditRefused, editCorpusFiles } from './corpus-edits';
import type { CorpusEntry, CorpusService } from './corpus-service';
import { ensureTrusted } from './user-errors';
import { MatrixPanelController } from './webview/matrix-panel';
import { toMatrixView } from './webview/matrix-view';

const views = new WeakMap<CorpusEntry['loaded'], Map<string, MatrixViewData>>();

/** The matrix of one corpus as the panel shows it: built once per load of the corpus and grouping. */
export function matrixViewData(entry: CorpusEntry, attribute?: string): MatrixViewData {
  const key = attribute ?? '';
  const cache = views.get(entry.loaded) ?? new Map<string, MatrixViewData>();
  views.set(entry.loaded, cache);
  const cached = cache.get(key);
  if (cached && cached.readOnly === !vscode.workspace.isTrusted) return cached;
  const { corpus } = entry.loaded;
  const matrix = buildFrameworkMatrix(corpus, attribute ? { attribute } : {});
  const data = toMatrixView(corpus, matrix, { root: entry.root.toString(), name: entry.name, readOnly: !vscode.workspace.isTrusted });
  cache.set(key, data);
  return data;
}

/**
 * The Framework Matrix panel over the corpus service. Built during activation, because its
 * constructor registers the serializer that restores the panel after a window reload.
 */
export function createMatrixPanel(context: vscode.ExtensionContext, service: CorpusService, log: vscode.LogOutputChannel): MatrixPanelController {
  const entryAt = (root: string | undefined) => service.corpora.find((c) => c.root.toString() === root) ?? service.corpora[0];
  return new MatrixPanelController(
    context.extensionUri,
    {
      current: (root, attribute) => {
        const entry = entryAt(root);
        return entry ? matrixViewData(entry, attribute) : null;
      },
      get loading() {
        return service.loading;
      },
      onDidChange: service.onDidChange,
    },
    log,
    {
      openSegment: (root, file, id) => void vscode.commands.executeCommand('qualframe.codebook.openSegment', root, file, id, true),
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
