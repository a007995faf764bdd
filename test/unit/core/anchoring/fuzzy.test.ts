import assert from 'node:assert/strict';
import search from 'approx-string-match';
import {
  fuzzyMatch,
  MAX_FUZZY_ERRORS,
  maxErrorsFor,
  MIN_FUZZY_QUOTE_LENGTH,
  MIN_QUOTE_SIMILARITY,
  MIN_WHOLE_BODY_QUOTE_LENGTH,
  searchWindows,
  WINDOW_MARGIN,
} from '../../../../src/core/anchoring/fuzzy';
import { edit, hasLoneSurrogate, selectorFor, TRANSCRIPT } from './transcript';

describe('fuzzyMatch', () => {
  it('follows a typo fixed inside the quote, covering the corrected wording', () => {
    const typo = TRANSCRIPT.replace('quietly', 'quitely');
    const selector = selectorFor(typo, 'the protected time will quitely get eaten by clinical work');
    const found = fuzzyMatch(TRANSCRIPT, selector);
    const corrected = 'the protected time will quietly get eaten by clinical work';
    assert.equal(found?.method, 'fuzzy');
    assert.equal(found.start, TRANSCRIPT.indexOf(corrected));
    assert.equal(found.text, corrected);
    assert.equal(found.end, found.start + corrected.length);
    assert.ok(found.similarity < 1 && found.similarity >= MIN_QUOTE_SIMILARITY);
  });

  it('follows a typo introduced inside the quote', () => {
    const selector = selectorFor(TRANSCRIPT, 'eaten by clinical work, and nobody will notice');
    const body = TRANSCRIPT.replace('clinical', 'clincal');
    const found = fuzzyMatch(body, selector);
    assert.equal(found?.text, 'eaten by clincal work, and nobody will notice');
    assert.equal(found.similarity, 1 - 1 / selector.quote.length);
  });

  it('gives nothing when the passage was rewritten beyond recognition', () => {
    const quote = 'we will be judged on admissions before anyone has had time to change anything';
    const selector = selectorFor(TRANSCRIPT, quote);
    const body = edit(TRANSCRIPT, quote, 'the data will never tell us whether the clusters made any difference');
    assert.equal(fuzzyMatch(body, selector), undefined);
  });

  it('accepts one edit in five characters and no more', () => {
    const quote = 'judged on admissions'; // 20 characters: 4 edits allowed
    const selector = selectorFor(TRANSCRIPT, quote);
    assert.equal(maxErrorsFor(quote.length), 4);
    const fourEdits = TRANSCRIPT.replace(quote, 'judged on its admissions');
    assert.equal(fuzzyMatch(fourEdits, selector)?.similarity, 1 - 4 / 20);
    const fiveEdits = TRANSCRIPT.replace(quote, 'judged on its admission rate');
    assert.equal(fuzzyMatch(fiveEdits, selector), undefined);
  });

  it('does not fuzzy-match a quote too short to be told from chance', () => {
    const quote = 'six weeks'; // long enough
    assert.ok(quote.length >= MIN_FUZZY_QUOTE_LENGTH);
    assert.equal(fuzzyMatch(TRANSCRIPT.replace('six weeks', 'six week'), selectorFor(TRANSCRIPT, quote))?.text, 'six week');
    const short = 'county'; // too short
    assert.ok(short.length < MIN_FUZZY_QUOTE_LENGTH);
    assert.equal(fuzzyMatch(TRANSCRIPT.replace('county', 'counties'), selectorFor(TRANSCRIPT, short)), undefined);
  });

  it('looks near where the quote is expected before anywhere else', () => {
    // The same question, slightly different each time, asked at the top and near the end.
    const filler = 'P1: We talked about other things for a while.\n\n'.repeat(20);
    const body = `Interviewer: What does the cluster do for you?\n\n${filler}Interviewer: What does the cluster do for you now?\n\n`;
    const quote = 'What does the cluster do for you, now?';
    const selector = { start: body.lastIndexOf('What does'), quote };
    const found = fuzzyMatch(body, selector);
    assert.equal(found?.start, body.lastIndexOf('What does'));
    assert.equal(found.text, 'What does the cluster do for you now?');
  });

  it('searches the whole body for a long quote that is no longer near where it was', () => {
    const quote = 'the practices take turns to host, and the host buys lunch';
    const body = `${'P1: We talked about other things for a while.\n\n'.repeat(30)}P1: In our cluster the practices take turns to host, and the host buys the lunch.\n`;
    assert.ok(quote.length >= MIN_WHOLE_BODY_QUOTE_LENGTH);
    const found = fuzzyMatch(body, { start: 0, quote });
    assert.equal(found?.text, 'the practices take turns to host, and the host buys the lunch');
  });

  it('searches only near the expected place for a quote shorter than that', () => {
    const quote = 'the host pays for lunch';
    const far = `${'P1: We talked about other things for a while.\n\n'.repeat(30)}P1: And the host buys for lunch.\n`;
    assert.ok(quote.length < MIN_WHOLE_BODY_QUOTE_LENGTH);
    assert.equal(fuzzyMatch(far, { start: 0, quote }), undefined);
    assert.equal(fuzzyMatch(far, { start: far.indexOf('the host') - 100, quote })?.text, 'the host buys for lunch');
  });

  it('reports astral characters whole when the match ends on one that changed', () => {
    const selector = { start: 0, quote: 'and everyone laughed at that 😀' };
    const body = 'and everyone laughed at that 😃 and we moved on';
    // Precondition: the raw search does offer a range ending between the halves of 😃.
    const raw = search(body, selector.quote, maxErrorsFor(selector.quote.length));
    assert.ok(raw.some((m) => hasLoneSurrogate(body.slice(m.start, m.end))));
    const found = fuzzyMatch(body, selector);
    assert.equal(found?.text, 'and everyone laughed at that 😃');
    assert.equal(found.similarity, 1 - 1 / selector.quote.length);
  });

  it('never splits a surrogate pair, whatever changed around astral characters', () => {
    const quote = '😀 the 𝒜-team met 😀 weekly 𝒜';
    const variants = ['😃 the 𝒜-team met 😃 weekly 𝒜', '😀 the 𝒝-team met 😀 weekly 𝒝', 'x😀 the 𝒜 team met 😀 weekly𝒜', '😀the 𝒜-team met 😀 weekly 𝒜😀'];
    for (const variant of variants) {
      const body = `Notes: 𝒜 ${variant} 😀 end`;
      const found = fuzzyMatch(body, { start: 9, quote });
      assert.ok(found, variant);
      assert.equal(hasLoneSurrogate(found.text), false, variant);
      assert.equal(body.slice(found.start, found.end), found.text);
    }
  });

  it('caps the errors searched for', () => {
    assert.equal(maxErrorsFor(8), 1);
    assert.equal(maxErrorsFor(10), 2);
    assert.equal(maxErrorsFor(100_000), MAX_FUZZY_ERRORS);
  });

  it('searches windows around each expected start, merged and clipped to the body', () => {
    const m = WINDOW_MARGIN;
    assert.deepEqual(searchWindows(10_000, 20, [1000]), [{ start: 1000 - m, end: 1020 + m }]);
    assert.deepEqual(searchWindows(10_000, 20, [5000, 1000, 1100]), [
      { start: 1000 - m, end: 1120 + m },
      { start: 5000 - m, end: 5020 + m },
    ]);
    assert.deepEqual(searchWindows(100, 20, [-50, 90]), [{ start: 0, end: 100 }]);
  });
});
