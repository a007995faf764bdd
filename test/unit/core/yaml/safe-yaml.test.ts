import assert from 'node:assert/strict';
import { createYamlLocator, loadSafeYaml, YamlProblem } from '../../../../src/core/yaml/safe-yaml';

function problemOf(text: string): YamlProblem {
  try {
    loadSafeYaml(text);
  } catch (e) {
    if (e instanceof YamlProblem) return e;
    throw e;
  }
  assert.fail('expected a YAML problem');
}

describe('loadSafeYaml', () => {
  it('reads every scalar as text: numbers, dates, booleans stay as typed', () => {
    assert.deepEqual(loadSafeYaml('wave: 2016\nscore: 1.10\ndate: 2021-03-04\nflag: yes\nquoted: "2016"'), {
      wave: '2016', score: '1.10', date: '2021-03-04', flag: 'yes', quoted: '2016',
    });
  });

  it('keeps __proto__ and constructor as data keys, never as structure', () => {
    const v = loadSafeYaml('__proto__: polluted\nconstructor: x') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    assert.equal(Object.prototype.hasOwnProperty.call(v, '__proto__'), true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses an alias bomb at its first anchor, at once', () => {
    const lol = '["lol","lol","lol","lol","lol","lol","lol","lol","lol"]';
    let bomb = `a: &a ${lol}\n`;
    let prev = 'a';
    for (const name of 'bcdefghijklmnop') {
      bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = name;
    }
    const p = problemOf(bomb);
    assert.equal(p.rule, 'yaml-alias');
    assert.deepEqual(p.position, { line: 1, column: 4 });
    assert.match(p.message, /anchors and aliases are not allowed/);
  });

  it('refuses a single harmless-looking anchor too, and an alias with no anchor', () => {
    assert.equal(problemOf('x: 1\ny: &keep 2\n').rule, 'yaml-alias');
    assert.deepEqual(problemOf('x: 1\ny: &keep 2\n').position, { line: 2, column: 4 });
    assert.equal(problemOf('y: *nothing').rule, 'yaml-alias');
  });

  it('refuses custom and typed tags, pointing at the tag', () => {
    const p = problemOf('case: P1\nrun: !python/object:os.system "rm -rf /"');
    assert.equal(p.rule, 'yaml-tag');
    assert.deepEqual(p.position, { line: 2, column: 6 });
    assert.equal(problemOf('a: !!js/function "function(){}"').rule, 'yaml-tag');
    assert.equal(problemOf('a: !!int 3').rule, 'yaml-tag');
  });

  it('allows the plain string tag', () => {
    assert.deepEqual(loadSafeYaml('a: !!str 3'), { a: '3' });
  });

  it('reports malformed YAML and duplicate keys with their line', () => {
    const dup = problemOf('case: P1\ncase: P2');
    assert.equal(dup.rule, 'yaml-syntax');
    assert.equal(dup.position.line, 2);
    assert.match(dup.message, /duplicated mapping key/);
    assert.equal(problemOf('a: [1, 2').rule, 'yaml-syntax');
    assert.equal(problemOf('a: b: c').position.line, 1);
  });
});

describe('createYamlLocator', () => {
  const text = 'case: P1\ncodes:\n  - id: a1\n    code: foo\n  - {id: a2, code: bar, start: 3}\nsummaries:\n  support: text\n';
  const locate = createYamlLocator(text);

  it('finds values in block and flow style', () => {
    assert.deepEqual(locate(['codes', 0, 'code']), { line: 4, column: 11 });
    assert.deepEqual(locate(['codes', 1, 'code']), { line: 5, column: 20 });
  });

  it('finds a key when asked for the key', () => {
    assert.deepEqual(locate(['summaries', 'support'], 'key'), { line: 7, column: 3 });
  });

  it('falls back to the nearest existing parent', () => {
    assert.deepEqual(locate(['codes', 1, 'missing']), { line: 5, column: 5 });
    assert.deepEqual(locate(['codes', 9]), { line: 3, column: 3 });
  });
});
