import assert from 'node:assert/strict';
import { ReadyGate } from '../../../../src/extension/webview/ready-gate';

type Message = { readonly type: 'stats'; readonly n: number } | { readonly type: 'other'; readonly n: number };

/** A webview end that records what was sent and answers as told. */
function fakeWebview(delivered: () => boolean = () => true) {
  const sent: Message[] = [];
  const gate = new ReadyGate<Message>((m) => {
    sent.push(m);
    return Promise.resolve(delivered());
  });
  return { sent, gate };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadyGate', () => {
  it('sends nothing before ready, then what waits, the latest of each type in order', () => {
    const { sent, gate } = fakeWebview();
    gate.post({ type: 'stats', n: 1 });
    gate.post({ type: 'other', n: 2 });
    gate.post({ type: 'stats', n: 3 });
    assert.deepEqual(sent, []);
    assert.deepEqual(gate.waitingTypes, ['other', 'stats']);
    gate.opened();
    assert.deepEqual(sent, [{ type: 'other', n: 2 }, { type: 'stats', n: 3 }]);
    assert.deepEqual(gate.waitingTypes, []);
  });

  it('sends at once when ready', () => {
    const { sent, gate } = fakeWebview();
    gate.opened();
    gate.post({ type: 'stats', n: 1 });
    assert.deepEqual(sent, [{ type: 'stats', n: 1 }]);
  });

  it('posts made while preparing on ready replace older waiting ones and are sent once', () => {
    const { sent, gate } = fakeWebview();
    gate.post({ type: 'stats', n: 1 });
    gate.opened(() => gate.post({ type: 'stats', n: 2 }));
    assert.deepEqual(sent, [{ type: 'stats', n: 2 }]);
  });

  it('holds messages after the page is lost, and re-handshakes when it says ready again', () => {
    const { sent, gate } = fakeWebview();
    gate.opened();
    gate.lost();
    assert.equal(gate.isReady, false);
    gate.post({ type: 'stats', n: 1 });
    assert.equal(sent.length, 0);
    gate.opened(() => gate.post({ type: 'stats', n: 2 }));
    assert.deepEqual(sent.map((m) => m.n), [2]);
    gate.opened(() => gate.post({ type: 'stats', n: 3 })); // a reload while ready
    assert.deepEqual(sent.map((m) => m.n), [2, 3]);
  });

  it('keeps a message VS Code could not deliver until the next ready, unless a newer one came', async () => {
    let live = true;
    const { sent, gate } = fakeWebview(() => live);
    gate.opened();
    live = false;
    gate.post({ type: 'stats', n: 1 });
    gate.post({ type: 'other', n: 2 });
    await tick();
    assert.deepEqual(gate.waitingTypes, ['stats', 'other']);
    live = true;
    gate.lost();
    gate.post({ type: 'other', n: 3 });
    gate.opened();
    assert.deepEqual(sent.slice(2), [{ type: 'stats', n: 1 }, { type: 'other', n: 3 }]);
  });

  it('a message sent now drops a waiting one of its type, so the older cannot arrive later', async () => {
    let live = false;
    const { sent, gate } = fakeWebview(() => live);
    gate.opened();
    gate.post({ type: 'stats', n: 1 }); // dropped by VS Code
    await tick();
    live = true;
    gate.post({ type: 'stats', n: 2 });
    await tick();
    gate.opened();
    assert.deepEqual(sent.map((m) => m.n), [1, 2]);
  });

  it('reset forgets what waits, and late delivery failures of the old page', async () => {
    let resolveSend: (delivered: boolean) => void = () => {};
    const sent: Message[] = [];
    const gate = new ReadyGate<Message>((m) => {
      sent.push(m);
      return new Promise<boolean>((resolve) => (resolveSend = resolve));
    });
    gate.opened();
    gate.post({ type: 'stats', n: 1 });
    gate.reset();
    resolveSend(false);
    await tick();
    gate.post({ type: 'other', n: 2 });
    assert.deepEqual(gate.waitingTypes, ['other']);
  });

  it('reports a failed send and still flushes when preparing throws', async () => {
    const errors: string[] = [];
    const gate = new ReadyGate<Message>(
      () => Promise.reject(new Error('gone')),
      (m, e) => errors.push(`${m.type}: ${(e as Error).message}`),
    );
    gate.post({ type: 'stats', n: 1 });
    assert.throws(() => gate.opened(() => { throw new Error('no data'); }), /no data/);
    assert.equal(gate.isReady, true);
    await tick();
    assert.deepEqual(errors, ['stats: gone']);
  });
});
