import assert from 'node:assert/strict';
import { parseCodebook } from '../../../../src/core/corpus/codebook';

const text = `themes:
  - id: support
    name: Support for clusters
    description: What clusters need.
    codes:
      - id: data-support
        name: Data and analytic support
        include: Dashboards, analysts.
        exclude: Consent.
        example: "no analyst support at all"
        color: "#4e79a7"
      - id: facilitation
  - id: expectations
    name: Unrealistic expectations
    codes: []
  - id: covid-19
    codes:
      - id: remote-working
        color: blue
`;

describe('parseCodebook', () => {
  const { codebook, problems } = parseCodebook(text, 'codebook.yaml');

  it('reads themes, codes and their definitions', () => {
    assert.deepEqual(codebook.themes.map((t) => [t.id, t.name, t.codes.map((c) => c.id)]), [
      ['support', 'Support for clusters', ['data-support', 'facilitation']],
      ['expectations', 'Unrealistic expectations', []],
      ['covid-19', 'covid-19', ['remote-working']],
    ]);
    const code = codebook.codeById.get('data-support')!;
    assert.deepEqual(
      { name: code.name, include: code.include, exclude: code.exclude, example: code.example, color: code.color, themeId: code.themeId, line: code.line },
      { name: 'Data and analytic support', include: 'Dashboards, analysts.', exclude: 'Consent.', example: 'no analyst support at all', color: '#4e79a7', themeId: 'support', line: 6 },
    );
    assert.equal(codebook.codeById.get('facilitation')!.name, 'facilitation');
  });

  it('makes codes and themes without codes applicable', () => {
    assert.deepEqual([...codebook.applicable.keys()], ['data-support', 'facilitation', 'expectations', 'remote-working']);
    assert.equal(codebook.applicable.get('expectations')!.id, 'expectations');
  });

  it('warns about a colour it cannot use and drops it', () => {
    assert.equal(codebook.codeById.get('remote-working')!.color, undefined);
    assert.deepEqual(problems.map((p) => [p.severity, p.line, p.column]), [['warning', 19, 16]]);
  });

  it('refuses duplicate ids across themes and codes, naming the first', () => {
    const r = parseCodebook('themes:\n  - id: support\n    codes:\n      - id: support\n      - id: data\n  - id: data\n', 'codebook.yaml');
    assert.deepEqual(r.problems.map((p) => [p.rule, p.line, p.column]), [
      ['duplicate-codebook-id', 4, 13],
      ['duplicate-codebook-id', 6, 9],
    ]);
    assert.match(r.problems[0].message, /code id "support" is already used by the theme on line 2/);
    assert.match(r.problems[1].message, /theme id "data" is already used by the code on line 5/);
    assert.deepEqual([...r.codebook.applicable.keys()], ['data']);
    assert.equal(r.codebook.applicable.get('data')!.id, 'support');
  });

  it('refuses ids that are not lower-case hyphenated words', () => {
    const r = parseCodebook('themes:\n  - id: Data_Support\n  - id: -x\n  - id: covid-19\n', 'codebook.yaml');
    assert.deepEqual(r.problems.map((p) => [p.rule, p.line]), [['invalid-id', 2], ['invalid-id', 3]]);
    assert.deepEqual(r.codebook.themes.map((t) => t.id), ['covid-19']);
  });

  it('reports a theme without an id and a non-list of codes', () => {
    const r = parseCodebook('themes:\n  - name: Nameless\n  - id: ok\n    codes: not-a-list\n', 'codebook.yaml');
    assert.deepEqual(r.problems.map((p) => [p.rule, p.line]), [['invalid-value', 2], ['invalid-value', 4]]);
  });

  it('reads an empty codebook', () => {
    assert.equal(parseCodebook('themes: []\n', 'codebook.yaml').codebook.applicable.size, 0);
    assert.equal(parseCodebook('', 'codebook.yaml').problems.length, 0);
  });
});
