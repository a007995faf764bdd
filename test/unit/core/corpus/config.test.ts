import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, parseConfig } from '../../../../src/core/corpus/config';

describe('parseConfig (qualframe.yaml)', () => {
  it('uses the defaults for an empty file', () => {
    assert.deepEqual(parseConfig('# nothing\n'), { config: DEFAULT_CONFIG, problems: [] });
  });

  it('reads documents, codebook and the comparison', () => {
    const { config, problems } = parseConfig('documents: ["transcripts/**/*.md"]\ncodebook: frame.yaml\ncompare:\n  attribute: wave\n  baseline: 2016\n  followup: "2021"\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { documents: ['transcripts/**/*.md'], codebook: 'frame.yaml', compare: { attribute: 'wave', baseline: '2016', followup: '2021' } });
  });

  it('accepts a single pattern as text', () => {
    assert.deepEqual(parseConfig('documents: "*.md"').config.documents, ['*.md']);
  });

  it('refuses patterns and codebooks outside the corpus, keeping the defaults', () => {
    const r = parseConfig('documents: ["../other/**/*.md"]\ncodebook: /etc/passwd\n');
    assert.deepEqual(r.config, DEFAULT_CONFIG);
    assert.deepEqual(r.problems.map((p) => [p.line, p.rule]), [[1, 'invalid-value'], [2, 'invalid-value']]);
  });

  it('wants both waves or neither', () => {
    const r = parseConfig('compare:\n  baseline: "2016"\n');
    assert.equal(r.problems[0].rule, 'invalid-value');
    assert.match(r.problems[0].message, /both "baseline" and "followup"/);
  });

  it('warns about unknown settings, at the key', () => {
    const r = parseConfig('document: ["*.md"]\n');
    assert.deepEqual(r.problems.map((p) => [p.severity, p.rule, p.line, p.column]), [['warning', 'unknown-key', 1, 1]]);
  });

  it('reports malformed YAML with its position', () => {
    const r = parseConfig('documents: [\n');
    assert.equal(r.problems[0].rule, 'yaml-syntax');
    assert.equal(r.problems[0].file, 'qualframe.yaml');
  });
});
