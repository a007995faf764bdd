/**
 * The Intercoder Agreement panel's pure part: how figures and counts are written, which kappas
 * are flagged, the words for exclusions and modes, the disagreements grouped by document, and
 * the saved-state check. No DOM, so it is tested in plain Node.
 */
import {
  AGREEMENT_KAPPA_THRESHOLD,
  type AgreementCodeView,
  type AgreementDisagreementView,
  type AgreementExclusionReason,
  type AgreementPanelState,
  type AgreementRangeView,
  type AgreementViewData,
} from '../../src/protocol';

/** Shown for a figure that has no value (nothing was counted). */
export const NO_FIGURE = '—';

/** A fraction (agreement, kappa, alpha) to three decimals; {@link NO_FIGURE} for none. */
export function formatFigure(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE;
  const text = value.toFixed(3);
  // -0.0004 rounds to "-0.000": no sign on a zero.
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

/** A count of characters, or a dash for what is not one. */
export function formatChars(n: number): string {
  return Number.isSafeInteger(n) && n >= 0 ? String(n) : '–';
}

/** Whether a kappa is flagged: below {@link AGREEMENT_KAPPA_THRESHOLD} (no kappa is not flagged). */
export function isLowKappa(kappa: number | null, threshold: number = AGREEMENT_KAPPA_THRESHOLD): boolean {
  return kappa !== null && Number.isFinite(kappa) && kappa < threshold;
}

/** The words beside a flagged kappa, so the flag is not colour alone. */
export const LOW_KAPPA_TEXT = `below ${AGREEMENT_KAPPA_THRESHOLD}`;

/** A code as the table names it: its codebook name, else its id. */
export function codeLabel(code: Pick<AgreementCodeView, 'code' | 'name'>): string {
  return code.name !== undefined && code.name !== '' ? code.name : code.code;
}

export const EXCLUSION_TEXT: Readonly<Record<AgreementExclusionReason, string>> = {
  'body-differs': 'the text differs between the two revisions',
  'only-in-a': 'only in A’s revision',
  'only-in-b': 'only in B’s revision',
  'unreadable-in-a': 'cannot be read in A’s revision',
  'unreadable-in-b': 'cannot be read in B’s revision',
  unreadable: 'cannot be read',
  'not-coded-by-both': 'not coded by both coders',
};

/** Why a document was left out, in words; an unknown reason (a newer host) as sent. */
export function exclusionText(reason: string): string {
  return Object.prototype.hasOwnProperty.call(EXCLUSION_TEXT, reason) ? EXCLUSION_TEXT[reason as AgreementExclusionReason] : reason;
}

/** Whether the text sent is only the start of the range. */
export function isCut(range: AgreementRangeView): boolean {
  return range.text.length < range.end - range.start;
}

/**
 * A range's text as a button shows it: `…` after a cut text; a range of only blank characters
 * (a line break one coder took in and the other did not) says so rather than showing nothing.
 */
export function rangeLabel(range: AgreementRangeView): string {
  if (range.text.trim() === '') {
    const n = range.end - range.start;
    return `(${n} blank ${n === 1 ? 'character' : 'characters'})`;
  }
  return isCut(range) ? `${range.text}…` : range.text;
}

/** The two coders as the header names them. */
export function subjectText(data: Pick<AgreementViewData, 'mode' | 'a' | 'b' | 'revision'>): { readonly mode: string; readonly a: string; readonly b: string } {
  if (data.mode === 'revisions') return { mode: 'Two revisions, one per coder', a: `A: ${data.a}`, b: `B: ${data.b}` };
  return { mode: `Two coders (by) in ${data.revision ?? 'one revision'}`, a: `A: ${data.a}`, b: `B: ${data.b}` };
}

/** What was counted, in one line. */
export function scopeText(data: Pick<AgreementViewData, 'compared' | 'excluded' | 'codedOnly' | 'overall'>): string {
  const docs = `${data.compared} ${data.compared === 1 ? 'document' : 'documents'} compared`;
  const left = data.excluded.length > 0 ? `, ${data.excluded.length} left out` : '';
  const unit = data.codedOnly ? 'counting only the text either coder coded' : 'counting every character of the documents';
  return `${docs}${left}; ${unit} (${formatChars(data.overall.totalChars)} characters).`;
}

/** One code's disagreement in a document, with its label. */
export interface DisagreementItem extends Omit<AgreementDisagreementView, 'file'> {
  readonly label: string;
}

export interface DocumentDisagreements {
  readonly file: string;
  readonly items: readonly DisagreementItem[];
}

/** The disagreements by document (in the order sent), each document's codes in the order sent. */
export function groupDisagreements(data: Pick<AgreementViewData, 'codes' | 'disagreements'>): DocumentDisagreements[] {
  const labels = new Map(data.codes.map((c) => [c.code, codeLabel(c)]));
  const byFile = new Map<string, DisagreementItem[]>();
  for (const d of data.disagreements) {
    let items = byFile.get(d.file);
    if (!items) byFile.set(d.file, (items = []));
    items.push({ code: d.code, label: labels.get(d.code) ?? d.code, onlyA: d.onlyA, onlyB: d.onlyB, omitted: d.omitted });
  }
  return [...byFile].map(([file, items]) => ({ file, items }));
}

/** The ranges listed in all disagreements. */
export function rangeCount(disagreements: readonly AgreementDisagreementView[]): number {
  let n = 0;
  for (const d of disagreements) n += d.onlyA.length + d.onlyB.length;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Saved state

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isFigure = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

function isFigures(v: unknown): boolean {
  return isRecord(v) && isFigure(v.agreement) && isFigure(v.kappa) && isFigure(v.alpha)
    && isCount(v.aChars) && isCount(v.bChars) && isCount(v.bothChars) && isCount(v.totalChars);
}

function isRange(v: unknown): boolean {
  return isRecord(v) && isCount(v.start) && isCount(v.end) && isString(v.text);
}

function isDisagreement(v: unknown): boolean {
  return isRecord(v) && isString(v.file) && isString(v.code) && isCount(v.omitted)
    && Array.isArray(v.onlyA) && v.onlyA.every(isRange) && Array.isArray(v.onlyB) && v.onlyB.every(isRange);
}

/** Whether `data` is agreement data the panel can draw (saved state is checked field by field: it may be older). */
export function isAgreementViewData(data: unknown): data is AgreementViewData {
  if (!isRecord(data)) return false;
  if (!isString(data.root) || !isString(data.name) || !isString(data.a) || !isString(data.b)) return false;
  if (data.mode !== 'revisions' && data.mode !== 'coders') return false;
  if (data.revision !== undefined && !isString(data.revision)) return false;
  if (typeof data.codedOnly !== 'boolean' || !isFigures(data.overall) || !isCount(data.compared) || !isCount(data.uncounted)) return false;
  if (!isCount(data.omittedRanges) || !isCount(data.textLimit)) return false;
  if (!Array.isArray(data.codes) || !data.codes.every((c) => isFigures(c) && isString((c as Record<string, unknown>).code)
    && ((c as Record<string, unknown>).name === undefined || isString((c as Record<string, unknown>).name)))) return false;
  if (!Array.isArray(data.excluded) || !data.excluded.every((e) => isRecord(e) && isString(e.file) && isString(e.reason))) return false;
  return Array.isArray(data.disagreements) && data.disagreements.every(isDisagreement);
}

export function isAgreementPanelState(state: unknown): state is AgreementPanelState {
  return isRecord(state) && state.version === 1 && (state.data === null || isAgreementViewData(state.data));
}
