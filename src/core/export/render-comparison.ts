import type { CodeComparison, WaveComparison, WaveCount, WaveStatus } from '../compare/wave-comparison';
import { markdownTable, markdownText } from './markdown-text';

/** A status in the words of a two-wave study: the baseline predicts, the follow-up reports. */
export const STATUS_WORDS: Readonly<Record<WaveStatus, string>> = {
  both: 'predicted and reported',
  'baseline-only': 'predicted, not reported',
  'followup-only': 'emergent',
  unused: 'unused',
};

/**
 * The comparison as Markdown: the two waves' sizes, then one table with a row per theme (in
 * bold) and its codes indented beneath it; for each wave the cases, their share of the wave's
 * cases and the segments; then the status in words.
 */
export function renderComparisonMarkdown(comparison: WaveComparison): string {
  const { attribute, baseline, followup, totals } = comparison;
  const a = markdownText(attribute);
  const b = markdownText(baseline);
  const f = markdownText(followup);
  const size = (t: { cases: number; documents: number }) => `${t.cases} ${t.cases === 1 ? 'case' : 'cases'}, ${t.documents} ${t.documents === 1 ? 'document' : 'documents'}`;
  const row = (label: string, c: CodeComparison) => [label, ...counts(c.baseline), ...counts(c.followup), STATUS_WORDS[c.status]];
  const rows = comparison.themes.flatMap((t) => [
    row(`**${markdownText(t.name)}**`, t),
    ...t.codes.map((c) => row(`&emsp;${markdownText(c.name)}`, c)),
  ]);
  const out = [
    `# Wave comparison: ${a} ${b} and ${f}`,
    '',
    `Baseline (${a} ${b}): ${size(totals.baseline)}. Follow-up (${a} ${f}): ${size(totals.followup)}. ` +
      'Cases: cases with at least one coded segment; share: of the cases in that wave.',
    '',
    ...markdownTable(
      ['Theme / code', `${b} cases`, `${b} share`, `${b} segments`, `${f} cases`, `${f} share`, `${f} segments`, 'Status'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  ];
  return `${out.join('\n')}\n`;
}

/** The comparison as `qualframe compare --json` prints it (cli.md), with the model's added fields. */
export function renderComparisonJson(comparison: WaveComparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

/** A share as a whole percentage: `0.5` → `50%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function counts(c: WaveCount): string[] {
  return [String(c.cases), percent(c.share), String(c.segments)];
}
