import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, run } from './run-cli';

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('qualframe help and errors', () => {
  describe('usage', () => {
    it('--help prints usage naming every command on stdout, exit 0', () => {
      const r = run(['--help']);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /Usage: qualframe <command>/);
      for (const name of ['init', 'validate', 'stats']) assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'));
    });

    it('no arguments prints usage on stderr, exit 2', () => {
      const r = run([]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /Usage: qualframe <command>/);
    });

    it('help CMD prints that command\'s usage on stdout, exit 0', () => {
      const r = run(['help', 'validate']);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^Usage: qualframe validate /);
      assert.match(r.stdout, /--json/);
    });

    for (const [args, name] of [
      [['stats', '--help'], 'stats'],
      [['init', '-h'], 'init'],
    ] as const) {
      it(`${args.join(' ')} prints the usage of ${name} on stdout, exit 0`, () => {
        const r = run(args);
        assert.equal(r.status, 0);
        assert.equal(r.stderr, '');
        assert.match(r.stdout, new RegExp(`^Usage: qualframe ${name} `));
      });
    }

    it('--version prints the package version', () => {
      const r = run(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), VERSION);
    });
  });

  describe('errors (exit 2, message on stderr, nothing on stdout)', () => {
    const cases: readonly [string, string[], RegExp][] = [
      ['an unknown command', ['bogus'], /unknown command "bogus"/],
      ['help for an unknown command', ['help', 'bogus'], /unknown command "bogus"/],
      ['an unknown option', ['stats', '--bogus'], /--bogus/],
      ['--json contradicting --format text', ['validate', '--json', '--format', 'text'], /--json and --format text/],
      ['an unknown format', ['validate', '--format', 'xml'], /--format xml/],
      ['a stray argument', ['validate', 'extra'], /extra/],
      ['--root without a value', ['stats', '--root'], /--root/],
    ];
    for (const [what, args, message] of cases) {
      it(`${what}: qualframe ${args.join(' ')}`, () => {
        const r = run(args);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, message);
      });
    }
  });
});
