import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import { agreementByCoder, coders, compareCoders } from '../../core/review/agreement';
import { count } from '../../core/text/count';
import { GitError } from '../../node/git/git';
import { loadCorpusAt, WORKING_TREE_LABEL } from '../../node/git/revision-corpus';
import type { AgreementViewData } from '../../protocol';
import type { Command } from '../command-manager';
import type { CorpusEntry, CorpusService } from '../corpus-service';
import { activeCorpus } from '../active-corpus';
import { ensureTrusted } from '../user-errors';
import type { AgreementPanelController, AgreementSession } from '../webview/agreement-panel';
import { defaultBase, pickRevision, repositoryOf, WORKING_TREE, type RevisionChoice } from './pick-refs';

type ModePick = vscode.QuickPickItem & { readonly mode: 'revisions' | 'coders' };

const MODES: readonly ModePick[] = [
  { mode: 'revisions', label: '$(git-branch) Two revisions, one per coder (branches)', detail: 'Each coder coded the same documents in a branch (or commit) of their own.' },
  { mode: 'coders', label: '$(person) Two coders in one revision (the `by` field)', detail: 'Both coders’ annotations are in the working tree, told apart by their `by` field.' },
];

/**
 * "QualFrame: Intercoder Agreement…": percentage agreement, Cohen's kappa and Krippendorff's
 * alpha per code and overall, between two coders: two git revisions (each coder's branch), or
 * two names in the `by` field of the working tree. The Intercoder Agreement panel shows it,
 * with the text each coded and the other did not. Git runs only in a trusted workspace.
 *
 * Arguments (from a script or a test) skip the questions: `(refA, refB?, { codedOnly }?)`
 * compares two revisions (`refB` null, `''` or left out: the working tree);
 * `({ coders: [a, b], codedOnly? })` two coders of the working tree. `codedOnly` defaults to
 * the panel's setting (that of the last run).
 * Answers the agreement as the panel shows it, or undefined when nothing was computed.
 */
export class IntercoderAgreementCommand implements Command {
  readonly id = 'qualframe.intercoderAgreement';

  constructor(
    private readonly service: CorpusService,
    private readonly panel: AgreementPanelController,
  ) {}

  async execute(first?: unknown, second?: unknown, third?: unknown): Promise<AgreementViewData | undefined> {
    if (!ensureTrusted('run git')) return undefined;
    const entry = activeCorpus(this.service, 'compute intercoder agreement');
    if (!entry) return undefined;
    const byCoders = codersArgument(first);
    const refA = typeof first === 'string' && first !== '' ? first : undefined;
    const codedOnly = codedOnlyArgument(byCoders ? first : third) ?? this.panel.codedOnly;
    let mode: 'revisions' | 'coders' | undefined = byCoders ? 'coders' : refA !== undefined ? 'revisions' : undefined;
    if (!mode) {
      const pick = await vscode.window.showQuickPick(MODES, { title: 'Intercoder Agreement', placeHolder: 'Who are the two coders?', matchOnDetail: true });
      if (!pick) return undefined;
      mode = pick.mode;
    }
    return mode === 'coders' ? this.byCoders(entry, byCoders, codedOnly) : this.byRevisions(entry, refA, second, codedOnly);
  }

  /** Two revisions of the corpus, each coded by one coder. */
  private async byRevisions(entry: CorpusEntry, refA: string | undefined, refB: unknown, codedOnly: boolean): Promise<AgreementViewData | undefined> {
    const repo = await repositoryOf(entry.root);
    if (!repo) return undefined;
    let a: RevisionChoice | undefined = refA !== undefined ? { ref: refA, label: refA } : undefined;
    let b: RevisionChoice | undefined = typeof refB === 'string' && refB !== '' ? { ref: refB, label: refB } : refA !== undefined && (refB === null || refB === '' || refB === undefined) ? WORKING_TREE : undefined;
    if (!a) {
      const preferred = await defaultBase(repo);
      a = await pickRevision(repo, { title: 'Intercoder Agreement (1/2): coder A’s revision', placeHolder: `The branch or commit coder A coded in${preferred ? ` (first: ${preferred})` : ''}; or type a ref`, workingTree: false, preferred });
      if (!a) return undefined;
    }
    if (!b) {
      b = await pickRevision(repo, { title: `Intercoder Agreement (2/2): coder B’s revision (A: ${a.label})`, placeHolder: 'The branch or commit coder B coded in (first: the working tree); or type a ref', workingTree: true });
      if (!b) return undefined;
    }
    if (a.ref === b.ref) {
      void vscode.window.showWarningMessage(`QualFrame: both coders are ${a.label}; choose two different revisions to compare.`);
      return undefined;
    }
    const sideA = a;
    const sideB = b;
    this.panel.computing();
    try {
      const { session, report } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `QualFrame: intercoder agreement of ${sideA.label} and ${sideB.label}` },
        async () => {
          const [loadedA, loadedB] = await Promise.all([loadCorpusAt(entry.root.fsPath, sideA.ref), loadCorpusAt(entry.root.fsPath, sideB.ref)]);
          const corpusA = loadedA.loaded.corpus;
          const corpusB = loadedB.loaded.corpus;
          const bodiesA = bodies(corpusA);
          const bodiesB = bodies(corpusB);
          const session: AgreementSession = {
            root: entry.root,
            subject: { root: entry.root.toString(), name: entry.name, mode: 'revisions', a: loadedA.label, b: loadedB.label },
            compute: (only) => compareCoders(corpusA, corpusB, { codedOnly: only }),
            body: (side, file) => (side === 'a' ? bodiesA : bodiesB).get(file),
          };
          return { session, report: session.compute(codedOnly) };
        },
      );
      if (report.documents.length === 0) {
        void vscode.window.showWarningMessage(`QualFrame: no document of ${sideA.label} and ${sideB.label} could be compared (${count(report.excluded.length, 'document')} left out: see the panel).`);
      }
      return this.panel.show(session, report);
    } catch (e) {
      this.panel.idle();
      if (!(e instanceof GitError)) throw e;
      void vscode.window.showWarningMessage(`QualFrame: ${e.message}; no agreement was computed.`);
      return undefined;
    }
  }

  /** Two coders of the working tree, told apart by the annotations' `by` field. */
  private async byCoders(entry: CorpusEntry, given: readonly [string, string] | undefined, codedOnly: boolean): Promise<AgreementViewData | undefined> {
    const corpus = entry.loaded.corpus;
    const names = coders(corpus);
    let pair = given;
    if (!pair) {
      if (names.length < 2) {
        void vscode.window.showInformationMessage(
          names.length === 0
            ? 'QualFrame: no annotation names its coder. Agreement between coders of one revision needs a `by` field (`by: am`) on each coder’s annotations.'
            : `QualFrame: only one coder (${names[0]}) is named in the \`by\` fields; agreement needs two.`,
        );
        return undefined;
      }
      pair = names.length === 2 ? [names[0], names[1]] : await pickTwoCoders(names);
      if (!pair) return undefined;
    }
    if (pair[0] === pair[1]) {
      void vscode.window.showWarningMessage(`QualFrame: both coders are ${pair[0]}; choose two different coders.`);
      return undefined;
    }
    const [coderA, coderB] = pair;
    const bodiesNow = bodies(corpus);
    const session: AgreementSession = {
      root: entry.root,
      subject: { root: entry.root.toString(), name: entry.name, mode: 'coders', a: coderA, b: coderB, revision: WORKING_TREE_LABEL },
      compute: (only) => agreementByCoder(corpus, coderA, coderB, { codedOnly: only }),
      body: (_side, file) => bodiesNow.get(file),
    };
    this.panel.computing();
    let report;
    try {
      report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `QualFrame: intercoder agreement of ${coderA} and ${coderB}` },
        async () => session.compute(codedOnly),
      );
    } catch (e) {
      this.panel.idle();
      throw e;
    }
    if (report.documents.length === 0) void vscode.window.showWarningMessage(`QualFrame: no document was coded by both ${coderA} and ${coderB}; nothing was compared.`);
    return this.panel.show(session, report);
  }
}

/** Asks for coder A, then coder B among the others. */
async function pickTwoCoders(names: readonly string[]): Promise<[string, string] | undefined> {
  const a = await vscode.window.showQuickPick(names.map((label) => ({ label })), { title: 'Intercoder Agreement (1/2): coder A', placeHolder: 'The first coder, as named in the `by` field' });
  if (!a) return undefined;
  const b = await vscode.window.showQuickPick(names.filter((n) => n !== a.label).map((label) => ({ label })), { title: `Intercoder Agreement (2/2): coder B (A: ${a.label})`, placeHolder: 'The second coder' });
  return b ? [a.label, b.label] : undefined;
}

function bodies(corpus: Corpus): Map<string, string> {
  return new Map(corpus.documents.map((d) => [d.path, d.body]));
}

function codersArgument(value: unknown): readonly [string, string] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const pair: unknown = (value as { coders?: unknown }).coders;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((c) => typeof c === 'string' && c !== '')) return undefined;
  return [pair[0] as string, pair[1] as string];
}

function codedOnlyArgument(value: unknown): boolean | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const codedOnly: unknown = (value as { codedOnly?: unknown }).codedOnly;
  return typeof codedOnly === 'boolean' ? codedOnly : undefined;
}
