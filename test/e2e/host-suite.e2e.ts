// The in-host suite (host/), run inside code-server's extension host through VS Code's
// extension-test protocol: the page URL names the compiled suite as `extensionTestsPath`, the
// host runs its mocha, and the workbench reports the outcome through `codeAutomationExit`.
import * as assert from 'node:assert/strict';
import { useVSCode } from './harness';
import { buildHostTests } from './host-tests';
import { RESULT_PREFIX, type HostResult } from './host/result';
import { hostTestsOut } from './paths';

describe('The in-host suite in code-server', function () {
  before(function () {
    this.timeout(60_000);
    buildHostTests();
  });
  const vscode = useVSCode({ name: 'host-suite', extensionTestsPath: hostTestsOut });

  it('passes inside the extension host', async function () {
    const session = vscode();
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      session.automationExit,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the in-host suite did not finish within 90 s; its console:\n${session.hostConsole.join('\n')}`)), 90_000);
      }),
    ]).finally(() => clearTimeout(timer));
    const output = session.hostConsole.join('\n');
    const line = session.hostConsole.map((l) => l.slice(Math.max(0, l.indexOf(RESULT_PREFIX)))).find((l) => l.startsWith(RESULT_PREFIX));
    const counts = line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as HostResult) : undefined;
    console.log(`      in-host mocha: ${counts ? `${counts.passed} passed, ${counts.failed} failed` : 'no result line'} (exit ${code})`);
    assert.ok(counts, `the in-host suite printed no result line; its console:\n${output}`);
    assert.equal(counts.failed, 0, `in-host failures:\n${output}`);
    assert.ok(counts.passed > 0, `no in-host test passed:\n${output}`);
    assert.equal(code, 0, `the workbench reported exit ${code}:\n${output}`);
  });
});
