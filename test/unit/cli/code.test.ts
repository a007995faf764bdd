import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyToTemp, FIXTURES, removeTemp, run } from './run-cli';
import { lineDiff } from '../support/line-diff';

describe('qualframe code / uncode', () => {
  let temp: string;
  let dir: string;
  const file = (rel: string) => path.join(dir, rel);
  const read = (rel: string) => fs.readFileSync(file(rel), 'latin1');

  beforeEach(() => {
    ({ temp, root: dir } = copyToTemp(path.join(FIXTURES, 'good')));
  });
  afterEach(() => removeTemp(temp));

  it('adds one entry to a CRLF + BOM document with astral text: a one-entry diff, then uncode restores it', () => {
    const before = read('interviews/C3.md');
    const r = run(['code', 'interviews/C3.md', '--code', 'data-support', '--quote', 'The café in Càrn Bàn closed.', '--by', 'am', '--memo', 'place name'], dir);
    assert.equal(r.status, 0, r.stderr);
    const id = r.stdout.trim();
    assert.match(id, /^[0-9a-f]{4,}$/);
    const after = read('interviews/C3.md');
    const diff = lineDiff(before, after);
    assert.deepEqual(diff.removed, []);
    assert.equal(diff.added.length, 8);
    assert.ok(diff.added.every((l) => l.endsWith('\r')), 'new lines keep CRLF');
    assert.ok(after.startsWith('\xef\xbb\xbf'), 'BOM kept');
    assert.equal(run(['validate'], dir).status, 0);
    const stats = JSON.parse(run(['stats', '--json'], dir).stdout);
    assert.equal(stats.annotations, 8);
    assert.equal(run(['uncode', 'interviews/C3.md', '--id', id], dir).status, 0);
    assert.equal(read('interviews/C3.md'), before);
  });

  it('codes text after astral characters at the right UTF-16 offset (validate finds it anchored)', () => {
    const r = run(['code', 'interviews/A1.md', '--code', 'facilitation', '--quote', 'lot of things', '--illustrative'], dir);
    assert.equal(r.status, 0, r.stderr);
    const v = run(['validate', '--json'], dir);
    assert.equal(JSON.parse(v.stdout).errors, 0);
    assert.match(read('interviews/A1.md'), /illustrative: true/);
  });

  it('adds one line to a one-entry-per-line list', () => {
    const before = read('interviews/B2-2016.md');
    assert.equal(run(['code', 'interviews/B2-2016.md', '--code', 'expectations', '--quote', 'Clusters will be asked'], dir).status, 0);
    const diff = lineDiff(before, read('interviews/B2-2016.md'));
    assert.equal(diff.added.length, 1);
    assert.match(diff.added[0], /^ {2}- \{id: [0-9a-f]+, code: expectations, start: \d+, quote: "Clusters will be asked"/);
  });

  it('refuses an ambiguous quote without --occurrence, and takes the one named', () => {
    const before = read('interviews/B2-2021.md');
    const r = run(['code', 'interviews/B2-2021.md', '--code', 'facilitation', '--quote', 'in'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^interviews\/B2-2021\.md:\d+:\d+: error: the quote occurs \d+ times .*--occurrence/m);
    assert.match(r.stderr, /nothing was written/);
    assert.equal(read('interviews/B2-2021.md'), before);
    assert.equal(run(['code', 'interviews/B2-2021.md', '--code', 'facilitation', '--quote', 'in', '--occurrence', '2'], dir).status, 0);
    assert.equal(run(['validate'], dir).status, 0);
  });

  it('refuses an unknown code, a missing quote and an unknown id, writing nothing', () => {
    const before = read('interviews/A1.md');
    const unknown = run(['code', 'interviews/A1.md', '--code', 'no-such', '--quote', 'analyst'], dir);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /unknown code "no-such"/);
    const theme = run(['code', 'interviews/A1.md', '--code', 'support', '--quote', 'analyst'], dir);
    assert.match(theme.stderr, /"support" is a theme with codes/);
    const missing = run(['code', 'interviews/A1.md', '--code', 'facilitation', '--quote', 'words nobody said'], dir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /not in the document/);
    const noId = run(['uncode', 'interviews/A1.md', '--id', 'zzzz'], dir);
    assert.equal(noId.status, 1);
    assert.match(noId.stderr, /no annotation with id "zzzz"/);
    assert.equal(read('interviews/A1.md'), before);
  });

  it('refuses bad arguments with exit 2: no --code, a file outside the root, a bad occurrence', () => {
    assert.equal(run(['code', 'interviews/A1.md', '--quote', 'x'], dir).status, 2);
    assert.equal(run(['code', '../elsewhere.md', '--code', 'facilitation', '--quote', 'x'], dir).status, 2);
    assert.equal(run(['code', 'interviews/A1.md', '--code', 'facilitation', '--quote', 'x', '--occurrence', '0'], dir).status, 2);
  });

  it('brings moved annotations up to date when it writes, and says so', () => {
    const rel = 'interviews/A1.md';
    const text = fs.readFileSync(file(rel), 'utf8');
    const bodyStart = text.indexOf('\n---\n') + 5;
    fs.writeFileSync(file(rel), text.slice(0, bodyStart) + text.slice(bodyStart).replace('Honestly,', 'Honestly, and I said so then,'));
    const r = run(['code', rel, '--code', 'facilitation', '--quote', 'the data came late'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /updated interviews\/A1\.md: annotation a1x1 moved from \d+ to \d+/);
    const after = fs.readFileSync(file(rel), 'utf8');
    const editedBody = text.slice(bodyStart).replace('Honestly,', 'Honestly, and I said so then,');
    assert.equal(after.slice(after.indexOf('\n---\n') + 5), editedBody, 'the transcript itself is never rewritten');
    const v = run(['validate', '--json'], dir);
    assert.deepEqual(JSON.parse(v.stdout).problems, []);
  });
});
