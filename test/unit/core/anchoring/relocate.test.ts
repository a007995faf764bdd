import assert from 'node:assert/strict';
import { occurrences, relocate } from '../../../../src/core/anchoring/relocate';
import { edit, selectorFor, TRANSCRIPT } from './transcript';

describe('relocate', () => {
  const quote = 'the protected time will quietly get eaten by clinical work';

  it('finds the quote where it moved after text was inserted before it', () => {
    const selector = selectorFor(TRANSCRIPT, quote);
    const inserted = 'Interviewer: (Recording resumed after a break.)\n\n';
    const body = edit(TRANSCRIPT, 'Interviewer: What has worked well?', inserted + 'Interviewer: What has worked well?');
    assert.deepEqual(relocate(body, selector), {
      method: 'relocated',
      start: selector.start + inserted.length,
      end: selector.start + inserted.length + quote.length,
      text: quote,
      similarity: 1,
    });
  });

  it('keeps to the coded occurrence when the researcher pastes the same words earlier', () => {
    const selector = selectorFor(TRANSCRIPT, quote);
    // A note pasted near the top quotes the same sentence; the coded one moves further away
    // than the note is from where it used to be, so only the context tells them apart.
    const note = `[Note: compare P4 - ${quote}. See also P2 on backfill and the workload theme.]\n\n`;
    const body = edit(TRANSCRIPT, 'Interviewer: What has worked well?', note + 'Interviewer: What has worked well?');
    const found = relocate(body, selector);
    assert.equal(found?.start, selector.start + note.length);
    assert.ok(Math.abs(body.indexOf(quote) - selector.start) < note.length, 'the pasted copy is nearer the old start');
  });

  it('lets the context decide between two identical answers', () => {
    const body = 'Interviewer: Is funding the problem?\n\nP1: Yes, I agree.\n\nInterviewer: Do the practices trust each other?\n\nP1: Yes, I agree.\n';
    const selector = selectorFor(body, 'Yes, I agree.', 1);
    // Text inserted at the top moves both answers; the first one now sits nearer the old start.
    const inserted = 'Interviewer: Recording started late. '.repeat(3);
    const edited = inserted + body;
    assert.ok(Math.abs(edited.indexOf('Yes, I agree.') - selector.start) < inserted.length);
    assert.equal(relocate(edited, selector)?.start, selector.start + inserted.length);
  });

  it('takes the nearer of two occurrences with the same context', () => {
    const body = 'A: Yes.\n'.repeat(5);
    const selector = { start: 20, quote: 'Yes.', prefix: 'A: ', suffix: '\nA: ' };
    assert.equal(relocate(body, selector)?.start, 19);
  });

  it('gives nothing when the quote is no longer in the body', () => {
    const selector = selectorFor(TRANSCRIPT, quote);
    assert.equal(relocate(edit(TRANSCRIPT, quote, 'cover is hard to find'), selector), undefined);
  });

  it('lists every occurrence, overlapping ones included', () => {
    assert.deepEqual(occurrences('aaa', 'aa'), [0, 1]);
    assert.deepEqual(occurrences('abc', 'x'), []);
    assert.deepEqual(occurrences('abc', ''), []);
  });
});
