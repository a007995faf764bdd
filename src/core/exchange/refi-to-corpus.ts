import { newAnnotationId, quoteContext } from '../coding/new-annotation';
import { parseCodebook, type Code, type Theme } from '../corpus/codebook';
import { CONFIG_FILE, DEFAULT_CODEBOOK } from '../corpus/config';
import { defaultCaseId, parseCorpusDocument, RESERVED_KEYS } from '../corpus/document';
import { addCode, addTheme, codebookId, setCodebookFields } from '../corpus/edit-codebook';
import { initialCorpusFiles } from '../corpus/init';
import type { AnnotationEntry } from '../frontmatter/edit-front-matter';
import { ANNOTATION_ID, CODEBOOK_ID } from '../ids';
import { decodeText } from '../text/decode';
import { normaliseLineEndings } from '../text/positions';
import { parseCodeDescription, composeCodeDescription } from './code-description';
import { utf16Locator } from './code-points';
import { DEFAULT_USER_GUID, ILLUSTRATIVE_NOTE_GUID } from './corpus-to-refi';
import { guidKey, sha1 } from './guid';
import { ImportPaths } from './import-paths';
import {
  internalTextFile, QdpxError, SOURCES_FOLDER, type RefiCode, type RefiNote, type RefiProject, type RefiSelection,
  type RefiTextSource, type RefiVariableValue,
} from './refi-project';
import { renderNewDocument } from './render-document';

/** A file an import makes: a root-relative POSIX path and its text. */
export interface ImportedFile {
  readonly path: string;
  readonly text: string;
}

export interface RefiImport {
  /** qualframe.yaml, codebook.yaml, the documents, then memos, in that order. */
  readonly files: readonly ImportedFile[];
  /** What could not be carried over, one line each, already grouped. */
  readonly warnings: readonly string[];
  readonly counts: { readonly documents: number; readonly annotations: number; readonly codes: number; readonly cases: number; readonly memos: number };
}

/** The text files of the archive's Sources folder that the import may read: lower-case file name to bytes. */
export type SourceFiles = ReadonlyMap<string, Uint8Array>;

/** A theme as the imported codebook.yaml gets it: the codebook's own fields, without the file lines a loaded one has. */
type ThemeOut = Omit<Theme, 'codes' | 'line'> & { readonly codes: CodeOut[] };
type CodeOut = Omit<Code, 'themeId' | 'line'>;

/**
 * Maps a REFI-QDA project to the files of a new corpus (docs/refi-qda.md): one Markdown
 * document per text source, with its case, attributes, annotations (positions converted from
 * code points to UTF-16 offsets), memo and summaries in the front matter; codebook.yaml from
 * the code tree; qualframe.yaml; free-standing notes as memos. Pure: the caller reads the
 * archive and writes the files. Throws `QdpxError` for input it cannot read; anything it reads
 * but cannot carry over is a warning.
 */
export function corpusFromRefi(project: RefiProject, sourceFiles: SourceFiles): RefiImport {
  const warnings = new Warnings();
  const paths = new ImportPaths();

  const userNames = new Map<string, string | undefined>();
  for (const u of project.users) userNames.set(guidKey(u.guid), u.name?.trim() || u.id?.trim() || undefined);
  const coderOf = (...guids: (string | undefined)[]): string | undefined => {
    for (const g of guids) {
      if (g === undefined) continue;
      const key = guidKey(g);
      // QualFrame's own default user stands for "no coder named".
      if (key === DEFAULT_USER_GUID) return undefined;
      if (userNames.has(key)) return userNames.get(key);
    }
    return undefined;
  };

  // Cases. NVivo also lists each case as a code with the case's GUID, and codes text "at" the
  // case: such codes and codings are case membership, not analysis.
  const caseGuids = new Set(project.cases.map((c) => guidKey(c.guid)));
  const caseOfSource = new Map<string, string>();
  const valuesOfSource = new Map<string, RefiVariableValue[]>();
  const caseValues = new Map<string, readonly RefiVariableValue[]>();
  for (const c of project.cases) {
    const name = c.name?.trim();
    if (name) {
      caseValues.set(name, c.variableValues);
      for (const ref of c.sourceRefs) {
        const key = guidKey(ref);
        const first = caseOfSource.get(key);
        if (first === undefined) caseOfSource.set(key, name);
        else if (first !== name) warnings.add('several-cases', `a source belongs to cases "${first}" and "${name}"; its document is filed under "${first}" (a document has one case)`);
      }
    } else if (c.sourceRefs.length === 1) {
      // MAXQDA and Quirkos carry a document's variables in a nameless case of that one source.
      valuesOfSource.set(guidKey(c.sourceRefs[0]), [...(valuesOfSource.get(guidKey(c.sourceRefs[0])) ?? []), ...c.variableValues]);
    }
  }

  // Notes, and who refers to them.
  const notes = new Map(project.notes.map((n) => [guidKey(n.guid), n]));
  const referenced = new Set<string>();
  const noteText = (n: RefiNote): string | undefined => {
    if (n.plainTextContent !== undefined) return n.plainTextContent.replace(/^\ufeff/, '');
    const file = internalTextFile(n.plainTextPath);
    const bytes = file === undefined ? undefined : sourceFiles.get(file);
    if (bytes === undefined) return n.description;
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new QdpxError(`${SOURCES_FOLDER}/${file}`, `the text of note "${n.name ?? n.guid}": ${decoded.message}`);
    return decoded.text;
  };
  const textsOf = (refs: readonly string[]): string[] => {
    const out: string[] = [];
    for (const ref of refs) {
      const n = notes.get(guidKey(ref));
      if (!n) continue;
      referenced.add(guidKey(ref));
      const text = noteText(n)?.trim();
      if (text) out.push(text);
    }
    return out;
  };
  // NVivo ties an annotation (a Note) to the selection it annotates with a Link.
  const linkedNotes = new Map<string, string[]>();
  for (const link of project.links) {
    if (!link.originGUID || !link.targetGUID) continue;
    const [origin, target] = [guidKey(link.originGUID), guidKey(link.targetGUID)];
    const [noteKey, other] = notes.has(origin) ? [origin, target] : notes.has(target) ? [target, origin] : [undefined, undefined];
    if (noteKey !== undefined) linkedNotes.set(other!, [...(linkedNotes.get(other!) ?? []), noteKey]);
  }

  // The codebook.
  const coded = new Set<string>();
  const allCodings = (s: RefiTextSource) => [...s.codings, ...s.selections.flatMap((sel) => sel.codings)];
  for (const s of project.sources) for (const c of allCodings(s)) coded.add(guidKey(c.codeGUID));
  const sourceNotes = new Set(project.sources.flatMap((s) => s.noteRefs.map(guidKey)));
  const { themes, codeIds, themeIds } = buildCodebook(project.codes, caseGuids, coded, warnings, (code) => {
    // A code's own memos join its description; a note a source refers to too is a summary.
    const own = code.noteRefs.filter((ref) => !sourceNotes.has(guidKey(ref)));
    return textsOf(own);
  });

  // Variables: one attribute each; a name QualFrame reserves gets a suffix.
  const attributeOf = new Map<string, string>();
  const usedKeys = new Set<string>();
  for (const v of project.variables) {
    const raw = v.name.trim();
    if (raw === '') {
      warnings.add('variable', 'a variable without a name was left out');
      continue;
    }
    let key = RESERVED_KEYS.has(raw) ? `${raw} (variable)` : raw;
    for (let n = 2; usedKeys.has(key); n++) key = `${raw} (${n})`;
    if (key !== raw) warnings.add('variable', `variable "${raw}" is written as attribute "${key}" (QualFrame or another variable uses "${raw}")`);
    usedKeys.add(key);
    attributeOf.set(guidKey(v.guid), key);
  }

  const files: ImportedFile[] = [];
  const summarised = new Map<string, Set<string>>();
  const caseOfPath = new Map<string, string>();
  let annotationCount = 0;
  for (const source of project.sources) {
    const doc = importSource(source);
    if (doc) files.push(doc);
  }
  for (const other of project.otherSources) warnings.add('other-source', `${other.kind} "${other.name ?? other.guid}" was left out: QualFrame documents are text`);

  // Notes nobody refers to (journals, project memos) become memos.
  const memos: ImportedFile[] = [];
  const projectNotes = new Set(project.noteRefs.map(guidKey));
  for (const n of project.notes) {
    const key = guidKey(n.guid);
    if (key === ILLUSTRATIVE_NOTE_GUID || referenced.has(key) || (!projectNotes.has(key) && isReferencedElsewhere(project, key))) continue;
    const text = noteText(n)?.trim();
    if (!text) continue;
    const title = n.name?.trim() || 'Note';
    memos.push({ path: paths.memo(title), text: `# ${title.replace(/\s+/g, ' ')}\n\n${text.replace(/\r\n?/g, '\n')}\n` });
  }
  if (project.description?.trim()) {
    memos.push({ path: paths.memo('project description'), text: `# ${project.name.replace(/\s+/g, ' ')}\n\n${project.description.trim().replace(/\r\n?/g, '\n')}\n` });
  }

  const codebookText = renderCodebook(themes);
  return {
    files: [
      { path: CONFIG_FILE, text: initialCorpusFiles().find((f) => f.path === CONFIG_FILE)!.text },
      { path: DEFAULT_CODEBOOK, text: codebookText },
      ...files,
      ...memos,
    ],
    warnings: warnings.lines(),
    counts: {
      documents: files.length,
      annotations: annotationCount,
      codes: themes.reduce((n, t) => n + (t.codes.length === 0 ? 1 : t.codes.length), 0),
      cases: new Set(caseOfPath.values()).size,
      memos: memos.length,
    },
  };

  function importSource(source: RefiTextSource): ImportedFile | undefined {
    const label = `source "${source.name ?? source.guid}"`;
    let raw: string;
    if (source.plainTextContent !== undefined) raw = source.plainTextContent;
    else {
      const file = internalTextFile(source.plainTextPath);
      if (file === undefined) {
        warnings.add('no-text', `${label} was left out: its text ${source.plainTextPath ? `is at ${source.plainTextPath}, which is not a text file in the archive's ${SOURCES_FOLDER} folder` : 'is missing'}`);
        return undefined;
      }
      const bytes = sourceFiles.get(file);
      if (bytes === undefined) {
        warnings.add('no-text', `${label} was left out: its text ${SOURCES_FOLDER}/${file} is not in the archive`);
        return undefined;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) throw new QdpxError(`${SOURCES_FOLDER}/${file}:${decoded.line}:${decoded.column}`, `the text of ${label}: ${decoded.message}`);
      raw = decoded.text;
    }
    raw = raw.replace(/^\ufeff/, '');
    const body = normaliseLineEndings(raw);
    // NVivo writes CRLF and counts both characters; ATLAS.ti writes CRLF and counts one.
    const locate = utf16Locator(raw, raw.includes('\r\n') && !/atlas/i.test(project.origin ?? ''));
    const path = paths.document(source.name?.trim() || source.guid);
    const sourceKey = guidKey(source.guid);
    const caseId = caseOfSource.get(sourceKey);
    caseOfPath.set(path, caseId ?? defaultCaseId(path));

    // Attributes: the source's own values first (and in their order), then its nameless
    // case's, then its case's; the first value of a variable wins.
    const attributes = new Map<string, string>();
    const take = (values: readonly RefiVariableValue[] | undefined) => {
      for (const v of values ?? []) {
        const key = attributeOf.get(guidKey(v.variableGUID));
        if (key === undefined) warnings.add('unknown-variable', `a value of ${label} refers to a variable that is not in the project; left out`);
        else if (!attributes.has(key)) attributes.set(key, v.value);
      }
    };
    take(source.variableValues);
    take(valuesOfSource.get(sourceKey));
    if (caseId !== undefined) take(caseValues.get(caseId));

    const annotations: AnnotationEntry[] = [];
    const memoParts: string[] = [];
    if (source.description?.trim()) memoParts.push(source.description.trim());
    const summaries: [string, string][] = [];
    const caseThemes = summarised.get(caseOfPath.get(path)!) ?? new Set<string>();
    summarised.set(caseOfPath.get(path)!, caseThemes);
    for (const ref of source.noteRefs) {
      const key = guidKey(ref);
      const n = notes.get(key);
      if (!n) {
        warnings.add('unknown-note', `${label} refers to a note that is not in the project`);
        continue;
      }
      referenced.add(key);
      const text = noteText(n)?.trim();
      if (!text) continue;
      const theme = themeOfNote(key);
      if (n.selections.length > 0) {
        // QualCoder's annotation of a passage: kept in the memo with the passage it is about.
        for (const sel of n.selections) {
          const span = spanOf(sel);
          memoParts.push(span ? `On “${body.slice(span.start, span.end)}”: ${text}` : text);
        }
      } else if (theme !== undefined && !caseThemes.has(theme)) {
        caseThemes.add(theme);
        summaries.push([theme, text]);
      } else memoParts.push(text);
    }
    if (source.codings.length > 0) warnings.add('source-coding', `${label}: codings of the whole source were left out (QualFrame codes passages)`);

    const taken = new Set<string>();
    for (const sel of source.selections) {
      const where = `${label}, selection "${sel.name ?? sel.guid}"`;
      const codings = sel.codings.filter((c) => !caseGuids.has(guidKey(c.codeGUID)));
      const illustrative = sel.noteRefs.some((ref) => guidKey(ref) === ILLUSTRATIVE_NOTE_GUID);
      const memo = [
        ...(sel.description?.trim() ? [sel.description.trim()] : []),
        ...textsOf(sel.noteRefs.filter((ref) => guidKey(ref) !== ILLUSTRATIVE_NOTE_GUID)),
        ...textsOf(linkedNotes.get(guidKey(sel.guid)) ?? []),
        ...codings.flatMap((c) => textsOf(c.noteRefs)),
      ].join('\n\n');
      if (codings.length === 0) {
        if (memo !== '') {
          const span = spanOf(sel);
          memoParts.push(span ? `On “${body.slice(span.start, span.end)}”: ${memo}` : memo);
        }
        continue;
      }
      const span = spanOf(sel);
      if (!span) {
        warnings.add('position', `${where} lies outside the text (positions ${sel.startPosition}-${sel.endPosition} of ${[...raw].length} characters); left out`);
        continue;
      }
      const quote = body.slice(span.start, span.end);
      if (quote.trim() === '') {
        warnings.add('empty-selection', `${where} covers no text; left out`);
        continue;
      }
      codings.forEach((coding, k) => {
        const code = codeIds.get(guidKey(coding.codeGUID));
        if (code === undefined) {
          warnings.add('unknown-code', `${where} is coded with a code that is not in the codebook; that coding was left out`);
          return;
        }
        const id = annotationId(sel, k, taken);
        const by = coderOf(coding.creatingUser, sel.creatingUser, sel.modifyingUser);
        const { prefix, suffix } = quoteContext(body, span.start, span.end);
        annotations.push({
          id, code, start: span.start, quote, prefix, suffix,
          ...(by !== undefined ? { by } : {}),
          ...(memo !== '' ? { memo } : {}),
          ...(illustrative ? { illustrative: true } : {}),
        });
      });
    }
    annotationCount += annotations.length;

    const text = renderNewDocument({
      ...(caseId !== undefined ? { caseId } : {}),
      attributes: [...attributes],
      ...(memoParts.length > 0 ? { memo: memoParts.join('\n\n') } : {}),
      annotations,
      summaries,
      body,
    });
    checkDocument(path, text, annotations, attributes);
    return { path, text };

    function spanOf(sel: RefiSelection): { start: number; end: number } | undefined {
      const start = locate(sel.startPosition);
      const end = locate(sel.endPosition);
      return start === undefined || end === undefined || end <= start ? undefined : { start, end };
    }
  }

  /** The theme a note summarises: a theme's code refers to it (as QualFrame exports summaries). */
  function themeOfNote(noteKey: string): string | undefined {
    return themeIds.get(noteKey);
  }
}

function isReferencedElsewhere(project: RefiProject, key: string): boolean {
  const refers = (refs: readonly string[]) => refs.some((r) => guidKey(r) === key);
  const inCode = (codes: readonly RefiCode[]): boolean => codes.some((c) => refers(c.noteRefs) || inCode(c.children));
  return inCode(project.codes) || project.sources.some((s) => refers(s.noteRefs) || s.selections.some((sel) => refers(sel.noteRefs)));
}

/**
 * An annotation id: the selection's name when it is one (QualFrame writes annotation ids
 * there), else one derived from the selection's GUID, so importing twice gives the same ids.
 */
function annotationId(sel: RefiSelection, index: number, taken: Set<string>): string {
  const name = sel.name?.trim() ?? '';
  let id: string;
  if (ANNOTATION_ID.test(name) && name.length <= 40) id = index === 0 ? name : `${name}-${index + 1}`;
  else id = newAnnotationId(taken, seededRandom(`${guidKey(sel.guid)}#${index}`));
  if (taken.has(id)) id = newAnnotationId(taken, seededRandom(`${guidKey(sel.guid)}#${index}#again`));
  taken.add(id);
  return id;
}

/** A repeatable stream of numbers in [0, 1) from a text: xorshift seeded with its SHA-1. */
function seededRandom(seed: string): () => number {
  const hash = sha1(new TextEncoder().encode(seed));
  let state = ((hash[0] << 24) | (hash[1] << 16) | (hash[2] << 8) | hash[3]) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/**
 * The code tree as themes and codes: a top-level code is a theme; everything below it is a
 * code of that theme (deeper levels flattened, their names joined with " › "); a top-level code
 * without children is a theme applied as a code. Codes that are cases are skipped. Coding at
 * a theme that has codes (allowed elsewhere, not in QualFrame) goes to a code of its own,
 * "<theme> (general)".
 */
function buildCodebook(
  roots: readonly RefiCode[],
  caseGuids: ReadonlySet<string>,
  coded: ReadonlySet<string>,
  warnings: Warnings,
  memosOf: (code: RefiCode) => string[],
): { themes: ThemeOut[]; codeIds: Map<string, string>; themeIds: Map<string, string> } {
  const isCase = (c: RefiCode) => caseGuids.has(guidKey(c.guid));
  interface Flat { code: RefiCode; name: string }
  const flatten = (children: readonly RefiCode[], prefix: string[], out: Flat[]) => {
    for (const c of children) {
      if (isCase(c)) continue;
      const name = [...prefix, c.name.trim() || 'Unnamed code'].join(' › ');
      if (c.isCodable || c.children.length === 0 || coded.has(guidKey(c.guid))) out.push({ code: c, name });
      flatten(c.children, [...prefix, c.name.trim() || 'Unnamed code'], out);
    }
  };
  const planned: { root: RefiCode; name: string; codes: Flat[]; general: boolean }[] = [];
  for (const root of roots) {
    if (isCase(root)) continue;
    const codes: Flat[] = [];
    flatten(root.children, [], codes);
    // A folder that only held cases (NVivo) is not a theme.
    if (codes.length === 0 && root.children.length > 0 && !coded.has(guidKey(root.guid))) continue;
    planned.push({ root, name: root.name.trim() || 'Unnamed theme', codes, general: codes.length > 0 && coded.has(guidKey(root.guid)) });
  }

  // Ids: those written into descriptions first (they are what annotations were exported
  // with), then from names.
  const taken = new Set<string>();
  const explicit = new Map<RefiCode, string>();
  for (const p of planned) {
    for (const c of [p.root, ...p.codes.map((f) => f.code)]) {
      const id = parseCodeDescription(c.description).id;
      if (id !== undefined && CODEBOOK_ID.test(id) && !taken.has(id)) {
        taken.add(id);
        explicit.set(c, id);
      }
    }
  }
  const idFor = (c: RefiCode, name: string) => {
    const existing = explicit.get(c);
    if (existing !== undefined) return existing;
    const id = codebookId(name, taken);
    taken.add(id);
    return id;
  };

  const themes: ThemeOut[] = [];
  const codeIds = new Map<string, string>();
  const themeIds = new Map<string, string>();
  for (const p of planned) {
    const parsed = parseCodeDescription(p.root.description);
    const themeId = idFor(p.root, p.name);
    const memos = memosOf(p.root);
    // A theme has no criteria of its own: any labelled lines stay in its description.
    const description = [composeCodeDescription({ description: parsed.description, include: parsed.include, exclude: parsed.exclude, example: parsed.example }), ...memos]
      .filter((s): s is string => s !== undefined && s.trim() !== '').join('\n\n');
    const codes: CodeOut[] = [];
    if (p.general) {
      const id = codebookId(`${themeId} general`, taken);
      taken.add(id);
      codes.push({ id, name: `${p.name} (general)`, description: `Passages coded at "${p.name}" itself in the exchanged project.` });
      codeIds.set(guidKey(p.root.guid), id);
      warnings.add('theme-coding', `passages coded at "${p.name}", which has codes, are coded with a new code "${id}"`);
    } else if (p.codes.length === 0) codeIds.set(guidKey(p.root.guid), themeId);
    for (const ref of p.root.noteRefs) themeIds.set(guidKey(ref), themeId);
    for (const f of p.codes) {
      const d = parseCodeDescription(f.code.description);
      const id = idFor(f.code, f.name);
      const codeMemos = memosOf(f.code);
      const codeDescription = [d.description, ...codeMemos].filter((s): s is string => s !== undefined && s.trim() !== '').join('\n\n');
      codes.push({
        id,
        name: f.name,
        ...(codeDescription !== '' ? { description: codeDescription } : {}),
        ...(d.include !== undefined ? { include: d.include } : {}),
        ...(d.exclude !== undefined ? { exclude: d.exclude } : {}),
        ...(d.example !== undefined ? { example: d.example } : {}),
        ...colour(f.code, warnings),
      });
      codeIds.set(guidKey(f.code.guid), id);
    }
    themes.push({ id: themeId, name: p.name, ...(description !== '' ? { description } : {}), ...colour(p.root, warnings), codes });
  }
  return { themes, codeIds, themeIds };
}

function colour(code: RefiCode, warnings: Warnings): { color?: string } {
  if (code.color === undefined) return {};
  const c = code.color.trim();
  if (/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(c)) return { color: c };
  warnings.add('colour', `the colour "${code.color}" of code "${code.name}" is not #rgb or #rrggbb; left out`);
  return {};
}

/** codebook.yaml, written by the codebook's own writers so it reads like one QualFrame made. */
function renderCodebook(themes: readonly ThemeOut[]): string {
  let text = '# The coding frame, imported from a REFI-QDA project (qualframe import qdpx).\nthemes: []\n';
  for (const t of themes) {
    text = addTheme(text, { id: t.id, name: t.name, ...(t.description !== undefined ? { description: t.description } : {}) });
    if (t.color !== undefined) text = setCodebookFields(text, t.id, { color: t.color });
    for (const c of t.codes) text = addCode(text, t.id, c);
  }
  const { codebook, problems } = parseCodebook(text, DEFAULT_CODEBOOK);
  const expected = themes.flatMap((t) => [t.id, ...t.codes.map((c) => c.id)]).join(' ');
  const read = codebook.themes.flatMap((t) => [t.id, ...t.codes.map((c) => c.id)]).join(' ');
  if (problems.length > 0 || read !== expected) throw new Error(`internal error: the imported codebook does not read back (${problems[0]?.message ?? read})`);
  return text;
}

/** A safety net: a document that would not read back as written is a bug, never written. */
function checkDocument(path: string, text: string, annotations: readonly AnnotationEntry[], attributes: ReadonlyMap<string, string>): void {
  const { document, problems } = parseCorpusDocument(path, text, { locateProblems: false });
  const errors = problems.filter((p) => p.severity === 'error');
  const same = document !== undefined
    && document.annotations.length === annotations.length
    && document.annotations.every((a) => a.anchor.method === 'exact' && annotations.some((b) => b.id === a.id && b.code === a.code && b.start === a.start && b.quote === a.quote))
    && [...attributes].every(([k, v]) => document.attributes[k] === v);
  if (errors.length > 0 || !same) throw new Error(`internal error: imported document ${path} does not read back as written${errors[0] ? ` (${errors[0].message})` : ''}`);
}

/** Warnings grouped by kind: a project with a thousand case codings says so once, not a thousand times. */
class Warnings {
  private readonly byKind = new Map<string, string[]>();

  add(kind: string, message: string): void {
    const list = this.byKind.get(kind) ?? [];
    if (!list.includes(message)) list.push(message);
    this.byKind.set(kind, list);
  }

  lines(): string[] {
    const out: string[] = [];
    for (const list of this.byKind.values()) {
      out.push(...list.slice(0, 5));
      if (list.length > 5) out.push(`... and ${list.length - 5} more like it`);
    }
    return out;
  }
}
