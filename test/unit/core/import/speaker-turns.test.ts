import assert from 'node:assert/strict';
import { formatTimestamp, parseClockTime, renderTurn, speakerLabel, startsTurn } from '../../../../src/core/import/speaker-turns';

describe('import: speaker turns', () => {
  it('reads the labels transcripts use, and not sentences, links or times', () => {
    assert.deepEqual(speakerLabel('Interviewer: How did the cluster start?'), { speaker: 'Interviewer', rest: 'How did the cluster start?' });
    assert.deepEqual(speakerLabel('SH07: Aye.'), { speaker: 'SH07', rest: 'Aye.' });
    assert.deepEqual(speakerLabel('Dr Morag Reid: We met monthly.'), { speaker: 'Dr Morag Reid', rest: 'We met monthly.' });
    assert.deepEqual(speakerLabel('Q:'), { speaker: 'Q', rest: '' });
    assert.deepEqual(speakerLabel('Seán Ó Briain: Fine.'), { speaker: 'Seán Ó Briain', rest: 'Fine.' });
    for (const line of ['and the point was: nobody asked', 'See https://example.org', 'We met at 10:30 on Tuesdays', 'The thing I would say to the board: fund it', 'interviewer: lower case']) {
      assert.equal(speakerLabel(line), undefined, line);
    }
  });

  it('sees a turn behind a written time, and reads clock times', () => {
    assert.equal(startsTurn('[00:01:23] P3: We rotate the chair.'), true);
    assert.equal(startsTurn('(01:23) Interviewer: Go on.'), true);
    assert.equal(startsTurn('[00:01:23] and then we stopped'), false);
    assert.equal(parseClockTime('0:03'), 3000);
    assert.equal(parseClockTime('[01:02:03]'), 3723000);
    assert.equal(parseClockTime('00:01:23,450'), 83450);
    assert.equal(parseClockTime('12:75'), undefined);
    assert.equal(parseClockTime('the 12th'), undefined);
  });

  it('renders a kept time after the speaker, so the paragraph still begins Name:', () => {
    assert.equal(formatTimestamp(83999), '[00:01:23]');
    assert.equal(formatTimestamp(3723000), '[01:02:03]');
    assert.equal(renderTurn({ speaker: 'P3', startMs: 83450, text: 'We rotate.' }, 'keep'), 'P3: [00:01:23] We rotate.');
    assert.equal(renderTurn({ speaker: 'P3', startMs: 83450, text: 'We rotate.' }, 'drop'), 'P3: We rotate.');
    assert.equal(renderTurn({ startMs: 5000, text: 'Unlabelled.' }, 'keep'), '[00:00:05] Unlabelled.');
  });
});
