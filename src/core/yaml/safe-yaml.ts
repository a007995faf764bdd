import { FAILSAFE_SCHEMA, load, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, isScalar, isCollection, type Node as YamlNode } from 'yaml';
import type { Position } from '../problems';

/**
 * YAML as QualFrame reads it: every scalar is text (the failsafe schema: `wave: 2016` and
 * `wave: "2016"` are the same value, a date stays the string it was typed as), no anchors or
 * aliases (a transcript never needs them, and js-yaml 3/4 has no alias limit, so a
 * "billion laughs" block would expand on any deep copy), no tags beyond `!!str`, `!!seq`,
 * `!!map`, duplicate keys refused. `__proto__` and friends stay plain data keys (js-yaml
 * defines them as own properties).
 *
 * js-yaml's read path is used because it is several times faster than `yaml.parse` on large
 * corpora; the `yaml` package is loaded only to locate a problem precisely.
 */
export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

export type YamlRule = 'yaml-syntax' | 'yaml-alias' | 'yaml-tag';

export class YamlProblem extends Error {
  constructor(
    readonly rule: YamlRule,
    message: string,
    /** 1-based, within the YAML text. */
    readonly position: Position,
  ) {
    super(message);
  }
}

export function loadSafeYaml(text: string): YamlValue {
  try {
    return load(text, { schema: FAILSAFE_SCHEMA, json: false, listener: refuseAnchors }) as YamlValue;
  } catch (e) {
    if (e instanceof AnchorRefused) {
      throw new YamlProblem(
        'yaml-alias',
        `YAML anchors and aliases are not allowed (anchor "&${e.anchor}"); write the value out in full`,
        locateAnchor(text, e.anchor),
      );
    }
    if (e instanceof YAMLException) throw fromJsYaml(e, text);
    throw e;
  }
}

class AnchorRefused extends Error {
  constructor(readonly anchor: string) {
    super(anchor);
  }
}

// js-yaml calls the listener when each node closes; a node that carried an anchor still has
// it in `state.anchor`. Refusing the first anchor makes every alias impossible, so an alias
// bomb fails at its first line instead of expanding.
function refuseAnchors(event: string, state: object): void {
  const anchor = (state as { anchor?: string | null }).anchor;
  if (event === 'close' && typeof anchor === 'string') throw new AnchorRefused(anchor);
}

function fromJsYaml(e: YAMLException, text: string): YamlProblem {
  const reason = e.reason || 'malformed YAML';
  const mark = e.mark as { line?: number; column?: number } | undefined;
  const at = { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  if (/^unknown tag/.test(reason)) {
    const raw = /!<([^>]*)>/.exec(reason)?.[1] ?? '';
    const tag = raw.replace(/^tag:yaml\.org,2002:/, '!!');
    // js-yaml marks the end of the tagged node; point at the tag itself where it is written.
    const written = text.indexOf(tag.startsWith('!') ? tag : `!${tag}`);
    return new YamlProblem('yaml-tag', `YAML tag "${tag}" is not allowed; remove it and write the value as plain text`, written === -1 ? at : positionOf(text, written));
  }
  if (/unidentified alias/.test(reason)) {
    return new YamlProblem('yaml-alias', `YAML aliases are not allowed (${reason}); write the value out in full`, at);
  }
  return new YamlProblem('yaml-syntax', `malformed YAML: ${reason}`, at);
}

function locateAnchor(text: string, anchor: string): Position {
  const re = new RegExp(`&${anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![^\\s,\\[\\]{}])`);
  const m = re.exec(text);
  return m ? positionOf(text, m.index) : { line: 1, column: 1 };
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export type YamlPath = readonly (string | number)[];
export type YamlLocator = (path: YamlPath, target?: 'value' | 'key') => Position;

/**
 * A function giving where the node at `path` (keys and list indexes) starts in `text`: the
 * value of a key, or with `target: 'key'` the key itself; when the path ends at a missing
 * key, its nearest existing parent. The `yaml` parse it needs happens on the first call
 * only, so its cost never sits on the read path: it is paid only when a problem is reported.
 */
export function createYamlLocator(text: string): YamlLocator {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  return (path, target = 'value') => {
    if (!parsed) {
      const lines = new LineCounter();
      // A trailing lone `\r` (CRLF front matter) would make `yaml` misplace the last node.
      parsed = { doc: parseDocument(text.replace(/\r$/, ''), { lineCounter: lines, uniqueKeys: false, strict: false }), lines };
    }
    const node = findNode(parsed.doc.contents as YamlNode | null, path, target);
    const pos = parsed.lines.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
}

function findNode(root: YamlNode | null, path: YamlPath, target: 'value' | 'key'): YamlNode | null {
  let node: YamlNode | null = root;
  let keyNode: YamlNode | null = null;
  for (const step of path) {
    if (!isCollection(node)) break;
    const items = node.items as unknown[];
    let next: YamlNode | null = null;
    keyNode = null;
    if (typeof step === 'number') {
      next = (items[step] as YamlNode | undefined) ?? null;
    } else {
      const pair = items.find((p) => {
        const k = (p as { key?: unknown }).key;
        return isScalar(k) && String(k.value) === step;
      }) as { key: YamlNode; value: YamlNode | null } | undefined;
      if (pair) {
        keyNode = pair.key;
        next = pair.value ?? pair.key;
      }
    }
    if (!next) {
      keyNode = null;
      break;
    }
    node = next;
  }
  return target === 'key' && keyNode ? keyNode : node;
}
