/**
 * Turns a file's bytes into text, refusing what is not UTF-8 text. Pure: no I/O, only the
 * standard `TextDecoder` that Node, the VS Code extension host and browsers all provide.
 */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly bom: boolean }
  | {
      readonly ok: false;
      readonly rule: 'not-utf8' | 'binary-file';
      /** Byte offset of the first offending byte. */
      readonly byteOffset: number;
      /** 1-based line and column where it sits, counted in the valid text before it. */
      readonly line: number;
      readonly column: number;
      readonly message: string;
    };

const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return failure(bytes, 0, 'not-utf8', 'file is UTF-16 text; save it as UTF-8 (with or without BOM) and try again');
  }
  const nul = bytes.indexOf(0);
  // The lenient decoder is markedly faster than the fatal one on large corpora; it marks
  // every invalid sequence with U+FFFD, so only text holding one (rare: it may also be a
  // genuine U+FFFD) is checked byte by byte.
  const text = lenientUtf8.decode(bytes);
  if (text.includes('\ufffd')) {
    const at = firstInvalidUtf8(bytes);
    if (at < bytes.length) {
      return failure(bytes, at, 'not-utf8', `file is not UTF-8 text (invalid byte 0x${bytes[at].toString(16).padStart(2, '0')}); re-save it as UTF-8`);
    }
  }
  if (nul !== -1) {
    return failure(bytes, nul, 'binary-file', 'file contains a NUL byte, so it is not a text transcript; convert it to Markdown or remove it from the corpus');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

function failure(bytes: Uint8Array, byteOffset: number, rule: 'not-utf8' | 'binary-file', message: string): DecodeResult {
  const before = lenientUtf8.decode(bytes.subarray(0, byteOffset));
  const lastBreak = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  return { ok: false, rule, byteOffset, line, column: before.length - lastBreak, message };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
