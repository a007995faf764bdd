import assert from 'node:assert/strict';
import { newAnnotationId, quoteContext } from '../../../src/core/coding/new-annotation';
import { yamlScalar } from '../../../src/core/frontmatter/yaml-scalar';

describe('new annotations', () => {
  it('get ids that start with a letter, so YAML never reads them as numbers (8e90, 1234)', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const taken = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newAnnotationId(taken, random);
      assert.match(id, /^[a-f][0-9a-f]{3,}$/);
      assert.equal(yamlScalar(id), id, `${id} is written plain`);
      assert.ok(!taken.has(id));
      taken.add(id);
    }
  });

  it('keep up to 32 characters of context, never half an astral character', () => {
    // The 32nd unit before the quote is the second half of 😀: the prefix starts after it.
    const body = `😀${'x'.repeat(31)}quote${'y'.repeat(31)}😀`;
    const start = body.indexOf('quote');
    const { prefix, suffix } = quoteContext(body, start, start + 5);
    assert.equal(prefix, 'x'.repeat(31));
    assert.equal(suffix, 'y'.repeat(31));
    const whole = quoteContext(`ab😀quote`, 4, 9);
    assert.equal(whole.prefix, 'ab😀');
  });
});
