// Compiles the in-host suite (index.ts) to one CommonJS file the extension host can load:
// .vscode-test/host-tests/index.js. `vscode` and mocha stay external (mocha resolves from the
// project's node_modules). Used by scripts/test-desktop.mjs and by host-suite.e2e.ts.
//   node test/e2e/host/build.mjs   prints the output path
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const hostTestsOut = fileURLToPath(new URL('../../../.vscode-test/host-tests/index.js', import.meta.url));

export async function buildHostTests() {
  await build({
    absWorkingDir: root,
    entryPoints: [fileURLToPath(new URL('index.ts', import.meta.url))],
    outfile: hostTestsOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return hostTestsOut;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await buildHostTests());
