/**
 * A transcript as colleagues read it on paper or in Word: its text with every coded segment
 * highlighted in its code's colour and the codes applied beside it. Pure: the HTML is a string
 * for a file (not a webview), self-contained, its styles inline in one `<style>` element; the
 * Word document is an {@link OfficeDocument} for the office writers.
 */
import type { Codebook } from '../corpus/codebook';
import type { CorpusDocument } from '../corpus/document';
import { hexColour, oneLine, paragraph, type DocumentBlock, type DocumentRun, type OfficeDocument } from './office-model';

/** A stretch of the body and the codes (annotation ids and codes) covering all of it. */
export interface CodedRun {
  readonly text: string;
  readonly start: number;
  /** The annotations covering the run, in the order they start. */
  readonly annotations: readonly { readonly id: string; readonly code: string }[];
}

/**
 * The body cut at every boundary of an anchored segment: runs in order, each covered by the
 * same annotations throughout. Orphans cover nothing (they are listed apart).
 */
export function codedRuns(document: CorpusDocument): CodedRun[] {
  const { body } = document;
  const spans = document.annotations
    .flatMap((a) => (a.anchor.method === 'orphan' ? [] : [{ id: a.id, code: a.code, start: a.anchor.start, end: a.anchor.end }]))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = new Set<number>([0, body.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(body.length, s.start)));
    cuts.add(Math.max(0, Math.min(body.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: CodedRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to).map(({ id, code }) => ({ id, code }));
    runs.push({ text: body.slice(from, to), start: from, annotations: covering });
  }
  return runs;
}

/**
 * The body's paragraphs, split where a blank line ends one (docs/format.md), each the coded
 * runs in it in order (a run crossing a blank line cut there); paragraphs with no text left out.
 */
export function codedParagraphs(document: CorpusDocument): CodedRun[][] {
  const paragraphs: CodedRun[][] = [[]];
  for (const run of codedRuns(document)) {
    const pieces = run.text.split(/(\n[ \t]*\n+)/);
    let offset = run.start;
    for (const piece of pieces) {
      if (/^\n[ \t]*\n+$/.test(piece)) paragraphs.push([]);
      else if (piece !== '') paragraphs[paragraphs.length - 1].push({ text: piece, start: offset, annotations: run.annotations });
      offset += piece.length;
    }
  }
  return paragraphs.filter((p) => p.length > 0);
}

/** The colour of a code whose own is not a `#rgb`/`#rrggbb` colour. */
const NEUTRAL_COLOUR = '#cccccc';

/** How much of a code's colour a highlight takes, the rest white: the text stays readable on it. */
export const HIGHLIGHT_SHARE = 0.45;

/**
 * The colour each code of the documents is highlighted in, as `#rrggbb`: its own, else its
 * theme's, else one of a fixed few by its order of first use in the documents; one that is
 * not a `#rgb`/`#rrggbb` colour becomes a neutral grey. The HTML and the Word document both
 * take their colours from here.
 */
export function codeColours(documents: readonly CorpusDocument[], codebook: Codebook): Map<string, string> {
  const codes = [...new Set(documents.flatMap((d) => d.annotations.map((a) => a.code)))];
  return new Map(codes.map((c, i) => [c, hexColour(colourOf(codebook, c, i)) ?? NEUTRAL_COLOUR]));
}

/** The colour a code is highlighted in: its own, else its theme's, else one of a fixed few. */
function colourOf(codebook: Codebook, code: string, index: number): string {
  const own = codebook.codeById.get(code)?.color;
  const theme = codebook.applicable.get(code);
  const fallback = ['#f2c14e', '#7fb7be', '#d3a4c9', '#a5d6a7', '#f4a582', '#b0b7ff'][index % 6];
  return own ?? theme?.color ?? fallback;
}

/**
 * A `#rrggbb` colour mixed with white, `share` of it the colour (as CSS's
 * `color-mix(in srgb, colour share, white)`), as `#rrggbb`.
 */
export function tint(colour: string, share: number): string {
  const hex = hexColour(colour) ?? NEUTRAL_COLOUR;
  const channels = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * share + 255 * (1 - share)));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A code's name as the codebook gives it (a theme applied as a code: the theme's), else its id. */
function codeNames(codebook: Codebook): (code: string) => string {
  return (code) => codebook.codeById.get(code)?.name ?? codebook.applicable.get(code)?.name ?? code;
}

/** The title of the page or file: a case's documents by their case, else each document's case and path. */
function codedTitle(documents: readonly CorpusDocument[]): string {
  const cases = [...new Set(documents.map((d) => d.caseId))];
  return cases.length === 1 && documents.length > 1 ? `${cases[0]}: ${documents.length} documents` : documents.map((d) => `${d.caseId}: ${d.path}`).join('; ');
}

/** What the notes on orphaned annotations say, in either format. */
const ORPHANS_HEADING = 'Orphaned annotations';
const ORPHANS_NOTE = 'Their text is no longer in the transcript; they are kept in its front matter.';

/**
 * Documents (one, or a case's) as one HTML page: for each, a heading with its case, path and
 * attributes, then each paragraph with its coded segments highlighted (a segment's codes in its
 * tooltip; overlapping codes underlined once per extra code), the codes applied in the paragraph
 * in the margin, and the orphaned annotations (text no longer found) listed after it so
 * nothing is left out.
 */
export function renderCodedDocumentHtml(documents: readonly CorpusDocument[], codebook: Codebook): string {
  const colours = codeColours(documents, codebook);
  const names = codeNames(codebook);
  const classOf = new Map([...colours.keys()].map((c, i) => [c, `code-${i}`]));
  const styles = [...colours].map(([c, colour]) => `.${classOf.get(c)} { --code: ${colour}; }`);
  const title = codedTitle(documents);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; margin: 2em auto; max-width: 60em; color: #1a1a1a; }
h1 { font-size: 1.4em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; color: #444; }
dt { font-weight: bold; }
dd { margin: 0; }
.row { display: grid; grid-template-columns: 1fr 14em; gap: 1.5em; }
.row p { white-space: pre-wrap; margin: 0 0 1em; }
mark { background: color-mix(in srgb, var(--code) ${Math.round(HIGHLIGHT_SHARE * 100)}%, white); color: inherit; padding: 0 1px; }
mark.overlap-2 { box-shadow: 0 2px 0 #555; }
mark.overlap-3 { box-shadow: 0 2px 0 #555, 0 4px 0 #999; }
.margin { list-style: none; margin: 0; padding: 0; font-family: sans-serif; font-size: 0.85em; color: #333; }
.margin li { margin-bottom: 0.2em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; background: var(--code); border: 1px solid #666; }
.note { color: #555; }
section + section { border-top: 1px solid #999; margin-top: 2em; }
@media print { .row { break-inside: avoid; } section + section { break-before: page; } }
${styles.join('\n')}
</style>
</head>
<body>
${documents.map((d) => documentHtml(d, classOf, names)).join('\n')}
</body>
</html>
`;
}

function documentHtml(document: CorpusDocument, classOf: ReadonlyMap<string, string>, names: (code: string) => string): string {
  const attributes = Object.entries(document.attributes).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const body = codedParagraphs(document)
    .map((runs) => {
      const text = runs.map((r) => runHtml(r, classOf, names)).join('');
      const codes = new Set(runs.flatMap((r) => r.annotations.map((a) => a.code)));
      const margin = [...codes].map((c) => `<li class="${classOf.get(c)}"><span class="swatch"></span>${escapeHtml(names(c))}</li>`).join('');
      return `<div class="row"><p>${text}</p><ul class="margin">${margin}</ul></div>`;
    })
    .join('\n');
  const orphans = document.annotations.filter((a) => a.anchor.method === 'orphan');
  const orphanList = orphans.length === 0
    ? ''
    : `<h2>${ORPHANS_HEADING}</h2>\n<p class="note">${ORPHANS_NOTE}</p>\n<ul>${orphans
      .map((a) => `<li><span class="quote">“${escapeHtml(a.quote)}”</span> — ${escapeHtml(names(a.code))}</li>`)
      .join('')}</ul>`;
  return `<section>
<h1>${escapeHtml(document.caseId)}</h1>
<p class="note">${escapeHtml(document.path)}</p>
<dl>${attributes}</dl>
${body}
${orphanList}
</section>`;
}

function runHtml(run: CodedRun, classOf: ReadonlyMap<string, string>, names: (code: string) => string): string {
  const text = escapeHtml(run.text);
  if (run.annotations.length === 0) return text;
  const first = run.annotations[0].code;
  const depth = Math.min(3, run.annotations.length);
  const overlap = depth > 1 ? ` overlap-${depth}` : '';
  const title = [...new Set(run.annotations.map((a) => names(a.code)))].join(', ');
  return `<mark class="${classOf.get(first)}${overlap}" title="${escapeHtml(title)}">${text}</mark>`;
}

/** Text for HTML content and double-quoted attributes. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Documents (one, or a case's) as a Word document, as the HTML page shows them: for each, a
 * heading with its case, its path and attributes, then its paragraphs with each coded segment
 * shaded in its code's colour (the first code's where segments overlap) and a comment in the
 * margin per annotation naming its code, over the annotation's whole text (comments overlap
 * where segments do), then its orphaned annotations listed.
 */
export function codedDocumentOffice(documents: readonly CorpusDocument[], codebook: Codebook): OfficeDocument {
  const colours = codeColours(documents, codebook);
  const names = codeNames(codebook);
  return { title: codedTitle(documents), blocks: documents.flatMap((d, i) => documentBlocks(d, i, colours, names)) };
}

function documentBlocks(document: CorpusDocument, n: number, colours: ReadonlyMap<string, string>, names: (code: string) => string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: document.caseId },
    { kind: 'paragraph', runs: [{ text: document.path, italic: true }] },
    ...Object.entries(document.attributes).map(([k, v]): DocumentBlock => ({ kind: 'paragraph', runs: [{ text: `${k}: `, bold: true }, { text: v }] })),
  ];
  for (const runs of codedParagraphs(document)) {
    const last = runs.length - 1;
    const out = runs.flatMap((r, i): DocumentRun[] => {
      // The line breaks around a paragraph are the blank lines that end it, not lines of its own.
      let text = i === 0 ? r.text.replace(/^\s*\n/, '') : r.text;
      if (i === last) text = text.replace(/\n\s*$/, '');
      if (text === '') return [];
      if (r.annotations.length === 0) return [{ text }];
      return [{
        text,
        shading: tint(colours.get(r.annotations[0].code) ?? NEUTRAL_COLOUR, HIGHLIGHT_SHARE),
        // Unique across the documents: an annotation's id is unique in its document only.
        comments: r.annotations.map((a) => ({ id: `${n}/${a.id}`, text: names(a.code) })),
      }];
    });
    if (out.length > 0) blocks.push({ kind: 'paragraph', runs: out });
  }
  const orphans = document.annotations.filter((a) => a.anchor.method === 'orphan');
  if (orphans.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: ORPHANS_HEADING },
      paragraph(ORPHANS_NOTE),
      ...orphans.map((a): DocumentBlock => ({ kind: 'paragraph', runs: [{ text: `“${oneLine(a.quote)}”`, italic: true }, { text: ` — ${names(a.code)}` }] })),
    );
  }
  return blocks;
}
