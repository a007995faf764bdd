/**
 * How QualFrame writes one YAML scalar. Plain when that is unambiguous to every YAML reader
 * (not only to ours, which reads every scalar as text), double-quoted otherwise, with every
 * character that YAML or an editor could read as a line break escaped.
 */
export function yamlScalar(value: string): string {
  return isPlainSafe(value) ? value : doubleQuoted(value);
}

/** Always double-quoted: for transcript text (quotes, prefixes, suffixes, memos). */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

const KEYWORD = /^(?:null|~|true|false|yes|no|on|off|y|n|\.nan|[-+]?\.inf)$/i;
const NUMBERISH = /^[-+]?(?:[0-9][0-9_:.,eExXoObB+-]*|\.[0-9].*)$/;

function isPlainSafe(value: string): boolean {
  if (value === '' || value !== value.trim() || /[\n\r\t\u0085\u2028\u2029\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/: |:$| #/.test(value)) return false;
  return !KEYWORD.test(value) && !NUMBERISH.test(value);
}
