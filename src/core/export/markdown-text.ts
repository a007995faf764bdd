/**
 * Transcript text as inert Markdown inline text: line breaks and runs of white space become
 * one space (a quote never starts a new block), and every character that could start
 * emphasis, code, a link, an HTML tag, an entity or a table cell is backslash-escaped, so
 * `*`, `<b>`, `&amp;` and `|` print as typed. Meant for text that follows something else on
 * its line (a table cell, a list item's marker, a quotation mark, a heading's `#`), where
 * no block syntax can begin.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/#$/, '\\#'); // a heading's closing #s would be dropped
}

/** A Markdown table: a header row, an alignment row, then the rows; cells must already be escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map(line)];
}

/** A wave's heading text: `wave: 2016`, or `wave: (none)` for documents without a value. */
export function waveHeading(attribute: string, wave: string): string {
  return `${markdownText(attribute)}: ${wave === '' ? '(none)' : markdownText(wave)}`;
}
