/**
 * Auto-coding: a code applied to search hits, one new segment per passage. The plan is worked
 * out on the corpus as loaded (pure, no I/O); the caller shows it, then writes each file's
 * entries with {@link applyAutoCode}, the same surgical writer as coding by hand.
 */
import { newAnnotationEntry, newAnnotationId } from '../coding/new-annotation';
import type { Corpus } from '../corpus/corpus';
import type { CorpusDocument } from '../corpus/document';
import { addAnnotation, type AnnotationEntry } from '../frontmatter/edit-front-matter';
import type { SearchHit } from './types';

/** A new segment: the hit's passage, to be coded in `file`. */
export interface AutoCodeAddition {
  readonly file: string;
  readonly hit: SearchHit;
  readonly entry: AnnotationEntry;
}

/**
 * A hit left out: its passage already overlaps a segment with the code (`already-coded`), its
 * document is no longer in the corpus (`document-gone`), its text is no longer at its offsets
 * (`text-changed`), or it has no words to quote (`empty`).
 */
export interface AutoCodeSkip {
  readonly file: string;
  readonly hit: SearchHit;
  readonly reason: 'already-coded' | 'document-gone' | 'text-changed' | 'empty';
}

export interface AutoCodePlan {
  /** One per passage, in the order of the hits. */
  readonly additions: readonly AutoCodeAddition[];
  /** Hits left out, in their order. A passage hit twice counts once, in one list or the other. */
  readonly skipped: readonly AutoCodeSkip[];
}

export interface AutoCodeOptions {
  /** Who codes (the entries' `by`). */
  readonly by?: string;
  /** For new ids (tests); Math.random by default. */
  readonly random?: () => number;
}

/**
 * The segments that coding `hits` with `code` adds: each hit's passage words,
 * `body[hit.textStart, hit.end)` (a turn's `Name: ` label is not quoted), trimmed of white
 * space. Whether `code` is in the codebook is the caller's to check.
 */
export function planAutoCode(corpus: Corpus, hits: readonly SearchHit[], code: string, options: AutoCodeOptions = {}): AutoCodePlan {
  if (code.trim() === '') throw new Error('auto-coding needs a code to apply: the code given is empty');
  const documents = new Map<string, CorpusDocument>(corpus.documents.map((d) => [d.path, d]));
  const additions: AutoCodeAddition[] = [];
  const skipped: AutoCodeSkip[] = [];
  /** Ids taken per file: the file's own, and those given in this plan. */
  const taken = new Map<string, Set<string>>();
  /** Passages seen: `file` NUL `start` NUL `end`. */
  const seen = new Set<string>();
  for (const hit of hits) {
    const file = hit.file;
    const key = `${file}\u0000${hit.start}\u0000${hit.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const document = documents.get(file);
    if (!document) {
      skipped.push({ file, hit, reason: 'document-gone' });
      continue;
    }
    const body = document.body;
    if (hit.start < 0 || hit.end > body.length || hit.textStart < hit.start || hit.textStart > hit.end || body.slice(hit.start, hit.end) !== hit.text) {
      skipped.push({ file, hit, reason: 'text-changed' });
      continue;
    }
    let start = hit.textStart;
    let end = hit.end;
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    if (start === end) {
      skipped.push({ file, hit, reason: 'empty' });
      continue;
    }
    const coded = document.annotations.some((a) => a.code === code && a.anchor.method !== 'orphan' && a.anchor.start < end && a.anchor.end > start);
    if (coded) {
      skipped.push({ file, hit, reason: 'already-coded' });
      continue;
    }
    let ids = taken.get(file);
    if (!ids) {
      ids = new Set(document.annotations.map((a) => a.id));
      taken.set(file, ids);
    }
    const id = newAnnotationId(ids, options.random);
    ids.add(id);
    const entry = newAnnotationEntry(body, { start, quote: body.slice(start, end) }, { id, code, ...(options.by !== undefined ? { by: options.by } : {}) });
    additions.push({ file, hit, entry });
  }
  return { additions, skipped };
}

/**
 * Adds the entries to a document's text (without its BOM), in order, each with the surgical
 * writer: only their own lines are added, in `start` then `id` order, line endings kept.
 */
export function applyAutoCode(text: string, entries: readonly AnnotationEntry[]): string {
  let out = text;
  for (const entry of entries) out = addAnnotation(out, entry);
  return out;
}
