import assert from 'node:assert/strict';
import { MAX_ID_LENGTH } from '../../../../src/protocol';
import { checkFromWebviewMessage } from '../../../../src/extension/webview/validate-message';

// The Compare Waves panel's requests: a theme's quotes, other groups, an export. Untrusted input.
const check = (raw: unknown) => checkFromWebviewMessage(raw);
const reason = (raw: unknown) => {
  const r = check(raw);
  assert.equal(r.ok, false, `expected ${JSON.stringify(raw)} to be rejected`);
  return r.ok ? '' : r.reason;
};

describe('compare panel messages', () => {
  const quotes = { type: 'requestCompareQuotes', root: 'file:///study', theme: 'workforce', code: '' };
  const waves = { type: 'setWaves', attribute: 'wave', baseline: '2016', followup: '2021' };
  const exported = { type: 'exportComparison', root: 'file:///study' };

  it('accepts a theme’s or a code’s quotes, two groups, and an export', () => {
    assert.deepEqual(check(quotes), { ok: true, message: quotes });
    assert.deepEqual(check({ ...quotes, code: 'recruitment' }), { ok: true, message: { ...quotes, code: 'recruitment' } });
    assert.deepEqual(check(waves), { ok: true, message: waves });
    assert.deepEqual(check(exported), { ok: true, message: exported });
  });

  it('refuses missing, extra and malformed fields', () => {
    assert.match(reason({ ...quotes, theme: '' }), /requestCompareQuotes: theme is empty/);
    assert.match(reason({ ...quotes, code: 3 }), /requestCompareQuotes: code is not a string/);
    assert.match(reason({ type: 'requestCompareQuotes', root: 'file:///study', theme: 'workforce' }), /missing field code/);
    assert.match(reason({ ...exported, format: 'csv' }), /exportComparison: unexpected field "format"/);
    assert.match(reason({ ...exported, root: '' }), /exportComparison: root is empty/);
    assert.match(reason({ ...waves, attribute: 'x'.repeat(MAX_ID_LENGTH + 1) }), /setWaves: attribute is longer than/);
    assert.match(reason({ ...waves, followup: '2021\u0000' }), /setWaves: followup contains a control character/);
  });

  it('refuses comparing a group with itself', () => {
    assert.match(reason({ ...waves, followup: '2016' }), /setWaves: baseline and followup are the same value/);
  });
});
