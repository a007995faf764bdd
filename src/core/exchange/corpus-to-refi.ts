import type { Code, Theme } from '../corpus/codebook';
import type { Corpus } from '../corpus/corpus';
import type { Annotation, CorpusDocument } from '../corpus/document';
import { codebookId } from '../corpus/edit-codebook';
import { codePointCounter } from './code-points';
import { composeCodeDescription } from './code-description';
import { nameGuid } from './guid';
import {
  internalPath, type RefiCase, type RefiCode, type RefiNote, type RefiProject, type RefiSelection, type RefiTextSource, type RefiUser,
  type RefiVariable, type RefiVariableValue,
} from './refi-project';

export interface RefiExportOptions {
  /** The project's name, which the schema requires: the corpus folder's name, say. */
  readonly projectName: string;
  /** The user who made the export, and the coder of annotations without `by`. Default "QualFrame". */
  readonly defaultUser?: string;
}

/** Something of the corpus the export could not carry, with the reason, for the researcher to see. */
export interface OmittedItem {
  readonly file: string;
  readonly id?: string;
  readonly reason: string;
}

export interface RefiExport {
  readonly project: RefiProject;
  /** The plain text of each source: file name inside Sources/ to text (the body, LF line endings). */
  readonly sourceFiles: ReadonlyMap<string, string>;
  readonly omitted: readonly OmittedItem[];
  readonly counts: { readonly documents: number; readonly annotations: number; readonly codes: number; readonly cases: number };
}

/**
 * The GUID of the user whose name is empty: the default user. An import reads annotations of
 * this user as having no `by`, so a corpus makes the round trip unchanged.
 */
export const DEFAULT_USER_GUID = nameGuid('user:');

/** GUIDs of everything exported, from what it is in the corpus: stable from one export to the next. */
export const exportGuid = {
  user: (name: string) => (name === '' ? DEFAULT_USER_GUID : nameGuid(`user:${name}`)),
  code: (id: string) => nameGuid(`code:${id}`),
  variable: (name: string) => nameGuid(`variable:${name}`),
  case: (id: string) => nameGuid(`case:${id}`),
  source: (path: string) => nameGuid(`document:${path}`),
  selection: (path: string, id: string) => nameGuid(`annotation:${path}#${id}`),
  coding: (path: string, id: string) => nameGuid(`coding:${path}#${id}`),
  documentMemo: (path: string) => nameGuid(`memo:${path}`),
  annotationMemo: (path: string, id: string) => nameGuid(`memo:${path}#${id}`),
  summary: (path: string, theme: string) => nameGuid(`summary:${path}#${theme}`),
};

/**
 * The note every illustrative annotation refers to. REFI-QDA has no mark for a quote chosen
 * for publication, and a set cannot hold selections; a shared note can, and reads sensibly in
 * any tool (each such passage shows the note), while an import recognises it by its GUID.
 */
export const ILLUSTRATIVE_NOTE_GUID = nameGuid('note:illustrative');
const ILLUSTRATIVE_NOTE_TEXT = 'Passages chosen for publication as illustrative quotes (marked "illustrative" in QualFrame). Every selection that refers to this note carries the mark.';

/**
 * Maps a loaded corpus to a REFI-QDA project (the mapping is described in docs/refi-qda.md):
 * themes and codes to the code tree, attributes to variables, cases with their documents,
 * each readable document to a text source whose annotations are selections with one coding
 * each, memos and summaries to notes. Orphaned annotations (their text is gone) and
 * annotations naming an unknown code cannot be placed, and are listed in `omitted`.
 */
export function buildRefiExport(corpus: Corpus, options: RefiExportOptions): RefiExport {
  const defaultUserName = options.defaultUser?.trim() || 'QualFrame';
  const omitted: OmittedItem[] = [];
  for (const file of corpus.files) {
    if (!corpus.documents.some((d) => d.path === file)) omitted.push({ file, reason: 'the document could not be read (see qualframe validate), so it is not in the export' });
  }

  const themeOf = corpus.codebook.applicable;
  const notes: RefiNote[] = [];
  const summaryNotesByTheme = new Map<string, string[]>();
  const coders = new Set<string>();
  const sources: RefiTextSource[] = [];
  const sourceFiles = new Map<string, string>();
  let annotationCount = 0;

  // Variables: every attribute key, in the order documents first use them.
  const variableNames: string[] = [];
  for (const d of corpus.documents) for (const key of Object.keys(d.attributes)) if (!variableNames.includes(key)) variableNames.push(key);
  const values = (attributes: Readonly<Record<string, string>>, keys: readonly string[]): RefiVariableValue[] =>
    keys.filter((k) => Object.prototype.hasOwnProperty.call(attributes, k)).map((k) => ({ variableGUID: exportGuid.variable(k), value: attributes[k] }));

  for (const d of corpus.documents) {
    const guid = exportGuid.source(d.path);
    const caseOf = corpus.caseById.get(d.caseId);
    const noteRefs: string[] = [];
    if (d.memo !== undefined && d.memo.trim() !== '') {
      const memoGuid = exportGuid.documentMemo(d.path);
      notes.push(note(memoGuid, `Memo on ${d.path}`, d.memo));
      noteRefs.push(memoGuid);
    }
    for (const s of d.summaries) {
      const theme = corpus.codebook.themeById.get(s.theme);
      const summaryGuid = exportGuid.summary(d.path, s.theme);
      notes.push(note(summaryGuid, `Summary of ${theme?.name ?? s.theme} for case ${caseOf?.id ?? d.caseId}`, s.text));
      noteRefs.push(summaryGuid);
      // The theme's code refers to the note too: that is how an import knows the theme.
      if (theme) summaryNotesByTheme.set(theme.id, [...(summaryNotesByTheme.get(theme.id) ?? []), summaryGuid]);
      else omitted.push({ file: d.path, reason: `the summary of "${s.theme}" names no theme of the codebook; it is exported as a memo` });
    }
    const selections = exportSelections(d, themeOf, omitted, notes, coders);
    annotationCount += selections.length;
    sources.push({
      guid,
      name: d.path,
      plainTextPath: internalPath(`${guid}.txt`),
      selections,
      codings: [],
      noteRefs,
      // All of the document's own values: tools that keep variables per document (MAXQDA)
      // see them all, and a panel case's wave stays with each of its documents.
      variableValues: values(d.attributes, Object.keys(d.attributes)),
    });
    sourceFiles.set(`${guid}.txt`, d.body);
  }

  if (sources.some((s) => s.selections.some((sel) => sel.noteRefs.includes(ILLUSTRATIVE_NOTE_GUID)))) {
    notes.push(note(ILLUSTRATIVE_NOTE_GUID, 'Illustrative quotes', ILLUSTRATIVE_NOTE_TEXT));
  }
  const codes = corpus.codebook.themes.map((t) => themeCode(t, summaryNotesByTheme.get(t.id) ?? []));
  const variables: RefiVariable[] = variableNames.map((name) => ({ guid: exportGuid.variable(name), name, typeOfVariable: 'Text' }));
  const cases: RefiCase[] = corpus.cases.map((c) => ({
    guid: exportGuid.case(c.id),
    name: c.id,
    variableValues: values(c.attributes, variableNames),
    sourceRefs: c.documents.map((d) => exportGuid.source(d.path)),
  }));
  const users: RefiUser[] = [
    { guid: DEFAULT_USER_GUID, name: defaultUserName },
    ...[...coders].sort().map((name) => ({ guid: exportGuid.user(name), name })),
  ];
  return {
    project: {
      name: options.projectName,
      origin: 'QualFrame',
      creatingUserGUID: DEFAULT_USER_GUID,
      users,
      codes,
      variables,
      cases,
      sources,
      otherSources: [],
      notes,
      links: [],
      noteRefs: [],
    },
    sourceFiles,
    omitted,
    counts: { documents: sources.length, annotations: annotationCount, codes: corpus.codebook.applicable.size, cases: cases.length },
  };
}

function note(guid: string, name: string, text: string): RefiNote {
  return { guid, name, creatingUser: DEFAULT_USER_GUID, plainTextContent: text, selections: [] };
}

/** A document's annotations where they stand now, positions in code points of its body. */
function exportSelections(d: CorpusDocument, applicable: ReadonlyMap<string, Theme>, omitted: OmittedItem[], notes: RefiNote[], coders: Set<string>): RefiSelection[] {
  const toCodePoint = codePointCounter(d.body);
  const placed: { a: Annotation; start: number; end: number }[] = [];
  for (const a of d.annotations) {
    if (a.anchor.method === 'orphan') {
      omitted.push({ file: d.path, id: a.id, reason: `annotation "${a.id}" (${a.code}) is orphaned: its text is not in the document any more` });
    } else if (!applicable.has(a.code)) {
      omitted.push({ file: d.path, id: a.id, reason: `annotation "${a.id}" names "${a.code}", which is not a code of the codebook` });
    } else placed.push({ a, start: a.anchor.start, end: a.anchor.end });
  }
  placed.sort((x, y) => x.start - y.start || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
  return placed.map(({ a, start, end }) => {
    const coder = a.by?.trim() ? a.by : '';
    if (coder !== '') coders.add(coder);
    const user = exportGuid.user(coder);
    const noteRefs: string[] = [];
    if (a.memo !== undefined && a.memo.trim() !== '') {
      const memoGuid = exportGuid.annotationMemo(d.path, a.id);
      notes.push({ ...note(memoGuid, `Memo on annotation ${a.id} in ${d.path}`, a.memo), creatingUser: user });
      noteRefs.push(memoGuid);
    }
    if (a.illustrative) noteRefs.push(ILLUSTRATIVE_NOTE_GUID);
    return {
      guid: exportGuid.selection(d.path, a.id),
      // The annotation's id: an import gives it back, so `path#id` citations in summaries hold.
      name: a.id,
      startPosition: toCodePoint(start),
      endPosition: toCodePoint(end),
      creatingUser: user,
      codings: [{ guid: exportGuid.coding(d.path, a.id), codeGUID: exportGuid.code(a.code), creatingUser: user, noteRefs: [] }],
      noteRefs,
    };
  });
}

/** A theme as a parent code, its codes as children; a theme without codes is itself codable. */
function themeCode(theme: Theme, summaryNotes: readonly string[]): RefiCode {
  return {
    guid: exportGuid.code(theme.id),
    name: theme.name,
    isCodable: theme.codes.length === 0,
    ...(theme.color ? { color: theme.color } : {}),
    ...describe(theme.id, theme.name, { description: theme.description }),
    noteRefs: summaryNotes,
    children: theme.codes.map((c) => childCode(c)),
  };
}

function childCode(code: Code): RefiCode {
  return {
    guid: exportGuid.code(code.id),
    name: code.name,
    isCodable: true,
    ...(code.color ? { color: code.color } : {}),
    ...describe(code.id, code.name, code),
    noteRefs: [],
    children: [],
  };
}

function describe(id: string, name: string, fields: { description?: string; include?: string; exclude?: string; example?: string }): { description?: string } {
  // The id is written out only when an import could not rebuild it from the name.
  const rebuilt = codebookId(name, new Set()) === id;
  const description = composeCodeDescription({
    description: fields.description, include: fields.include, exclude: fields.exclude, example: fields.example,
    ...(rebuilt ? {} : { id }),
  });
  return description === undefined ? {} : { description };
}
