import assert from 'node:assert/strict';
import { markdownTable, markdownText } from '../../../../src/core/export/markdown-text';

describe('markdownText', () => {
  it('escapes what would become a table cell, emphasis, code, a link, a tag or an entity', () => {
    assert.equal(markdownText('a | b'), 'a \\| b');
    assert.equal(markdownText('*x* _y_ `z` ~w~'), '\\*x\\* \\_y\\_ \\`z\\` \\~w\\~');
    assert.equal(markdownText('[P3](http://x) <script>'), '\\[P3\\](http://x) \\<script\\>');
    assert.equal(markdownText('&amp; &#169; & more'), '\\&amp; \\&#169; & more');
    assert.equal(markdownText('a \\ b'), 'a \\\\ b');
    assert.equal(markdownText('Theme #'), 'Theme \\#');
  });

  it('folds line breaks and runs of white space into one space', () => {
    assert.equal(markdownText('  one\r\n\r\n# two\n- three\t four '), 'one # two - three four');
  });

  it('builds a table with right-aligned columns on request', () => {
    assert.deepEqual(markdownTable(['a', 'b'], [['1', '2']], ['left', 'right']), ['| a | b |', '| --- | ---: |', '| 1 | 2 |']);
  });
});
