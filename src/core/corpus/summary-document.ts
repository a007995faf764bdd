import type { Case } from './corpus';

/**
 * The document a case's summary of `theme` is written to (format spec, "A document"): the
 * one that already holds that summary; else the first, in path order, that holds any
 * summaries; else the case's first document. Keeps each case's charting in one place, so the
 * same theme is never summarised twice in a case.
 */
export function summaryDocumentFor(c: Case, theme: string): string | undefined {
  const existing = c.summaries.get(theme);
  if (existing) return existing.document;
  return (c.documents.find((d) => d.summaries.length > 0) ?? c.documents[0])?.path;
}
