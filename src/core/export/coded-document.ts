/**
 * A transcript as colleagues read it on paper: its text with every coded segment highlighted
 * and, beside each paragraph, the codes applied in it. Pure: the HTML is a string for a file
 * (not a webview), self-contained, its styles inline in one `<style>` element.
 */
import type { Codebook } from '../corpus/codebook';
import type { CorpusDocument } from '../corpus/document';

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

/** The colour a code is highlighted in: its own, else its theme's, else one of a fixed few. */
function colourOf(codebook: Codebook, code: string, index: number): string {
  const own = codebook.codeById.get(code)?.color;
  const theme = codebook.applicable.get(code);
  const fallback = ['#f2c14e', '#7fb7be', '#d3a4c9', '#a5d6a7', '#f4a582', '#b0b7ff'][index % 6];
  return own ?? theme?.color ?? fallback;
}

/**
 * Documents (one, or a case's) as one HTML page: for each, a heading with its case, path and
 * attributes, then each paragraph with its coded segments highlighted (a segment's codes in its
 * tooltip; overlapping codes underlined once per extra code), the codes applied in the paragraph
 * in the margin, and the orphaned annotations (text no longer found) listed after it so
 * nothing is left out.
 */
export function renderCodedDocumentHtml(documents: readonly CorpusDocument[], codebook: Codebook): string {
  const codes = [...new Set(documents.flatMap((d) => d.annotations.map((a) => a.code)))];
  const names = (code: string) => codebook.codeById.get(code)?.name ?? codebook.applicable.get(code)?.name ?? code;
  const classOf = new Map(codes.map((c, i) => [c, `code-${i}`]));
  const styles = codes.map((c, i) => `.${classOf.get(c)} { --code: ${cssColour(colourOf(codebook, c, i))}; }`);
  const cases = [...new Set(documents.map((d) => d.caseId))];
  const title = cases.length === 1 && documents.length > 1 ? `${cases[0]}: ${documents.length} documents` : documents.map((d) => `${d.caseId}: ${d.path}`).join('; ');
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
mark { background: color-mix(in srgb, var(--code) 45%, white); color: inherit; padding: 0 1px; }
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
  const paragraphs: { runs: CodedRun[]; codes: Set<string> }[] = [{ runs: [], codes: new Set() }];
  for (const run of codedRuns(document)) {
    // A blank line ends a paragraph (docs/format.md): split the run there.
    const pieces = run.text.split(/(\n[ \t]*\n+)/);
    let offset = run.start;
    for (const piece of pieces) {
      if (/^\n[ \t]*\n+$/.test(piece)) {
        paragraphs.push({ runs: [], codes: new Set() });
      } else if (piece !== '') {
        const current = paragraphs[paragraphs.length - 1];
        current.runs.push({ text: piece, start: offset, annotations: run.annotations });
        for (const a of run.annotations) current.codes.add(a.code);
      }
      offset += piece.length;
    }
  }

  const attributes = Object.entries(document.attributes).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const body = paragraphs
    .filter((p) => p.runs.length > 0)
    .map((p) => {
      const text = p.runs.map((r) => runHtml(r, classOf, names)).join('');
      const margin = [...p.codes].map((c) => `<li class="${classOf.get(c)}"><span class="swatch"></span>${escapeHtml(names(c))}</li>`).join('');
      return `<div class="row"><p>${text}</p><ul class="margin">${margin}</ul></div>`;
    })
    .join('\n');
  const orphans = document.annotations.filter((a) => a.anchor.method === 'orphan');
  const orphanList = orphans.length === 0
    ? ''
    : `<h2>Orphaned annotations</h2>\n<p class="note">Their text is no longer in the transcript; they are kept in its front matter.</p>\n<ul>${orphans
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

/** Only a `#rgb`/`#rrggbb` colour reaches the style sheet; anything else gets a neutral one. */
function cssColour(value: string): string {
  return /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(value) ? value : '#cccccc';
}
