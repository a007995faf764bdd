import assert from 'node:assert/strict';
import { parseQuery, parseSearchInput, type SearchInput } from '../../../../src/core/search';

/** The input with its attribute filter as a plain object (it has no prototype: names are data). */
function plain(input: SearchInput) {
  const { attributes, ...rest } = input.filters;
  return { query: input.query, filters: attributes ? { attributes: { ...attributes }, ...rest } : rest };
}

describe('search queries: what the box reads', () => {
  it('reads words, dropping stop words and one-letter words', () => {
    assert.deepEqual(parseQuery('the Locum and a backfill').clauses, [
      { kind: 'word', word: 'locum', prefix: false, negated: false },
      { kind: 'word', word: 'backfill', prefix: false, negated: false },
    ]);
  });

  it('reads quoted phrases with their stop words, and a hyphenated word as a phrase', () => {
    assert.deepEqual(parseQuery('"Out of Hours" out-of-hours').clauses, [
      { kind: 'phrase', words: ['out', 'of', 'hours'], negated: false },
      { kind: 'phrase', words: ['out', 'of', 'hours'], negated: false },
    ]);
  });

  it('reads a quoted single word as a word, and an unclosed quote as a phrase to the end', () => {
    assert.deepEqual(parseQuery('"locums" "protected time').clauses, [
      { kind: 'word', word: 'locums', prefix: false, negated: false },
      { kind: 'phrase', words: ['protected', 'time'], negated: false },
    ]);
  });

  it('reads `-word` and `-"phrase"` as words to leave out', () => {
    assert.deepEqual(parseQuery('funding -money -"protected time"').clauses, [
      { kind: 'word', word: 'funding', prefix: false, negated: false },
      { kind: 'word', word: 'money', prefix: false, negated: true },
      { kind: 'phrase', words: ['protected', 'time'], negated: true },
    ]);
  });

  it('reads `word*` as a prefix, even of a stop word, but not of one letter', () => {
    assert.deepEqual(parseQuery('recruit* out* r*').clauses, [
      { kind: 'word', word: 'recruit', prefix: true, negated: false },
      { kind: 'word', word: 'out', prefix: true, negated: false },
    ]);
  });

  it('reads the last word as a prefix too while typing, even a stop word on its way to another', () => {
    assert.deepEqual(parseQuery('locum the', { prefixLast: true }).clauses, [
      { kind: 'word', word: 'locum', prefix: false, negated: false },
      { kind: 'word', word: 'the', prefix: true, negated: false },
    ]);
    assert.deepEqual(parseQuery('"protected time" backf', { prefixLast: true }).clauses.at(-1), { kind: 'word', word: 'backf', prefix: true, negated: false });
    assert.deepEqual(parseQuery('backfill "protected time"', { prefixLast: true }).clauses[0], { kind: 'word', word: 'backfill', prefix: false, negated: false }, 'a phrase typed last leaves the words before it whole');
    assert.deepEqual(parseQuery('locum -money', { prefixLast: true }).clauses.map((c) => c.kind === 'word' && c.prefix), [false, false], 'a word left out is never a prefix');
  });

  it('notes a phrase of common words only, and searches the rest', () => {
    const parsed = parseQuery('"out of" locum');
    assert.deepEqual(parsed.clauses, [{ kind: 'word', word: 'locum', prefix: false, negated: false }]);
    assert.deepEqual(parsed.notes, ['"out of" has only common words; it was not searched']);
  });
});

describe('search input: filters typed in the box', () => {
  const attributes = ['wave', 'role'];

  it('takes out an attribute named in the corpus: `wave:2021`', () => {
    assert.deepEqual(plain(parseSearchInput('locum wave:2021', attributes)), { query: 'locum', filters: { attributes: { wave: ['2021'] } } });
  });

  it('takes several values of one attribute as any of them, and quoted values with spaces', () => {
    const input = parseSearchInput('wave:2016 backfill wave:2021 role:"GP cluster lead"', attributes);
    assert.equal(input.query, 'backfill');
    assert.deepEqual({ ...input.filters.attributes }, { wave: ['2016', '2021'], role: ['GP cluster lead'] });
  });

  it('matches the filter name ignoring case and keeps the attribute as the corpus spells it', () => {
    const input = parseSearchInput('Wave:2021 SPEAKER:SH01 funding', ['wave']);
    assert.deepEqual({ ...input.filters.attributes }, { wave: ['2021'] });
    assert.deepEqual(input.filters.speakers, ['SH01']);
    assert.equal(input.query, 'funding');
  });

  it('takes out `speaker:` and `-speaker:` (leaving the interviewer out)', () => {
    assert.deepEqual(parseSearchInput('burnout speaker:P3 -speaker:Interviewer speaker:"Dr Rao"', attributes), {
      query: 'burnout',
      filters: { speakers: ['P3', 'Dr Rao'], notSpeakers: ['Interviewer'] },
    });
  });

  it('takes out `code:`, `-code:` and `is:uncoded`', () => {
    assert.deepEqual(parseSearchInput('code:funding -code:locum-cover is:uncoded "protected time"', attributes), {
      query: '"protected time"',
      filters: { codes: ['funding'], withoutCodes: ['locum-cover'], uncoded: true },
    });
  });

  it('leaves `foo:bar`, an attribute the corpus does not have, a negated attribute and `https://` in the query', () => {
    for (const text of ['foo:bar locum', 'type:notes locum', '-wave:2016 locum', 'see https://example.org locum']) {
      assert.deepEqual(parseSearchInput(text, attributes), { query: text, filters: {} }, text);
    }
  });

  it('gives an empty query when only filters were typed, and no filters for plain words', () => {
    assert.deepEqual(plain(parseSearchInput('  wave:2021   is:uncoded ', attributes)), { query: '', filters: { attributes: { wave: ['2021'] }, uncoded: true } });
    assert.deepEqual(parseSearchInput('locum   cover', attributes), { query: 'locum cover', filters: {} });
  });
});
