import assert from 'node:assert/strict';
import { buildQuoteTable, type QuoteTable } from '../../../../src/core/export/quote-table';
import { markdown } from '../../support/memory-files';
import { body, loadStudy, q } from '../compare/two-wave-study';

/** Each theme's waves with the ids of their quotes, in table order. */
const ids = (table: QuoteTable) => table.themes.map((t) => [t.theme.id, t.waves.map((w) => [w.wave, w.quotes.map((x) => x.id)])]);

describe('buildQuoteTable', () => {
  it('gives every theme its quotes per wave: by case, then file, then start; documents without a wave last', async () => {
    const table = buildQuoteTable(await loadStudy());
    assert.equal(table.attribute, 'wave');
    assert.deepEqual(ids(table), [
      ['support', [['2016', ['n1', 'n2', 'a', 'd']], ['2021', ['e', 'h']], ['', ['j']]]],
      ['governance', [['2016', ['b']], ['2021', []], ['', []]]],
      ['expectations', [['2016', []], ['2021', ['g']], ['', []]]],
      ['covid-19', [['2016', []], ['2021', ['f']], ['', []]]],
    ]);
    assert.deepEqual(table.unknownThemes, []);
  });

  it('carries what a reader needs: case, code and its name, coder, memo, the document\'s attributes', async () => {
    const table = buildQuoteTable(await loadStudy());
    assert.deepEqual(table.themes[0].waves[0].quotes[1], {
      quote: 'no analyst support', case: 'P1', code: 'data-support', codeName: 'Data support', file: '2016/P1-notes.md', id: 'n2',
      start: body.indexOf('no analyst support'), illustrative: false, anchored: true, by: 'am', memo: 'check P4',
      attributes: { wave: '2016', type: 'notes' },
    });
    // A theme applied as a code is named by the theme.
    assert.equal(table.themes[2].waves[1].quotes[0].codeName, 'Unrealistic expectations');
  });

  it('carries only the attributes asked for (the CSV’s columns), those a document has', async () => {
    const table = buildQuoteTable(await loadStudy(), { attributes: ['type', 'role', 'case'] });
    assert.deepEqual(table.themes[0].waves[0].quotes[1].attributes, { type: 'notes' });
    assert.deepEqual(table.themes[0].waves[0].quotes[2].attributes, { role: 'GP' });
    assert.deepEqual(buildQuoteTable(await loadStudy(), { attributes: [] }).themes[0].waves[0].quotes[0].attributes, {});
  });

  it('orders cases naturally: P2 before P10', async () => {
    const table = buildQuoteTable(await loadStudy({
      '2016/P10.md': markdown(`wave: 2016\ncodes:\n${q('p10', 'funding', 'Hello')}`, body),
      '2016/P9.md': markdown(`wave: 2016\ncodes:\n${q('p9', 'funding', 'at all')}`, body),
    }), { themes: ['support'], waves: ['2016'] });
    assert.deepEqual(ids(table), [['support', [['2016', ['n1', 'n2', 'a', 'd', 'p9', 'p10']]]]]);
  });

  it('keeps the requested themes in codebook order and names the unknown ones', async () => {
    const table = buildQuoteTable(await loadStudy(), { themes: ['covid-19', 'support', 'nope'], waves: ['2021'] });
    assert.deepEqual(ids(table), [['support', [['2021', ['e', 'h']]]], ['covid-19', [['2021', ['f']]]]]);
    assert.deepEqual(table.unknownThemes, ['nope']);
  });

  it('keeps the first N quotes per theme and wave', async () => {
    const table = buildQuoteTable(await loadStudy(), { max: 2, waves: ['2016', '2021'] });
    assert.deepEqual(ids(table)[0], ['support', [['2016', ['n1', 'n2']], ['2021', ['e', 'h']]]]);
    assert.deepEqual(ids(buildQuoteTable(await loadStudy(), { max: 0, themes: ['support'], waves: ['2016'] })), [['support', [['2016', []]]]]);
  });

  it('keeps only illustrative quotes when asked, before counting to N', async () => {
    const table = buildQuoteTable(await loadStudy(), { illustrative: true, max: 1, waves: ['2016', '2021'] });
    assert.deepEqual(ids(table), [
      ['support', [['2016', ['a']], ['2021', []]]],
      ['governance', [['2016', ['b']], ['2021', []]]],
      ['expectations', [['2016', []], ['2021', []]]],
      ['covid-19', [['2016', []], ['2021', []]]],
    ]);
  });

  it('groups by another attribute, and keeps a requested wave that has no documents', async () => {
    const table = buildQuoteTable(await loadStudy(), { attribute: 'type', themes: ['support'] });
    assert.deepEqual(ids(table), [['support', [['notes', ['n1', 'n2']], ['', ['a', 'd', 'e', 'h', 'j']]]]]);
    const asked = buildQuoteTable(await loadStudy(), { themes: ['governance'], waves: ['2030'] });
    assert.deepEqual(ids(asked), [['governance', [['2030', []]]]]);
  });
});
