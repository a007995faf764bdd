import assert from 'node:assert/strict';
import { readSubRip } from '../../../../src/core/import/subrip';
import { renderTurn } from '../../../../src/core/import/speaker-turns';

const body = (text: string, timestamps: 'drop' | 'keep' = 'drop') => readSubRip(text).turns.map((t) => renderTurn(t, timestamps));

const srt = `1
00:00:01,000 --> 00:00:03,500
Interviewer: Who chairs the cluster
meetings now?

2
00:00:04,000 --> 00:00:06,000
P3: The cluster quality lead,
<i>mostly</i>.

3
00:00:06,100 --> 00:00:09,000
{\\an8}But we rotate it & share the minutes.

10
00:01:02,250 --> 00:01:04,000
Interviewer: Thanks.
`;

describe('import: SubRip', () => {
  it('drops numbers, times and tags, and joins cues of one speaker (an unlabelled cue goes on with it)', () => {
    assert.deepEqual(body(srt), [
      'Interviewer: Who chairs the cluster meetings now?',
      'P3: The cluster quality lead, mostly. But we rotate it & share the minutes.',
      'Interviewer: Thanks.',
    ]);
  });

  it('keeps each turn’s start, to the second, when asked', () => {
    assert.deepEqual(body(srt, 'keep'), [
      'Interviewer: [00:00:01] Who chairs the cluster meetings now?',
      'P3: [00:00:04] The cluster quality lead, mostly. But we rotate it & share the minutes.',
      'Interviewer: [00:01:02] Thanks.',
    ]);
  });

  it('reads CRLF, a missing blank line between cues, and a blank line inside a cue', () => {
    const broken = '\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nP1: First\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nInterviewer: Second\r\n\r\nstill second\r\n\r\n3\r\n00:00:04,000 --> 00:00:05,000\r\nP1: Third\r\n';
    const read = readSubRip(broken);
    assert.deepEqual(read.turns.map((t) => renderTurn(t, 'drop')), ['P1: First', 'Interviewer: Second still second', 'P1: Third']);
    assert.deepEqual(read.notes, [{ line: 8, message: 'text after a blank line inside the cue of line 5 was kept with that cue' }]);
  });

  it('merges consecutive cues of the same speaker even when each is labelled', () => {
    const labelled = '1\n00:00:01,000 --> 00:00:02,000\nP5: We lost\n\n2\n00:00:02,000 --> 00:00:03,000\nP5: two partners 😔\n\n3\n00:00:03,000 --> 00:00:04,000\nP5: in a year.\n';
    assert.deepEqual(body(labelled), ['P5: We lost two partners 😔 in a year.']);
  });
});
