import { EMPTY_CODEBOOK, parseCodebook } from './codebook';
import { parseCorpusDocument } from './document';
import {
  assemble,
  MAX_DOCUMENT_BYTES,
  MAX_SETTINGS_BYTES,
  TOO_LARGE_ADVICE,
  tooLarge,
  type CorpusParts,
  type DocumentPart,
  type LoadedCorpus,
} from './load-corpus';

/** Texts not yet saved (editor buffers), by root-relative path. */
export interface UnsavedTexts {
  /** Document texts; a path that is not a document of the corpus is ignored. */
  readonly documents?: ReadonlyMap<string, string>;
  /** The codebook's text. */
  readonly codebook?: string;
}

/**
 * The corpus as it would load if the given texts were saved: only those documents (and the
 * codebook, when given) are parsed again, every other document keeps its parsed object, then
 * cases and the cross-document checks are rebuilt. Returns `loaded` itself when there is
 * nothing to overlay. A text that cannot be read (a front matter or codebook half typed) is
 * a problem of its file, as on disk, but its saved version stays in the corpus meanwhile: a
 * view of the live corpus does not lose a case's row, or every column, at each keystroke.
 */
export function withUnsavedTexts(loaded: LoadedCorpus, unsaved: UnsavedTexts): LoadedCorpus {
  const { parts } = loaded;
  const texts = [...(unsaved.documents ?? [])].filter(([path]) => parts.documents.has(path));
  if (texts.length === 0 && unsaved.codebook === undefined) return loaded;
  let next: CorpusParts = parts;
  if (texts.length > 0) {
    // Same keys, so the path order stays.
    const documents = new Map(parts.documents);
    for (const [path, text] of texts) documents.set(path, unsavedDocument(parts.documents.get(path)!, text));
    next = { ...next, documents };
  }
  if (unsaved.codebook !== undefined) {
    const file = parts.config.codebook;
    const text = withoutBom(unsaved.codebook);
    const settingsProblems = parts.settingsProblems.filter((p) => p.file !== file);
    const size = sizeOver(text, MAX_SETTINGS_BYTES);
    if (size !== undefined) {
      // As a load would: the codebook is not read, so none is known.
      next = { ...next, codebook: EMPTY_CODEBOOK, settingsProblems: [...settingsProblems, tooLarge({ path: file, size, mtimeMs: 0 }, MAX_SETTINGS_BYTES, TOO_LARGE_ADVICE.settings)] };
    } else {
      const parsed = parseCodebook(text, file);
      const unreadable = parsed.problems.some((p) => p.rule.startsWith('yaml-'));
      next = { ...next, codebook: unreadable ? parts.codebook : parsed.codebook, settingsProblems: [...settingsProblems, ...parsed.problems] };
    }
  }
  return assemble(next);
}

function unsavedDocument(saved: DocumentPart, raw: string): DocumentPart {
  const { entry } = saved;
  const text = withoutBom(raw);
  const size = sizeOver(text, MAX_DOCUMENT_BYTES);
  if (size !== undefined) return { entry, problems: [tooLarge({ ...entry, size }, MAX_DOCUMENT_BYTES, TOO_LARGE_ADVICE.document)] };
  const parsed = parseCorpusDocument(entry.path, text);
  return parsed.document || !saved.document ? { entry, ...parsed } : { entry, document: saved.document, problems: parsed.problems };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text's size in UTF-8 bytes when over `limit`, else undefined; counted only when it may be over. */
function sizeOver(text: string, limit: number): number | undefined {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  if (text.length * 3 <= limit) return undefined;
  const size = new TextEncoder().encode(text).length;
  return size > limit ? size : undefined;
}
