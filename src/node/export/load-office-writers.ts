import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as OfficeWriters from './office-writers';

/** What office-writers.ts exports: `writeXlsx` and `writeDocx`. */
export type OfficeWriterModule = typeof OfficeWriters;

let loading: Promise<OfficeWriterModule> | undefined;

/**
 * The XLSX and DOCX writers, loaded on first use. exceljs and docx are heavy (megabytes of
 * code): loading them with the extension would slow every activation for the sake of an
 * occasional export, so they live in their own bundle, dist/office-writers.js, beside
 * dist/extension.js and dist/cli.js, and are required from there at call time. The path is
 * computed, so esbuild leaves the `require` alone and keeps the writers out of the caller's
 * bundle (the import type above is erased).
 *
 * Run from TypeScript (tsx: the unit tests, the bench), this module is the source file and
 * the writers are its TypeScript neighbour. A native dynamic `import()` of a .ts file would
 * bypass tsx's CommonJS hook, so the source is required as well.
 */
export function loadOfficeWriters(): Promise<OfficeWriterModule> {
  loading ??= Promise.resolve().then(requireOfficeWriters);
  // A failed load is not remembered: a rebuilt bundle can be picked up on the next try.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

function requireOfficeWriters(): OfficeWriterModule {
  const load = createRequire(__filename);
  if (/\.[cm]?ts$/.test(__filename)) return load(path.join(__dirname, 'office-writers')) as OfficeWriterModule;
  const bundle = path.join(__dirname, 'office-writers.js');
  if (!existsSync(bundle)) {
    throw new Error(`the XLSX and DOCX writers are missing (${bundle}); rebuild QualFrame with "npm run build"`);
  }
  return load(bundle) as OfficeWriterModule;
}
