import assert from 'node:assert/strict';
import { composeCodeDescription, parseCodeDescription } from '../../../../src/core/exchange/code-description';

describe('exchange code descriptions', () => {
  it('carries description, criteria and id in one readable text, and back', () => {
    const fields = { description: 'Access to data.\n\nSecond paragraph.', include: 'Talk of analysts.', exclude: 'Governance.', example: 'we had no analyst', id: 'data-support' };
    const text = composeCodeDescription(fields)!;
    assert.equal(text, 'Access to data.\n\nSecond paragraph.\n\nInclude: Talk of analysts.\nExclude: Governance.\nExample: we had no analyst\nQualFrame id: data-support');
    assert.deepEqual(parseCodeDescription(text), fields);
  });

  it('reads another tool\'s description as description only, and nothing as nothing', () => {
    assert.deepEqual(parseCodeDescription('Memo from NVivo.\nInclude: this line is not alone'), { description: 'Memo from NVivo.\nInclude: this line is not alone' });
    assert.deepEqual(parseCodeDescription(undefined), {});
    assert.equal(composeCodeDescription({}), undefined);
    assert.deepEqual(parseCodeDescription(composeCodeDescription({ include: 'only criteria' })), { include: 'only criteria' });
  });

  it('drops an id that is not a valid codebook id, and puts a criterion on one line', () => {
    assert.deepEqual(parseCodeDescription('Text.\n\nQualFrame id: Not An Id'), { description: 'Text.' });
    assert.equal(composeCodeDescription({ include: 'two\nlines' }), 'Include: two lines');
  });
});
