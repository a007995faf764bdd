import assert from 'node:assert/strict';
import { plainTextBody } from '../../../../src/core/import/plain-text';

describe('import: plain text and Markdown bodies', () => {
  it('turns on consecutive lines become paragraphs; a wrapped turn becomes one line; blank-line breaks stay', () => {
    const text = [
      'Interviewer: Could you say a bit about how the cluster',
      'got going in your area?',
      'SH03: We started with six practices around the Moray',
      'coast, and the quality lead was a salaried GP.',
      '',
      'After the first year the health board funded a facilitator.',
      'Interviewer: And the practice quality leads?',
    ].join('\n');
    assert.equal(plainTextBody(text), [
      'Interviewer: Could you say a bit about how the cluster got going in your area?',
      'SH03: We started with six practices around the Moray coast, and the quality lead was a salaried GP.',
      'After the first year the health board funded a facilitator.',
      'Interviewer: And the practice quality leads?',
    ].join('\n\n') + '\n');
  });

  it('reads CRLF, lone CR, form feeds and trailing spaces, and writes LF', () => {
    const body = plainTextBody('Interviewer: One.  \r\nP2: Two.\r\n\r\n\r\n\fP2: Three.\rStill three.\r\n');
    assert.equal(body, 'Interviewer: One.\n\nP2: Two.\n\nP2: Three. Still three.\n');
    assert.equal(body.includes('\r'), false);
  });

  it('drops separators at the top and escapes a first line that would look like front matter', () => {
    assert.equal(plainTextBody('---\n=====\n\nInterviewer: Hello.\n-----\nP1: Hi.\n'), 'Interviewer: Hello.\n\n-----\n\nP1: Hi.\n');
    assert.equal(plainTextBody('--- start of recording ---\nInterviewer: Hello.\n'), '\\--- start of recording ---\n\nInterviewer: Hello.\n');
  });

  it('joins a speaker heading (Name:, or Name  0:03) to the text under it', () => {
    assert.equal(plainTextBody('Interviewer:\n\nWhat about backfill?\n\nP4:\nThere was none.\n'), 'Interviewer: What about backfill?\n\nP4: There was none.\n');
    const otter = 'Speaker 1  0:03\nSo the locum money ran out.\n\nInterviewer  1:12:09\nWhen was that?\n';
    assert.equal(plainTextBody(otter), 'Speaker 1: So the locum money ran out.\n\nInterviewer: When was that?\n');
    assert.equal(plainTextBody(otter, { timestamps: 'keep' }), 'Speaker 1: [00:00:03] So the locum money ran out.\n\nInterviewer: [01:12:09] When was that?\n');
    // One space before an ordinary time is a sentence, not a heading.
    assert.equal(plainTextBody('We met at 10:30\nevery second Tuesday.\n'), 'We met at 10:30 every second Tuesday.\n');
  });

  it('in Markdown, keeps headings, lists, tables, quotes and fenced text line for line', () => {
    const md = [
      '# Field notes, cluster meeting',
      'Interviewer: Arrived late, meeting already going.',
      '- rapport good',
      '- phone rang',
      '  twice',
      '',
      '| practice | list size |',
      '|---|---|',
      '| Burnside | 6,200 |',
      '',
      '```',
      'raw',
      '',
      'notes',
      '```',
      '> quoted from the minutes',
      'P4: Backfill was',
      'the issue.',
    ].join('\n');
    assert.equal(plainTextBody(md, { markdown: true }), [
      '# Field notes, cluster meeting',
      'Interviewer: Arrived late, meeting already going.',
      '- rapport good\n- phone rang\n  twice',
      '| practice | list size |\n|---|---|\n| Burnside | 6,200 |',
      '```\nraw\n\nnotes\n```',
      '> quoted from the minutes',
      'P4: Backfill was the issue.',
    ].join('\n\n') + '\n');
  });

  it('keeps unicode and emoji as written', () => {
    assert.equal(plainTextBody('P5: Ça va 👍 — the Gàidhlig leaflet\nwas popular 🎉\n'), 'P5: Ça va 👍 — the Gàidhlig leaflet was popular 🎉\n');
  });

  it('is empty for text with no words', () => {
    assert.equal(plainTextBody('\n  \n---\n\n'), '');
  });
});
