import assert from 'node:assert/strict';
import { PassageAlignment } from '../../../../src/core/review/passage-alignment';

const paragraphs = (...texts: string[]) => texts.join('\n\n') + '\n';
/** The offset of `word` inside the body (the first time it occurs). */
const at = (body: string, word: string) => {
  const i = body.indexOf(word);
  assert.ok(i >= 0, word);
  return i;
};

describe('PassageAlignment (the passages a coding diff compares)', () => {
  const before = paragraphs('Q: One?', 'A: alpha answer.', 'Q: Two?', 'A: beta answer.', 'Q: Three?', 'A: gamma answer.');

  it('the same body: the same passage is the same place, another is not', () => {
    const same = new PassageAlignment(before, before);
    assert.equal(same.samePassage(at(before, 'alpha'), at(before, 'A: alpha')), true);
    assert.equal(same.samePassage(at(before, 'alpha'), at(before, 'beta')), false);
  });

  it('passages inserted or deleted before: the rest keep their places', () => {
    const after = paragraphs('Q: Hello.', 'A: Hi.', 'Q: One?', 'A: alpha answer.', 'Q: Three?', 'A: gamma answer.');
    const al = new PassageAlignment(before, after);
    assert.equal(al.samePassage(at(before, 'alpha'), at(after, 'alpha')), true);
    assert.equal(al.samePassage(at(before, 'gamma'), at(after, 'gamma')), true);
    assert.equal(al.samePassage(at(before, 'alpha'), at(after, 'gamma')), false);
    assert.equal(al.samePassage(at(before, 'beta'), at(after, 'gamma')), false);
  });

  it('a passage edited in place is still its place; its neighbour is not', () => {
    const after = before.replace('A: beta answer.', 'A: beta, a longer answer now.');
    const al = new PassageAlignment(before, after);
    assert.equal(al.samePassage(at(before, 'beta'), at(after, 'beta')), true);
    assert.equal(al.samePassage(at(before, 'beta'), at(after, 'gamma')), false);
  });

  it('several passages edited in a row are matched in order', () => {
    const after = before.replace('A: beta answer.', 'A: beta edited.').replace('Q: Three?', 'Q: Three, then?');
    const al = new PassageAlignment(before, after);
    assert.equal(al.samePassage(at(before, 'beta'), at(after, 'beta')), true);
    assert.equal(al.samePassage(at(before, 'Three'), at(after, 'Three')), true);
    assert.equal(al.samePassage(at(before, 'beta'), at(after, 'Three')), false);
  });

  it('a passage split in two, or two joined: what was there is one place', () => {
    const split = before.replace('A: beta answer.', 'A: beta\n\nanswer.');
    const al = new PassageAlignment(before, split);
    assert.equal(al.samePassage(at(before, 'beta'), at(split, 'beta')), true);
    assert.equal(al.samePassage(at(before, 'beta'), at(split, '\nanswer.') + 1), true);
    assert.equal(al.samePassage(at(before, 'beta'), at(split, 'gamma')), false);
  });

  it('an offset in the blank between passages belongs to the next; an empty body has no passages', () => {
    const al = new PassageAlignment(before, before);
    const gap = at(before, 'Q: Two?') - 1;
    assert.equal(al.samePassage(gap, at(before, 'Q: Two?')), true);
    assert.equal(new PassageAlignment('', '').samePassage(0, 0), true);
    assert.equal(new PassageAlignment('', before).samePassage(0, 0), false);
  });

  it('long bodies whose middles differ a lot are aligned by their unique passages', () => {
    const many = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `P${i}: ${tag} words of turn ${i}.`);
    const a = many(2500, 'said');
    // Every other turn rewritten, two inserted at the top: the unchanged ones keep their places.
    const b = ['X: new.', 'Y: newer.', ...a.map((t, i) => (i % 2 === 0 ? t.replace('said', 'told') : t))];
    const aBody = paragraphs(...a);
    const bBody = paragraphs(...b);
    const al = new PassageAlignment(aBody, bBody);
    const t = 'P1201: said words of turn 1201.';
    assert.equal(al.samePassage(at(aBody, t), at(bBody, t)), true);
    assert.equal(al.samePassage(at(aBody, t), at(bBody, 'P1203: said')), false);
    assert.equal(al.samePassage(at(aBody, 'P1200: said'), at(bBody, 'P1200: told')), true);
  });
});
