import assert from 'node:assert/strict';
import { readWebVtt, vttSegments } from '../../../../src/core/import/webvtt';
import { renderTurn } from '../../../../src/core/import/speaker-turns';

const body = (text: string, timestamps: 'drop' | 'keep' = 'drop') => readWebVtt(text).turns.map((t) => renderTurn(t, timestamps));

// A Teams-style recording: voice tags, cue ids, multi-line cues, a NOTE and a STYLE block.
const teams = `WEBVTT
Kind: captions
Language: en-GB

NOTE
Synthetic interview, cluster quality lead.

STYLE
::cue { color: yellow }

a1b2c3/12-0
00:00:01.000 --> 00:00:04.200 align:start position:10%
<v Interviewer>How did the cluster first
come together?</v>

a1b2c3/13-0
00:00:04.700 --> 00:00:08.000
<v.loud SH07>Honestly, it was the winter &amp; the
<c.yellow>locum</c> shortage.</v>

a1b2c3/14-0
00:00:08.100 --> 00:00:11.000
<v SH07>We had no analyst <00:00:09.500>at all.</v>

00:01:23.900 --> 00:01:25.000
<v Interviewer>Right.</v>
`;

describe('import: WebVTT', () => {
  it('makes voice tags speakers and joins consecutive cues of one speaker into a turn', () => {
    assert.deepEqual(body(teams), [
      'Interviewer: How did the cluster first come together?',
      'SH07: Honestly, it was the winter & the locum shortage. We had no analyst at all.',
      'Interviewer: Right.',
    ]);
  });

  it('keeps each turn’s start as [hh:mm:ss] when asked', () => {
    assert.deepEqual(body(teams, 'keep'), [
      'Interviewer: [00:00:01] How did the cluster first come together?',
      'SH07: [00:00:04] Honestly, it was the winter & the locum shortage. We had no analyst at all.',
      'Interviewer: [00:01:23] Right.',
    ]);
  });

  it('reads Zoom-style Name: labels, hours-less times and a cue with two voices', () => {
    const zoom = 'WEBVTT\n\n1\n00:05.000 --> 00:07.500\nPractice manager: We pooled the\nlink worker budget.\n\n2\n00:07.600 --> 00:09.000\nInterviewer: Across all six?\nPractice manager: Aye, all six.\n\n3\n00:09.100 --> 00:10.000\n<v Interviewer>Thanks.</v><v P2>No bother.\n';
    assert.deepEqual(body(zoom, 'keep'), [
      'Practice manager: [00:00:05] We pooled the link worker budget.',
      'Interviewer: [00:00:07] Across all six?',
      'Practice manager: [00:00:07] Aye, all six.',
      'Interviewer: [00:00:09] Thanks.',
      'P2: [00:00:09] No bother.',
    ]);
  });

  it('lets an unlabelled cue go on with the speaker before it', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v P6>We tried a shared\n\n00:00:02.000 --> 00:00:03.000\npharmacist post.\n\n00:00:03.500 --> 00:00:04.000\n<v Interviewer>Did it last?\n';
    assert.deepEqual(body(vtt), ['P6: We tried a shared pharmacist post.', 'Interviewer: Did it last?']);
  });

  it('without any speaker, starts a paragraph after a pause of two seconds', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThe cluster met\n\n00:00:02.100 --> 00:00:03.000\nin the health centre.\n\n00:00:06.000 --> 00:00:07.000\nLater it moved online.\n';
    assert.deepEqual(body(vtt), ['The cluster met in the health centre.', 'Later it moved online.']);
  });

  it('reads CRLF, decodes references, and reports a cue whose times cannot be read', () => {
    const vtt = 'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v P1>Fish &amp; chips &lt;3 &#x1F600;&nbsp;ok</v>\r\n\r\n00:00:xx --> 00:00:03.000\r\n<v P1>lost\r\n\r\n00:00:04.000 --> 00:00:05.000\r\n<v P1>found\r\n';
    const read = readWebVtt(vtt);
    assert.deepEqual(read.turns.map((t) => renderTurn(t, 'drop')), ['P1: Fish & chips <3 😀\u00a0ok found']);
    assert.deepEqual(read.notes, [{ line: 6, message: 'cannot read the cue times "00:00:xx --> 00:00:03.000"; this cue was left out' }]);
  });

  it('splits a payload into voices and labels', () => {
    assert.deepEqual(vttSegments('<v Interviewer>Go on.</v> <v Dr Reid>So'), [{ speaker: 'Interviewer', text: 'Go on.' }, { speaker: 'Dr Reid', text: 'So' }]);
    assert.deepEqual(vttSegments('no speaker <i>here</i>'), [{ text: 'no speaker here' }]);
  });
});
