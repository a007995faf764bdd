import assert from 'node:assert/strict';
import { MAX_BODY_OFFSET, MAX_FILE_LENGTH } from '../../../../src/protocol';
import { checkFromWebviewMessage } from '../../../../src/extension/webview/validate-message';

// The Intercoder Agreement panel's requests: open a range, count only coded text. Untrusted input.
const check = (raw: unknown) => checkFromWebviewMessage(raw);
const reason = (raw: unknown) => {
  const r = check(raw);
  assert.equal(r.ok, false, `expected ${JSON.stringify(raw)} to be rejected`);
  return r.ok ? '' : r.reason;
};

describe('agreement panel messages', () => {
  const open = { type: 'openRange', root: 'file:///study', file: 'docs/p1.md', start: 12, end: 40, side: 'a' };
  const codedOnly = { type: 'setCodedOnly', codedOnly: true };

  it('accepts opening a range of either side, and both settings of coded-only', () => {
    assert.deepEqual(check(open), { ok: true, message: open });
    assert.deepEqual(check({ ...open, side: 'b' }), { ok: true, message: { ...open, side: 'b' } });
    assert.deepEqual(check({ ...open, start: 0, end: 0 }), { ok: true, message: { ...open, start: 0, end: 0 } });
    assert.deepEqual(check({ ...open, start: MAX_BODY_OFFSET, end: MAX_BODY_OFFSET }).ok, true);
    assert.deepEqual(check(codedOnly), { ok: true, message: codedOnly });
    assert.deepEqual(check({ type: 'setCodedOnly', codedOnly: false }), { ok: true, message: { type: 'setCodedOnly', codedOnly: false } });
  });

  it('returns a fresh frozen message', () => {
    const r = check(open);
    assert.ok(r.ok);
    assert.notEqual(r.message, open);
    assert.ok(Object.isFrozen(r.message));
  });

  it('refuses missing and extra fields', () => {
    assert.match(reason({ type: 'openRange', root: 'file:///study', file: 'docs/p1.md', start: 12, end: 40 }), /openRange: missing field side/);
    assert.match(reason({ ...open, text: 'Lead' }), /openRange: unexpected field "text"/);
    assert.match(reason({ type: 'setCodedOnly' }), /setCodedOnly: missing field codedOnly/);
    assert.match(reason({ ...codedOnly, root: 'file:///study' }), /setCodedOnly: unexpected field "root"/);
  });

  it('refuses roots and files that could leave the corpus', () => {
    assert.match(reason({ ...open, root: '' }), /openRange: root is empty/);
    assert.match(reason({ ...open, root: 'file:///study\n' }), /openRange: root contains a control character/);
    assert.match(reason({ ...open, file: '../secret.md' }), /openRange: file has an empty, "\." or "\.\." segment/);
    assert.match(reason({ ...open, file: '/etc/passwd' }), /openRange: file is absolute/);
    assert.match(reason({ ...open, file: 'C:/x.md' }), /openRange: file starts with a drive letter/);
    assert.match(reason({ ...open, file: 'docs\\p1.md' }), /openRange: file contains a backslash/);
    assert.match(reason({ ...open, file: 'f'.repeat(MAX_FILE_LENGTH + 1) }), /openRange: file is longer than/);
  });

  it('refuses offsets that are not whole numbers in range, or out of order', () => {
    for (const start of ['12', -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_BODY_OFFSET + 1, null]) {
      assert.match(reason({ ...open, start }), /openRange: start is not/);
    }
    assert.match(reason({ ...open, end: 2 ** 53 }), /openRange: end is not a whole number/);
    assert.match(reason({ ...open, start: 41, end: 40 }), /openRange: start is after end/);
  });

  it('refuses a side other than a or b', () => {
    assert.match(reason({ ...open, side: 'c' }), /openRange: side is not one of a, b/);
    assert.match(reason({ ...open, side: 'A' }), /openRange: side is not one of a, b/);
    assert.match(reason({ ...open, side: 0 }), /openRange: side is not a string/);
  });

  it('refuses a coded-only that is not a boolean', () => {
    for (const value of ['true', 1, null, {}]) assert.match(reason({ type: 'setCodedOnly', codedOnly: value }), /setCodedOnly: codedOnly is not a boolean/);
  });
});
