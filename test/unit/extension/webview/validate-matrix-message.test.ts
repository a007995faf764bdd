import assert from 'node:assert/strict';
import { MAX_FILTER_LENGTH, MAX_ID_LENGTH, MAX_QUERY_INDEX, MAX_SUMMARY_LENGTH } from '../../../../src/protocol';
import { checkFromWebviewMessage } from '../../../../src/extension/webview/validate-message';

// The matrix panel's requests: open a segment, save a summary. Untrusted input like any other.
const check = (raw: unknown) => checkFromWebviewMessage(raw);
const reason = (raw: unknown) => {
  const r = check(raw);
  assert.equal(r.ok, false, `expected ${JSON.stringify(raw)} to be rejected`);
  return r.ok ? '' : r.reason;
};

describe('matrix panel messages', () => {
  const segment = { type: 'openSegment', root: '/study', file: 'transcripts/2021/SH02.md', id: '5b52' };
  const summary = { type: 'saveSummary', root: '/study', case: 'SH02', theme: 'workforce', summary: 'Leads exhausted.\nNo slack.' };

  it('accepts a segment to open and a summary to save, multi-line or empty', () => {
    assert.deepEqual(check(segment), { ok: true, message: segment });
    assert.deepEqual(check(summary), { ok: true, message: summary });
    assert.equal(check({ ...summary, summary: '' }).ok, true, 'an empty summary removes it');
    assert.equal(check({ ...summary, summary: 's'.repeat(MAX_SUMMARY_LENGTH) }).ok, true);
  });

  it('refuses a file that could leave its root, and ids that are empty, too long or hold controls', () => {
    assert.match(reason({ ...segment, file: '../outside.md' }), /openSegment: file/);
    assert.match(reason({ ...segment, id: '' }), /openSegment: id is empty/);
    assert.match(reason({ ...segment, id: 'x'.repeat(MAX_ID_LENGTH + 1) }), /longer than/);
    assert.match(reason({ ...summary, case: 'P3\n' }), /saveSummary: case contains a control character/);
    assert.match(reason({ ...summary, theme: 7 }), /saveSummary: theme is not a string/);
  });

  it('refuses an over-long or non-text summary, and extra or missing fields', () => {
    assert.match(reason({ ...summary, summary: 's'.repeat(MAX_SUMMARY_LENGTH + 1) }), /longer than/);
    assert.match(reason({ ...summary, summary: null }), /summary is not a string/);
    assert.match(reason({ ...summary, file: 'x.md' }), /unexpected field/);
    const noRoot: Record<string, unknown> = { ...summary };
    delete noRoot.root;
    assert.match(reason(noRoot), /missing field root/);
  });

  it('accepts a grouping by an attribute name, and nothing else in it', () => {
    assert.deepEqual(check({ type: 'setGrouping', attribute: 'role' }), { ok: true, message: { type: 'setGrouping', attribute: 'role' } });
    assert.match(reason({ type: 'setGrouping', attribute: '' }), /setGrouping: attribute is empty/);
    assert.match(reason({ type: 'setGrouping', attribute: ['role'] }), /is not a string/);
    assert.match(reason({ type: 'setGrouping', attribute: 'role', root: '/x' }), /unexpected field/);
  });

  it('accepts a request for a cell’s segments (a whole theme, or one code; a row without a wave) and a filter', () => {
    const request = { type: 'requestQuotes', root: '/study', case: 'SH02', wave: '2021', theme: 'workforce', code: 'pharmacists' };
    assert.deepEqual(check(request), { ok: true, message: request });
    assert.equal(check({ ...request, wave: '', code: '' }).ok, true);
    const search = { type: 'search', root: '/study', text: 'locum cover' };
    assert.deepEqual(check(search), { ok: true, message: search });
    assert.equal(check({ ...search, text: '' }).ok, true, 'an empty filter clears it');
  });

  it('refuses a request without a case or theme, and a filter too long or not text', () => {
    const request = { type: 'requestQuotes', root: '/study', case: 'SH02', wave: '2021', theme: 'workforce', code: '' };
    assert.match(reason({ ...request, theme: '' }), /requestQuotes: theme is empty/);
    assert.match(reason({ ...request, case: '' }), /requestQuotes: case is empty/);
    assert.match(reason({ ...request, code: 'a\u0000b' }), /requestQuotes: code contains a control character/);
    assert.match(reason({ ...request, wave: 3 }), /requestQuotes: wave is not a string/);
    assert.match(reason({ type: 'search', root: '/study', text: 'x'.repeat(MAX_FILTER_LENGTH + 1) }), /search: text is longer than/);
    assert.match(reason({ type: 'search', root: '/study', text: ['x'] }), /search: text is not a string/);
  });

  it('accepts a request to export the matrix shown, and nothing more in it', () => {
    const request = { type: 'exportMatrix', root: '/study' };
    assert.deepEqual(check(request), { ok: true, message: request });
    assert.match(reason({ ...request, format: 'csv' }), /exportMatrix: unexpected field/);
    assert.match(reason({ ...request, root: '' }), /exportMatrix: root is empty/);
  });

  it('accepts a request for a query’s counts: counts by theme or code, or co-occurrence', () => {
    for (const query of ['counts', 'cooccurrence']) {
      for (const by of ['theme', 'code']) {
        const request = { type: 'requestQuery', root: '/study', query, by };
        assert.deepEqual(check(request), { ok: true, message: request });
      }
    }
  });

  it('refuses a query that is not one of the panel’s, and extra or missing fields', () => {
    const request = { type: 'requestQuery', root: '/study', query: 'counts', by: 'theme' };
    assert.match(reason({ ...request, query: 'crosstab' }), /requestQuery: query is not one of counts, cooccurrence/);
    assert.match(reason({ ...request, query: 'Counts' }), /requestQuery: query is not one of/);
    assert.match(reason({ ...request, by: 'case' }), /requestQuery: by is not one of theme, code/);
    assert.match(reason({ ...request, by: ['theme'] }), /requestQuery: by is not a string/);
    assert.match(reason({ ...request, root: '' }), /requestQuery: root is empty/);
    assert.match(reason({ ...request, attribute: 'role' }), /requestQuery: unexpected field/);
    const noBy: Record<string, unknown> = { ...request };
    delete noBy.by;
    assert.match(reason(noBy), /requestQuery: missing field by/);
  });

  it('accepts a request for a query cell’s segments by whole row and column numbers within bounds', () => {
    const request = { type: 'requestQuerySegments', root: '/study', query: 'cooccurrence', by: 'theme', row: 4, col: 6 };
    assert.deepEqual(check(request), { ok: true, message: request });
    assert.equal(check({ ...request, query: 'counts', by: 'code', row: 0, col: MAX_QUERY_INDEX - 1 }).ok, true);
  });

  it('refuses a query cell that is not a whole number within bounds', () => {
    const request = { type: 'requestQuerySegments', root: '/study', query: 'counts', by: 'theme', row: 0, col: 0 };
    assert.match(reason({ ...request, row: -1 }), /requestQuerySegments: row is not a whole number/);
    assert.match(reason({ ...request, col: 1.5 }), /requestQuerySegments: col is not a whole number/);
    assert.match(reason({ ...request, col: MAX_QUERY_INDEX }), /requestQuerySegments: col is not a whole number/);
    assert.match(reason({ ...request, row: Number.NaN }), /requestQuerySegments: row is not a whole number/);
    assert.match(reason({ ...request, row: Infinity }), /requestQuerySegments: row is not a whole number/);
    assert.match(reason({ ...request, row: '3' }), /requestQuerySegments: row is not a number/);
    assert.match(reason({ ...request, query: 'segments' }), /requestQuerySegments: query is not one of/);
    assert.match(reason({ ...request, case: 'SH02' }), /requestQuerySegments: unexpected field/);
    const noCol: Record<string, unknown> = { ...request };
    delete noCol.col;
    assert.match(reason(noCol), /requestQuerySegments: missing field col/);
  });
});
