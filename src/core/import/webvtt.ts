import { cuesToTurns, scanCues, splitAtLabels, type Cue, type CueSegment } from './subtitle-cues';
import type { SpeakerTurn } from './speaker-turns';

/**
 * WebVTT (https://www.w3.org/TR/webvtt1/) as speaker turns. The speaker is a cue's voice
 * span (`<v Morag Reid>`, `<v.loud Morag Reid>`: what Microsoft Teams writes), else a
 * `Name:` at the start of a line (what Zoom writes). Other cue markup (classes, italics,
 * ruby, karaoke times) is dropped and its text kept; character references are decoded.
 */
export function readWebVtt(text: string): { turns: SpeakerTurn[]; cues: Cue[]; notes: { line: number; message: string }[] } {
  const scan = scanCues(text, 'vtt');
  const cues = scan.cues.map((c) => ({ startMs: c.startMs, endMs: c.endMs, line: c.line, segments: vttSegments(c.lines.join('\n')) }));
  return { turns: cuesToTurns(cues), cues, notes: scan.notes };
}

const TAG = /<(\/?)([^\s.>/]*)((?:\.[^\s>]*)?)(?:[ \t]+([^>]*))?>/g;

/** A cue's payload split into voice spans; text outside any span is split at `Name:` labels. */
export function vttSegments(payload: string): CueSegment[] {
  const spans: { speaker?: string; text: string }[] = [{ text: '' }];
  let at = 0;
  for (const m of payload.matchAll(TAG)) {
    spans[spans.length - 1].text += decodeVttText(payload.slice(at, m.index));
    at = m.index + m[0].length;
    const [, closing, name, , annotation] = m;
    if (name !== 'v') continue;
    // An unclosed `<v Name>` speaks to the end of the cue; `</v>` ends the voice.
    const speaker = closing ? undefined : cleanSpeaker(decodeVttText(annotation ?? ''));
    spans.push(speaker ? { speaker, text: '' } : { text: '' });
  }
  spans[spans.length - 1].text += decodeVttText(payload.slice(at));
  return spans.flatMap((s) => splitAtLabels(s.text, s.speaker));
}

function cleanSpeaker(name: string): string | undefined {
  const clean = name.replace(/\s+/g, ' ').replace(/:+$/, '').trim();
  return clean === '' ? undefined : clean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** WebVTT's character references: the named ones it defines, and numeric ones. */
export function decodeVttText(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
