import type { AnnotationEntry } from '../frontmatter/edit-front-matter';
import { doubleQuoted, yamlScalar } from '../frontmatter/yaml-scalar';

/**
 * A whole new document, written the way QualFrame's own writers lay out front matter
 * (docs/format.md): `case`, the attributes, `memo`, the `codes` list in block style sorted by
 * start then id, `summaries`, then the body. Used where a document is made from nothing (an
 * import), so there is no existing text whose style to keep; every later edit is surgical.
 */
export interface NewDocument {
  readonly caseId?: string;
  /** Attribute keys and values, in the order to write them. */
  readonly attributes: readonly (readonly [string, string])[];
  readonly memo?: string;
  readonly annotations: readonly AnnotationEntry[];
  /** Theme id to summary, in the order to write them. */
  readonly summaries: readonly (readonly [string, string])[];
  /** The body, LF line endings. */
  readonly body: string;
}

export function renderNewDocument(doc: NewDocument): string {
  const lines: string[] = ['---'];
  if (doc.caseId !== undefined) lines.push(`case: ${yamlScalar(doc.caseId)}`);
  for (const [key, value] of doc.attributes) lines.push(`${yamlScalar(key)}: ${yamlScalar(value)}`);
  if (doc.memo !== undefined) lines.push(...blockValue('memo', doc.memo, ''));
  const sorted = [...doc.annotations].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length > 0) {
    lines.push('codes:');
    for (const a of sorted) lines.push(...annotationLines(a));
  }
  if (doc.summaries.length > 0) {
    lines.push('summaries:');
    for (const [theme, text] of doc.summaries) lines.push(...blockValue(yamlScalar(theme), text, '  '));
  }
  lines.push('---');
  return `${lines.join('\n')}\n${doc.body}`;
}

/** One entry of `codes`, in the spec's block style (as `addAnnotation` writes a new list). */
function annotationLines(a: AnnotationEntry): string[] {
  const fields: [string, string][] = [
    ['id', yamlScalar(a.id)],
    ['code', yamlScalar(a.code)],
    ['start', String(a.start)],
    ['quote', doubleQuoted(a.quote)],
  ];
  if (a.prefix !== undefined) fields.push(['prefix', doubleQuoted(a.prefix)]);
  if (a.suffix !== undefined) fields.push(['suffix', doubleQuoted(a.suffix)]);
  if (a.by !== undefined) fields.push(['by', yamlScalar(a.by)]);
  if (a.memo !== undefined) fields.push(['memo', doubleQuoted(a.memo)]);
  if (a.illustrative) fields.push(['illustrative', 'true']);
  return fields.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`);
}

/**
 * `key: value` for a memo or summary: one line when it is one line; a literal block (`|`) when
 * it has line breaks and reads back exactly so; double-quoted with escapes otherwise (a first
 * line that starts with a space, which a block cannot hold without an indentation indicator,
 * several trailing line breaks, tabs, carriage returns and other invisible characters).
 */
function blockValue(key: string, value: string, indent: string): string[] {
  if (!value.includes('\n')) return [`${indent}${key}: ${yamlScalar(value)}`];
  const literalSafe = /^[^\s]/.test(value) && !/\n\n$/.test(value) && !/[\t\r\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]|\p{Cs}/u.test(value)
    && !/ \n| $/.test(value);
  if (!literalSafe) return [`${indent}${key}: ${doubleQuoted(value)}`];
  const chomp = value.endsWith('\n') ? '' : '-';
  const body = value.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : `${indent}  ${l}`));
  return [`${indent}${key}: |${chomp}`, ...body];
}
