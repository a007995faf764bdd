// Test support (not a spec): a short interview and selectors made the way the extension makes
// them, with up to 32 characters of context either side of the quote.
import type { QuoteSelector } from '../../../../src/core/anchoring/types';

export const TRANSCRIPT = [
  'Interviewer: Thanks for joining me. Could you start by describing your role?',
  '',
  'P1: I lead the cluster in the north of the county. We meet every six weeks, and the practices take turns to host.',
  '',
  'Interviewer: What has worked well?',
  '',
  "P1: Honestly, the protected time. If there isn't a locum to cover the surgery, the protected time will quietly get eaten by clinical work, and nobody will notice until the end of the year.",
  '',
  'Interviewer: And what worries you?',
  '',
  'P1: What worries me most is that we will be judged on admissions before anyone has had time to change anything.',
].join('\n');

/** A selector for the `occurrence`-th (0-based) occurrence of `quote` in `body`. */
export function selectorFor(body: string, quote: string, occurrence = 0): QuoteSelector {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = body.indexOf(quote, start + 1);
    if (start === -1) throw new Error(`test setup: ${JSON.stringify(quote)} does not occur ${occurrence + 1} times`);
  }
  const end = start + quote.length;
  return { start, quote, prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32) };
}

/** The body with `from` (which must occur once) replaced by `to`. */
export function edit(body: string, from: string, to: string): string {
  const at = body.indexOf(from);
  if (at === -1 || body.indexOf(from, at + 1) !== -1) throw new Error(`test setup: ${JSON.stringify(from)} must occur exactly once`);
  return body.slice(0, at) + to + body.slice(at + from.length);
}

/** Whether `text` holds half of a surrogate pair without the other half. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
