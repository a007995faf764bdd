import { normaliseLineBreaks } from './plain-text';
import { collapseWhitespace, speakerLabel, type SpeakerTurn } from './speaker-turns';

/**
 * Subtitles (WebVTT, SubRip) as speaker turns. Both are a list of timed cues; a transcript is
 * not: consecutive cues of one speaker are one turn, which is one passage to code and search.
 */

/** What one cue says, split where the speaker changes within it. */
export interface CueSegment {
  readonly speaker?: string;
  readonly text: string;
}

export interface Cue {
  readonly startMs: number;
  readonly endMs: number;
  /** 1-based line of the cue's timing line. */
  readonly line: number;
  readonly segments: readonly CueSegment[];
}

/** A cue as scanned: its payload lines, not yet read. */
export interface RawCue {
  readonly startMs: number;
  readonly endMs: number;
  readonly line: number;
  readonly lines: string[];
}

export interface CueScan {
  readonly cues: RawCue[];
  /** Located complaints about the file (the cue was left out, or text was attached to a cue). */
  readonly notes: { readonly line: number; readonly message: string }[];
}

/** In a file that names no speaker, a pause at least this long starts a new paragraph. */
export const PARAGRAPH_PAUSE_MS = 2000;

const TIME = String.raw`(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const TIMING = new RegExp(String.raw`^[ \t]*(${TIME})[ \t]*-->[ \t]*(${TIME})(?:[ \t].*)?$`);
const CUE_INDEX = /^[ \t]*\d+[ \t]*$/;
/** WebVTT blocks that hold no speech. */
const VTT_NON_CUE = /^(?:\ufeff)?(?:WEBVTT|NOTE|STYLE|REGION)(?:[ \t]|$)/;

/** Milliseconds of a cue time: `01:02:03.450`, `02:03.450`, SubRip's `01:02:03,450`. */
export function cueTimeMs(time: string): number | undefined {
  const [clock, fraction = '0'] = time.split(/[.,]/);
  const parts = clock.split(':').map(Number);
  const [h, m, s] = parts.length === 3 ? parts : [0, parts[0], parts[1]];
  if (m > 59 || s > 59 || parts.some((n) => !Number.isFinite(n))) return undefined;
  return ((h * 60 + m) * 60 + s) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
}

/**
 * Finds the cues of a subtitle file. Lenient where files found in the wild are broken, and
 * never silently loses speech: a cue missing its blank line before the next is split at the
 * next timing line; text after a blank line inside a cue is attached to that cue (with a
 * note); a cue whose times cannot be read is left out (with a note).
 */
export function scanCues(text: string, format: 'vtt' | 'srt'): CueScan {
  const lines = normaliseLineBreaks(text).split('\n');
  const cues: RawCue[] = [];
  const notes: CueScan['notes'] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const blockStart = i;
    while (i < lines.length && lines[i].trim() !== '') i++;
    const block = lines.slice(blockStart, i);
    if (!block.some((l) => l.includes('-->'))) {
      strayBlock(block, blockStart, format, cues, notes);
      continue;
    }
    let cue: RawCue | undefined;
    block.forEach((line, k) => {
      const lineNo = blockStart + k + 1;
      if (line.includes('-->')) {
        const m = TIMING.exec(line);
        const startMs = m ? cueTimeMs(m[1]) : undefined;
        const endMs = m ? cueTimeMs(m[2]) : undefined;
        // SubRip's cue number sits on the line above its timing, even when a missing blank
        // line made it look like the previous cue's last line of text.
        if (cue && cue.lines.length > 0 && CUE_INDEX.test(cue.lines[cue.lines.length - 1])) cue.lines.pop();
        if (startMs === undefined || endMs === undefined) {
          notes.push({ line: lineNo, message: `cannot read the cue times "${line.trim()}"; this cue was left out` });
          cue = undefined;
          return;
        }
        cue = { startMs, endMs, line: lineNo, lines: [] };
        cues.push(cue);
        return;
      }
      // Before the first timing line: a cue identifier or number, not speech.
      if (cue) cue.lines.push(line);
    });
  }
  return { cues, notes };
}

function strayBlock(block: readonly string[], blockStart: number, format: 'vtt' | 'srt', cues: RawCue[], notes: CueScan['notes']): void {
  if (format === 'vtt' && VTT_NON_CUE.test(block[0])) return;
  if (block.every((l) => CUE_INDEX.test(l))) return;
  const previous = cues[cues.length - 1];
  if (!previous) {
    // Before the first cue: a title or header a tool wrote, not speech.
    if (format === 'srt') notes.push({ line: blockStart + 1, message: 'text before the first cue was left out' });
    return;
  }
  previous.lines.push(...block);
  notes.push({ line: blockStart + 1, message: `text after a blank line inside the cue of line ${previous.line} was kept with that cue` });
}

/** Splits text at lines that open with a speaker label (`P3: ...`); a segment keeps the speaker it was given. */
export function splitAtLabels(text: string, speaker?: string): CueSegment[] {
  const segments: { speaker?: string; text: string[] }[] = [{ ...(speaker !== undefined ? { speaker } : {}), text: [] }];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const label = speaker === undefined ? speakerLabel(line) : undefined;
    if (label) segments.push({ speaker: label.speaker, text: [label.rest] });
    else segments[segments.length - 1].text.push(line);
  }
  return segments
    .map((s) => ({ ...(s.speaker !== undefined ? { speaker: s.speaker } : {}), text: collapseWhitespace(s.text.join(' ')) }))
    .filter((s, i) => s.text !== '' || (i > 0 && s.speaker !== undefined));
}

/**
 * Merges cues into turns: a segment joins the turn before it when it has that turn's speaker,
 * or names none (captioners label a speaker only when the speaker changes). In a file that
 * names no speaker at all, a pause of two seconds or more starts a new paragraph instead, so
 * that the passages stay a readable size. A turn starts when its first cue starts.
 */
export function cuesToTurns(cues: readonly Cue[]): SpeakerTurn[] {
  const labelled = cues.some((c) => c.segments.some((s) => s.speaker !== undefined));
  const turns: { speaker?: string; startMs: number; text: string }[] = [];
  let previousEnd: number | undefined;
  for (const cue of cues) {
    for (const segment of cue.segments) {
      const last = turns[turns.length - 1];
      const continues = last !== undefined && (segment.speaker === undefined
        ? labelled || previousEnd === undefined || cue.startMs - previousEnd < PARAGRAPH_PAUSE_MS
        : segment.speaker === last.speaker);
      if (continues) {
        if (segment.text !== '') last.text = last.text === '' ? segment.text : `${last.text} ${segment.text}`;
      } else if (segment.text !== '' || segment.speaker !== undefined) {
        turns.push({ ...(segment.speaker !== undefined ? { speaker: segment.speaker } : {}), startMs: cue.startMs, text: segment.text });
      }
    }
    previousEnd = cue.endMs;
  }
  return turns.filter((t) => t.text !== '');
}
