import { FrontMatterProblem, readFrontMatter } from '../frontmatter/read-front-matter';
import { positionAt } from '../text/positions';
import type { YamlValue } from '../yaml/safe-yaml';
import {
  indentBlock, readLayout, UnmergeableError,
  type EntryBlock, type FieldLayout, type FrontMatterLayout, type KeyBlock, type LineBlock,
} from './front-matter-layout';

/**
 * Three-way merge of one corpus document, by meaning rather than by line (the git merge
 * driver's core; see docs/team-workflow.md). Annotations are matched by id: additions of both
 * sides are kept, removals of both are made, and fields changed on one side only are taken
 * from that side. Other top-level keys (attributes, `memo`, unknown keys) are merged key by
 * key and summaries theme by theme. Only the same thing changed differently on both sides is
 * a conflict, and it is written with git's markers around that entry (or key, or theme)
 * alone: the rest of the file is merged. The result starts from OURS's text and takes THEIRS's
 * changes as whole lines, so everything else keeps its bytes, quoting and line endings.
 *
 * The body (after the closing `---`) is merged as text by the caller's `mergeText` (git
 * merge-file in `src/node/merge`) when both sides changed it. Stored `start` offsets may then
 * be stale; anchoring finds the quotes again on load, so they are left as written.
 */

/** A three-way text merge: the merged text, with conflict markers where it could not decide. */
export interface TextMerge {
  readonly text: string;
  readonly conflicted: boolean;
}

export type TextMerger = (base: string, ours: string, theirs: string) => TextMerge;
export type AsyncTextMerger = (base: string, ours: string, theirs: string) => Promise<TextMerge>;

/** What conflicted: an annotation, a top-level key, a theme's summary, the body, or (merged as text) the whole file. */
export type MergeConflictKind = 'annotation' | 'key' | 'summary' | 'body' | 'text';

export interface MergeConflict {
  readonly path: string;
  /** 1-based line and column of the `<<<<<<<` marker in the merged text (without BOM). */
  readonly line: number;
  readonly column: number;
  readonly kind: MergeConflictKind;
  /** The annotation id, key or theme. */
  readonly name?: string;
  readonly message: string;
}

export interface DocumentMerge {
  /** The merged text (without BOM; the caller keeps OURS's). */
  readonly text: string;
  readonly conflicts: readonly MergeConflict[];
  /** Decisions a person may want to check (a change kept over the other side's removal). */
  readonly notes: readonly string[];
  /** `annotations`: merged by id; `text`: the whole file merged as text, for `fallbackReason`. */
  readonly method: 'annotations' | 'text';
  readonly fallbackReason?: string;
}

export interface MergeOptions {
  /** The document's path, for messages. */
  readonly path: string;
  /**
   * Merges two changed bodies (or, as a fallback, two whole files) as text. Without it, a
   * body changed on both sides is one conflict holding both versions.
   */
  readonly mergeText?: TextMerger;
}

/** Git's conflict markers, as `git merge-file` writes them (labels ours and theirs). */
export const CONFLICT_START = '<<<<<<<';
export const CONFLICT_SEPARATOR = '=======';
export const CONFLICT_END = '>>>>>>>';

/** Fields every write may refresh when the body moved (anchoring): changing only these is no real change. */
const ANCHOR_FIELDS: ReadonlySet<string> = new Set(['start', 'quote', 'prefix', 'suffix']);
/** Fields derived from the body: when both sides moved them differently, ours is kept (anchoring repairs it). */
const POSITION_FIELDS: ReadonlySet<string> = new Set(['start', 'prefix', 'suffix']);

/** Splits a document into its front matter (through the closing `---` line) and its body; undefined when the front matter cannot be read. */
export function splitDocument(text: string): { frontMatter: string; body: string; hasFrontMatter: boolean } | undefined {
  try {
    const fm = readFrontMatter(text);
    return { frontMatter: text.slice(0, fm.bodyOffset), body: text.slice(fm.bodyOffset), hasFrontMatter: fm.hasFrontMatter };
  } catch (e) {
    if (e instanceof FrontMatterProblem) return undefined;
    throw e;
  }
}

/**
 * Merges BASE, OURS and THEIRS (decoded texts without BOM) of one document. Never loses text:
 * what it cannot merge by id (front matter that cannot be read or located, duplicate ids, a
 * one-line `codes: [...]` list) is merged as text by `mergeText`.
 */
export function mergeDocument(base: string, ours: string, theirs: string, options: MergeOptions): DocumentMerge {
  const mergeText = options.mergeText ?? conflictOfWholes;
  if (ours === theirs || theirs === base) return { text: ours, conflicts: [], notes: [], method: 'annotations' };
  if (ours === base) return { text: theirs, conflicts: [], notes: [], method: 'annotations' };
  try {
    return mergeByAnnotation(base, ours, theirs, options.path, mergeText);
  } catch (e) {
    if (!(e instanceof UnmergeableError)) throw e;
    const merged = mergeText(base, ours, theirs);
    const conflicts = markerConflicts(merged.text, 0, options.path, 'text', `merged as text (${e.message}): resolve the conflict markers`);
    if (merged.conflicted && conflicts.length === 0) conflicts.push({ path: options.path, line: 1, column: 1, kind: 'text', message: `merged as text (${e.message}) with conflicts` });
    return { text: merged.text, conflicts, notes: [], method: 'text', fallbackReason: e.message };
  }
}

/** {@link mergeDocument} with a text merge that runs asynchronously (a child process). */
export async function mergeDocumentAsync(base: string, ours: string, theirs: string, options: { path: string; mergeText: AsyncTextMerger }): Promise<DocumentMerge> {
  const done: { base: string; ours: string; theirs: string; result: TextMerge }[] = [];
  for (;;) {
    try {
      return mergeDocument(base, ours, theirs, {
        path: options.path,
        mergeText: (b, o, t) => {
          const hit = done.find((d) => d.base === b && d.ours === o && d.theirs === t);
          if (hit) return hit.result;
          throw new PendingTextMerge(b, o, t);
        },
      });
    } catch (e) {
      if (!(e instanceof PendingTextMerge) || done.length > 4) throw e;
      done.push({ base: e.base, ours: e.ours, theirs: e.theirs, result: await options.mergeText(e.base, e.ours, e.theirs) });
    }
  }
}

class PendingTextMerge extends Error {
  constructor(readonly base: string, readonly ours: string, readonly theirs: string) {
    super('a text merge is pending');
  }
}

/** Without a text merger: both versions kept, between markers. */
function conflictOfWholes(_base: string, ours: string, theirs: string): TextMerge {
  const eol = /\r?\n/.exec(ours)?.[0] ?? '\n';
  const line = (s: string) => (s === '' || s.endsWith('\n') ? s : s + eol);
  return { text: `${CONFLICT_START} ours${eol}${line(ours)}${CONFLICT_SEPARATOR}${eol}${line(theirs)}${CONFLICT_END} theirs${eol}`, conflicted: true };
}

// ---------------------------------------------------------------------------------------

interface PendingConflict {
  readonly label: string;
  readonly kind: MergeConflictKind;
  readonly name: string;
  readonly message: string;
}

function mergeByAnnotation(base: string, ours: string, theirs: string, path: string, mergeText: TextMerger): DocumentMerge {
  const [lb, lo, lt] = [readLayout(base), readLayout(ours), readLayout(theirs)];
  const eol = lo.eol;
  const fm = (l: FrontMatterLayout) => l.text.slice(0, l.bodyOffset);
  const lf = (s: string) => s.replace(/\r\n/g, '\n');
  const [fmB, fmO, fmT] = [fm(lb), fm(lo), fm(lt)];

  let frontMatter: string;
  let pending: PendingConflict[] = [];
  let notes: string[] = [];
  if (lf(fmO) === lf(fmB)) frontMatter = fmT.replace(/\r?\n/g, eol);
  else if (lf(fmT) === lf(fmB) || lf(fmO) === lf(fmT)) frontMatter = fmO;
  else ({ text: frontMatter, conflicts: pending, notes } = new FrontMatterMerge(lb, lo, lt).run());

  const [bodyB, bodyO, bodyT] = [base.slice(lb.bodyOffset), ours.slice(lo.bodyOffset), theirs.slice(lt.bodyOffset)];
  let body: TextMerge;
  if (bodyO === bodyT || bodyT === bodyB) body = { text: bodyO, conflicted: false };
  else if (bodyO === bodyB) body = { text: bodyT, conflicted: false };
  else body = mergeText(bodyB, bodyO, bodyT);

  const text = frontMatter + body.text;
  // A last check that nothing this merge wrote breaks the front matter: if it does, the text
  // merge is the safer answer.
  if (pending.length === 0) {
    try {
      readLayout(text).codes();
    } catch (e) {
      if (e instanceof UnmergeableError) throw new UnmergeableError(`the merged front matter would not read: ${e.message}`);
      throw e;
    }
  }
  const conflicts: MergeConflict[] = [];
  for (const c of pending) {
    const position = positionAt(text, Math.max(text.indexOf(c.label), 0));
    conflicts.push({ path, line: position.line, column: 1, kind: c.kind, name: c.name, message: c.message });
  }
  conflicts.sort((a, b) => a.line - b.line);
  if (body.conflicted) {
    const found = markerConflicts(text, frontMatter.length, path, 'body', 'the body was changed in the same place on both branches: resolve the conflict markers');
    if (found.length === 0) found.push({ path, line: positionAt(text, frontMatter.length).line, column: 1, kind: 'body', message: 'the body could not be merged' });
    conflicts.push(...found);
  }
  return { text, conflicts, notes, method: 'annotations' };
}

/** Each `<<<<<<<` line at or after `from`, as a conflict. */
function markerConflicts(text: string, from: number, path: string, kind: MergeConflictKind, message: string): MergeConflict[] {
  const found: MergeConflict[] = [];
  const re = /^<{7}(?: |\r?$)/gm;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push({ path, line: positionAt(text, m.index).line, column: 1, kind, message });
  }
  return found;
}

// ---------------------------------------------------------------------------------------

/** Canonical JSON of a meaning: key order does not matter, every scalar is text. */
function canonical(value: YamlValue | undefined): string {
  const sort = (v: YamlValue): unknown => {
    if (v === null || typeof v === 'string') return v;
    if (Array.isArray(v)) return v.map(sort);
    return Object.keys(v).sort().map((k) => [k, sort(v[k])]);
  };
  return value === undefined ? '\u0000absent' : JSON.stringify(sort(value));
}
const same = (a: YamlValue | undefined, b: YamlValue | undefined) => canonical(a) === canonical(b);

interface Meaningful extends LineBlock {
  readonly value: YamlValue | { readonly [key: string]: YamlValue };
}

/**
 * The three-way decision on one part: `theirs` when ours left it as it was (so their change,
 * addition or removal is taken), `ours` when theirs left it or both made the same change,
 * `both` when both changed it differently.
 */
function decide(b: Meaningful | undefined, o: Meaningful | undefined, t: Meaningful | undefined): 'ours' | 'theirs' | 'both' {
  if (o?.raw === b?.raw) return 'theirs';
  if (t?.raw === b?.raw || o?.raw === t?.raw) return 'ours';
  if (o && t && same(o.value as YamlValue, t.value as YamlValue)) return 'ours';
  return 'both';
}

/** Changed only fields that anchoring refreshes on every write. */
function anchorOnly(b: EntryBlock, changed: EntryBlock): boolean {
  const keys = new Set([...Object.keys(b.value), ...Object.keys(changed.value)]);
  return [...keys].every((k) => ANCHOR_FIELDS.has(k) || same(b.value[k], changed.value[k]));
}

class FieldEditImpossible extends Error {}

interface Splice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** Among insertions at one offset: entry fields, then new entries, then themes, then keys. */
  readonly phase: number;
  readonly seq: number;
}

/** Replaces or inserts one-line markers that no YAML reader accepts, naming what conflicted. */
function markerLabel(description: string): string {
  // No ": " or " #" in the label: it must not read as a YAML key or comment.
  return `${CONFLICT_START} ours (${description.replace(/:\s/g, ' - ').replace(/\s#/g, ' ')})`;
}

class FrontMatterMerge {
  private readonly splices: Splice[] = [];
  private readonly conflicts: PendingConflict[] = [];
  private readonly notes: string[] = [];
  private readonly eol: string;
  private readonly ours: string;
  private readonly theirs: string;

  constructor(
    private readonly lb: FrontMatterLayout,
    private readonly lo: FrontMatterLayout,
    private readonly lt: FrontMatterLayout,
  ) {
    if (!lo.hasFrontMatter) throw new UnmergeableError('ours has no front matter while theirs changed it');
    this.eol = lo.eol;
    this.ours = lo.text;
    this.theirs = lt.text;
  }

  run(): { text: string; conflicts: PendingConflict[]; notes: string[] } {
    const { lb, lo, lt } = this;
    const names = unique([...lo.keys, ...lt.keys, ...lb.keys].map((k) => k.key));
    for (const key of names) {
      const [b, o, t] = [lb.byKey.get(key), lo.byKey.get(key), lt.byKey.get(key)];
      const d = decide(b, o, t);
      if (d === 'ours') continue;
      if (d === 'theirs') this.takeKey(key, o, t);
      else if (key === 'codes') this.mergeCodes();
      else if (key === 'summaries') this.mergeSummaries();
      else if (!o) {
        this.takeKey(key, o, t);
        this.notes.push(`"${key}" was removed on ours and changed on theirs; theirs's value was kept`);
      } else if (!t) {
        this.notes.push(`"${key}" was removed on theirs and changed on ours; ours's value was kept`);
      } else if (b && same(o.value, b.value)) this.takeKey(key, o, t);
      else if (b && same(t.value, b.value)) continue;
      else this.conflict(o, t, 'key', key, `"${key}" changed differently on both branches`, `"${key}" was changed differently on both branches; both values are kept between the conflict markers: keep one and delete the other and the marker lines`);
    }
    const front = this.ours.slice(0, lo.bodyOffset);
    return { text: applySplices(front, this.splices), conflicts: this.conflicts, notes: this.notes };
  }

  private splice(from: number, to: number, text: string, phase: number): void {
    this.splices.push({ from, to, text, phase, seq: this.splices.length });
  }

  /** Theirs's version of a top-level key: its change, addition or removal. */
  private takeKey(key: string, o: KeyBlock | undefined, t: KeyBlock | undefined): void {
    if (o && !t) this.splice(o.from, o.to, '', 0);
    else if (o && t) this.splice(o.from, o.to, indentBlock(t.raw, o.indent, this.eol), 0);
    else if (t) this.splice(this.keyInsertAt(key), this.keyInsertAt(key), indentBlock(t.raw, this.lo.keys[0]?.indent ?? 0, this.eol), 4);
  }

  /** A new top-level key goes after the key theirs has before it, else before ours's first key. */
  private keyInsertAt(key: string): number {
    const order = this.lt.keys.map((k) => k.key);
    for (let i = order.indexOf(key) - 1; i >= 0; i--) {
      const previous = this.lo.byKey.get(order[i]);
      if (previous) return previous.to;
    }
    return this.lo.keys[0]?.from ?? this.lo.closeLine;
  }

  /** Both versions of one block between markers, where ours's stands. */
  private conflict(o: LineBlock, t: LineBlock, kind: MergeConflictKind, name: string, description: string, message: string): void {
    const label = markerLabel(description);
    const eol = this.eol;
    const text = `${label}${eol}${this.ours.slice(o.from, o.to)}${CONFLICT_SEPARATOR}${eol}${indentBlock(t.raw, o.indent, eol)}${CONFLICT_END} theirs${eol}`;
    this.splice(o.from, o.to, text, 0);
    this.conflicts.push({ label, kind, name, message });
  }

  // -- annotations ------------------------------------------------------------------------

  private mergeCodes(): void {
    const [cb, co, ct] = [this.lb.codes(), this.lo.codes(), this.lt.codes()];
    const additions: EntryBlock[] = [];
    let removed = 0;
    let kept = 0;
    const ids = unique([...co.entries, ...ct.entries, ...cb.entries].map((e) => e.id));
    for (const id of ids) {
      const [b, o, t] = [cb.byId.get(id), co.byId.get(id), ct.byId.get(id)];
      const d = decide(b, o, t);
      if (d === 'theirs') {
        if (o && !t) {
          this.splice(o.from, o.to, '', 0);
          removed++;
        } else if (t && !o) additions.push(t);
        else if (o && t && o.raw !== t.raw) this.splice(o.from, o.to, indentBlock(t.raw, o.indent, this.eol), 0);
      } else if (d === 'both') {
        if (!o) {
          // Removed on ours, changed on theirs: a real change wins over the removal, so that no
          // coding is lost; a refreshed position alone is no reason to bring it back.
          if (!anchorOnly(b!, t!)) {
            additions.push(t!);
            this.notes.push(`annotation "${id}" was removed on ours and changed on theirs (${changedFields(b!, t!)}); theirs's version was kept`);
          }
        } else if (!t) {
          if (anchorOnly(b!, o)) {
            this.splice(o.from, o.to, '', 0);
            removed++;
          } else this.notes.push(`annotation "${id}" was removed on theirs and changed on ours (${changedFields(b!, o)}); ours's version was kept`);
        } else if (!b) {
          this.conflict(o, t, 'annotation', id, `annotation ${id} added on both branches with different content`, `annotation "${id}" was added on both branches with different content (${changedFields(o, t)}); both are kept between the conflict markers: keep one, or give the other a new id, and delete the marker lines`);
        } else this.mergeEntryFields(b, o, t);
      }
      if (o) kept++;
    }
    const remaining = kept - removed + additions.length;
    additions.sort((x, y) => (isAfter(x, y.start, y.id) ? 1 : -1));
    if (co.entries.length === 0) {
      if (additions.length === 0) return;
      const lines = `codes:${this.eol}${additions.map((a) => indentBlock(a.raw, a.indent, this.eol)).join('')}`;
      if (co.key) this.splice(co.key.from, co.key.to, indentBlock(lines.replace(/\r\n/g, '\n'), co.key.indent, this.eol), 0);
      else this.splice(this.keyInsertAt('codes'), this.keyInsertAt('codes'), lines, 4);
      return;
    }
    if (remaining === 0 && co.key && /^codes:[ \t]*\r?\n/.test(this.ours.slice(co.key.from, co.key.to))) {
      // Every entry removed: the bare `codes:` line goes too, as the writer does.
      this.splices.splice(0, this.splices.length, ...this.splices.filter((s) => !co.entries.some((e) => e.from === s.from && e.to === s.to)));
      this.splice(co.key.from, co.key.to, '', 0);
      return;
    }
    const dashIndent = co.entries[0].indent;
    for (const a of additions) {
      const before = co.entries.find((e) => isAfter(e, a.start, a.id));
      const at = before ? before.from : co.entries[co.entries.length - 1].to;
      this.splice(at, at, indentBlock(a.raw, dashIndent, this.eol), 2);
    }
  }

  /** Both changed one annotation: field by field; a field changed differently on both is a conflict on the entry. */
  private mergeEntryFields(b: EntryBlock, o: EntryBlock, t: EntryBlock): void {
    const keys = unique([...Object.keys(o.value), ...Object.keys(t.value), ...Object.keys(b.value)]);
    const take: string[] = [];
    const clash: string[] = [];
    for (const k of keys) {
      const [vb, vo, vt] = [b.value[k], o.value[k], t.value[k]];
      if (same(vo, vb)) {
        if (!same(vt, vb)) take.push(k);
      } else if (!same(vt, vb) && !same(vo, vt) && !POSITION_FIELDS.has(k)) clash.push(k);
    }
    const describe = (fields: string[]) => `annotation ${o.id} changed differently on both branches (${fields.join(', ')})`;
    const message = (fields: string[], why = 'was changed differently on both branches') =>
      `annotation "${o.id}" ${why} (${fields.join(', ')}); both versions are kept between the conflict markers: keep one and delete the other and the marker lines`;
    if (clash.length > 0) {
      this.conflict(o, t, 'annotation', o.id, describe(clash), message(clash));
      return;
    }
    const before = this.splices.length;
    try {
      for (const k of take) this.takeField(o, t, k);
    } catch (e) {
      if (!(e instanceof FieldEditImpossible)) throw e;
      this.splices.splice(before);
      this.conflict(o, t, 'annotation', o.id, describe(take), message(take, 'was changed on both branches in a way that could not be combined automatically'));
    }
  }

  private takeField(o: EntryBlock, t: EntryBlock, key: string): void {
    const [of, tf] = [o.fields.get(key), t.fields.get(key)];
    if (!tf) {
      if (!of) return;
      if (o.flow) {
        const comma = this.ours.lastIndexOf(',', of.keyStart);
        if (comma < o.from || comma > of.keyStart) throw new FieldEditImpossible();
        this.splice(comma, of.valueEnd, '', 1);
      } else {
        if (of.onDashLine) throw new FieldEditImpossible();
        this.splice(of.lines.from, of.lines.to, '', 1);
      }
      return;
    }
    const text = this.fieldText(t, tf, o.keyIndent);
    if (!of) {
      if (o.flow) {
        if (text.includes('\n') || o.flowClose < 0) throw new FieldEditImpossible();
        this.splice(o.flowClose, o.flowClose, `, ${text}`, 1);
      } else this.splice(o.to, o.to, `${' '.repeat(o.keyIndent)}${text}${this.eol}`, 1);
      return;
    }
    const oValue = this.ours.slice(of.valueStart, of.valueEnd);
    const tValue = this.theirs.slice(tf.valueStart, tf.valueEnd);
    if (!oValue.includes('\n') && !tValue.includes('\n')) {
      const empty = of.valueStart === of.valueEnd && this.ours[of.valueStart - 1] === ':';
      this.splice(of.valueStart, of.valueEnd, empty ? ` ${tValue}` : tValue, 1);
    } else if (!o.flow && !of.onDashLine) {
      this.splice(of.lines.from, of.lines.to, `${' '.repeat(o.keyIndent)}${text}${this.eol}`, 1);
    } else throw new FieldEditImpossible();
  }

  /** `key: value` of theirs, its continuation lines moved to `indent` (theirs's key column to ours's). */
  private fieldText(t: EntryBlock, f: FieldLayout, indent: number): string {
    const lines = this.theirs.slice(f.keyStart, f.valueEnd).replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    return lines
      .map((line, i) => {
        if (i === 0 || line === '') return line;
        const spaces = /^ */.exec(line)![0].length;
        return ' '.repeat(indent) + line.slice(Math.min(spaces, t.keyIndent));
      })
      .join(this.eol);
  }

  // -- summaries --------------------------------------------------------------------------

  private mergeSummaries(): void {
    const [sb, so, st] = [this.lb.summaries(), this.lo.summaries(), this.lt.summaries()];
    const additions: KeyBlock[] = [];
    let removed = 0;
    const themes = unique([...so.themes, ...st.themes, ...sb.themes].map((s) => s.key));
    for (const theme of themes) {
      const [b, o, t] = [sb.byTheme.get(theme), so.byTheme.get(theme), st.byTheme.get(theme)];
      let d = decide(b, o, t);
      if (d === 'both' && o && t && b && same(o.value, b.value)) d = 'theirs';
      if (d === 'ours' || (d === 'both' && o && t && b && same(t.value, b.value))) continue;
      if (d === 'theirs') {
        if (o && !t) {
          this.splice(o.from, o.to, '', 0);
          removed++;
        } else if (t && !o) additions.push(t);
        else if (o && t) this.splice(o.from, o.to, indentBlock(t.raw, o.indent, this.eol), 0);
      } else if (!o) {
        additions.push(t!);
        this.notes.push(`the summary of "${theme}" was removed on ours and changed on theirs; theirs's summary was kept`);
      } else if (!t) {
        this.notes.push(`the summary of "${theme}" was removed on theirs and changed on ours; ours's summary was kept`);
      } else {
        this.conflict(o, t, 'summary', theme, `summary of ${theme} changed differently on both branches`, `the summary of theme "${theme}" was changed differently on both branches; both are kept between the conflict markers: keep one (or combine them) and delete the marker lines`);
      }
    }
    if (so.themes.length === 0) {
      if (additions.length === 0) return;
      const lines = `summaries:${this.eol}${additions.map((a) => indentBlock(a.raw, a.indent, this.eol)).join('')}`;
      if (so.key) this.splice(so.key.from, so.key.to, indentBlock(lines.replace(/\r\n/g, '\n'), so.key.indent, this.eol), 0);
      else this.splice(this.keyInsertAt('summaries'), this.keyInsertAt('summaries'), lines, 4);
      return;
    }
    if (so.themes.length - removed + additions.length === 0 && so.key && /^summaries:[ \t]*\r?\n/.test(this.ours.slice(so.key.from, so.key.to))) {
      this.splices.splice(0, this.splices.length, ...this.splices.filter((s) => !so.themes.some((e) => e.from === s.from && e.to === s.to)));
      this.splice(so.key.from, so.key.to, '', 0);
      return;
    }
    const order = st.themes.map((s) => s.key);
    for (const a of additions) {
      let at = so.themes[0].from;
      for (let i = order.indexOf(a.key) - 1; i >= 0; i--) {
        const previous = so.byTheme.get(order[i]);
        if (previous) {
          at = previous.to;
          break;
        }
      }
      this.splice(at, at, indentBlock(a.raw, so.themes[0].indent, this.eol), 3);
    }
  }
}

/** After `(start, id)` in the list's order (the writer's order). */
function isAfter(e: EntryBlock, start: number, id: string): boolean {
  if (Number.isNaN(e.start)) return !Number.isNaN(start) || e.id > id;
  if (Number.isNaN(start)) return false;
  return e.start > start || (e.start === start && e.id > id);
}

function changedFields(a: EntryBlock, b: EntryBlock): string {
  const keys = unique([...Object.keys(a.value), ...Object.keys(b.value)]).filter((k) => !same(a.value[k], b.value[k]));
  return keys.length > 0 ? keys.join(', ') : 'layout';
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/** Applies non-overlapping splices in one pass; insertions at one offset in phase, then arrival, order. */
function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from || (a.to - a.from === 0 ? 0 : 1) - (b.to - b.from === 0 ? 0 : 1) || a.phase - b.phase || a.seq - b.seq);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.from < at) throw new UnmergeableError('two changes of the merge overlap');
    parts.push(text.slice(at, s.from), s.text);
    at = s.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
