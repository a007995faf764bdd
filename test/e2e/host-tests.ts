// Compiles the in-host suite (host/build.mjs, shared with scripts/test-desktop.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hostTestsOut, repoRoot } from './paths';

export function buildHostTests(): string {
  const r = spawnSync(process.execPath, [join(repoRoot, 'test', 'e2e', 'host', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compiling the in-host suite failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return hostTestsOut;
}
