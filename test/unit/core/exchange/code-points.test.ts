import assert from 'node:assert/strict';
import { codePointCounter, utf16Locator } from '../../../../src/core/exchange/code-points';

describe('exchange positions: code points and UTF-16 offsets', () => {
  const text = 'GP 😀 lead in Càrn Bàn 𠀋 said: no locum';

  it('counts an astral character (emoji, CJK extension B) as one code point', () => {
    const toCodePoint = codePointCounter(text);
    const at = text.indexOf('no locum');
    assert.equal(toCodePoint(at), [...text.slice(0, at)].length);
    assert.equal(toCodePoint(at), at - 2);
    assert.equal(toCodePoint(text.indexOf('😀')), 3);
    assert.equal(toCodePoint(text.length), [...text].length);
  });

  it('turns code points back into UTF-16 offsets, and nothing past the end', () => {
    const locate = utf16Locator(text, false);
    const toCodePoint = codePointCounter(text);
    for (const quote of ['GP', 'lead', 'Càrn', 'said', 'no locum']) {
      const at = text.indexOf(quote);
      assert.equal(locate(toCodePoint(at)), at, quote);
    }
    assert.equal(locate([...text].length), text.length);
    assert.equal(locate([...text].length + 1), undefined);
    assert.equal(locate(-1), undefined);
  });

  it('reads a CRLF text as NVivo counts it (CRLF two characters) or as ATLAS.ti does (one), into the LF body', () => {
    const crlf = 'Notes.\r\n\r\nThe analyst 📊 arrived.\r\n';
    const body = crlf.replace(/\r\n/g, '\n');
    const target = body.indexOf('arrived');
    const countedTwo = [...crlf.slice(0, crlf.indexOf('arrived'))].length;
    const countedOne = [...body.slice(0, target)].length;
    assert.equal(utf16Locator(crlf, true)(countedTwo), target);
    assert.equal(utf16Locator(crlf, false)(countedOne), target);
    // A position between CR and LF lands on the LF.
    assert.equal(utf16Locator(crlf, true)(7), 6);
  });
});
