/**
 * The intercoder agreement as the panel receives it: the core report (src/core/review/agreement)
 * mapped to the protocol, with the text of the disagreements capped so that a corpus two coders
 * coded very differently is still a message of kilobytes; and finding a compared range again in
 * a document's current body. Pure (no `vscode`), tested in plain Node.
 */
import type { AgreementFigures, AgreementReport } from '../../core/review/agreement';
import type { AgreementDisagreementView, AgreementFiguresView, AgreementRangeView, AgreementViewData } from '../../protocol';

/** How much of the disagreements is sent. */
export interface AgreementViewLimits {
  /** The most characters of one range's text. */
  readonly textLimit: number;
  /** The most ranges, over every document and code. */
  readonly maxRanges: number;
}

export const AGREEMENT_VIEW_LIMITS: AgreementViewLimits = { textLimit: 300, maxRanges: 500 };

/** What the report is of: the corpus, the two coders and how they were told apart. */
export type AgreementSubject = Pick<AgreementViewData, 'root' | 'name' | 'mode' | 'a' | 'b' | 'revision'>;

export function toAgreementView(report: AgreementReport, subject: AgreementSubject, limits: AgreementViewLimits = AGREEMENT_VIEW_LIMITS): AgreementViewData {
  const { disagreements, omittedRanges } = capDisagreements(report, limits);
  return {
    root: subject.root,
    name: subject.name,
    mode: subject.mode,
    a: subject.a,
    b: subject.b,
    ...(subject.revision !== undefined ? { revision: subject.revision } : {}),
    codedOnly: report.codedOnly,
    codes: report.codes.map((c) => ({ code: c.code, ...(c.name !== undefined ? { name: c.name } : {}), ...figuresView(c) })),
    overall: figuresView(report.overall),
    compared: report.documents.length,
    excluded: report.excluded.map((e) => ({ file: e.file, reason: e.reason })),
    uncounted: report.uncounted.length,
    disagreements,
    omittedRanges,
    textLimit: limits.textLimit,
  };
}

function figuresView(f: AgreementFigures): AgreementFiguresView {
  return {
    agreement: finiteOrNull(f.agreement),
    kappa: finiteOrNull(f.kappa),
    alpha: finiteOrNull(f.alpha),
    aChars: f.aChars,
    bChars: f.bChars,
    bothChars: f.bothChars,
    totalChars: f.totalChars,
  };
}

/** JSON has no NaN or Infinity: a figure that is not a number is shown as none. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * The disagreements in report order until `maxRanges` ranges are listed. The disagreement
 * where the cap falls keeps what fits, shared between its two sides (so neither side looks
 * empty when both had ranges); the rest are left out and counted.
 */
function capDisagreements(report: AgreementReport, limits: AgreementViewLimits): { disagreements: AgreementDisagreementView[]; omittedRanges: number } {
  const out: AgreementDisagreementView[] = [];
  let room = Math.max(0, limits.maxRanges);
  let omittedRanges = 0;
  for (const d of report.disagreements) {
    const total = d.onlyA.length + d.onlyB.length;
    if (room === 0) {
      omittedRanges += total;
      continue;
    }
    let takeA = d.onlyA.length;
    let takeB = d.onlyB.length;
    if (total > room) {
      takeA = Math.min(d.onlyA.length, Math.max(Math.ceil(room / 2), room - d.onlyB.length));
      takeB = Math.min(d.onlyB.length, room - takeA);
    }
    const omitted = total - takeA - takeB;
    room -= takeA + takeB;
    omittedRanges += omitted;
    out.push({
      file: d.file,
      code: d.code,
      onlyA: d.onlyA.slice(0, takeA).map((r) => rangeView(r, limits.textLimit)),
      onlyB: d.onlyB.slice(0, takeB).map((r) => rangeView(r, limits.textLimit)),
      omitted,
    });
  }
  return { disagreements: out, omittedRanges };
}

function rangeView(range: { start: number; end: number; text: string }, limit: number): AgreementRangeView {
  return { start: range.start, end: range.end, text: cutText(range.text, limit) };
}

/** The first `limit` UTF-16 units of `text`, never ending inside a surrogate pair. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * Where a compared range is in a document's body now: at the same offsets if the text there is
 * unchanged, else the occurrence of the text nearest to where it was (the body was edited
 * since), else undefined (the text is gone). An empty `text` cannot be looked for: it is taken
 * at its offsets when they are inside the body.
 */
export function locateRange(body: string, range: { readonly start: number; readonly end: number }, text: string | undefined): { start: number; end: number } | undefined {
  if (text === undefined || text === '') {
    return range.end <= body.length ? { start: range.start, end: range.end } : undefined;
  }
  if (body.startsWith(text, range.start)) return { start: range.start, end: range.start + text.length };
  let best: number | undefined;
  for (let at = body.indexOf(text); at !== -1; at = body.indexOf(text, at + 1)) {
    if (best === undefined || Math.abs(at - range.start) < Math.abs(best - range.start)) best = at;
    if (at > range.start) break;
  }
  return best === undefined ? undefined : { start: best, end: best + text.length };
}
