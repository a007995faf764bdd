import assert from 'node:assert/strict';
import { forEachWord, isIndexed, normaliseWord, STOP_WORDS, words } from '../../../../src/core/search';

function wordsAt(text: string): [string, string][] {
  const out: [string, string][] = [];
  forEachWord(text, 0, text.length, (word, start, end) => out.push([word, text.slice(start, end)]));
  return out;
}

describe('search words', () => {
  it('are compared in lower case', () => {
    assert.deepEqual(words('LOCUM Cover locum'), ['locum', 'cover', 'locum']);
  });

  it('fold accents, so café, CAFÉ and cafe are one word (precomposed or combining)', () => {
    assert.equal(normaliseWord('Café'), 'cafe');
    assert.equal(normaliseWord('CAFÉ'), 'cafe');
    assert.equal(normaliseWord('cafe\u0301'), 'cafe');
    // Letters that are not accented forms (æ, ø) stay as they are.
    assert.deepEqual(words('Càrn Bàn, naïve, Ærø'), ['carn', 'ban', 'naive', 'ærø']);
  });

  it('are runs of letters and digits: punctuation, hyphens and apostrophes split them', () => {
    assert.deepEqual(words("out-of-hours GP's 2021/22 e-mail"), ['out', 'of', 'hours', 'gp', 's', '2021', '22', 'e', 'mail']);
  });

  it('leave stop words, fillers and one-letter words out of the index, but still report them (phrases need them)', () => {
    assert.deepEqual(words('Um, the locum was a help'), ['um', 'the', 'locum', 'was', 'a', 'help']);
    assert.deepEqual(words('Um, the locum was a help').filter(isIndexed), ['locum', 'help']);
    for (const w of ['the', 'of', 'and', 'don', 'um', 'erm']) assert.ok(STOP_WORDS.has(w) && !isIndexed(w), w);
    assert.ok(!isIndexed('x'));
    assert.ok(!isIndexed('7'));
    assert.ok(isIndexed('gp'));
    assert.ok(isIndexed('backfill'));
  });

  it('keep the offsets of the text as written, in UTF-16 units (an emoji counts two)', () => {
    const text = '😀Backfill, café 🚑 locums';
    const found: [string, number, number][] = [];
    forEachWord(text, 0, text.length, (word, start, end) => found.push([word, start, end]));
    assert.deepEqual(found, [
      ['backfill', 2, 10],
      ['cafe', 12, 16],
      ['locums', 20, 26],
    ]);
    assert.equal(text.slice(12, 16), 'café');
    assert.equal(text.slice(20, 26), 'locums');
  });

  it('count a letter and its combining accent as one word as written', () => {
    assert.deepEqual(wordsAt('re\u0301sume\u0301 done'), [
      ['resume', 're\u0301sume\u0301'],
      ['done', 'done'],
    ]);
  });

  it('are read only inside the range asked for', () => {
    const text = 'locum cover backfill';
    assert.deepEqual(
      (() => {
        const out: string[] = [];
        forEachWord(text, 3, 14, (w) => out.push(w));
        return out;
      })(),
      ['um', 'cover', 'ba'],
    );
  });

  it('include letters beyond the Basic Multilingual Plane and scripts other than Latin', () => {
    assert.deepEqual(wordsAt('𠀋村 Ελλάδα'), [
      ['𠀋村', '𠀋村'],
      ['ελλαδα', 'Ελλάδα'],
    ]);
  });
});
