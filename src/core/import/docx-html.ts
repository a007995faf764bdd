import { collapseWhitespace, isSpeakerName, parseClockTime, renderTurn, type TimestampChoice } from './speaker-turns';

/**
 * The paragraphs of a Word document, from the HTML mammoth makes of it (`src/node/import`).
 * HTML rather than mammoth's raw text, because raw text drops manual line breaks and runs the
 * words on either side together ("locum" + "second line" → "locumsecond line"); its Markdown
 * adds backslash escapes that would become part of the transcript.
 *
 * Each Word paragraph, heading and list item is a paragraph, a manual line break a line
 * break within it. A table row is one paragraph: `Speaker: text` when its first cell is a
 * speaker's name (transcription services deliver speaker | text tables), with a time cell
 * (time | speaker | text, or speaker | time | text) dropped or kept as `[hh:mm:ss]`.
 * Footnote back-links (↑) are dropped; images and comments carry no text.
 */
export function docxHtmlParagraphs(html: string, timestamps: TimestampChoice): string[] {
  const top: string[] = [];
  const tables: { row?: string[]; cell?: string[]; into: string[] }[] = [];
  let buffer = '';
  let skipLink = false;
  const target = () => tables[tables.length - 1]?.cell ?? top;
  const flush = () => {
    if (buffer.trim() !== '') target().push(buffer.trim());
    buffer = '';
  };
  for (const m of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawName, attributes, text] = m;
    if (text !== undefined) {
      if (!skipLink) buffer += decodeHtmlText(text);
      continue;
    }
    const name = rawName.toLowerCase();
    if (name === 'br') buffer += '\n';
    else if (name === 'a') skipLink = !closing && /href="#(?:footnote|endnote|comment)-ref-/.test(attributes);
    else if (name === 'table') {
      flush();
      if (!closing) tables.push({ into: target() });
      else tables.pop();
    } else if (name === 'tr' && tables.length > 0) {
      flush();
      const table = tables[tables.length - 1];
      if (!closing) table.row = [];
      else if (table.row) {
        const paragraph = rowParagraph(table.row, timestamps);
        if (paragraph !== '') table.into.push(paragraph);
        table.row = undefined;
      }
    } else if ((name === 'td' || name === 'th') && tables.length > 0) {
      flush();
      const table = tables[tables.length - 1];
      if (!closing) table.cell = [];
      else if (table.cell) {
        table.row?.push(collapseWhitespace(table.cell.join(' ')));
        table.cell = undefined;
      }
    } else if (BLOCKS.has(name)) flush();
  }
  flush();
  return top;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'div', 'dl', 'dt', 'dd', 'hr']);

function rowParagraph(row: readonly string[], timestamps: TimestampChoice): string {
  const cells = row.filter((c) => c !== '');
  let startMs: number | undefined;
  const timeAt = cells.length >= 2 && parseClockTime(cells[0]) !== undefined ? 0 : cells.length >= 3 && parseClockTime(cells[1]) !== undefined ? 1 : -1;
  if (timeAt !== -1) startMs = parseClockTime(cells.splice(timeAt, 1)[0]);
  const name = cells[0]?.replace(/:$/, '');
  if (cells.length >= 2 && isSpeakerName(name)) {
    return renderTurn({ speaker: name, ...(startMs !== undefined ? { startMs } : {}), text: cells.slice(1).join(' ') }, timestamps);
  }
  return cells.length === 0 ? '' : renderTurn({ ...(startMs !== undefined ? { startMs } : {}), text: cells.join(' ') }, timestamps);
}

/** The references mammoth writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`), and numeric ones. */
export function decodeHtmlText(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
