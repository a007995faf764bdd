import { cuesToTurns, scanCues, splitAtLabels, type Cue } from './subtitle-cues';
import type { SpeakerTurn } from './speaker-turns';

/**
 * SubRip (.srt) as speaker turns: numbered cues with `00:01:23,450 --> 00:01:25,000` times.
 * SubRip names speakers only in the text (`P3: ...`); its formatting tags (`<i>`, `<b>`,
 * `<u>`, `<font ...>`) and the `{\an8}`-style positioning codes some editors add are dropped.
 * Its text is otherwise literal: an `&` is an ampersand, not the start of a reference.
 */
export function readSubRip(text: string): { turns: SpeakerTurn[]; cues: Cue[]; notes: { line: number; message: string }[] } {
  const scan = scanCues(text, 'srt');
  const cues = scan.cues.map((c) => ({ startMs: c.startMs, endMs: c.endMs, line: c.line, segments: splitAtLabels(stripSubRipMarkup(c.lines.join('\n'))) }));
  return { turns: cuesToTurns(cues), cues, notes: scan.notes };
}

export function stripSubRipMarkup(text: string): string {
  return text.replace(/<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>/gi, '').replace(/\{\\[^}]*\}/g, '');
}
