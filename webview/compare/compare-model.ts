/**
 * The Compare Waves panel's pure part: which rows the table shows (status filter, order), the
 * words for each status, the bar geometry of the diverging chart and the saved-state check.
 * No DOM, so it is tested in plain Node.
 */
import {
  COMPARE_STATUSES,
  type CompareCodeView,
  type ComparePanelState,
  type CompareSort,
  type CompareStatus,
  type CompareThemeView,
  type CompareViewData,
} from '../../src/protocol';

/** A status in the words of a two-wave study: the baseline predicts, the follow-up reports. */
export const STATUS_LABELS: Readonly<Record<CompareStatus, string>> = {
  both: 'Predicted and reported',
  'baseline-only': 'Predicted, not reported',
  'followup-only': 'Emergent',
  unused: 'Unused',
};

export const SORTS: readonly { readonly sort: CompareSort; readonly label: string }[] = [
  { sort: 'codebook', label: 'Codebook order' },
  { sort: 'baseline', label: 'Baseline share' },
  { sort: 'followup', label: 'Follow-up share' },
  { sort: 'status', label: 'Status' },
];

/** A line of the table: a theme, or one of its codes beneath it. */
export type CompareRow =
  | { readonly kind: 'theme'; readonly theme: CompareThemeView; readonly item: CompareThemeView }
  | { readonly kind: 'code'; readonly theme: CompareThemeView; readonly item: CompareCodeView };

/** The theme and code a row stands for (`code` `""` for the theme). */
export interface CompareKey {
  readonly theme: string;
  readonly code: string;
}

export function keyOfRow(row: CompareRow): CompareKey {
  return { theme: row.theme.id, code: row.kind === 'code' ? row.item.id : '' };
}

export function sameKey(a: CompareKey | undefined, b: CompareKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.theme === b.theme && a.code === b.code;
}

const STATUS_ORDER: Readonly<Record<CompareStatus, number>> = { both: 0, 'baseline-only': 1, 'followup-only': 2, unused: 3 };

/**
 * The rows shown: themes in the order asked (codebook, a wave's share of cases, most first, or
 * status), each followed by its codes in the same order. A code is shown when its status is
 * among `statuses`; a theme when its own status is, or when one of its codes is shown (so a
 * code never appears without its theme).
 */
export function visibleRows(data: CompareViewData, statuses: ReadonlySet<CompareStatus>, sort: CompareSort): CompareRow[] {
  const order = <T extends CompareCodeView>(items: readonly T[]): T[] => {
    const indexed = items.map((item, index) => ({ item, index }));
    indexed.sort((a, b) => compareBy(sort, a.item, b.item) || a.index - b.index);
    return indexed.map((x) => x.item);
  };
  const rows: CompareRow[] = [];
  for (const theme of order(data.themes)) {
    const codes = order(theme.codes).filter((c) => statuses.has(c.status));
    if (!statuses.has(theme.status) && codes.length === 0) continue;
    rows.push({ kind: 'theme', theme, item: theme });
    for (const code of codes) rows.push({ kind: 'code', theme, item: code });
  }
  return rows;
}

function compareBy(sort: CompareSort, a: CompareCodeView, b: CompareCodeView): number {
  switch (sort) {
    case 'codebook':
      return 0;
    case 'baseline':
      return b.baseline.share - a.baseline.share || b.baseline.segments - a.baseline.segments;
    case 'followup':
      return b.followup.share - a.followup.share || b.followup.segments - a.followup.segments;
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  }
}

/** A share as a whole percentage: `0.5` → `50%` (as the exports print it). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A case id as the paper prints it after a quote. */
export function caseTag(caseId: string): string {
  return `[${caseId}]`;
}

/**
 * The diverging bar of one row in a chart `width` wide: the baseline's share grows left from
 * the middle, the follow-up's right; each half is the whole wave (a share of 1). Widths are
 * rounded to a tenth of a unit; a share above 0 always shows at least one unit.
 */
export function divergingBar(baselineShare: number, followupShare: number, width: number): { readonly left: number; readonly right: number; readonly middle: number } {
  const half = width / 2;
  const size = (share: number) => {
    const clamped = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
    return clamped === 0 ? 0 : Math.max(1, Math.round(clamped * half * 10) / 10);
  };
  return { left: size(baselineShare), right: size(followupShare), middle: half };
}

/** The statuses shown: all when none were saved. */
export function statusSet(saved: readonly CompareStatus[] | undefined): Set<CompareStatus> {
  return new Set(saved ?? COMPARE_STATUSES);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown) => isRecord(v) && typeof v.cases === 'number' && typeof v.segments === 'number' && typeof v.share === 'number';
const isStatus = (v: unknown): v is CompareStatus => (COMPARE_STATUSES as readonly unknown[]).includes(v);

function isCodeView(v: unknown): v is CompareCodeView {
  return isRecord(v) && isString(v.id) && isString(v.name) && isStatus(v.status) && (v.firstWave === null || isString(v.firstWave))
    && isCount(v.baseline) && isCount(v.followup);
}

function isThemeView(v: unknown): boolean {
  if (!isCodeView(v)) return false;
  const codes: unknown = (v as { codes?: unknown }).codes;
  return Array.isArray(codes) && codes.every(isCodeView);
}

/** Saved state from an earlier load of the page, checked field by field: it may come from an older version. */
export function isComparePanelState(state: unknown): state is ComparePanelState {
  if (!isRecord(state) || state.version !== 1) return false;
  const data = state.data;
  if (data !== null) {
    if (!isRecord(data) || !isString(data.root) || !isString(data.name) || !isString(data.attribute) || !isString(data.baseline) || !isString(data.followup)) return false;
    if (typeof data.version !== 'number' || typeof data.readOnly !== 'boolean' || !isRecord(data.totals) || !Array.isArray(data.attributes)) return false;
    if (!Array.isArray(data.themes) || !data.themes.every(isThemeView)) return false;
  }
  if (state.root !== undefined && !isString(state.root)) return false;
  if (state.selected !== undefined && !(isRecord(state.selected) && isString(state.selected.theme) && isString(state.selected.code))) return false;
  if (state.statuses !== undefined && !(Array.isArray(state.statuses) && state.statuses.every(isStatus))) return false;
  return state.sort === undefined || SORTS.some((s) => s.sort === state.sort);
}
