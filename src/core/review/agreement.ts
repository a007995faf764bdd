/**
 * Intercoder agreement over characters, as NVivo's coding comparison counts it: for every code
 * and every character of a document's body (UTF-16 code units of the LF-normalised body, the
 * units annotation offsets count in), did coder A code it with that code, did coder B? Each
 * (document, code) gives a 2×2 table; a code's figures pool its tables over the documents, the
 * overall figures pool every table of every code and document (sum the tables, then compute).
 *
 * Two coders are either two revisions of the same documents (each coder's branch:
 * {@link compareCoders}) or two names in the `by` field of one revision
 * ({@link agreementByCoder}).
 */
import { compareNatural, type Corpus } from '../corpus/corpus';
import type { Annotation } from '../corpus/document';
import { unionRanges } from '../text/ranges';
import { addTables, EMPTY_TABLE, measure, tableTotal, type AgreementMeasures, type AgreementTable } from './agreement-measures';

export interface AgreementOptions {
  /**
   * Count only the characters that either coder coded with any code (in that document), not
   * the whole body. Agreement and kappa then say how alike the coders coded the text they
   * both found worth coding, without the uncoded interviewer talk and small talk that inflate
   * "neither". The universe is the same for every code of a document: were it each code's own
   * coded characters, "neither" would always be empty and kappa could never rise above 0.
   */
  readonly codedOnly?: boolean;
}

export interface ByCoderOptions extends AgreementOptions {
  /**
   * Compare every document of the corpus, not only those both coders coded something in. By
   * default a document only one of them (or neither) coded is left out, as not double-coded
   * (listed with reason `not-coded-by-both`).
   */
  readonly allDocuments?: boolean;
}

/** The figures of one table, with its counts. */
export interface AgreementFigures extends AgreementMeasures {
  /** Characters coder A coded. */
  readonly aChars: number;
  /** Characters coder B coded. */
  readonly bChars: number;
  /** Characters both coded. */
  readonly bothChars: number;
  /** The characters counted (body lengths, or with `codedOnly` the coded characters). */
  readonly totalChars: number;
}

export interface CodeAgreement extends AgreementFigures {
  readonly code: string;
  /** The code's name in the codebook, when it has one. */
  readonly name?: string;
}

export interface DocumentAgreement {
  readonly file: string;
  /** The document's characters counted (its body length, or with `codedOnly` its coded characters). */
  readonly chars: number;
  /** The codes either coder coded in this document, in report order. */
  readonly codes: readonly CodeAgreement[];
  /** Pooled over every code of the report (codes not used here add characters coded by neither). */
  readonly overall: AgreementFigures;
}

export interface CodedRange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Where the coders differ on one code in one document: the merged ranges only one of them coded. */
export interface Disagreement {
  readonly file: string;
  readonly code: string;
  readonly onlyA: readonly CodedRange[];
  readonly onlyB: readonly CodedRange[];
}

/**
 * Why a document was not compared: its body differs between the revisions, it is in one of
 * them only, it cannot be read in one (or, comparing coders of one revision, at all), or (`by`
 * coders of one revision) it was not coded by both.
 */
export type ExclusionReason = 'body-differs' | 'only-in-a' | 'only-in-b' | 'unreadable-in-a' | 'unreadable-in-b' | 'unreadable' | 'not-coded-by-both';

export interface ExcludedDocument {
  readonly file: string;
  readonly reason: ExclusionReason;
}

/** An annotation that counts no characters: its quote was not found in the body. */
export interface UncountedAnnotation {
  readonly file: string;
  readonly id: string;
  readonly code: string;
  readonly coder: 'a' | 'b';
}

export interface AgreementReport {
  readonly unit: 'character';
  readonly codedOnly: boolean;
  /** Every code either coder coded at least one character with, codebook order first. */
  readonly codes: readonly CodeAgreement[];
  readonly overall: AgreementFigures;
  /** The documents compared, in path order. */
  readonly documents: readonly DocumentAgreement[];
  /** The paths of the documents left out (the contract's field). */
  readonly excludedDocuments: readonly string[];
  /** The same documents, each with why. */
  readonly excluded: readonly ExcludedDocument[];
  readonly disagreements: readonly Disagreement[];
  /** Orphaned annotations of the compared documents: coded, but counted nowhere. */
  readonly uncounted: readonly UncountedAnnotation[];
}

/** One document as both coders left it: the same body, each coder's annotations. */
interface ComparedDocument {
  readonly file: string;
  readonly body: string;
  readonly a: readonly Annotation[];
  readonly b: readonly Annotation[];
}

/**
 * Agreement between two revisions of the same documents, each coded by one coder (say, two
 * branches). A document is compared when both revisions hold it with the same LF-normalised
 * body; otherwise it is left out and listed: the bodies differ (characters would not line
 * up), it is in one revision only, or it cannot be read in one of them.
 */
export function compareCoders(a: Corpus, b: Corpus, options: AgreementOptions = {}): AgreementReport {
  const docsA = new Map(a.documents.map((d) => [d.path, d]));
  const docsB = new Map(b.documents.map((d) => [d.path, d]));
  const filesA = new Set(a.files);
  const filesB = new Set(b.files);
  const paths = [...new Set([...a.files, ...b.files, ...docsA.keys(), ...docsB.keys()])].sort(comparePaths);
  const compared: ComparedDocument[] = [];
  const excluded: ExcludedDocument[] = [];
  for (const file of paths) {
    const da = docsA.get(file);
    const db = docsB.get(file);
    if (!filesA.has(file) && !da) excluded.push({ file, reason: 'only-in-b' });
    else if (!filesB.has(file) && !db) excluded.push({ file, reason: 'only-in-a' });
    else if (!da) excluded.push({ file, reason: 'unreadable-in-a' });
    else if (!db) excluded.push({ file, reason: 'unreadable-in-b' });
    else if (da.body !== db.body) excluded.push({ file, reason: 'body-differs' });
    else compared.push({ file, body: da.body, a: da.annotations, b: db.annotations });
  }
  return buildReport(compared, excluded, codeOrder([a, b]), options);
}

/**
 * Agreement between two coders who coded the same revision, told apart by the annotations'
 * `by` field (annotations without `by`, or by anyone else, are not counted). Unless
 * `allDocuments`, only documents where each of the two has at least one annotation are
 * compared; the others are listed as `not-coded-by-both`.
 */
export function agreementByCoder(corpus: Corpus, coderA: string, coderB: string, options: ByCoderOptions = {}): AgreementReport {
  const compared: ComparedDocument[] = [];
  const excluded: ExcludedDocument[] = [];
  const docs = new Map(corpus.documents.map((d) => [d.path, d]));
  const paths = [...new Set([...corpus.files, ...docs.keys()])].sort(comparePaths);
  for (const file of paths) {
    const d = docs.get(file);
    if (!d) {
      excluded.push({ file, reason: 'unreadable' });
      continue;
    }
    const a = d.annotations.filter((x) => x.by === coderA);
    const b = d.annotations.filter((x) => x.by === coderB);
    if (!options.allDocuments && (a.length === 0 || b.length === 0)) excluded.push({ file, reason: 'not-coded-by-both' });
    else compared.push({ file, body: d.body, a, b });
  }
  return buildReport(compared, excluded, codeOrder([corpus]), options);
}

/** The coders named in the `by` fields of a corpus, in natural order. */
export function coders(corpus: Corpus): string[] {
  const names = new Set<string>();
  for (const d of corpus.documents) for (const x of d.annotations) if (x.by !== undefined && x.by !== '') names.add(x.by);
  return [...names].sort(compareNatural);
}

// ---------------------------------------------------------------------------------------------

/** Half-open ranges [start, end), sorted, disjoint and not touching. */
type RangeSet = readonly (readonly [number, number])[];

interface DocumentCoding {
  readonly doc: ComparedDocument;
  /** The characters counted in this document. */
  readonly universe: number;
  /** Code to each coder's characters. */
  readonly a: ReadonlyMap<string, RangeSet>;
  readonly b: ReadonlyMap<string, RangeSet>;
}

function buildReport(compared: readonly ComparedDocument[], excluded: ExcludedDocument[], order: CodeOrder, options: AgreementOptions): AgreementReport {
  const codedOnly = options.codedOnly === true;
  const uncounted: UncountedAnnotation[] = [];
  const codings: DocumentCoding[] = compared.map((doc) => {
    const a = codedRanges(doc, doc.a, 'a', uncounted);
    const b = codedRanges(doc, doc.b, 'b', uncounted);
    const universe = codedOnly ? size(union([...a.values(), ...b.values()].flat())) : doc.body.length;
    return { doc, universe, a, b };
  });

  const used = new Set<string>();
  for (const c of codings) for (const map of [c.a, c.b]) for (const [code, ranges] of map) if (ranges.length > 0) used.add(code);
  const codes = [...used].sort(order.compare);

  const perCode = new Map<string, AgreementTable>(codes.map((code) => [code, EMPTY_TABLE]));
  let overall = EMPTY_TABLE;
  const documents: DocumentAgreement[] = [];
  const disagreements: Disagreement[] = [];
  for (const c of codings) {
    let docOverall = EMPTY_TABLE;
    const docCodes: CodeAgreement[] = [];
    for (const code of codes) {
      const ra = c.a.get(code) ?? [];
      const rb = c.b.get(code) ?? [];
      const table = tableOf(ra, rb, c.universe);
      perCode.set(code, addTables(perCode.get(code)!, table));
      docOverall = addTables(docOverall, table);
      if (ra.length === 0 && rb.length === 0) continue;
      docCodes.push(codeFigures(code, table, order));
      const onlyA = difference(ra, rb).map(([start, end]) => ({ start, end, text: c.doc.body.slice(start, end) }));
      const onlyB = difference(rb, ra).map(([start, end]) => ({ start, end, text: c.doc.body.slice(start, end) }));
      if (onlyA.length > 0 || onlyB.length > 0) disagreements.push({ file: c.doc.file, code, onlyA, onlyB });
    }
    overall = addTables(overall, docOverall);
    documents.push({ file: c.doc.file, chars: c.universe, codes: docCodes, overall: figures(docOverall) });
  }

  return {
    unit: 'character',
    codedOnly,
    codes: codes.map((code) => codeFigures(code, perCode.get(code)!, order)),
    overall: figures(overall),
    documents,
    excludedDocuments: excluded.map((e) => e.file),
    excluded,
    disagreements,
    uncounted,
  };
}

function figures(t: AgreementTable): AgreementFigures {
  return { ...measure(t), aChars: t.both + t.aOnly, bChars: t.both + t.bOnly, bothChars: t.both, totalChars: tableTotal(t) };
}

function codeFigures(code: string, t: AgreementTable, order: CodeOrder): CodeAgreement {
  const name = order.name(code);
  return { code, ...figures(t), ...(name !== undefined ? { name } : {}) };
}

/** The 2×2 table of one code in one document. */
function tableOf(a: RangeSet, b: RangeSet, universe: number): AgreementTable {
  const sa = size(a);
  const sb = size(b);
  const both = size(intersection(a, b));
  return { both, aOnly: sa - both, bOnly: sb - both, neither: universe - (sa + sb - both) };
}

/** Each code's characters, as one coder coded them: the union of their anchored segments. */
function codedRanges(doc: ComparedDocument, annotations: readonly Annotation[], coder: 'a' | 'b', uncounted: UncountedAnnotation[]): Map<string, RangeSet> {
  const byCode = new Map<string, [number, number][]>();
  const length = doc.body.length;
  for (const x of annotations) {
    if (x.anchor.method === 'orphan') {
      uncounted.push({ file: doc.file, id: x.id, code: x.code, coder });
      continue;
    }
    const start = Math.max(0, Math.min(length, x.anchor.start));
    const end = Math.max(start, Math.min(length, x.anchor.end));
    let list = byCode.get(x.code);
    if (!list) byCode.set(x.code, (list = []));
    if (end > start) list.push([start, end]);
  }
  return new Map([...byCode].map(([code, list]) => [code, union(list)]));
}

/** Sorts and merges ranges: overlapping or touching segments of one coder count once. */
export const union = unionRanges;

function intersection(a: RangeSet, b: RangeSet): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (e > s) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` not in `b`. */
function difference(a: RangeSet, b: RangeSet): [number, number][] {
  const out: [number, number][] = [];
  let j = 0;
  for (const [start, end] of a) {
    let s = start;
    while (j < b.length && b[j][1] <= s) j++;
    let k = j;
    while (k < b.length && b[k][0] < end) {
      if (b[k][0] > s) out.push([s, b[k][0]]);
      s = Math.max(s, b[k][1]);
      k++;
    }
    if (s < end) out.push([s, end]);
  }
  return out;
}

function size(ranges: RangeSet): number {
  let n = 0;
  for (const [s, e] of ranges) n += e - s;
  return n;
}

interface CodeOrder {
  readonly compare: (x: string, y: string) => number;
  readonly name: (code: string) => string | undefined;
}

/** Codebook order (the first corpus's, then codes only the second has), then unknown ids in natural order. */
function codeOrder(corpora: readonly Corpus[]): CodeOrder {
  const rank = new Map<string, number>();
  const names = new Map<string, string>();
  for (const corpus of corpora) {
    for (const [id] of corpus.codebook.applicable) if (!rank.has(id)) rank.set(id, rank.size);
    for (const [id, code] of corpus.codebook.codeById) if (!names.has(id)) names.set(id, code.name);
    for (const [id, theme] of corpus.codebook.themeById) if (!names.has(id)) names.set(id, theme.name);
  }
  return {
    compare: (x, y) => {
      const rx = rank.get(x);
      const ry = rank.get(y);
      if (rx !== undefined && ry !== undefined) return rx - ry;
      if (rx !== undefined) return -1;
      if (ry !== undefined) return 1;
      return compareNatural(x, y);
    },
    name: (code) => names.get(code),
  };
}

/** The order documents are listed in (the corpus's path order). */
function comparePaths(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export type { AgreementMeasures, AgreementTable } from './agreement-measures';
