import { waveOf } from '../compare/document-wave';
import { buildCodebook } from './codebook';
import { buildCorpus, type Corpus } from './corpus';

/** What an export keeps of a corpus: some themes, some values of the grouping attribute. */
export interface CorpusSelection {
  /** Theme ids; every theme when absent. Themes keep their codebook order. */
  readonly themes?: readonly string[];
  /** Values of `attribute` (`""`: documents without one); every document when absent. */
  readonly waves?: readonly string[];
  /** The attribute `waves` are values of; default the comparison attribute. */
  readonly attribute?: string;
}

/**
 * The corpus as an export sees it after a selection: a codebook of the chosen themes only (so
 * segments of the others count nowhere, as annotations of unknown codes never do) and the
 * documents of the chosen waves. Every model and writer works on it unchanged; the files on
 * disk are untouched.
 */
export function narrowCorpus(corpus: Corpus, selection: CorpusSelection): Corpus {
  const themes = selection.themes ? new Set(selection.themes) : undefined;
  const waves = selection.waves ? new Set(selection.waves) : undefined;
  if (!themes && !waves) return corpus;
  const attribute = selection.attribute ?? corpus.config.compare.attribute;
  const codebook = themes ? buildCodebook(corpus.codebook.themes.filter((t) => themes.has(t.id))) : corpus.codebook;
  const documents = waves ? corpus.documents.filter((d) => waves.has(waveOf(d, attribute) ?? '')) : corpus.documents;
  const kept = new Set(documents.map((d) => d.path));
  const files = waves ? corpus.files.filter((f) => kept.has(f)) : corpus.files;
  return buildCorpus(corpus.config, codebook, files, documents);
}
