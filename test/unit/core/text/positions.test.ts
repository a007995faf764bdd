import assert from 'node:assert/strict';
import { detectLineEnding, normaliseLineEndings, positionAt } from '../../../../src/core/text/positions';

describe('text positions', () => {
  it('gives 1-based line and column of an offset', () => {
    const text = 'ab\ncd\r\nef';
    assert.deepEqual(positionAt(text, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(text, 4), { line: 2, column: 2 });
    assert.deepEqual(positionAt(text, 7), { line: 3, column: 1 });
  });

  it('counts CRLF as one LF, as annotation offsets do', () => {
    assert.equal(normaliseLineEndings('a\r\nb\r\n'), 'a\nb\n');
    assert.equal(normaliseLineEndings('a\rb'), 'a\rb');
  });

  it('detects the line ending a file uses', () => {
    assert.equal(detectLineEnding('a\r\nb'), '\r\n');
    assert.equal(detectLineEnding('a\nb'), '\n');
    assert.equal(detectLineEnding('one line'), '\n');
  });
});
