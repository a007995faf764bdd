import { problem, type Problem } from '../problems';
import type { Codebook } from './codebook';
import type { CorpusConfig } from './config';
import type { CorpusDocument } from './document';

export interface Case {
  readonly id: string;
  /** The case's documents, in path order. */
  readonly documents: readonly CorpusDocument[];
  /** The attribute values all its documents share. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Theme id to summary, gathered from whichever of its documents holds it. */
  readonly summaries: ReadonlyMap<string, { readonly text: string; readonly document: string }>;
}

export interface Corpus {
  readonly config: CorpusConfig;
  readonly codebook: Codebook;
  /** Every file the document patterns matched, readable or not, in path order. */
  readonly files: readonly string[];
  /** The documents that could be read, in path order. */
  readonly documents: readonly CorpusDocument[];
  readonly cases: readonly Case[];
  readonly caseById: ReadonlyMap<string, Case>;
}

/** Groups documents into cases: by `case`, else by file name (a panel participant is one case). */
export function groupCases(documents: readonly CorpusDocument[]): Case[] {
  const byId = new Map<string, CorpusDocument[]>();
  for (const d of documents) {
    const list = byId.get(d.caseId);
    if (list) list.push(d);
    else byId.set(d.caseId, [d]);
  }
  const cases: Case[] = [];
  for (const [id, docs] of byId) {
    const attributes: Record<string, string> = Object.create(null);
    for (const key of Object.keys(docs[0].attributes)) {
      const value = docs[0].attributes[key];
      if (docs.every((d) => Object.prototype.hasOwnProperty.call(d.attributes, key) && d.attributes[key] === value)) attributes[key] = value;
    }
    const summaries = new Map<string, { text: string; document: string }>();
    for (const d of docs) {
      for (const s of d.summaries) if (!summaries.has(s.theme)) summaries.set(s.theme, { text: s.text, document: d.path });
    }
    cases.push({ id, documents: docs, attributes, summaries });
  }
  return cases.sort((a, b) => compareNatural(a.id, b.id));
}

export function buildCorpus(config: CorpusConfig, codebook: Codebook, files: readonly string[], documents: readonly CorpusDocument[]): Corpus {
  const cases = groupCases(documents);
  return { config, codebook, files, documents, cases, caseById: new Map(cases.map((c) => [c.id, c])) };
}

/**
 * The checks that need the codebook or several documents: unknown codes and themes, a theme
 * summarised twice in one case, citations that point nowhere.
 */
export function checkCorpus(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const { codebook } = corpus;
  const docByPath = new Map(corpus.documents.map((d) => [d.path, d]));
  for (const d of corpus.documents) {
    for (const a of d.annotations) {
      if (!codebook.applicable.has(a.code)) {
        const hint = codebook.themeById.has(a.code)
          ? `"${a.code}" is a theme with codes; apply one of its codes`
          : 'add it to the codebook or correct the id';
        problems.push(problem(d.path, d.locate(['codes', a.index, 'code']), 'error', 'unknown-code', `unknown code "${a.code}" in annotation "${a.id}": ${hint}`));
      }
    }
    for (const s of d.summaries) {
      if (!codebook.themeById.has(s.theme)) {
        const hint = codebook.codeById.has(s.theme)
          ? `"${s.theme}" is a code; summaries are kept per theme (its theme is "${codebook.codeById.get(s.theme)!.themeId}")`
          : 'summaries are keyed by theme id from the codebook';
        problems.push(problem(d.path, d.locate(['summaries', s.theme], 'key'), 'error', 'unknown-theme', `unknown theme "${s.theme}" in summaries: ${hint}`));
      }
      for (const cite of citations(s.text)) {
        const target = docByPath.get(cite.path);
        if (!target || !target.annotations.some((a) => a.id === cite.id)) {
          problems.push(problem(d.path, d.locate(['summaries', s.theme]), 'warning', 'broken-citation', `summary of "${s.theme}" cites ${cite.path}#${cite.id}, ${target ? 'but that document has no annotation with that id' : 'but there is no such document in the corpus'}`));
        }
      }
    }
  }
  for (const c of corpus.cases) {
    const seen = new Map<string, string>();
    for (const d of c.documents) {
      for (const s of d.summaries) {
        const first = seen.get(s.theme);
        if (first !== undefined) {
          const where = first === d.path ? 'earlier in this file' : `in ${first}`;
          problems.push(problem(d.path, d.locate(['summaries', s.theme], 'key'), 'error', 'duplicate-summary', `case ${c.id} already has a summary of "${s.theme}" ${where}; keep one summary per theme and case`));
        } else seen.set(s.theme, d.path);
      }
    }
  }
  return problems;
}

/** `path#id` references in a summary: evidence the reader can follow. */
export function citations(text: string): { path: string; id: string }[] {
  const out: { path: string; id: string }[] = [];
  for (const m of text.matchAll(/(?<![\w./-])([\w./-]+\.md)#([A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)/g)) out.push({ path: m[1], id: m[2] });
  return out;
}

// One collator for every comparison: `localeCompare` with options builds one per call, which
// showed up in every sort of a large corpus.
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Orders `2`, `10`, `P2`, `P10`, `SH01` as a person would. */
export function compareNatural(a: string, b: string): number {
  return naturalOrder.compare(a, b);
}
