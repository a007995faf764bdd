import assert from 'node:assert/strict';
import { anchorAll, anchorQuote } from '../../../../src/core/anchoring/anchor';
import type { AnchorResult } from '../../../../src/core/anchoring/types';
import { normaliseLineEndings } from '../../../../src/core/text/positions';
import { edit, hasLoneSurrogate, selectorFor, TRANSCRIPT } from './transcript';

const LOCUM = "If there isn't a locum to cover the surgery, the protected time will quietly get eaten by clinical work";
const JUDGED = 'we will be judged on admissions before anyone has had time to change anything';

describe('anchorQuote', () => {
  it('finds an annotation exactly where it was when the text is unchanged', () => {
    const selector = selectorFor(TRANSCRIPT, LOCUM);
    assert.deepEqual(anchorQuote(TRANSCRIPT, selector), {
      method: 'exact', start: selector.start, end: selector.start + LOCUM.length, text: LOCUM, similarity: 1,
    });
  });

  it('moves an annotation on when the researcher inserts text before it', () => {
    const selector = selectorFor(TRANSCRIPT, LOCUM);
    const note = '[Interviewee pauses; phone rings.] ';
    const body = edit(TRANSCRIPT, 'P1: Honestly', `P1: ${note}Honestly`);
    const found = anchorQuote(body, selector);
    assert.equal(found.method, 'relocated');
    assert.equal(found.start, selector.start + note.length);
  });

  it('follows a typo fixed inside the quote, and reports the new wording', () => {
    const typo = TRANSCRIPT.replace('quietly', 'quitely');
    const selector = selectorFor(typo, LOCUM.replace('quietly', 'quitely'));
    const found = anchorQuote(TRANSCRIPT, selector);
    assert.equal(found.method, 'fuzzy');
    assert.ok(found.similarity < 1);
    assert.equal(found.text, LOCUM);
    assert.equal(found.start, TRANSCRIPT.indexOf(LOCUM));
  });

  it('follows a typo introduced inside the quote', () => {
    const selector = selectorFor(TRANSCRIPT, JUDGED);
    const found = anchorQuote(TRANSCRIPT.replace('admissions', 'admisions'), selector);
    assert.equal(found.method, 'fuzzy');
    assert.equal(found.text, JUDGED.replace('admissions', 'admisions'));
  });

  it('keeps to the coded passage when the same words are pasted in earlier', () => {
    const selector = selectorFor(TRANSCRIPT, JUDGED);
    const memo = `Interviewer: Summary so far: ${JUDGED}, she says, and the data is patchy.\n\n`;
    const body = edit(TRANSCRIPT, 'Interviewer: And what worries you?', memo + 'Interviewer: And what worries you?');
    const found = anchorQuote(body, selector);
    assert.equal(found.method, 'relocated');
    assert.equal(found.start, selector.start + memo.length);
  });

  it('lets the context decide between two identical answers', () => {
    const body = 'Interviewer: Is funding the problem?\n\nP1: Yes, I agree, it is.\n\nInterviewer: Do the practices trust each other?\n\nP1: Yes, I agree, it is.\n';
    const first = selectorFor(body, 'Yes, I agree, it is.', 0);
    const second = selectorFor(body, 'Yes, I agree, it is.', 1);
    const edited = `Interviewer: Recording started late.\n\n${body}`;
    const shift = 'Interviewer: Recording started late.\n\n'.length;
    assert.equal(startOf(anchorQuote(edited, first)), first.start + shift);
    assert.equal(startOf(anchorQuote(edited, second)), second.start + shift);
  });

  it('orphans an annotation whose quote was deleted', () => {
    const selector = selectorFor(TRANSCRIPT, LOCUM);
    const body = edit(TRANSCRIPT, `${LOCUM}, and nobody`, 'And nobody');
    assert.deepEqual(anchorQuote(body, selector), { method: 'orphan' });
  });

  it('orphans an annotation whose passage was rewritten beyond recognition', () => {
    const selector = selectorFor(TRANSCRIPT, JUDGED);
    const body = edit(TRANSCRIPT, JUDGED, 'nobody has yet said what a good cluster would look like in five years');
    assert.deepEqual(anchorQuote(body, selector), { method: 'orphan' });
  });

  it('anchors exactly on a CRLF file once the caller normalises its line endings', () => {
    // Coded on a Linux checkout; the quote spans a line break.
    const quote = 'worked well?\n\nP1: Honestly';
    const selector = selectorFor(TRANSCRIPT, quote);
    const windowsCheckout = TRANSCRIPT.replace(/\n/g, '\r\n');
    const found = anchorQuote(normaliseLineEndings(windowsCheckout), selector);
    assert.deepEqual(found, { method: 'exact', start: selector.start, end: selector.start + quote.length, text: quote, similarity: 1 });
  });

  it('counts offsets in UTF-16 code units with astral characters before and inside the quote', () => {
    const body = 'P2: The 𝒜-list practices 😀 always come.\n\nP2: The 𝒜-team met 😀 weekly, at first.';
    const quote = 'the 𝒜-team met 😀 weekly';
    const selector = selectorFor(body.replace('The 𝒜-team', 'the 𝒜-team'), quote);
    const exact = anchorQuote(body.replace('The 𝒜-team', 'the 𝒜-team'), selector);
    assert.equal(exact.method, 'exact');
    // Two more astral characters (four code units) and a space inserted before it.
    const relocated = anchorQuote(`😀😀 ${body.replace('The 𝒜-team', 'the 𝒜-team')}`, selector);
    assert.equal(startOf(relocated), selector.start + 5);
    // And the capital restored: a fuzzy match, still on whole characters.
    const fuzzy = anchorQuote(`😀😀 ${body}`, selector);
    assert.equal(fuzzy.method, 'fuzzy');
    assert.equal(fuzzy.text, 'The 𝒜-team met 😀 weekly');
    assert.equal(hasLoneSurrogate(fuzzy.text), false);
  });

  it('finds a very short quote only exactly', () => {
    const body = 'Interviewer: Would you do it again?\n\nP1: Yes.\n\nInterviewer: Why?';
    const selector = selectorFor(body, 'Yes.');
    assert.equal(anchorQuote(body, selector).method, 'exact');
    assert.equal(startOf(anchorQuote(`[Tape 2]\n${body}`, selector)), selector.start + 9);
    assert.deepEqual(anchorQuote(body.replace('Yes.', 'Yeah.'), selector), { method: 'orphan' });
  });

  it('finds quotes at the very start and the very end of the body', () => {
    const opening = selectorFor(TRANSCRIPT, 'Interviewer: Thanks for joining me.');
    const closing = selectorFor(TRANSCRIPT, 'had time to change anything.');
    assert.equal(opening.start, 0);
    assert.equal(closing.start + closing.quote.length, TRANSCRIPT.length);
    assert.equal(anchorQuote(TRANSCRIPT, opening).method, 'exact');
    assert.equal(anchorQuote(TRANSCRIPT, closing).method, 'exact');
    const edited = edit(TRANSCRIPT, 'Thanks for', 'Thank you for').replace(/anything\.$/, 'anythin.');
    assert.deepEqual(pick(anchorQuote(edited, opening)), { method: 'fuzzy', start: 0, text: 'Interviewer: Thank you for joining me.' });
    assert.deepEqual(pick(anchorQuote(edited, closing)), { method: 'fuzzy', start: closing.start + 3, text: 'had time to change anythin.' });
  });

  it('does not take a negative or fractional start as exact', () => {
    // String#startsWith would read -5 as 0 and 0.5 as 0.
    assert.equal(anchorQuote(TRANSCRIPT, { start: -5, quote: 'Interviewer' }).method, 'relocated');
    assert.equal(anchorQuote(TRANSCRIPT, { start: 0.5, quote: 'Interviewer' }).method, 'relocated');
  });

  it('orphans an empty quote', () => {
    assert.deepEqual(anchorQuote(TRANSCRIPT, { start: 0, quote: '' }), { method: 'orphan' });
  });
});

describe('anchorAll', () => {
  it('gives, in order, what anchorQuote gives for each annotation', () => {
    const selectors = [LOCUM, JUDGED, 'the practices take turns to host', 'Interviewer: What has worked well?', 'describing your role'].map((quote) => selectorFor(TRANSCRIPT, quote));
    const body = edit(TRANSCRIPT, 'I lead the cluster', 'I lead the new cluster')
      .replace('quietly', 'quitely')
      .replace(JUDGED, 'nobody has yet said what a good cluster would look like in five years');
    const results = anchorAll(body, selectors);
    assert.deepEqual(results, selectors.map((selector) => anchorQuote(body, selector)));
    assert.deepEqual(results.map((r) => r.method), ['fuzzy', 'orphan', 'relocated', 'relocated', 'exact']);
  });

  it('keeps a long transcript with many annotations exact, and moves them all alike after an insertion', () => {
    const turns = Array.from({ length: 400 }, (_, i) => `P${i % 7}: In meeting ${i} we discussed item ${(i * 37) % 101} and agreed on point ${i}. The notes went round afterwards, and nobody objected to them.`);
    const body = turns.join('\n\n');
    const selectors = turns.filter((_, i) => i % 2 === 0).map((turn) => selectorFor(body, turn.slice(4)));
    assert.ok(body.length > 50_000 && selectors.length === 200);
    const unchanged = anchorAll(body, selectors);
    assert.ok(unchanged.every((r, i) => r.method === 'exact' && r.start === selectors[i]!.start));
    const inserted = anchorAll(`Interviewer: Welcome.\n\n${body}`, selectors);
    assert.ok(inserted.every((r, i) => r.method === 'relocated' && r.start === selectors[i]!.start + 23));
  });

  it('looks for an edited annotation where its neighbours moved to', () => {
    // Coded twice; then a long passage is transcribed at the top and a word in the second quote
    // corrected. The second quote is too short to be searched for across the whole body, and
    // it moved further than the window around its old start.
    const selectors = [selectorFor(TRANSCRIPT, LOCUM), selectorFor(TRANSCRIPT, 'judged on admissions')];
    const preamble = 'Interviewer: Before we start, a note on consent. '.repeat(12) + '\n\n';
    const body = preamble + TRANSCRIPT.replace('judged on admissions', 'judged on admission');
    assert.deepEqual(anchorQuote(body, selectors[1]!), { method: 'orphan' });
    const [first, second] = anchorAll(body, selectors);
    assert.equal(startOf(first!), selectors[0]!.start + preamble.length);
    assert.deepEqual(pick(second!), { method: 'fuzzy', start: selectors[1]!.start + preamble.length, text: 'judged on admission' });
    // A caller that knows how much the body grew gets the same from anchorQuote.
    assert.deepEqual(anchorQuote(body, selectors[1]!, { lengthDelta: body.length - TRANSCRIPT.length }), second);
  });

  it('returns nothing for no annotations', () => {
    assert.deepEqual(anchorAll(TRANSCRIPT, []), []);
  });
});

function startOf(result: AnchorResult): number | undefined {
  return result.method === 'orphan' ? undefined : result.start;
}

function pick(result: AnchorResult): Partial<{ method: string; start: number; text: string }> {
  return result.method === 'orphan' ? { method: 'orphan' } : { method: result.method, start: result.start, text: result.text };
}

