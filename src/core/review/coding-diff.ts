/**
 * The coding changes between two revisions of a corpus (`qualframe diff`): what a reviewer of
 * a pull request wants to read instead of a YAML diff. Annotations are matched per file by id,
 * then (those left over) by the text they cover and their nearness; summaries per case and
 * theme; codebook entries by id.
 */
import type { Code, Codebook, Theme } from '../corpus/codebook';
import { compareNatural, type Corpus } from '../corpus/corpus';
import type { Annotation, CorpusDocument } from '../corpus/document';
import { PassageAlignment } from './passage-alignment';

export type CodingChangeKind = 'added' | 'removed' | 'recoded' | 'moved' | 'reworded' | 'summary' | 'codebook';

/** Every kind, in the order counts and reports list them. */
export const CODING_CHANGE_KINDS: readonly CodingChangeKind[] = ['added', 'removed', 'recoded', 'moved', 'reworded', 'summary', 'codebook'];

/** What every change has (the `diff --json` contract: `kind`, `file`, `id`, `code`, `quote`). */
interface ChangeBase {
  readonly kind: CodingChangeKind;
  /** POSIX path relative to the corpus root: the document, or the codebook. */
  readonly file: string;
  /** The annotation's id; the theme of a summary; the codebook entry's id. */
  readonly id: string;
  /** The annotation's code; the theme of a summary; the codebook entry's id. */
  readonly code: string;
  /** The text the annotation covers ('' for summaries and codebook entries). */
  readonly quote: string;
}

/**
 * A change to one annotation. An annotation changed in several ways gives one change per way
 * (recoded, then reworded, then moved). Positions are where the annotation is anchored (its
 * stored `start` for an orphan), `start`/`line` in the second revision, `fromStart`/`fromLine`
 * in the first; lines are the file's, front matter counted.
 */
export interface AnnotationChange extends ChangeBase {
  readonly kind: 'added' | 'removed' | 'recoded' | 'moved' | 'reworded';
  /** The code in the first revision (recoded). */
  readonly fromCode?: string;
  /** The text covered in the first revision (reworded). */
  readonly fromQuote?: string;
  /** The id in the first revision, when the two were matched by their text under different ids. */
  readonly fromId?: string;
  readonly start?: number;
  readonly line?: number;
  readonly fromStart?: number;
  readonly fromLine?: number;
  /** Whether the annotation is anchored (not an orphan) in the second revision (the first, for a removed one). */
  readonly anchored: boolean;
}

/** A case's summary of a theme written, rewritten or deleted. */
export interface SummaryChange extends ChangeBase {
  readonly kind: 'summary';
  readonly change: 'added' | 'changed' | 'removed';
  readonly case: string;
  readonly theme: string;
  /** The summary in the second revision (added, changed). */
  readonly text?: string;
  /** The summary in the first revision (changed, removed). */
  readonly fromText?: string;
  /** The document that held it in the first revision, when another one holds it now. */
  readonly fromFile?: string;
}

export type CodebookChangeType = 'added' | 'removed' | 'renamed' | 'moved' | 'definition' | 'colour';

/**
 * A change to a theme or code of the codebook. A code whose id changed (as renaming does in
 * QualFrame) is `renamed` with `fromId`/`fromCode` when the annotations say so: every
 * annotation of the old code that is still there carries the new one; failing that, when the
 * two have the same, non-empty definition.
 */
export interface CodebookChange extends ChangeBase {
  readonly kind: 'codebook';
  readonly change: CodebookChangeType;
  readonly entry: 'theme' | 'code';
  readonly name: string;
  readonly fromName?: string;
  readonly fromId?: string;
  readonly fromCode?: string;
  /** A code's theme (in the second revision; the first for a removed code). */
  readonly theme?: string;
  /** A moved code's theme in the first revision. */
  readonly fromTheme?: string;
  /** The definition fields that changed (definition). */
  readonly fields?: readonly DefinitionField[];
  readonly color?: string;
  readonly fromColor?: string;
}

export type CodingChange = AnnotationChange | SummaryChange | CodebookChange;

export type DefinitionField = 'description' | 'include' | 'exclude' | 'example';
const DEFINITION_FIELDS: readonly DefinitionField[] = ['description', 'include', 'exclude', 'example'];

/**
 * The coding changes from corpus `a` to corpus `b`, in a fixed order: by file, then by
 * position in `b` (in `a` for what `b` no longer has), then by position in `a`.
 *
 * Annotations of the same file are matched by id; those left over by the text they cover
 * (whatever their code), the same code first, then the nearest. A matched pair is `recoded`
 * when the code differs, `reworded` when the text covered differs, `moved` when the passage
 * holding its start is not the same passage (passages of the two bodies are aligned by their
 * text, so text inserted before an annotation moves nothing). An orphan, on either side, is
 * compared by its stored `code`, `quote` and `start`. A file only one revision has gives an
 * annotation added or removed for each of its annotations. A file both list but one could not
 * read is not compared (see `uncomparedFiles`).
 */
export function diffCoding(a: Corpus, b: Corpus): CodingChange[] {
  const keyed: { change: CodingChange; key: SortKey }[] = [];
  const recodings: [string, string][] = [];
  const aDocs = new Map(a.documents.map((d) => [d.path, d]));
  const bDocs = new Map(b.documents.map((d) => [d.path, d]));
  const unread = new Set(uncomparedFiles(a, b));
  for (const path of new Set([...aDocs.keys(), ...bDocs.keys()])) {
    if (unread.has(path)) continue;
    diffDocument(aDocs.get(path), bDocs.get(path), keyed, recodings);
  }
  diffSummaries(a, b, keyed);
  diffCodebook(a.codebook, b.codebook, b.config.codebook, recodings, keyed);
  return keyed.sort((x, y) => compareKeys(x.key, y.key)).map((k) => k.change);
}

/** Files both revisions match but one of them could not read: their coding cannot be compared. */
export function uncomparedFiles(a: Corpus, b: Corpus): string[] {
  const aRead = new Set(a.documents.map((d) => d.path));
  const bRead = new Set(b.documents.map((d) => d.path));
  const bFiles = new Set(b.files);
  return a.files.filter((f) => bFiles.has(f) && (!aRead.has(f) || !bRead.has(f)));
}

/** How many changes of each kind, every kind present (0 when none). */
export function countCodingChanges(changes: readonly CodingChange[]): Record<CodingChangeKind, number> {
  const counts = Object.fromEntries(CODING_CHANGE_KINDS.map((k) => [k, 0])) as Record<CodingChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Annotations

/** [file, section, position, position, id, rank]: the order changes are listed in. */
type SortKey = readonly [string, number, number, number, string, number];

function compareKeys(x: SortKey, y: SortKey): number {
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

const ANNOTATION_RANK: Record<AnnotationChange['kind'], number> = { removed: 0, added: 1, recoded: 2, reworded: 3, moved: 4 };

/** Where an annotation stands: anchored, or (an orphan) where it says it stands. */
function positionOf(x: Annotation): number {
  return x.anchor.method === 'orphan' ? x.start : x.anchor.start;
}

/** The text it covers: anchored, the body's text (a fuzzy match's new wording); an orphan, its stored quote. */
function quoteOf(x: Annotation): string {
  return x.anchor.method === 'orphan' ? x.quote : x.anchor.text;
}

function lineOf(d: CorpusDocument, offset: number): number {
  let line = d.bodyLine;
  const end = Math.min(offset, d.body.length);
  for (let i = d.body.indexOf('\n'); i !== -1 && i < end; i = d.body.indexOf('\n', i + 1)) line++;
  return line;
}

function diffDocument(
  a: CorpusDocument | undefined,
  b: CorpusDocument | undefined,
  out: { change: CodingChange; key: SortKey }[],
  recodings: [string, string][],
): void {
  const file = (b ?? a)!.path;
  const aList = a?.annotations ?? [];
  const bList = b?.annotations ?? [];
  const pairs = matchAnnotations(aList, bList);
  const matchedA = new Set(pairs.map(([x]) => x));
  const matchedB = new Set(pairs.map(([, y]) => y));
  const push = (change: AnnotationChange) => {
    const position = change.start ?? change.fromStart ?? 0;
    out.push({ change, key: [file, 0, position, change.fromStart ?? -1, change.id, ANNOTATION_RANK[change.kind]] });
  };
  for (const x of aList) {
    if (matchedA.has(x)) continue;
    const fromStart = positionOf(x);
    push({ kind: 'removed', file, id: x.id, code: x.code, quote: quoteOf(x), fromStart, fromLine: lineOf(a!, fromStart), anchored: x.anchored });
  }
  for (const y of bList) {
    if (matchedB.has(y)) continue;
    const start = positionOf(y);
    push({ kind: 'added', file, id: y.id, code: y.code, quote: quoteOf(y), start, line: lineOf(b!, start), anchored: y.anchored });
  }
  let alignment: PassageAlignment | undefined;
  for (const [x, y] of pairs) {
    recodings.push([x.code, y.code]);
    const start = positionOf(y);
    const fromStart = positionOf(x);
    const head = { file, id: y.id, code: y.code };
    const rest = {
      ...(x.id !== y.id ? { fromId: x.id } : {}),
      start, line: lineOf(b!, start), fromStart, fromLine: lineOf(a!, fromStart), anchored: y.anchored,
    };
    if (x.code !== y.code) push({ kind: 'recoded', ...head, fromCode: x.code, quote: quoteOf(y), ...rest });
    const orphan = !x.anchored || !y.anchored;
    const fromQuote = orphan ? x.quote : quoteOf(x);
    const quote = orphan ? y.quote : quoteOf(y);
    if (fromQuote !== quote) push({ kind: 'reworded', ...head, quote: quoteOf(y), fromQuote, ...rest });
    const moved = orphan ? x.start !== y.start : !(alignment ??= new PassageAlignment(a!.body, b!.body)).samePassage(fromStart, start);
    if (moved) push({ kind: 'moved', ...head, quote: quoteOf(y), ...rest });
  }
}

/**
 * The annotations of one file in two revisions that are the same annotation: by id, then the
 * rest by the text they cover, preferring the same code, then the nearest position.
 */
export function matchAnnotations(aList: readonly Annotation[], bList: readonly Annotation[]): [Annotation, Annotation][] {
  const bById = new Map(bList.map((y) => [y.id, y]));
  const pairs: [Annotation, Annotation][] = [];
  const restA: Annotation[] = [];
  const takenB = new Set<Annotation>();
  for (const x of aList) {
    const y = bById.get(x.id);
    if (y) {
      pairs.push([x, y]);
      takenB.add(y);
    } else restA.push(x);
  }
  const restB = bList.filter((y) => !takenB.has(y));
  if (restA.length === 0 || restB.length === 0) return pairs;
  const bByQuote = new Map<string, Annotation[]>();
  for (const y of restB) {
    const list = bByQuote.get(quoteOf(y));
    if (list) list.push(y);
    else bByQuote.set(quoteOf(y), [y]);
  }
  const candidates: { x: Annotation; y: Annotation; key: SortKey }[] = [];
  for (const x of restA) {
    for (const y of bByQuote.get(quoteOf(x)) ?? []) {
      const distance = Math.abs(positionOf(x) - positionOf(y));
      candidates.push({ x, y, key: [x.code === y.code ? '0' : '1', distance, positionOf(y), positionOf(x), `${y.id} ${x.id}`, 0] });
    }
  }
  candidates.sort((p, q) => compareKeys(p.key, q.key));
  const usedA = new Set<Annotation>();
  const usedB = new Set<Annotation>();
  for (const { x, y } of candidates) {
    if (usedA.has(x) || usedB.has(y)) continue;
    usedA.add(x);
    usedB.add(y);
    pairs.push([x, y]);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Summaries

const SUMMARY_RANK = { removed: 0, added: 1, changed: 2 } as const;

function diffSummaries(a: Corpus, b: Corpus, out: { change: CodingChange; key: SortKey }[]): void {
  const themeOrder = new Map<string, number>();
  for (const codebook of [b.codebook, a.codebook]) {
    for (const t of codebook.themes) if (!themeOrder.has(t.id)) themeOrder.set(t.id, themeOrder.size);
  }
  const caseIds = [...new Set([...a.caseById.keys(), ...b.caseById.keys()])].sort(compareNatural);
  caseIds.forEach((caseId, caseIndex) => {
    const before = a.caseById.get(caseId)?.summaries ?? new Map<string, { text: string; document: string }>();
    const after = b.caseById.get(caseId)?.summaries ?? new Map<string, { text: string; document: string }>();
    for (const theme of new Set([...before.keys(), ...after.keys()])) {
      const x = before.get(theme);
      const y = after.get(theme);
      if (x && y && x.text === y.text) continue;
      const change = !x ? 'added' : !y ? 'removed' : 'changed';
      const file = (y ?? x)!.document;
      const summary: SummaryChange = {
        kind: 'summary', file, id: theme, code: theme, quote: '', change, case: caseId, theme,
        ...(y ? { text: y.text } : {}),
        ...(x ? { fromText: x.text } : {}),
        ...(x && y && x.document !== y.document ? { fromFile: x.document } : {}),
      };
      out.push({ change: summary, key: [file, 1, caseIndex, themeOrder.get(theme) ?? themeOrder.size, theme, SUMMARY_RANK[change]] });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Codebook

const CODEBOOK_RANK: Record<CodebookChangeType, number> = { removed: 0, added: 1, renamed: 2, moved: 3, definition: 4, colour: 5 };

function diffCodebook(a: Codebook, b: Codebook, file: string, recodings: readonly [string, string][], out: { change: CodingChange; key: SortKey }[]): void {
  const push = (change: CodebookChange, line: number, fromLine: number) =>
    out.push({ change: { ...change, file }, key: [file, 0, line, fromLine, change.id, CODEBOOK_RANK[change.change]] });

  for (const t of b.themes) {
    const before = a.themeById.get(t.id);
    if (!before) push(themeChange('added', t), t.line, -1);
    else for (const change of entryChanges('theme', before, t)) push(change, t.line, before.line);
  }
  for (const t of a.themes) if (!b.themeById.has(t.id)) push(themeChange('removed', t), t.line, t.line);

  const added = b.themes.flatMap((t) => t.codes).filter((c) => !a.codeById.has(c.id));
  const removed = a.themes.flatMap((t) => t.codes).filter((c) => !b.codeById.has(c.id));
  const renamedTo = pairRenamedCodes(removed, added, recodings);
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));
  for (const c of b.themes.flatMap((t) => t.codes)) {
    const before = a.codeById.get(c.id) ?? renamedFrom.get(c);
    if (!before) push(codeChange('added', c), c.line, -1);
    else for (const change of entryChanges('code', before, c)) push(change, c.line, before.line);
  }
  for (const c of removed) if (!renamedTo.has(c)) push(codeChange('removed', c), c.line, c.line);
}

function themeChange(change: 'added' | 'removed', t: Theme): CodebookChange {
  return { kind: 'codebook', file: '', id: t.id, code: t.id, quote: '', change, entry: 'theme', name: t.name, ...(t.color ? { color: t.color } : {}) };
}

function codeChange(change: 'added' | 'removed', c: Code): CodebookChange {
  return { kind: 'codebook', file: '', id: c.id, code: c.id, quote: '', change, entry: 'code', name: c.name, theme: c.themeId, ...(c.color ? { color: c.color } : {}) };
}

/** What changed between two versions of one theme or code (the same id, or a code renamed). */
function entryChanges(entry: 'theme' | 'code', x: Theme | Code, y: Theme | Code): CodebookChange[] {
  const change = (type: CodebookChangeType, extra: Partial<CodebookChange> = {}): CodebookChange => ({
    kind: 'codebook', file: '', id: y.id, code: y.id,
    ...(x.id !== y.id ? { fromCode: x.id } : {}),
    quote: '', change: type, entry, name: y.name,
    ...(x.id !== y.id ? { fromId: x.id } : {}),
    ...('themeId' in y ? { theme: y.themeId } : {}),
    ...extra,
  });
  const changes: CodebookChange[] = [];
  if (x.id !== y.id || x.name !== y.name) changes.push(change('renamed', { fromName: x.name }));
  if ('themeId' in x && 'themeId' in y && x.themeId !== y.themeId) changes.push(change('moved', { fromTheme: x.themeId }));
  const fields = DEFINITION_FIELDS.filter((f) => (x as Code)[f] !== (y as Code)[f]);
  if (fields.length > 0) changes.push(change('definition', { fields }));
  if (x.color !== y.color) changes.push(change('colour', { ...(y.color ? { color: y.color } : {}), ...(x.color ? { fromColor: x.color } : {}) }));
  return changes;
}

/**
 * Removed codes that were renamed to added ones (a new id): first by the annotations (every
 * matched annotation of the old code now carries one and the same new code), then by a
 * definition that is the same and not empty. A pairing that is not one to one (two codes
 * merged into one) is not a rename.
 */
function pairRenamedCodes(removed: readonly Code[], added: readonly Code[], recodings: readonly [string, string][]): Map<Code, Code> {
  const pairs = new Map<Code, Code>();
  if (removed.length === 0 || added.length === 0) return pairs;
  const addedById = new Map(added.map((c) => [c.id, c]));
  const targets = new Map<string, Set<string>>();
  for (const [from, to] of recodings) {
    const set = targets.get(from);
    if (set) set.add(to);
    else targets.set(from, new Set([to]));
  }
  const claims = new Map<Code, Code[]>();
  for (const r of removed) {
    const to = targets.get(r.id);
    if (!to || to.size !== 1) continue;
    const c = addedById.get([...to][0]);
    if (!c) continue;
    claims.set(c, [...(claims.get(c) ?? []), r]);
  }
  for (const [c, rs] of claims) if (rs.length === 1) pairs.set(rs[0], c);

  const definition = (c: Code) => (c.description ? JSON.stringify(DEFINITION_FIELDS.map((f) => c[f] ?? null)) : undefined);
  const paired = new Set(pairs.values());
  const byDefinition = (codes: readonly Code[]) => {
    const map = new Map<string, Code[]>();
    for (const c of codes) {
      const d = definition(c);
      if (d !== undefined) map.set(d, [...(map.get(d) ?? []), c]);
    }
    return map;
  };
  const freeAdded = byDefinition(added.filter((c) => !paired.has(c)));
  for (const [d, rs] of byDefinition(removed.filter((r) => !pairs.has(r)))) {
    const cs = freeAdded.get(d);
    if (rs.length === 1 && cs?.length === 1) pairs.set(rs[0], cs[0]);
  }
  return pairs;
}
