import { CLOCK_TIME, collapseWhitespace, isSpeakerName, parseClockTime, renderTurn, speakerLabel, startsTurn, type TimestampChoice } from './speaker-turns';

/**
 * The body of a plain-text transcript (.txt, a .md without coding, the paragraphs of a .docx):
 * line endings as LF, each speaker turn one paragraph, blank-line paragraph breaks kept.
 */
export interface PlainTextOptions {
  /**
   * Markdown keeps its block structure (headings, lists, tables, quotes, code) line for line;
   * only prose is joined into turns. Plain text is all prose.
   */
  readonly markdown?: boolean;
  /** For turns written as a header line `Name  0:03` (speech-to-text exports): drop or keep the time. */
  readonly timestamps?: TimestampChoice;
}

/** CR, CRLF, and the separators word processors paste, as the LF line breaks the format counts. */
export function normaliseLineBreaks(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2029\f]/g, '\n\n')
    .replace(/[\u2028\v\u0085]/g, '\n');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** Lines that open a Markdown block whose line breaks mean something: list, quote, table, HTML, indented code. */
const BLOCK_START = /^(?: {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||<[A-Za-z!/])| {4}|\t)/;
/** A line of three or more `-`, `=`, `*` or `_` alone: a separator, never part of a turn. */
const SEPARATOR = /^[ \t]*([-=*_])(?:[ \t]*\1){2,}[ \t]*$/;
/**
 * `Speaker 1  0:03` alone on a line, the turn's text on the lines below (speech-to-text
 * exports). The time is set apart by two spaces or a tab, or bracketed, or a full hh:mm:ss,
 * so that a wrapped sentence ending "at 10:30" is not read as a header.
 */
const HEADER_TURN = new RegExp(String.raw`^(.+?)(?:(?:[ \t]{2,}|\t)(${CLOCK_TIME})|[ \t]+[[(](${CLOCK_TIME})[\])]|[ \t]+(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?))$`, 'u');

type Run = { readonly kind: 'prose' | 'verbatim'; readonly lines: string[] };

export function plainTextBody(text: string, options: PlainTextOptions = {}): string {
  const lines = normaliseLineBreaks(text).split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  const paragraphs: string[] = [];
  const all = runs(lines, options.markdown === true);
  all.forEach((run, r) => {
    const next = all[r + 1];
    // A speaker's name alone (`Interviewer:`, `Speaker 1  0:03`) heads the paragraph below it:
    // speech-to-text exports put a blank line (or, in Word, a paragraph break) between them.
    if (run.kind === 'prose' && run.lines.length === 1 && isTurnHeading(run.lines[0]) && next?.kind === 'prose' && !startsTurn(next.lines[0].trim())) {
      next.lines.unshift(run.lines[0]);
      return;
    }
    if (run.kind === 'verbatim') paragraphs.push(run.lines.join('\n'));
    else paragraphs.push(...proseTurns(run.lines, options.timestamps ?? 'drop'));
  });
  return bodyOf(paragraphs);
}

function isTurnHeading(line: string): boolean {
  const label = speakerLabel(line.trim());
  if (label) return label.rest === '';
  const header = HEADER_TURN.exec(line.trim());
  return header !== null && isSpeakerName(header[1]);
}

/** Joins paragraphs into a body that can follow front matter: no leading separator, one final LF. */
export function bodyOf(paragraphs: readonly string[]): string {
  const kept = paragraphs.filter((p) => p.trim() !== '');
  // A separator at the top would sit right under the front matter's closing `---`, where a
  // reader skimming the file (or a tool that strips front matter) takes it for a second one.
  while (kept.length > 0 && SEPARATOR.test(kept[0])) kept.shift();
  if (kept.length > 0 && kept[0].startsWith('---')) kept[0] = `\\${kept[0]}`;
  return kept.length === 0 ? '' : `${kept.join('\n\n')}\n`;
}

/**
 * Splits lines into runs, each to become one or more paragraphs: blank lines end a run; a
 * separator is a run of its own; in Markdown, fenced code (blank lines and all), headings and
 * list/quote/table blocks are verbatim runs.
 */
function runs(lines: readonly string[], markdown: boolean): Run[] {
  const out: Run[] = [];
  let current: Run | undefined;
  const close = () => {
    if (current) out.push(current);
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      close();
      continue;
    }
    if (SEPARATOR.test(line)) {
      close();
      out.push({ kind: 'verbatim', lines: [line.trim()] });
      continue;
    }
    if (markdown) {
      const fence = FENCE.exec(line);
      if (fence) {
        close();
        const fenced = [line];
        const closing = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*$`);
        while (++i < lines.length) {
          fenced.push(lines[i]);
          if (closing.test(lines[i])) break;
        }
        out.push({ kind: 'verbatim', lines: fenced });
        continue;
      }
      if (HEADING.test(line)) {
        close();
        out.push({ kind: 'verbatim', lines: [line] });
        continue;
      }
      if (BLOCK_START.test(line)) {
        if (current?.kind !== 'verbatim') close();
        current ??= { kind: 'verbatim', lines: [] };
        current.lines.push(line);
        continue;
      }
      // An indented line goes on with the list item or quote above it.
      if (current?.kind === 'verbatim' && /^[ \t]/.test(line)) {
        current.lines.push(line);
        continue;
      }
    }
    if (current?.kind !== 'prose') close();
    current ??= { kind: 'prose', lines: [] };
    current.lines.push(line);
  }
  close();
  return out;
}

/** A run of prose as turns: a line opening with `Name:` starts a turn, other lines go on with the one above. */
function proseTurns(lines: readonly string[], timestamps: TimestampChoice): string[] {
  const header = lines.length > 1 ? HEADER_TURN.exec(lines[0].trim()) : null;
  if (header && isSpeakerName(header[1]) && !startsTurn(lines[1].trim())) {
    const startMs = parseClockTime(header[2] ?? header[3] ?? header[4]);
    if (startMs !== undefined) {
      return [renderTurn({ speaker: header[1], startMs, text: collapseWhitespace(lines.slice(1).join(' ')) }, timestamps)];
    }
  }
  const turns: string[][] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (turns.length === 0 || startsTurn(line)) turns.push([line]);
    else turns[turns.length - 1].push(line);
  }
  return turns.map((t) => collapseWhitespace(t.join(' ')));
}
