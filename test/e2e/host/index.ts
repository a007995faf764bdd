// The in-host suite's entry point: VS Code's extension-test protocol loads this module (compiled
// by esbuild to .vscode-test/host-tests/index.js, see ../host-tests.ts) inside the extension
// host and awaits `run()`. Used by desktop VS Code (scripts/test-desktop.mjs, through
// @vscode/test-electron) and by code-server (host-suite.e2e.ts, through the page URL).
import Mocha from 'mocha';
import { registerHostTests } from './extension.host-test';
import { RESULT_PREFIX, type HostResult } from './result';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The suite is bundled, not loaded from files: give it mocha's globals (describe, it, ...) first.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'qualframe-host-tests', mocha);
  registerHostTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      const result: HostResult = { passed: passes, failed: failures, skipped: pending };
      console.log(`${RESULT_PREFIX} ${JSON.stringify(result)}`);
      if (failures > 0) reject(new Error(`${failures} in-host test${failures === 1 ? '' : 's'} failed`));
      else resolve();
    });
  });
}
