import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyToTemp, FIXTURES, removeTemp, run, SAMPLE } from './run-cli';

const GOOD_STATS = { documents: 5, cases: 3, codes: 4, annotations: 7, orphans: 0, casesByWave: { '2016': 2, '2021': 2 } };
const SAMPLE_STATS = { documents: 13, cases: 12, codes: 27, annotations: 67, orphans: 0, casesByWave: { '2016': 6, '2021': 7 } };

describe('qualframe stats', () => {
  it('--json on the good fixture prints exactly the expected counts, exit 0', () => {
    const r = run(['stats', '--json', '--root', path.join(FIXTURES, 'good')]);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), GOOD_STATS);
    assert.equal(r.status, 0);
  });

  it('--format json on the sample workspace prints exactly the expected counts, exit 0', () => {
    const r = run(['stats', '--format', 'json', '--root', SAMPLE]);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), SAMPLE_STATS);
    assert.equal(r.status, 0);
  });

  it('text output on the good fixture shows every count', () => {
    const r = run(['stats', '--root', path.join(FIXTURES, 'good')]);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    for (const re of [/Documents\s+5\n/, /Cases\s+3\n/, /2016\s+2\n/, /2021\s+2\n/, /Codes\s+4\n/, /Annotations\s+7\n/, /Orphans\s+0\n/]) {
      assert.match(r.stdout, re);
    }
  });

  describe('on a corpus with an orphan (good copy, B2-2016 quote no longer in the text)', () => {
    let temp: string;
    let root: string;
    before(() => {
      ({ temp, root } = copyToTemp(path.join(FIXTURES, 'good')));
      const file = path.join(root, 'interviews', 'B2-2016.md');
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes('quote: "asked to fix everything"'));
      fs.writeFileSync(file, text.replace('quote: "asked to fix everything"', 'quote: "promised plenty of new money"'));
    });
    after(() => removeTemp(temp));

    it('--json counts orphans 1, keeps stdout pure JSON, exits 1 with a hint on stderr', () => {
      const r = run(['stats', '--json'], root);
      assert.deepEqual(JSON.parse(r.stdout), { ...GOOD_STATS, orphans: 1 });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /1 error/);
      assert.match(r.stderr, /qualframe validate/);
    });

    it('text mode also exits 1 with the hint', () => {
      const r = run(['stats'], path.join(root, 'interviews'));
      assert.match(r.stdout, /Orphans\s+1\n/);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /qualframe validate/);
    });
  });

  it('on the bad fixture exits 1 and says how many errors', () => {
    const r = run(['stats', '--json', '--root', path.join(FIXTURES, 'bad')]);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).documents, 11);
    assert.match(r.stderr, /13 errors/);
  });
});
