// Where things are: the repository, the code-server install (scripts/setup-vscode.mjs) and the
// browser the tests drive.
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const sampleWorkspace = join(repoRoot, 'sample-workspace');
export const codeServerEntry = join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.QUALFRAME_CHROMIUM ?? '/usr/bin/chromium';
export const extensionBundle = join(repoRoot, 'dist', 'extension.js');
/** Failure artifacts (screenshot, logs), one folder per failed test. Git-ignored. */
export const testResults = join(repoRoot, 'test-results');
/** The in-host suite compiled by esbuild (see host-tests.ts). */
export const hostTestsOut = join(repoRoot, '.vscode-test', 'host-tests', 'index.js');
