// Which corpus a Framework Matrix or Compare Waves panel shows after a window reload.
import * as assert from 'node:assert/strict';
import { corpusForPanel, corpusPanelTitle, rootInSavedState } from '../../../../src/extension/webview/corpus-panel-choice';

const FULL = { root: 'file:///w/cluster-futures', name: 'w/cluster-futures' };
const PILOT = { root: 'file:///w/pilot', name: 'w/pilot' };
const BOTH = [FULL, PILOT];

describe('corpus panel choice', () => {
  it('names the corpus in the tab only when the workspace holds several', () => {
    assert.equal(corpusPanelTitle('Framework Matrix', BOTH, PILOT.root), 'Framework Matrix: w/pilot');
    assert.equal(corpusPanelTitle('Framework Matrix', [FULL], FULL.root), 'Framework Matrix');
    assert.equal(corpusPanelTitle('Framework Matrix', BOTH, undefined), 'Framework Matrix');
  });

  it('reads the corpus from the saved state, even when the panel was still loading (no data)', () => {
    assert.equal(rootInSavedState({ version: 2, data: { root: PILOT.root } }), PILOT.root);
    assert.equal(rootInSavedState({ version: 2, data: null, root: PILOT.root }), PILOT.root);
    assert.equal(rootInSavedState({ version: 2, data: { root: FULL.root }, root: PILOT.root }), PILOT.root);
  });

  it('takes nothing but a string from the webview’s state', () => {
    for (const state of [undefined, null, 'x', 3, { data: null }, { root: 5 }, { data: { root: ['a'] } }, { root: '' }, { root: 'x'.repeat(5000) }]) {
      assert.equal(rootInSavedState(state), undefined, JSON.stringify(state)?.slice(0, 40));
    }
  });

  it('restores a panel without a saved corpus on the corpus its tab named, even when that is not the first', () => {
    assert.equal(corpusForPanel('Framework Matrix', BOTH, new Set(), 'Framework Matrix: w/pilot'), PILOT.root);
    assert.equal(corpusForPanel('Framework Matrix', BOTH, new Set(), 'Framework Matrix: w/cluster-futures'), FULL.root);
  });

  it('otherwise takes the first corpus no other panel shows, and nothing before any corpus is loaded', () => {
    assert.equal(corpusForPanel('Framework Matrix', BOTH, new Set([FULL.root]), 'Framework Matrix'), PILOT.root);
    assert.equal(corpusForPanel('Framework Matrix', BOTH, new Set([FULL.root]), 'Framework Matrix: w/cluster-futures'), PILOT.root);
    assert.equal(corpusForPanel('Framework Matrix', BOTH, new Set(), undefined), FULL.root);
    assert.equal(corpusForPanel('Framework Matrix', BOTH, new Set([FULL.root, PILOT.root]), undefined), FULL.root);
    assert.equal(corpusForPanel('Framework Matrix', [], new Set(), 'Framework Matrix: w/pilot'), undefined);
  });
});
