// One line per hit in the quick pick and the Search Results view: the words around the first
// match, white space collapsed, the matches' ranges in that line.
import * as assert from 'node:assert/strict';
import { hitSnippet } from '../../../../src/core/search/snippet';

const TEXT = 'SH02: We could never get a locum in, so the backfill money\nsat there unspent. Protected time means nothing without cover.';
const at = (word: string, base = 100): [number, number] => [base + TEXT.indexOf(word), base + TEXT.indexOf(word) + word.length];
const hit = (matches: [number, number][]) => ({ text: TEXT, start: 100, textStart: 106, matches });
const shown = (s: ReturnType<typeof hitSnippet>) => s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('hit snippets', () => {
  it('starts at the words, without the speaker, and highlights each match', () => {
    const s = hitSnippet(hit([at('locum'), at('backfill')]), 200);
    assert.ok(s.text.startsWith('We could never'), s.text);
    assert.deepEqual(shown(s), ['locum', 'backfill']);
  });

  it('starts a little before a late match, at a word, marked with an ellipsis', () => {
    const s = hitSnippet(hit([at('nothing')]), 200);
    assert.match(s.text, /^…\w/);
    assert.deepEqual(shown(s), ['nothing']);
  });

  it('shows a line break as a space, inside a highlight too', () => {
    const s = hitSnippet(hit([at('money\nsat')]), 200);
    assert.ok(!s.text.includes('\n'));
    assert.deepEqual(shown(s), ['money sat']);
  });

  it('cuts at the width with an ellipsis, and never highlights the ellipsis', () => {
    const s = hitSnippet(hit([at('locum'), at('backfill')]), 40);
    assert.ok(s.text.endsWith('…') && s.text.length <= 41, s.text);
    assert.deepEqual(shown(s), ['locum', 'ba']);
  });

  it('never starts inside the first word', () => {
    const text = 'An indented note about the bus timetable and the surgery.';
    const from = text.indexOf('timetable');
    const s = hitSnippet({ text, start: 0, textStart: 0, matches: [[from, from + 9]] }, 60);
    assert.ok(s.text.startsWith('An indented'), s.text);
    assert.deepEqual(s.highlights.map(([a, b]) => s.text.slice(a, b)), ['timetable']);
  });
});
