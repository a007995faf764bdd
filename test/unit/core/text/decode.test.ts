import assert from 'node:assert/strict';
import { decodeText, firstInvalidUtf8 } from '../../../../src/core/text/decode';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeText: only UTF-8 text is read', () => {
  it('reads UTF-8 with astral characters unchanged', () => {
    const r = decodeText(bytes('Café 😀 𝒜'));
    assert.deepEqual(r, { ok: true, text: 'Café 😀 𝒜', bom: false });
  });

  it('removes a BOM and remembers it, so a write can keep it', () => {
    const r = decodeText(bytes([0xef, 0xbb, 0xbf], 'Hello'));
    assert.deepEqual(r, { ok: true, text: 'Hello', bom: true });
  });

  it('refuses Latin-1 text and says where the bad byte is', () => {
    const r = decodeText(bytes('line one\nThe caf', [0xe9], ' closed'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.rule, 'not-utf8');
    assert.deepEqual([r.line, r.column, r.byteOffset], [2, 8, 16]);
    assert.match(r.message, /not UTF-8.*0xe9.*re-save it as UTF-8/);
  });

  it('refuses UTF-16 with advice to convert', () => {
    const r = decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /UTF-16.*save it as UTF-8/);
  });

  it('refuses a binary file (NUL byte) even when it is valid UTF-8', () => {
    const r = decodeText(bytes('PK', [0, 0], 'rest'));
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.rule, 'binary-file');
  });

  it('finds the first invalid sequence: overlong, surrogate, truncated', () => {
    assert.equal(firstInvalidUtf8(bytes('ab', [0xc0, 0x80])), 2);
    assert.equal(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80])), 1);
    assert.equal(firstInvalidUtf8(bytes('abc', [0xf0, 0x9f])), 3);
    assert.equal(firstInvalidUtf8(bytes('ok 😀')), 7);
  });
});

describe('decodeText: a genuine replacement character', () => {
  it('is text, not an encoding error', () => {
    const r = decodeText(new TextEncoder().encode('garbled \ufffd in the original transcript'));
    assert.deepEqual(r, { ok: true, text: 'garbled \ufffd in the original transcript', bom: false });
  });
});
