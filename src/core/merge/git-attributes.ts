/**
 * The `.gitattributes` lines that hand corpus documents to QualFrame's merge driver. Pure: the
 * caller reads and writes the file (`src/node/merge/merge-driver.ts`).
 */

/** The driver's name in `.gitattributes` (`merge=qualframe`) and in git's config (`merge.qualframe.*`). */
export const MERGE_DRIVER = 'qualframe';
export const MERGE_DRIVER_NAME = 'QualFrame annotation merge';
/** The line written once above the driver's lines. */
export const GITATTRIBUTES_HEADER = '# QualFrame: merge coded documents by annotation id (qualframe install-merge-driver)';

export interface AttributePatterns {
  /** gitattributes patterns, relative to the repository root. */
  readonly patterns: readonly string[];
  /** Document patterns gitattributes cannot express, and why. */
  readonly skipped: readonly { readonly pattern: string; readonly reason: string }[];
}

/**
 * The corpus's `documents` patterns (fast-glob, relative to the corpus root) as gitattributes
 * patterns relative to the repository root. `corpusDir` is the corpus root relative to the
 * repository root, POSIX, `''` when they are the same folder. Braces are expanded (gitattributes
 * has none); negations and extended globs cannot be written and are skipped.
 */
export function attributePatterns(corpusDir: string, documentPatterns: readonly string[]): AttributePatterns {
  const patterns: string[] = [];
  const skipped: { pattern: string; reason: string }[] = [];
  const prefix = corpusDir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  for (const original of documentPatterns) {
    const pattern = original.trim().replace(/^(\.\/)+/, '');
    if (pattern.startsWith('!')) {
      skipped.push({ pattern: original, reason: 'gitattributes has no negative patterns' });
      continue;
    }
    if (/[@+!?*]\(/.test(pattern)) {
      skipped.push({ pattern: original, reason: 'gitattributes has no extended globs' });
      continue;
    }
    for (const expanded of expandBraces(pattern)) {
      // Without a slash, a gitattributes pattern matches at any depth; fast-glob's only in its folder.
      const anchored = prefix !== '' ? `${escapeGlob(prefix)}/${expanded}` : expanded.includes('/') ? expanded : `/${expanded}`;
      if (!patterns.includes(anchored)) patterns.push(anchored);
    }
  }
  return { patterns, skipped };
}

/** `a/{b,c}/*.md` → `a/b/*.md`, `a/c/*.md`; nested braces too. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) {
      const parts: string[] = [];
      let from = open + 1;
      for (const c of commas) {
        parts.push(pattern.slice(from, c));
        from = c + 1;
      }
      parts.push(pattern.slice(from, i));
      const rest = pattern.slice(i + 1);
      return parts.flatMap((part) => expandBraces(pattern.slice(0, open) + part + rest));
    } else if (pattern[i] === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}

const escapeGlob = (path: string) => path.replace(/[*?[\]\\]/g, '\\$&');

/** A pattern as one gitattributes token: C-quoted when it holds spaces or a quote. */
export function attributeToken(pattern: string): string {
  return /[\s"]/.test(pattern) ? `"${pattern.replace(/[\\"]/g, '\\$&').replace(/\t/g, '\\t')}"` : pattern;
}

/** The line that hands one pattern to the driver. */
export const driverLine = (pattern: string) => `${attributeToken(pattern)} merge=${MERGE_DRIVER}`;

/**
 * `.gitattributes` with a driver line for each pattern: lines already there are kept (and
 * reported), missing ones appended, in the file's line ending, under the header comment.
 */
export function updateGitattributes(text: string, patterns: readonly string[]): { text: string; added: string[]; kept: string[] } {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const present = (token: string) =>
    lines.some((line) => {
      const l = line.trim();
      return l.startsWith(token) && /\s/.test(l.charAt(token.length)) && l.slice(token.length).trim().split(/\s+/).includes(`merge=${MERGE_DRIVER}`);
    });
  const added: string[] = [];
  const kept: string[] = [];
  for (const pattern of patterns) (present(attributeToken(pattern)) ? kept : added).push(driverLine(pattern));
  if (added.length === 0) return { text, added, kept };
  let out = text;
  if (out !== '' && !out.endsWith('\n')) out += eol;
  if (!lines.some((l) => l.trim() === GITATTRIBUTES_HEADER)) out += (out.trim() === '' ? '' : eol) + GITATTRIBUTES_HEADER + eol;
  out += added.map((l) => l + eol).join('');
  return { text: out, added, kept };
}

/** The command git runs for a merge: `%O %A %B` the three versions, `%P` the document's path (for messages). */
export function driverCommand(command: string): string {
  return `${command} merge-driver %O %A %B %P`;
}
