import assert from 'node:assert/strict';
import type { SearchHit, SearchOptions } from '../../../../src/core/search';
import { indexOfBodies, loadStudy, offsetOf, P3_2016_BODY, type Study } from './gp-cluster-corpus';

const P3_2016 = 'transcripts/2016/P3.md';
const P3_2021 = 'transcripts/2021/P3.md';
const SH01 = 'transcripts/2021/SH01.md';
const P7_NOTES = 'transcripts/2016/notes-P7.md';

/** Each hit as `path: first words of the passage`. */
function where(hits: readonly SearchHit[]): string[] {
  return hits.map((h) => `${h.file}: ${h.text.slice(0, 30)}`);
}

/** How {@link where} shows a hit of `path` whose passage begins with `text`. */
function at(path: string, text: string): string {
  return `${path}: ${text.slice(0, 30)}`;
}

/** The text each hit's highlights cover, read from the document's body. */
function highlighted(study: Study, hit: SearchHit): string[] {
  const body = study.doc(hit.file).body;
  return hit.matches.map(([s, e]) => body.slice(s, e));
}

describe('search index: finding passages', () => {
  let study: Study;
  before(async () => {
    study = await loadStudy();
  });
  const search = (query: string, options: SearchOptions = {}) => study.index.search(query, options);

  it('finds every passage holding the word, ignoring case, and only whole words (not `locums`)', () => {
    const result = search('LOCUM');
    assert.deepEqual(where(result.hits).sort(), [
      at(P7_NOTES, 'She said the workforce is "str'),
      at(P3_2016, 'P3: Locum cover, mostly. We pa'),
      at(P3_2021, 'Interviewer: And locum cover?'),
    ].sort());
    assert.equal(result.total, 3);
    assert.deepEqual(result.terms, ['locum']);
  });

  it('gives each hit its document, case, attributes, speaker and exact passage offsets', () => {
    const hit = search('facilitator').hits[0];
    const start = offsetOf(P3_2016_BODY, 'P3: The board did find');
    const end = offsetOf(P3_2016_BODY, 'not on cover.') + 'not on cover.'.length;
    assert.deepEqual(
      { ...hit, attributes: { ...hit.attributes }, score: typeof hit.score },
      {
        file: P3_2016,
        case: 'P3',
        attributes: { wave: '2016', role: 'GP cluster lead' },
        start,
        end,
        textStart: start + 4,
        speaker: 'P3',
        text: P3_2016_BODY.slice(start, end),
        score: 'number',
        matches: [[offsetOf(P3_2016_BODY, 'facilitator'), offsetOf(P3_2016_BODY, 'facilitator') + 'facilitator'.length]],
        codes: ['funding'],
      },
    );
    assert.ok(hit.score > 0);
  });

  it('leaves out the speaker of a passage that is not a turn, and the case of a file without `case:` is its name', () => {
    const [note] = search('Inverness').hits;
    assert.equal(note.file, P7_NOTES);
    assert.equal(note.speaker, undefined);
    assert.equal(note.textStart, note.start);
    assert.equal(search('frankly').hits[0].case, 'SH01');
  });

  it('does not search the speaker’s label as a word of the passage', () => {
    assert.deepEqual(search('interviewer').hits, []);
    assert.deepEqual(search('sh01').hits, []);
  });

  it('highlights every occurrence of the word in the passage, as written', () => {
    const [hit] = search('locum', { codes: ['locum-cover'] }).hits;
    assert.deepEqual(highlighted(study, hit), ['Locum', 'locum']);
  });

  it('needs every word (AND), in any order', () => {
    assert.deepEqual(where(search('board funding').hits).sort(), [at(P3_2016, 'P3: The board did find some fund'), at(SH01, 'SH01: Funding followed the qual')].sort());
    assert.deepEqual(search('funding locum').hits, []);
    assert.equal(search('funding locum').total, 0);
  });

  it('finds nothing when one of the words is found nowhere and has no near spelling', () => {
    assert.deepEqual(search('locum zeppelin').hits, []);
  });

  it('finds an exact phrase with its stop words ("out of hours") and highlights the phrase, not its words elsewhere', () => {
    const result = search('"out of hours"');
    assert.deepEqual(where(result.hits), [at(P3_2021, 'P3: Out of hours is the worst o')]);
    assert.deepEqual(highlighted(study, result.hits[0]), ['Out of hours', 'out of hours']);
    assert.deepEqual(result.terms, ['hours']);
    // The stakeholder speaks of "the hours of the cluster lead": the word, not the phrase.
    assert.equal(search('hours').total, 2);
  });

  it('finds no phrase whose words are in the passage but not side by side, in that order', () => {
    assert.equal(search('rates locums').total, 1);
    assert.deepEqual(search('"rates locums"').hits, []);
    assert.deepEqual(search('"locums doubled"').hits, []);
    assert.deepEqual(where(search('"the rates doubled"').hits), [at(P3_2021, 'P3: Locums are scarce and the r')]);
  });

  it('reads a hyphenated word as a phrase: `part-time` finds "part-time", not "part" and "time" apart', () => {
    assert.deepEqual(where(search('part-time').hits), [at(P3_2021, 'P3: Tired. Burnout is everywher')]);
    assert.deepEqual(highlighted(study, search('part-time').hits[0]), ['part-time']);
  });

  it('leaves out passages with a `-word`', () => {
    assert.deepEqual(where(search('cover').hits).length, 4);
    assert.deepEqual(where(search('cover -locum').hits).sort(), [at(P3_2016, 'Interviewer: How did the practi'), at(P3_2016, 'P3: The board did find some fund')].sort());
  });

  it('leaves out passages with a `-"phrase"`, but not those that only have its words apart', () => {
    assert.deepEqual(where(search('practices -"protected time"').hits).sort(), [at(P3_2016, 'Interviewer: How did the practi'), at(SH01, 'SH01: We expected clusters to s')].sort());
    // The stakeholder's "hours of the cluster lead" has the word `hours` but not the phrase.
    assert.deepEqual(where(search('hours -"out of hours"').hits), [at(SH01, 'SH01: In some boards the hours')]);
  });

  it('reads `word*` as a prefix: `locum*` finds locum and locums, the word itself ranked above its completions', () => {
    const { index } = indexOfBodies({ 'a.md': 'P1: We booked locums.', 'b.md': 'P2: We booked locum.' });
    const result = index.search('locum*');
    assert.deepEqual(result.hits.map((h) => h.file), ['b.md', 'a.md']);
    assert.equal(search('locum*').total, 4);
    const scarce = search('locum*').hits.find((h) => h.file === P3_2021 && h.text.includes('scarce'))!;
    assert.deepEqual(highlighted(study, scarce), ['Locums']);
  });

  it('reads the last word typed as a prefix with `prefixLast` (results as you type), and only then', () => {
    assert.deepEqual(search('protected ti').hits, []);
    const typed = search('protected ti', { prefixLast: true });
    assert.equal(typed.total, 3);
    assert.ok(typed.hits.every((h) => highlighted(study, h).some((w) => w.toLowerCase() === 'time')));
    assert.equal(search('backf', { prefixLast: true }).total, 3, 'backfill twice and backfilled once');
  });

  it('lets a word found nowhere match words one or two edits away (a typo), and not with `fuzzy: false`', () => {
    assert.deepEqual(where(search('workforse').hits).sort(), [at(P7_NOTES, 'She said the workforce is "str'), at(SH01, 'SH01: We expected clusters to s')].sort());
    assert.deepEqual(search('workforse', { fuzzy: false }).hits, []);
    // Two edits for a word of eight letters or more; one up to seven.
    assert.equal(search('wrkforse').total, 2);
    assert.equal(search('fundng').total, 2);
    assert.equal(search('fndng').total, 0);
  });

  it('does not look for near spellings of a word that is in the corpus (`locum` does not find `locums`)', () => {
    assert.ok(search('locum').hits.every((h) => !h.text.includes('Locums are scarce')));
  });

  it('does not look for near spellings of a short word (three letters or fewer)', () => {
    assert.deepEqual(search('rot').hits, []);
  });

  it('says when the query has only common words, only words to leave out, or a phrase of common words', () => {
    assert.deepEqual(search('the of and'), { query: 'the of and', hits: [], total: 0, terms: [], notes: ['only common words; nothing was searched'] });
    assert.deepEqual(search('-locum').notes, ['only words to leave out: say what to search for too']);
    assert.deepEqual(search('"out of"').notes, ['"out of" has only common words; it was not searched']);
    assert.deepEqual(search('"out of" backfill').notes, ['"out of" has only common words; it was not searched']);
    assert.equal(search('"out of" backfill').total, 2);
    assert.deepEqual(search(''), { query: '', hits: [], total: 0, terms: [], notes: [] });
    assert.deepEqual(search('   ').notes, []);
  });

  it('reports the words searched: stop words dropped, a phrase’s indexed words kept', () => {
    assert.deepEqual(search('the Locum "out of hours" -money').terms, ['locum', 'hours']);
  });

  it('returns the `limit` best hits and counts them all in `total`', () => {
    const all = search('practices');
    assert.equal(all.total, 3);
    const one = search('practices', { limit: 1 });
    assert.equal(one.total, 3);
    assert.deepEqual(one.hits, all.hits.slice(0, 1));
    assert.deepEqual(search('practices', { limit: 0 }).hits, []);
    assert.equal(search('practices', { limit: 0 }).total, 3);
  });
});

describe('search index: ranking', () => {
  it('puts a short passage saying the word twice above a long one saying it once', () => {
    const { index } = indexOfBodies({
      'a.md':
        'P1: We talked about rotas, the new premises, the pharmacist, the link worker, the practice nurse and the physiotherapist, and then near the end somebody mentioned backfill for the meetings.',
      'b.md': 'P2: Backfill, backfill: that is all we asked for.',
    });
    const result = index.search('backfill');
    assert.deepEqual(result.hits.map((h) => h.file), ['b.md', 'a.md']);
    assert.ok(result.hits[0].score > result.hits[1].score);
  });

  it('weighs a rare word more than a common one', () => {
    const { index } = indexOfBodies({
      'common-twice.md': 'P1: Practice practice premises.',
      'rare-twice.md': 'P2: Practice premises premises.',
      'z1.md': 'P3: The practice again.',
      'z2.md': 'P4: Another practice.',
      'z3.md': 'P5: Practice, always practice.',
    });
    assert.deepEqual(
      index.search('practice premises').hits.map((h) => h.file),
      ['rare-twice.md', 'common-twice.md'],
    );
  });

  it('orders equal scores by path, then position', () => {
    const { index } = indexOfBodies({
      'b.md': 'P1: Burnout again.\n\nP1: Burnout again.',
      'a.md': 'P2: Burnout again.',
    });
    const hits = index.search('burnout').hits;
    assert.deepEqual(
      hits.map((h) => [h.file, h.start]),
      [
        ['a.md', 0],
        ['b.md', 0],
        ['b.md', 20],
      ],
    );
  });

  it('keeps the best hits when the limit is smaller than the matches', () => {
    const bodies: Record<string, string> = {};
    for (let i = 0; i < 40; i++) bodies[`p${String(i).padStart(2, '0')}.md`] = `P${i}: ${'funding '.repeat(1 + (i % 5))}and ${'other words '.repeat(i % 7)}`;
    const { index } = indexOfBodies(bodies);
    const all = index.search('funding', { limit: 1000 });
    assert.equal(all.total, 40);
    for (const limit of [1, 3, 10, 39]) assert.deepEqual(index.search('funding', { limit }).hits, all.hits.slice(0, limit), `limit ${limit}`);
    for (let i = 1; i < all.hits.length; i++) assert.ok(all.hits[i - 1].score >= all.hits[i].score);
  });
});

describe('search index: filters', () => {
  let study: Study;
  before(async () => {
    study = await loadStudy();
  });
  const search = (query: string, options: SearchOptions = {}) => study.index.search(query, options);

  it('keeps passages of documents with the attribute value (written quoted or not)', () => {
    assert.deepEqual(where(search('backfill').hits).sort(), [at(P3_2016, 'P3: Protected time was promised'), at(P3_2021, 'P3: Locums are scarce and the r')].sort());
    // `wave: 2021` in one file, `wave: "2021"` in the other: the same value.
    assert.deepEqual(where(search('backfill', { attributes: { wave: ['2021'] } }).hits), [at(P3_2021, 'P3: Locums are scarce and the r')]);
    assert.deepEqual(where(search('funding', { attributes: { wave: ['2021'] } }).hits), [at(SH01, 'SH01: Funding followed the qual')]);
    assert.equal(search('funding', { attributes: { wave: ['2016', '2021'] } }).total, 2);
  });

  it('needs every attribute named, and leaves out documents without the attribute', () => {
    assert.equal(search('workforce').total, 2);
    assert.deepEqual(where(search('workforce', { attributes: { type: ['notes'] } }).hits), [at(P7_NOTES, 'She said the workforce is "str')]);
    assert.deepEqual(search('workforce', { attributes: { type: ['notes'], wave: ['2021'] } }).hits, []);
    assert.equal(search('workforce', { attributes: { wave: [] } }).total, 2, 'an attribute with no values listed filters nothing');
  });

  it('keeps turns of the speakers named, ignoring case', () => {
    assert.equal(search('cluster').total, 4);
    assert.deepEqual(where(search('cluster', { speakers: ['sh01'] }).hits), [at(SH01, 'SH01: In some boards the hours')]);
    assert.equal(search('cluster', { speakers: ['INTERVIEWER'] }).total, 3);
    assert.equal(search('cluster', { speakers: ['Nobody'] }).total, 0);
  });

  it('leaves the interviewer out with `notSpeakers`, keeping passages that are not turns', () => {
    assert.deepEqual(where(search('cluster', { notSpeakers: ['interviewer'] }).hits), [at(SH01, 'SH01: In some boards the hours')]);
    assert.equal(search('rota', { notSpeakers: ['Interviewer'] }).total, 1);
    assert.equal(search('rota', { speakers: ['P3'] }).total, 0, 'a passage that is no one’s turn is not a turn of P3');
  });

  it('keeps passages overlapping a segment with the code; a theme’s id stands for its codes', () => {
    assert.equal(search('partners').total, 2);
    assert.deepEqual(where(search('partners', { codes: ['shortages'] }).hits), [at(P3_2021, 'P3: Tired. Burnout is everywher')]);
    assert.equal(search('partners', { codes: ['workforce'] }).total, 2, 'locum-cover and shortages are workforce codes');
    assert.equal(search('partners', { codes: ['resources'] }).total, 0);
    assert.deepEqual(where(search('partners', { codes: ['burnout'] }).hits), [at(P3_2021, 'P3: Tired. Burnout is everywher')], 'a theme with no codes, applied as a code');
  });

  it('leaves out passages overlapping a segment with the code (`withoutCodes`), theme ids expanded', () => {
    assert.deepEqual(where(search('partners', { withoutCodes: ['locum-cover'] }).hits), [at(P3_2021, 'P3: Tired. Burnout is everywher')]);
    assert.deepEqual(search('partners', { withoutCodes: ['workforce'] }).hits, []);
  });

  it('keeps only passages no segment overlaps with `uncoded`', () => {
    assert.equal(search('board').total, 3);
    assert.deepEqual(where(search('board', { uncoded: true }).hits).sort(), [at(P7_NOTES, 'The practice manager showed me'), at(SH01, 'SH01: Funding followed the qual')].sort());
  });

  it('lists the codes overlapping each hit in codebook order', () => {
    const [hit] = search('partners', { codes: ['shortages'] }).hits;
    // burnout's segment comes first in the text; the workforce theme comes first in the codebook.
    assert.deepEqual(hit.codes, ['shortages', 'burnout']);
    assert.deepEqual(search('Inverness').hits[0].codes, []);
  });

  it('counts a segment as overlapping a passage only if they share a character', async () => {
    // The segment runs to the very start of the next turn (blank lines included), not into it.
    const body = 'P1: Rota.\n\nP2: Funding was cut.\n\nP3: Funding came back.';
    const quote = 'Funding was cut.\n\n';
    const coded = await loadStudy({
      'codebook.yaml': 'themes:\n  - id: resources\n    codes:\n      - id: funding\n',
      'a.md': `---\ncodes:\n  - id: a1\n    code: funding\n    start: ${offsetOf(body, quote)}\n    quote: ${JSON.stringify(quote)}\n---\n${body}`,
    });
    const segment = coded.doc('a.md').annotations[0].anchor;
    assert.ok(segment.method !== 'orphan' && segment.end === body.indexOf('P3:'));
    assert.deepEqual(
      coded.index.search('funding').hits.map((h) => [h.speaker, h.codes]),
      [
        ['P2', ['funding']],
        ['P3', []],
      ],
    );
  });

  it('combines filters with the query and with each other', () => {
    assert.deepEqual(where(search('protected time', { attributes: { wave: ['2016'] }, notSpeakers: ['Interviewer'], uncoded: true }).hits), [
      at(P3_2016, 'P3: Protected time was promised'),
    ]);
  });

  it('lists the speakers with their turns, most first', () => {
    assert.deepEqual(study.index.speakers(), [
      { name: 'P3', passages: 6 },
      { name: 'Interviewer', passages: 5 },
      { name: 'SH01', passages: 3 },
    ]);
  });
});

describe('search index: text beyond ASCII', () => {
  const body = 'Interviewer: Anything else?\n\nP3: 😀Backfill was a rumour. The café by the surgery — naïve locums 🚑 backfill too. Ça suffit, Ærø.';
  const { index, docs } = indexOfBodies({ 'a.md': body });
  const read = (query: string) => {
    const [hit] = index.search(query).hits;
    return hit ? hit.matches.map(([s, e]) => docs[0].body.slice(s, e)) : [];
  };

  it('highlights words after an emoji at their UTF-16 offsets', () => {
    assert.deepEqual(read('backfill'), ['Backfill', 'backfill']);
    const [hit] = index.search('backfill').hits;
    assert.deepEqual(hit.matches[0], [body.indexOf('Backfill'), body.indexOf('Backfill') + 8]);
    assert.equal(hit.textStart, body.indexOf('😀'));
  });

  it('finds accented words by their plain spelling and the other way round, highlighting them as written', () => {
    assert.deepEqual(read('cafe'), ['café']);
    assert.deepEqual(read('NAIVE'), ['naïve']);
    assert.deepEqual(read('ca'), ['Ça']);
    assert.deepEqual(read('ærø'), ['Ærø']);
  });

  it('finds phrases with accents, across punctuation and an emoji, and highlights them whole', () => {
    assert.deepEqual(read('"naive locums"'), ['naïve locums']);
    assert.deepEqual(read('"locums backfill"'), ['locums 🚑 backfill']);
    assert.deepEqual(read('"surgery naïve"'), ['surgery — naïve']);
    assert.deepEqual(read('"café naïve"'), []);
  });

  it('leaves out a passage by an accented `-"phrase"`', () => {
    assert.equal(index.search('backfill -"naïve locums"').total, 0);
    assert.equal(index.search('backfill -"naïve rota"').total, 1);
  });

  it('gives the matches of several words in text order, one range per word', () => {
    const [hit] = index.search('locums backfill').hits;
    assert.deepEqual(
      hit.matches.map(([s, e]) => body.slice(s, e)),
      ['Backfill', 'locums', 'backfill'],
    );
    for (let i = 1; i < hit.matches.length; i++) assert.ok(hit.matches[i - 1][1] <= hit.matches[i][0]);
  });
});
