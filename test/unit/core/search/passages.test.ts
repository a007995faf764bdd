import assert from 'node:assert/strict';
import { splitPassages, type Passage } from '../../../../src/core/search';
import { documentText, loadStudy, P3_2016_BODY, P7_NOTES_BODY, readDocument } from './gp-cluster-corpus';

/** Each passage as written, with its speaker and the words after the label. */
function read(body: string, passages: readonly Passage[]) {
  return passages.map((p) => ({ text: body.slice(p.start, p.end), speaker: p.speaker, words: body.slice(p.textStart, p.end) }));
}

describe('search passages: what one hit is', () => {
  it('are the paragraphs between blank lines, speakers named by their `Name:` label', () => {
    const passages = splitPassages(P3_2016_BODY);
    assert.deepEqual(read(P3_2016_BODY, passages), [
      {
        text: 'Interviewer: How did the practices in the cluster find cover for the meetings?',
        speaker: 'Interviewer',
        words: 'How did the practices in the cluster find cover for the meetings?',
      },
      {
        text: 'P3: Locum cover, mostly. We paid the locums out of practice income, and one afternoon of a locum costs more than some partners think the meeting is worth.',
        speaker: 'P3',
        words: 'Locum cover, mostly. We paid the locums out of practice income, and one afternoon of a locum costs more than some partners think the meeting is worth.',
      },
      { text: 'Interviewer: Was there protected time for cluster work?', speaker: 'Interviewer', words: 'Was there protected time for cluster work?' },
      {
        text: 'P3: Protected time was promised, but without backfill the waiting list grows while we sit in a room.',
        speaker: 'P3',
        words: 'Protected time was promised, but without backfill the waiting list grows while we sit in a room.',
      },
      {
        text: 'P3: The board did find some funding in the spring. It went on a facilitator, not on cover.',
        speaker: 'P3',
        words: 'The board did find some funding in the spring. It went on a facilitator, not on cover.',
      },
    ]);
  });

  it('have exact body offsets: start at the label, words after `Name: `, end before the blank line', () => {
    const body = 'Interviewer: Any cover?\n\nSH01:   Rarely.\n';
    assert.deepEqual(splitPassages(body), [
      { start: 0, end: 23, textStart: 13, speaker: 'Interviewer' },
      { start: 25, end: 40, textStart: 33, speaker: 'SH01' },
    ]);
    assert.equal(body.slice(33, 40), 'Rarely.');
  });

  it('keep a paragraph of several lines together (a single line break does not split)', () => {
    const body = 'P3: We asked for backfill\nand got a leaflet.\n\nInterviewer: Right.';
    const [first, second] = splitPassages(body);
    assert.equal(body.slice(first.start, first.end), 'P3: We asked for backfill\nand got a leaflet.');
    assert.equal(second.speaker, 'Interviewer');
  });

  it('take blank lines holding spaces or tabs, and runs of blank lines, as one break; white space around a paragraph is not part of it', () => {
    const body = '\n\n  First paragraph about locums.  \n \t \n\n\n\tSecond about rotas.\t\n\n';
    assert.deepEqual(
      splitPassages(body).map((p) => body.slice(p.start, p.end)),
      ['First paragraph about locums.', 'Second about rotas.'],
    );
  });

  it('are none for an empty or blank body', () => {
    assert.deepEqual(splitPassages(''), []);
    assert.deepEqual(splitPassages('\n \n\t\n'), []);
  });

  it('do not read `https://`, a time or a long sentence ending in a colon as a speaker', () => {
    const body = [
      'https://example.org/clusters was the board page.',
      'At 10:30 the locum arrived.',
      'What the cluster leads told us in every board was this: cover first.',
      'Note that:\nnothing follows on the line.',
    ].join('\n\n');
    assert.deepEqual(
      splitPassages(body).map((p) => [p.speaker, p.textStart === p.start]),
      [
        [undefined, true],
        [undefined, true],
        [undefined, true],
        [undefined, true],
      ],
    );
  });

  it('read short names with spaces, dots and digits as speakers: `Dr Rao:`, `P3:`, `SH01:`, `GP 2:`', () => {
    const body = 'Dr Rao: Yes.\n\nP3: No.\n\nSH01: Maybe.\n\nGP 2: Later.\n\nMs. O’Neill: Never.';
    assert.deepEqual(
      splitPassages(body).map((p) => p.speaker),
      ['Dr Rao', 'P3', 'SH01', 'GP 2', 'Ms. O’Neill'],
    );
  });

  it('of the loader: the notes paragraph with a URL is not a turn', async () => {
    const study = await loadStudy();
    const body = study.doc('transcripts/2016/notes-P7.md').body;
    assert.equal(body, P7_NOTES_BODY);
    const passages = splitPassages(body);
    assert.equal(passages.length, 3);
    assert.ok(passages.every((p) => p.speaker === undefined));
    assert.equal(body.slice(passages[1].start, passages[1].end), "The practice manager showed me the rota; see https://example.org/rota for the board's template.");
  });

  it('of a CRLF file are counted in the loader’s LF body, so offsets agree with a Linux checkout', () => {
    const body = 'Interviewer: Who does the rota?\n\nP3: The practice manager, on a Sunday.\n';
    const lf = readDocument('lf.md', documentText('wave: "2016"', body));
    const crlf = readDocument('crlf.md', documentText('wave: "2016"', body, [], '\r\n'));
    assert.equal(crlf.body, body);
    assert.deepEqual(splitPassages(crlf.body), splitPassages(lf.body));
    const [, turn] = splitPassages(crlf.body);
    assert.deepEqual(turn, { start: 33, end: 71, textStart: 37, speaker: 'P3' });
    assert.equal(crlf.body.slice(turn.textStart, turn.end), 'The practice manager, on a Sunday.');
  });
});
