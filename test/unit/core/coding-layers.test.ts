import assert from 'node:assert/strict';
import { codingLayers, lineOf, lineStartsOf, stripeSvg } from '../../../src/core/coding/coding-layers';

const text = 'line zero\nline one is longer\r\nline two\n\nline four\n';
const starts = lineStartsOf(text);
const span = (id: string, code: string, start: number, end: number) => ({ id, code, start, end });

describe('coding layers and stripes', () => {
  it('finds line starts after LF and CRLF, and the line of any offset', () => {
    assert.deepEqual(starts, [0, 10, 30, 39, 40, 50]);
    assert.equal(lineOf(starts, 0), 0);
    assert.equal(lineOf(starts, 9), 0);
    assert.equal(lineOf(starts, 10), 1);
    assert.equal(lineOf(starts, 40), 4);
    assert.equal(lineOf(starts, 1000), 5);
  });

  it('keeps segments that do not overlap on the first layer', () => {
    const { spans } = codingLayers([span('a', 'x', 0, 4), span('b', 'y', 5, 9), span('c', 'x', 9, 14)], starts);
    assert.deepEqual(spans.map((s) => [s.id, s.layer]), [['a', 0], ['b', 0], ['c', 0]]);
  });

  it('puts overlapping and nested segments on separate layers and reuses freed ones', () => {
    const { spans } = codingLayers(
      [span('inner', 'y', 2, 5), span('outer', 'x', 0, 20), span('third', 'z', 4, 12), span('later', 'y', 13, 15)],
      starts,
    );
    const layer = Object.fromEntries(spans.map((s) => [s.id, s.layer]));
    assert.deepEqual(layer, { outer: 0, inner: 1, third: 2, later: 1 });
  });

  it('is the same whatever order the segments come in', () => {
    const list = [span('a', 'x', 0, 10), span('b', 'y', 0, 10), span('c', 'z', 5, 7)];
    const one = codingLayers(list, starts);
    const two = codingLayers([...list].reverse(), starts);
    assert.deepEqual(one, two);
  });

  it('stripes every line a segment covers, codes in codebook order, one stripe per code', () => {
    const { stripes } = codingLayers(
      [span('a', 'late', 3, 25), span('b', 'early', 12, 14), span('c', 'early', 15, 16), span('d', 'late', 40, 45)],
      starts,
      ['early', 'late'],
    );
    assert.deepEqual(stripes, [
      { line: 0, codes: ['late'] },
      { line: 1, codes: ['early', 'late'] },
      { line: 4, codes: ['late'] },
    ]);
  });

  it('does not stripe the next line for a selection that ends at its start', () => {
    const { stripes } = codingLayers([span('a', 'x', 0, 10)], starts);
    assert.deepEqual(stripes, [{ line: 0, codes: ['x'] }]);
  });

  it('draws one bar per colour, a grey "more" bar past the limit, and no foreign markup', () => {
    assert.equal((stripeSvg(['#4e79a7', '#f28e2b']).match(/<rect/g) ?? []).length, 2);
    const many = stripeSvg(['#111111', '#222222', '#333333', '#444444', '#555555']);
    assert.equal((many.match(/<rect/g) ?? []).length, 4);
    assert.match(many, /#8c8c8c/);
    assert.doesNotMatch(stripeSvg(['red"/><script>']), /script/);
  });
});
