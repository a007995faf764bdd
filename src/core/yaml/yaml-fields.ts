import { problem, type Position, type Problem, type ProblemRule, type Severity } from '../problems';
import { createYamlLocator, type YamlLocator, type YamlPath, type YamlValue } from './safe-yaml';

export type YamlMap = { readonly [key: string]: YamlValue };

export function isMap(v: YamlValue | undefined): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own keys only: a `__proto__` key in a file is data, never structure. */
export function get(map: YamlMap, key: string): YamlValue | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/**
 * Reads typed values out of parsed YAML and reports, at the exact line and column, what is
 * wrong with them. One instance per YAML text; problems collect in `problems`.
 */
export class YamlFields {
  readonly problems: Problem[] = [];
  private readonly locator: YamlLocator;

  constructor(
    readonly file: string,
    yamlText: string,
    locator?: YamlLocator,
  ) {
    this.locator = locator ?? createYamlLocator(yamlText);
  }

  report(path: YamlPath, severity: Severity, rule: ProblemRule, message: string, target: 'value' | 'key' = 'value'): void {
    this.problems.push(problem(this.file, this.locator(path, target), severity, rule, message));
  }

  /** Where the node at `path` starts (see `createYamlLocator`). */
  position(path: YamlPath, target: 'value' | 'key' = 'value'): Position {
    return this.locator(path, target);
  }

  error(path: YamlPath, rule: ProblemRule, message: string, target: 'value' | 'key' = 'value'): void {
    this.report(path, 'error', rule, message, target);
  }

  /** A text value; `undefined` when absent or null. Reports non-text values. */
  text(map: YamlMap, key: string, path: YamlPath, required = false): string | undefined {
    const v = get(map, key);
    if (v === undefined || v === null) {
      if (required) this.error(path, 'invalid-value', `"${key}" is required`);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error([...path, key], 'invalid-value', `"${key}" must be text, not a ${Array.isArray(v) ? 'list' : 'mapping'}`);
      return undefined;
    }
    if (required && v.trim() === '') {
      this.error([...path, key], 'invalid-value', `"${key}" must not be empty`);
      return undefined;
    }
    return v;
  }

  /** An id matching `pattern`; reports a missing or malformed one. */
  id(map: YamlMap, key: string, path: YamlPath, pattern: RegExp, what: string): string | undefined {
    const v = this.text(map, key, path, true);
    if (v === undefined) return undefined;
    if (!pattern.test(v)) {
      this.error([...path, key], 'invalid-id', `${what} "${v}" is not a valid id; use ${describeIdPattern(pattern)}`);
      return undefined;
    }
    return v;
  }

  /** A whole number >= 0, written as digits. */
  offset(map: YamlMap, key: string, path: YamlPath): number | undefined {
    const v = this.text(map, key, path, true);
    if (v === undefined) return undefined;
    if (!/^\d{1,15}$/.test(v.trim())) {
      this.error([...path, key], 'invalid-value', `"${key}" must be a whole number of characters from the start of the body, not "${v}"`);
      return undefined;
    }
    return Number(v.trim());
  }

  /** `true`/`false` (also yes/no), default false. */
  flag(map: YamlMap, key: string, path: YamlPath): boolean {
    const v = this.text(map, key, path);
    if (v === undefined) return false;
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === 'yes') return true;
    if (s === 'false' || s === 'no' || s === '') return false;
    this.error([...path, key], 'invalid-value', `"${key}" must be true or false, not "${v}"`);
    return false;
  }

  /** A list; `[]` when absent or null. Reports a non-list. */
  list(map: YamlMap, key: string, path: YamlPath): readonly YamlValue[] {
    const v = get(map, key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error([...path, key], 'invalid-value', `"${key}" must be a list (lines starting with "- ")`);
      return [];
    }
    return v;
  }

  /** A mapping; `undefined` when absent or null. Reports a non-mapping. */
  map(map: YamlMap, key: string, path: YamlPath): YamlMap | undefined {
    const v = get(map, key);
    if (v === undefined || v === null) return undefined;
    if (!isMap(v)) {
      this.error([...path, key], 'invalid-value', `"${key}" must be a mapping of keys to values`);
      return undefined;
    }
    return v;
  }
}

function describeIdPattern(pattern: RegExp): string {
  return pattern.source === '^[a-z0-9]+(-[a-z0-9]+)*$'
    ? 'lower-case letters and digits, words joined by single hyphens (e.g. "data-support", "covid-19")'
    : 'letters, digits, ".", "_" or "-", starting with a letter or digit';
}
