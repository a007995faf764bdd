/**
 * The agreement of two coders on one yes/no question asked of every unit (here: "is this
 * character coded with this code?"), from the 2×2 table of their answers.
 */

/** How many units each pair of answers got. */
export interface AgreementTable {
  /** Coded by both coders. */
  readonly both: number;
  /** Coded by coder A only. */
  readonly aOnly: number;
  /** Coded by coder B only. */
  readonly bOnly: number;
  /** Coded by neither. */
  readonly neither: number;
}

export const EMPTY_TABLE: AgreementTable = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };

/**
 * The three figures of a table. Each is `null` when the table has no units at all (nothing to
 * agree on); kappa and alpha are 1 when every unit got the same answer from both coders
 * (see {@link cohensKappa}).
 */
export interface AgreementMeasures {
  /** Percentage agreement as a fraction: (both + neither) / units. */
  readonly agreement: number | null;
  /** Cohen's kappa. */
  readonly kappa: number | null;
  /** Krippendorff's alpha, nominal, two coders, every unit answered by both. */
  readonly alpha: number | null;
}

export function addTables(a: AgreementTable, b: AgreementTable): AgreementTable {
  return { both: a.both + b.both, aOnly: a.aOnly + b.aOnly, bOnly: a.bOnly + b.bOnly, neither: a.neither + b.neither };
}

export function tableTotal(t: AgreementTable): number {
  return t.both + t.aOnly + t.bOnly + t.neither;
}

export function measure(t: AgreementTable): AgreementMeasures {
  return { agreement: percentAgreement(t), kappa: cohensKappa(t), alpha: krippendorffAlpha(t) };
}

export function percentAgreement(t: AgreementTable): number | null {
  const n = tableTotal(t);
  return n === 0 ? null : (t.both + t.neither) / n;
}

/**
 * Cohen's kappa, (po − pe) / (1 − pe), with pe from each coder's own share of coded units.
 * pe is 1 only when both coders gave every unit the same single answer (both coded all of it,
 * or both coded none of it); observed agreement is then 1 as well and the ratio is 0/0. That
 * is perfect agreement, so it is reported as 1 rather than left undefined: a code neither
 * coder applied in a document agrees there, it does not make the figure vanish.
 */
export function cohensKappa(t: AgreementTable): number | null {
  const n = tableTotal(t);
  if (n === 0) return null;
  if (degenerate(t)) return 1;
  const a1 = t.both + t.aOnly;
  const b1 = t.both + t.bOnly;
  const po = (t.both + t.neither) / n;
  const pe = ((a1 / n) * (b1 / n)) + (((n - a1) / n) * ((n - b1) / n));
  return (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data, two coders, every unit coded by both:
 * 1 − (n − 1) · D / (n₀ · n₁), with n = 2 · units pairable values, n₀ and n₁ the values of each
 * kind and D the units the coders disagree on. When all values are of one kind the expected
 * disagreement is 0; as for kappa, that is reported as 1.
 */
export function krippendorffAlpha(t: AgreementTable): number | null {
  const units = tableTotal(t);
  if (units === 0) return null;
  if (degenerate(t)) return 1;
  const n = 2 * units;
  const n1 = 2 * t.both + t.aOnly + t.bOnly;
  const n0 = 2 * t.neither + t.aOnly + t.bOnly;
  const disagreements = t.aOnly + t.bOnly;
  // Divided step by step: pooled over a large corpus, n₀ · n₁ passes 2⁵³.
  return 1 - ((n - 1) / n0) * (disagreements / n1);
}

/** Every unit answered the same way by both coders: all coded, or none. */
function degenerate(t: AgreementTable): boolean {
  return t.aOnly === 0 && t.bOnly === 0 && (t.both === 0 || t.neither === 0);
}
