import { parseCorpusDocument } from '../corpus/document';
import { updateAnnotationAnchors, type AnchorUpdate } from '../frontmatter/edit-front-matter';
import { quoteContext } from './new-annotation';

export interface AnchorRefresh {
  readonly id: string;
  readonly kind: 'moved' | 'reworded';
  readonly from: { readonly start: number; readonly quote: string };
  readonly to: { readonly start: number; readonly quote: string };
}

/**
 * Brings the stored `start`, `quote`, `prefix` and `suffix` of every annotation that was
 * found elsewhere (`relocated`: text was edited before it) or re-worded (`fuzzy`) up to date
 * with the body, touching only those entries' values. Called by every write, so a file's
 * positions never drift further than one editing session. Orphans are left as they are.
 */
export function refreshAnchors(path: string, text: string): { text: string; refreshed: AnchorRefresh[] } {
  const { document } = parseCorpusDocument(path, text, { locateProblems: false });
  if (!document) return { text, refreshed: [] };
  const updates: AnchorUpdate[] = [];
  const refreshed: AnchorRefresh[] = [];
  for (const a of document.annotations) {
    const anchor = a.anchor;
    if (anchor.method !== 'relocated' && anchor.method !== 'fuzzy') continue;
    const { prefix, suffix } = quoteContext(document.body, anchor.start, anchor.end);
    updates.push({
      id: a.id,
      start: anchor.start,
      quote: anchor.text,
      ...(a.prefix !== undefined ? { prefix } : {}),
      ...(a.suffix !== undefined ? { suffix } : {}),
    });
    refreshed.push({ id: a.id, kind: anchor.method === 'fuzzy' ? 'reworded' : 'moved', from: { start: a.start, quote: a.quote }, to: { start: anchor.start, quote: anchor.text } });
  }
  return { text: updateAnnotationAnchors(text, updates), refreshed };
}
