import { requireBundle } from '../lazy-bundle';
import type * as OfficeWriters from './office-writers';

/** What office-writers.ts exports: `writeXlsx` and `writeDocx`. */
export type OfficeWriterModule = typeof OfficeWriters;

let loading: Promise<OfficeWriterModule> | undefined;

/**
 * The XLSX and DOCX writers, loaded on first use. exceljs and docx are heavy (megabytes of
 * code): loading them with the extension would slow every activation for the sake of an
 * occasional export, so they live in their own bundle, dist/office-writers.js, beside
 * dist/extension.js and dist/cli.js, and are required from there at call time (see
 * ../lazy-bundle.ts; the import type above is erased).
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
  return requireBundle<OfficeWriterModule>('office-writers', 'export/office-writers', 'the XLSX and DOCX writers');
}
