import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lines, listFiles, makeTemp, removeTemp, run, type CliResult } from './run-cli';

/** The files a `wrote` / `kept` line names, resolved from the folder the command ran in. */
function reported(r: CliResult, verb: 'wrote' | 'kept', cwd: string): string[] {
  const re = verb === 'wrote' ? /^wrote (.+)$/ : /^kept (.+) \(already there\)$/;
  return lines(r.stdout)
    .map((l) => re.exec(l)?.[1])
    .filter((p): p is string => p !== undefined)
    .map((p) => path.resolve(cwd, p))
    .sort();
}

describe('qualframe init', () => {
  let temp: string | undefined;
  afterEach(() => {
    removeTemp(temp);
    temp = undefined;
  });

  it('in an empty folder writes qualframe.yaml and codebook.yaml, and the result validates', () => {
    const dir = (temp = makeTemp());
    const r = run(['init'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(reported(r, 'wrote', dir), [path.join(dir, 'codebook.yaml'), path.join(dir, 'qualframe.yaml')]);
    assert.deepEqual(reported(r, 'kept', dir), []);
    assert.deepEqual(listFiles(dir), ['codebook.yaml', 'qualframe.yaml']);

    const v = run(['validate', '--root', dir]);
    assert.equal(v.stderr, '');
    assert.equal(v.stdout, '0 documents, 0 codes: no problems\n');
    assert.equal(v.status, 0);
  });

  it('a second init writes nothing, exits 0 and keeps a hand-edited qualframe.yaml byte for byte', () => {
    const dir = (temp = makeTemp());
    const config = '# hand-written\r\ncodebook: codebook.yaml\r\ncompare:\r\n  attribute: wave\r\n';
    const codebook = 'themes: []  # mine\n';
    fs.writeFileSync(path.join(dir, 'qualframe.yaml'), config);
    fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
    const r = run(['init', '--root', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(reported(r, 'wrote', dir), []);
    assert.deepEqual(reported(r, 'kept', dir), [path.join(dir, 'codebook.yaml'), path.join(dir, 'qualframe.yaml')]);
    assert.equal(fs.readFileSync(path.join(dir, 'qualframe.yaml'), 'utf8'), config);
    assert.equal(fs.readFileSync(path.join(dir, 'codebook.yaml'), 'utf8'), codebook);
    assert.deepEqual(listFiles(dir), ['codebook.yaml', 'qualframe.yaml']);
  });

  it('writes only the missing file when a codebook is already there', () => {
    const dir = (temp = makeTemp());
    fs.writeFileSync(path.join(dir, 'codebook.yaml'), 'themes: []\n');
    const r = run(['init'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(reported(r, 'wrote', dir), [path.join(dir, 'qualframe.yaml')]);
    assert.deepEqual(reported(r, 'kept', dir), [path.join(dir, 'codebook.yaml')]);
    assert.equal(fs.readFileSync(path.join(dir, 'codebook.yaml'), 'utf8'), 'themes: []\n');
  });

  it('init NEWDIR creates the folder (and its parents) and writes both files there', () => {
    const dir = (temp = makeTemp());
    const r = run(['init', 'new/study'], dir);
    assert.equal(r.status, 0, r.stderr);
    const target = path.join(dir, 'new', 'study');
    assert.deepEqual(reported(r, 'wrote', dir), [path.join(target, 'codebook.yaml'), path.join(target, 'qualframe.yaml')]);
    assert.deepEqual(listFiles(dir), ['new/study/codebook.yaml', 'new/study/qualframe.yaml']);
  });

  it('without DIR or --root uses the current folder, not the corpus found upward', () => {
    const dir = (temp = makeTemp());
    fs.writeFileSync(path.join(dir, 'qualframe.yaml'), 'codebook: codebook.yaml\n');
    fs.mkdirSync(path.join(dir, 'sub'));
    const r = run(['init'], path.join(dir, 'sub'));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(listFiles(dir), ['qualframe.yaml', 'sub/codebook.yaml', 'sub/qualframe.yaml']);
    assert.equal(fs.readFileSync(path.join(dir, 'qualframe.yaml'), 'utf8'), 'codebook: codebook.yaml\n');
  });

  it('exits 2 when DIR is a file, writing nothing', () => {
    const dir = (temp = makeTemp());
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    const r = run(['init', 'a-file'], dir);
    assert.equal(r.status, 2);
    assert.notEqual(r.stderr, '');
    assert.deepEqual(listFiles(dir), ['a-file']);
  });
});
