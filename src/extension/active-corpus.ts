import * as vscode from 'vscode';
import type { CorpusEntry, CorpusService } from './corpus-service';

/**
 * The corpus of the active editor, else the first; says why when there is none.
 * @param what What the command does with it ("search it", "export the matrix"), for the message.
 */
export function activeCorpus(service: CorpusService, what: string): CorpusEntry | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const entry = (active && service.corpusOf(active)) ?? service.corpora[0];
  if (!entry) {
    void vscode.window.showInformationMessage(service.loading ? `QualFrame: the corpus is still loading; ${what} again in a moment.` : `QualFrame: open a folder with a corpus (qualframe.yaml) to ${what}.`);
  }
  return entry;
}
