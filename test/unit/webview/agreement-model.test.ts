import assert from 'node:assert/strict';
import type { AgreementViewData } from '../../../src/protocol';
import {
  codeLabel,
  exclusionText,
  formatChars,
  formatFigure,
  groupDisagreements,
  isAgreementPanelState,
  isCut,
  isLowKappa,
  LOW_KAPPA_TEXT,
  NO_FIGURE,
  rangeCount,
  rangeLabel,
  scopeText,
  subjectText,
} from '../../../webview/agreement/agreement-model';

// What the Intercoder Agreement panel writes: figures, flags, words, and the disagreements by document.

const figures = (kappa: number | null) => ({ agreement: 0.9, kappa, alpha: kappa, aChars: 10, bChars: 12, bothChars: 8, totalChars: 100 });

const data: AgreementViewData = {
  root: 'file:///study',
  name: 'Study',
  mode: 'revisions',
  a: 'main',
  b: 'working tree',
  codedOnly: false,
  codes: [{ code: 'meetings', name: 'Cluster meetings', ...figures(0.8) }, { code: 'funding', ...figures(0.4) }],
  overall: figures(0.62),
  compared: 2,
  excluded: [{ file: 'docs/p3.md', reason: 'body-differs' }],
  uncounted: 0,
  disagreements: [
    { file: 'docs/p1.md', code: 'meetings', onlyA: [{ start: 0, end: 4, text: 'Lead' }], onlyB: [], omitted: 0 },
    { file: 'docs/p1.md', code: 'funding', onlyA: [], onlyB: [{ start: 10, end: 20, text: 'locum mone' }], omitted: 0 },
    { file: 'docs/p2.md', code: 'unknown-code', onlyA: [{ start: 5, end: 600, text: 'x'.repeat(300) }], onlyB: [{ start: 1, end: 2, text: '\n' }], omitted: 3 },
  ],
  omittedRanges: 3,
  textLimit: 300,
};

describe('the Intercoder Agreement panel', () => {
  describe('formatFigure', () => {
    it('writes fractions to three decimals', () => {
      assert.equal(formatFigure(0.5), '0.500');
      assert.equal(formatFigure(1), '1.000');
      assert.equal(formatFigure(0.12345), '0.123');
      assert.equal(formatFigure(0.6666666), '0.667');
      assert.equal(formatFigure(-0.25), '-0.250');
    });

    it('writes a dash for no figure, and no sign on a rounded zero', () => {
      assert.equal(formatFigure(null), NO_FIGURE);
      assert.equal(NO_FIGURE, '—');
      assert.equal(formatFigure(Number.NaN), NO_FIGURE);
      assert.equal(formatFigure(-0.0004), '0.000');
      assert.equal(formatFigure(-0), '0.000');
    });

    it('writes counts as whole numbers', () => {
      assert.equal(formatChars(0), '0');
      assert.equal(formatChars(12345), '12345');
      assert.equal(formatChars(-1), '–');
      assert.equal(formatChars(1.5), '–');
    });
  });

  describe('flagging kappa', () => {
    it('flags a kappa below 0.6, in words too', () => {
      assert.equal(isLowKappa(0.59), true);
      assert.equal(isLowKappa(-0.2), true);
      assert.equal(isLowKappa(0.6), false);
      assert.equal(isLowKappa(0.95), false);
      assert.equal(LOW_KAPPA_TEXT, 'below 0.6');
    });

    it('does not flag a missing kappa', () => {
      assert.equal(isLowKappa(null), false);
      assert.equal(isLowKappa(Number.NaN), false);
    });

    it('takes another threshold', () => {
      assert.equal(isLowKappa(0.7, 0.8), true);
    });
  });

  describe('words', () => {
    it('names a code by its codebook name, else its id', () => {
      assert.equal(codeLabel({ code: 'meetings', name: 'Cluster meetings' }), 'Cluster meetings');
      assert.equal(codeLabel({ code: 'funding' }), 'funding');
      assert.equal(codeLabel({ code: 'funding', name: '' }), 'funding');
    });

    it('says why a document was left out, and passes an unknown reason through', () => {
      assert.equal(exclusionText('body-differs'), 'the text differs between the two revisions');
      assert.equal(exclusionText('not-coded-by-both'), 'not coded by both coders');
      assert.equal(exclusionText('something-new'), 'something-new');
      assert.equal(exclusionText('toString'), 'toString');
    });

    it('names the two coders and the mode', () => {
      assert.deepEqual(subjectText(data), { mode: 'Two revisions, one per coder', a: 'A: main', b: 'B: working tree' });
      assert.deepEqual(subjectText({ mode: 'coders', a: 'am', b: 'jk', revision: 'working tree' }), { mode: 'Two coders (by) in working tree', a: 'A: am', b: 'B: jk' });
    });

    it('says what was counted', () => {
      assert.equal(scopeText(data), '2 documents compared, 1 left out; counting every character of the documents (100 characters).');
      assert.equal(scopeText({ ...data, compared: 1, excluded: [], codedOnly: true }), '1 document compared; counting only the text either coder coded (100 characters).');
    });
  });

  describe('ranges', () => {
    it('marks a cut text with an ellipsis', () => {
      const cut = data.disagreements[2].onlyA[0];
      assert.equal(isCut(cut), true);
      assert.equal(rangeLabel(cut), `${'x'.repeat(300)}…`);
      assert.equal(isCut(data.disagreements[0].onlyA[0]), false);
      assert.equal(rangeLabel(data.disagreements[0].onlyA[0]), 'Lead');
    });

    it('says what a blank range is rather than showing nothing', () => {
      assert.equal(rangeLabel({ start: 1, end: 2, text: '\n' }), '(1 blank character)');
      assert.equal(rangeLabel({ start: 1, end: 4, text: ' \n ' }), '(3 blank characters)');
    });

    it('groups the disagreements by document, with the codes’ names', () => {
      const groups = groupDisagreements(data);
      assert.deepEqual(groups.map((g) => [g.file, g.items.map((i) => i.label)]), [
        ['docs/p1.md', ['Cluster meetings', 'funding']],
        ['docs/p2.md', ['unknown-code']],
      ]);
      assert.equal(groups[1].items[0].omitted, 3);
      assert.equal(rangeCount(data.disagreements), 4);
    });
  });

  describe('saved state', () => {
    it('accepts what the panel saves', () => {
      assert.equal(isAgreementPanelState({ version: 1, data }), true);
      assert.equal(isAgreementPanelState({ version: 1, data: null }), true);
      assert.equal(isAgreementPanelState(JSON.parse(JSON.stringify({ version: 1, data: { ...data, revision: 'working tree', mode: 'coders' } }))), true);
    });

    it('refuses what it cannot draw', () => {
      for (const state of [
        undefined,
        null,
        { version: 2, data },
        { version: 1 },
        { version: 1, data: { ...data, mode: 'waves' } },
        { version: 1, data: { ...data, codes: [{ code: 'x', ...figures(0.5), kappa: '0.5' }] } },
        { version: 1, data: { ...data, overall: { ...figures(1), aChars: -1 } } },
        { version: 1, data: { ...data, disagreements: [{ file: 'a.md', code: 'x', onlyA: [{ start: 0, end: 1 }], onlyB: [], omitted: 0 }] } },
        { version: 1, data: { ...data, excluded: [{ file: 'a.md' }] } },
        { version: 1, data: { ...data, omittedRanges: undefined } },
      ]) assert.equal(isAgreementPanelState(state), false, JSON.stringify(state)?.slice(0, 120));
    });
  });
});
