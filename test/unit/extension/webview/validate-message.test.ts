import assert from 'node:assert/strict';
import { MAX_FILE_LENGTH, MAX_ROOT_LENGTH, WEBVIEW_COMMANDS, type FromWebviewMessage } from '../../../../src/protocol';
import { checkFromWebviewMessage, checkRelativeFile } from '../../../../src/extension/webview/validate-message';

function accepted(raw: unknown): FromWebviewMessage {
  const result = checkFromWebviewMessage(raw);
  assert.ok(result.ok, `expected ${JSON.stringify(raw)} to be accepted, got ${result.ok ? '' : result.reason}`);
  return result.message;
}

function rejected(raw: unknown, reason?: RegExp): void {
  const result = checkFromWebviewMessage(raw);
  assert.equal(result.ok, false, `expected ${String(JSON.stringify(raw))} to be rejected`);
  if (reason && !result.ok) assert.match(result.reason, reason);
}

/** As it would arrive: structured-cloned plain data. */
const json = (text: string): unknown => JSON.parse(text);

describe('checkFromWebviewMessage', () => {
  describe('accepts every valid message', () => {
    it('ready and refresh', () => {
      assert.deepEqual(accepted({ type: 'ready' }), { type: 'ready' });
      assert.deepEqual(accepted({ type: 'refresh' }), { type: 'refresh' });
    });

    it('runCommand with each allow-listed command', () => {
      for (const command of WEBVIEW_COMMANDS) assert.deepEqual(accepted({ type: 'runCommand', command }), { type: 'runCommand', command });
    });

    it('openFile with a root and a relative file', () => {
      const message = { type: 'openFile', root: '/home/ana/study', file: 'transcripts/2016/P3.md' };
      assert.deepEqual(accepted(message), message);
      assert.deepEqual(accepted({ type: 'openFile', root: 'file:///c%3A/study', file: 'sub with space/ünïcode.md' }).type, 'openFile');
    });

    it('strings exactly at their limits', () => {
      accepted({ type: 'openFile', root: 'r'.repeat(MAX_ROOT_LENGTH), file: 'f'.repeat(MAX_FILE_LENGTH) });
    });

    it('a null-prototype object (as a structured clone may be)', () => {
      accepted(Object.assign(Object.create(null) as object, { type: 'refresh' }));
    });

    it('returns a new frozen object, not the one that arrived', () => {
      const raw = { type: 'openFile', root: '/r', file: 'a.md' };
      const message = accepted(raw);
      assert.notEqual(message, raw);
      assert.ok(Object.isFrozen(message));
    });
  });

  describe('rejects', () => {
    it('what is not a plain object', () => {
      for (const raw of [undefined, null, 'ready', 42, true, ['ready'], [{ type: 'ready' }], () => 'ready']) rejected(raw);
      rejected(new (class Ready { type = 'ready'; })(), /plain object/);
      rejected(new Date(), /plain object/);
    });

    it('a missing or non-string type', () => {
      rejected({}, /type/);
      rejected({ type: 1 }, /type/);
      rejected({ type: null }, /type/);
      rejected({ type: ['ready'] }, /type/);
      rejected({ kind: 'ready' });
    });

    it('an inherited type', () => {
      rejected(Object.create({ type: 'ready' }) as object);
    });

    it('unknown types, including names of Object.prototype members', () => {
      for (const type of ['stats', 'Ready', 'READY', ' ready', 'eval', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '']) {
        rejected({ type }, /unknown type|forbidden key/);
      }
    });

    it('extra fields', () => {
      rejected({ type: 'ready', extra: 1 }, /unexpected field "extra"/);
      rejected({ type: 'refresh', data: {} }, /unexpected field/);
      rejected({ type: 'runCommand', command: 'qualframe.validateCorpus', args: ['--x'] }, /unexpected field "args"/);
      rejected({ type: 'openFile', root: '/r', file: 'a.md', line: 3 }, /unexpected field "line"/);
    });

    it('missing fields', () => {
      rejected({ type: 'runCommand' }, /missing field command/);
      rejected({ type: 'openFile', root: '/r' }, /missing field file/);
      rejected({ type: 'openFile', file: 'a.md' }, /missing field root/);
    });

    it('wrongly typed fields', () => {
      rejected({ type: 'runCommand', command: 1 }, /not a string/);
      rejected({ type: 'runCommand', command: ['qualframe.validateCorpus'] }, /not a string/);
      rejected({ type: 'openFile', root: 1, file: 'a.md' }, /root is not a string/);
      rejected({ type: 'openFile', root: '/r', file: { path: 'a.md' } }, /file is not a string/);
      rejected({ type: 'openFile', root: '/r', file: null }, /file is not a string/);
    });

    it('commands that are not allow-listed', () => {
      for (const command of ['workbench.action.terminal.new', 'qualframe.initialiseCorpus', 'QUALFRAME.VALIDATECORPUS', 'qualframe.validateCorpus ', '', 'qualframe.validateCorpus\u0000']) {
        rejected({ type: 'runCommand', command }, /not allowed/);
      }
    });

    it('over-long and empty strings', () => {
      rejected({ type: 'openFile', root: 'r'.repeat(MAX_ROOT_LENGTH + 1), file: 'a.md' }, /root is longer/);
      rejected({ type: 'openFile', root: '/r', file: 'f'.repeat(MAX_FILE_LENGTH + 1) }, /file is longer/);
      rejected({ type: 'openFile', root: '', file: 'a.md' }, /root is empty/);
      rejected({ type: 'openFile', root: '/r', file: '' }, /file is empty/);
    });

    it('control characters in a root or file', () => {
      rejected({ type: 'openFile', root: '/r\u0000', file: 'a.md' }, /control/);
      rejected({ type: 'openFile', root: '/r', file: 'a\n.md' }, /control/);
      rejected({ type: 'openFile', root: '/r', file: 'a\u2028.md' }, /control/);
    });

    it('files that could leave their root', () => {
      for (const file of ['/etc/passwd', '../outside.md', 'transcripts/../../x.md', './a.md', 'a//b.md', 'a/', 'C:/x.md', 'c:x.md', 'a\\..\\b.md', '..']) {
        rejected({ type: 'openFile', root: '/r', file }, /file /);
      }
    });

    it('prototype-pollution keys, and leaves Object.prototype alone', () => {
      rejected(json('{"type":"ready","__proto__":{"polluted":true}}'), /forbidden key "__proto__"/);
      rejected(json('{"__proto__":{"type":"ready"}}'), /forbidden key/);
      rejected(json('{"type":"openFile","root":"/r","file":"a.md","constructor":{"prototype":{"polluted":true}}}'), /forbidden key "constructor"/);
      rejected({ type: 'refresh', prototype: {} }, /forbidden key "prototype"/);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('symbol keys and accessor fields', () => {
      rejected({ type: 'ready', [Symbol('x')]: 1 }, /symbol/);
      let reads = 0;
      const getter = Object.defineProperty({}, 'type', { enumerable: true, get: () => (reads++ === 0 ? 'ready' : 'runCommand') });
      rejected(getter, /data field/);
      const hidden = Object.defineProperty({ type: 'ready' }, 'secret', { value: 1, enumerable: false });
      rejected(hidden, /unexpected field "secret"/);
    });

    it('reports long values shortened, on one line', () => {
      const result = checkFromWebviewMessage({ type: `x${'y'.repeat(500)}\n` });
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.ok(result.reason.length < 100, result.reason);
        assert.doesNotMatch(result.reason, /\n/);
      }
    });
  });
});

describe('checkRelativeFile', () => {
  it('accepts POSIX paths relative to a root, as Problem.file has them', () => {
    for (const file of ['P3.md', 'transcripts/2016/P3.md', 'sub with space/file.md', '.hidden/a.md', 'a..b.md', 'codebook.yaml']) {
      assert.equal(checkRelativeFile(file), undefined, file);
    }
  });
});
