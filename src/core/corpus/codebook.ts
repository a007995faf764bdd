import { CODEBOOK_ID } from '../ids';
import { problem, type Problem } from '../problems';
import { loadSafeYaml, YamlProblem } from '../yaml/safe-yaml';
import { isMap, YamlFields } from '../yaml/yaml-fields';

export interface Code {
  readonly id: string;
  readonly name: string;
  readonly themeId: string;
  readonly description?: string;
  readonly include?: string;
  readonly exclude?: string;
  readonly example?: string;
  /** `#rgb` or `#rrggbb` when the codebook sets one. */
  readonly color?: string;
  /** 1-based line of the code's entry in the codebook. */
  readonly line: number;
}

export interface Theme {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly codes: readonly Code[];
  readonly color?: string;
  readonly line: number;
}

export interface Codebook {
  readonly themes: readonly Theme[];
  /** Themes and codes by id. */
  readonly themeById: ReadonlyMap<string, Theme>;
  readonly codeById: ReadonlyMap<string, Code>;
  /**
   * What an annotation may name: every code, and every theme that has no codes (such a theme
   * is applied as a code of its own). Maps to the theme it belongs to.
   */
  readonly applicable: ReadonlyMap<string, Theme>;
}

export function buildCodebook(themes: readonly Theme[]): Codebook {
  const themeById = new Map<string, Theme>();
  const codeById = new Map<string, Code>();
  const applicable = new Map<string, Theme>();
  for (const theme of themes) {
    themeById.set(theme.id, theme);
    if (theme.codes.length === 0) applicable.set(theme.id, theme);
    for (const code of theme.codes) {
      codeById.set(code.id, code);
      applicable.set(code.id, theme);
    }
  }
  return { themes, themeById, codeById, applicable };
}

export const EMPTY_CODEBOOK: Codebook = buildCodebook([]);

const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Reads `codebook.yaml`; reports every malformed entry and duplicate id at its line. */
export function parseCodebook(text: string, file: string): { codebook: Codebook; problems: Problem[] } {
  let data;
  try {
    data = loadSafeYaml(text);
  } catch (e) {
    if (e instanceof YamlProblem) return { codebook: EMPTY_CODEBOOK, problems: [problem(file, e.position, 'error', e.rule, e.message)] };
    throw e;
  }
  const f = new YamlFields(file, text);
  if (data === null || data === undefined) return { codebook: EMPTY_CODEBOOK, problems: [] };
  if (!isMap(data)) {
    f.error([], 'invalid-value', 'the codebook must be a mapping with a "themes" list');
    return { codebook: EMPTY_CODEBOOK, problems: f.problems };
  }
  const seen = new Map<string, { kind: string; line: number }>();
  const claim = (id: string, kind: 'theme' | 'code', path: (string | number)[], line: number): boolean => {
    const first = seen.get(id);
    if (first) {
      f.error([...path, 'id'], 'duplicate-codebook-id', `${kind} id "${id}" is already used by the ${first.kind} on line ${first.line}; ids must be unique across themes and codes`);
      return false;
    }
    seen.set(id, { kind, line });
    return true;
  };
  const themes: Theme[] = [];
  f.list(data, 'themes', []).forEach((rawTheme, t) => {
    const tPath = ['themes', t];
    if (!isMap(rawTheme)) {
      f.error(tPath, 'invalid-value', 'each theme must be a mapping with at least an "id"');
      return;
    }
    const id = f.id(rawTheme, 'id', tPath, CODEBOOK_ID, 'theme id');
    const themeLine = locateLine(f, tPath);
    // The theme claims its id before its codes, so a duplicate is reported where it comes second.
    const themeClaimed = id !== undefined && claim(id, 'theme', tPath, themeLine);
    const codes: Code[] = [];
    f.list(rawTheme, 'codes', tPath).forEach((rawCode, c) => {
      const cPath = [...tPath, 'codes', c];
      if (!isMap(rawCode)) {
        f.error(cPath, 'invalid-value', 'each code must be a mapping with at least an "id"');
        return;
      }
      const codeId = f.id(rawCode, 'id', cPath, CODEBOOK_ID, 'code id');
      const codeLine = locateLine(f, cPath);
      const color = readColor(f, rawCode, cPath);
      const described = readDescriptions(f, rawCode, cPath);
      if (codeId === undefined || !claim(codeId, 'code', cPath, codeLine) || id === undefined) return;
      codes.push({ id: codeId, themeId: id, name: f.text(rawCode, 'name', cPath) ?? codeId, ...described, ...(color ? { color } : {}), line: codeLine });
    });
    const color = readColor(f, rawTheme, tPath);
    const description = f.text(rawTheme, 'description', tPath);
    if (id === undefined || !themeClaimed) return;
    themes.push({ id, name: f.text(rawTheme, 'name', tPath) ?? id, ...(description !== undefined ? { description } : {}), codes, ...(color ? { color } : {}), line: themeLine });
  });
  return { codebook: buildCodebook(themes), problems: f.problems };
}

function locateLine(f: YamlFields, path: (string | number)[]): number {
  return f.position(path).line;
}

function readColor(f: YamlFields, map: Parameters<YamlFields['text']>[0], path: (string | number)[]): string | undefined {
  const color = f.text(map, 'color', path);
  if (color === undefined) return undefined;
  if (!COLOR.test(color.trim())) {
    f.report([...path, 'color'], 'warning', 'invalid-value', `colour "${color}" is not "#rgb" or "#rrggbb"; a palette colour is used instead`);
    return undefined;
  }
  return color.trim();
}

function readDescriptions(f: YamlFields, map: Parameters<YamlFields['text']>[0], path: (string | number)[]) {
  const out: { description?: string; include?: string; exclude?: string; example?: string } = {};
  for (const key of ['description', 'include', 'exclude', 'example'] as const) {
    const v = f.text(map, key, path);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
