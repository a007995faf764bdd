/**
 * Speaker turns, as the corpus format reads them: a paragraph that begins `Name:` is a turn of
 * that speaker. Every importer builds its body out of turns, so that search and speaker
 * filters see one passage per turn whatever the transcript came from.
 */

/** Whether cue times of subtitles are dropped (the default) or kept at the start of each turn. */
export type TimestampChoice = 'drop' | 'keep';

export interface SpeakerTurn {
  /** Who speaks; undefined for text nobody is named for (a monologue, an unlabelled caption). */
  readonly speaker?: string;
  /** When the turn starts, in milliseconds from the start of the recording, when known. */
  readonly startMs?: number;
  readonly text: string;
}

// A speaker's name: at most four words and 40 characters, starting with a capital letter or a
// digit (`Interviewer`, `P3`, `SH07`, `Dr Morag Reid`, `Q`), so that an ordinary sentence
// wrapped onto a new line ("and the point was: ...") is not mistaken for a turn.
const WORD = String.raw`[\p{L}\p{M}\p{N}'’._()#&/-]+`;
const NAME = String.raw`[\p{Lu}\p{Lt}\p{Lo}\p{N}][\p{L}\p{M}\p{N}'’._()#&/-]*(?: ${WORD}){0,3}`;
const MAX_NAME_LENGTH = 40;
/** `Name:` then a space or the end of the line (`https://` and `10:30` are not turns). */
const LABEL = new RegExp(String.raw`^(${NAME}):(?=\s|$)[ \t]*`, 'u');
const BARE_NAME = new RegExp(String.raw`^${NAME}$`, 'u');

/** A clock time as transcripts write it: `0:03`, `01:23`, `00:01:23`, `00:01:23.450`, `[00:01:23]`. */
export const CLOCK_TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const LEADING_TIME = new RegExp(String.raw`^(?:\[${CLOCK_TIME}\]|\(${CLOCK_TIME}\)|${CLOCK_TIME})[ \t]+`, 'u');
const WHOLE_TIME = new RegExp(String.raw`^[[(]?(${CLOCK_TIME})[\])]?$`, 'u');

/** The speaker label at the start of `line` (`P3: text`), and the text after it. */
export function speakerLabel(line: string): { speaker: string; rest: string } | undefined {
  const m = LABEL.exec(line);
  if (!m || m[1].length > MAX_NAME_LENGTH) return undefined;
  return { speaker: m[1], rest: line.slice(m[0].length) };
}

/** Whether `text` alone could be a speaker's name (a table cell, a heading line). */
export function isSpeakerName(text: string): boolean {
  return text.length <= MAX_NAME_LENGTH && BARE_NAME.test(text);
}

/** Whether `line` opens a turn: `P3: ...`, also after a written time (`[00:01:23] P3: ...`). */
export function startsTurn(line: string): boolean {
  const time = LEADING_TIME.exec(line);
  return speakerLabel(time ? line.slice(time[0].length) : line) !== undefined;
}

/** Milliseconds of a clock time (`01:23`, `1:02:03`, `00:01:23,450`); undefined when it is not one. */
export function parseClockTime(text: string): number | undefined {
  const m = WHOLE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [clock, fraction = ''] = m[1].split(/[.,]/);
  const parts = clock.split(':').map(Number);
  const [h, min, s] = parts.length === 3 ? parts : [0, parts[0], parts[1]];
  if (min > 59 || s > 59) return undefined;
  return ((h * 60 + min) * 60 + s) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** `[hh:mm:ss]`, the whole seconds of `ms` (a turn's start rounded down: it is where to listen from). */
export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `[${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}]`;
}

/**
 * One paragraph per turn: `Speaker: text`. A kept time goes after the label
 * (`P3: [00:01:23] text`), so the paragraph still begins `Name:` and remains that speaker's
 * turn for search and speaker filters; a turn without a speaker begins with its time.
 */
export function renderTurn(turn: SpeakerTurn, timestamps: TimestampChoice): string {
  const time = timestamps === 'keep' && turn.startMs !== undefined ? `${formatTimestamp(turn.startMs)} ` : '';
  return `${turn.speaker !== undefined ? `${turn.speaker}: ` : ''}${time}${turn.text}`;
}

/** Collapses runs of spaces, tabs and line breaks to one space: a turn is one line of prose. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}
