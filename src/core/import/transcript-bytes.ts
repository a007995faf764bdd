import { decodeText } from '../text/decode';
import type { ImportRule } from './import-problem';

/**
 * A transcript file's text. Like a corpus document, UTF-8 with or without BOM; unlike one, also
 * UTF-16 with a byte order mark, because Windows tools (Notepad's "Unicode", some caption
 * editors) still save transcripts that way and the import is where that gets fixed.
 */
export function decodeTranscript(bytes: Uint8Array): { ok: true; text: string } | { ok: false; rule: ImportRule; message: string; line: number } {
  const utf16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
      return { ok: false, rule: 'not-utf8', message: `it starts as ${utf16.toUpperCase()} text but is not; save it as UTF-8 and import again`, line: 1 };
    }
  }
  const decoded = decodeText(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return { ok: false, rule: decoded.rule === 'binary-file' ? 'unreadable' : 'not-utf8', message: decoded.message, line: decoded.line };
}
