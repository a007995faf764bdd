import type { Codebook } from '../../core/corpus/codebook';

/**
 * Tableau 10: distinct in light and dark themes; used with transparency for the highlight,
 * solid for the overview ruler and the underline, which also carries high-contrast themes.
 */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Each applicable code's colour: the codebook's, else the palette in codebook order. */
export function codeColours(codebook: Codebook): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const theme of codebook.themes) {
    const ids = theme.codes.length ? theme.codes : [theme];
    for (const c of ids) colours.set(c.id, expand(c.color ?? PALETTE[next++ % PALETTE.length]));
  }
  return colours;
}

function expand(hex: string): string {
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex.toLowerCase();
}
