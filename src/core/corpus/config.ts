import type { Problem } from '../problems';
import { loadSafeYaml, YamlProblem } from '../yaml/safe-yaml';
import { get, isMap, YamlFields } from '../yaml/yaml-fields';
import { problem } from '../problems';

export const CONFIG_FILE = 'qualframe.yaml';
export const DEFAULT_CODEBOOK = 'codebook.yaml';
export const DEFAULT_DOCUMENT_PATTERNS: readonly string[] = ['**/*.md'];
/**
 * Never documents, whatever the patterns say: READMEs, memos and the analytic journal,
 * dependency and VCS folders.
 */
export const ALWAYS_IGNORED: readonly string[] = ['**/README.md', 'memos/**', '**/node_modules/**', '**/.git/**'];

export interface ComparisonSetting {
  readonly attribute: string;
  /** Undefined: the lower of the attribute's two lowest values. */
  readonly baseline?: string;
  readonly followup?: string;
}

export interface CorpusConfig {
  readonly documents: readonly string[];
  /** Path of the codebook, relative to the root. */
  readonly codebook: string;
  readonly compare: ComparisonSetting;
}

export const DEFAULT_CONFIG: CorpusConfig = {
  documents: DEFAULT_DOCUMENT_PATTERNS,
  codebook: DEFAULT_CODEBOOK,
  compare: { attribute: 'wave' },
};

const KNOWN_KEYS = new Set(['documents', 'codebook', 'compare']);

/** Reads `qualframe.yaml`. Bad values are reported and replaced by their defaults. */
export function parseConfig(text: string, file = CONFIG_FILE): { config: CorpusConfig; problems: Problem[] } {
  let data;
  try {
    data = loadSafeYaml(text);
  } catch (e) {
    if (e instanceof YamlProblem) return { config: DEFAULT_CONFIG, problems: [problem(file, e.position, 'error', e.rule, e.message)] };
    throw e;
  }
  const fields = new YamlFields(file, text);
  if (data === null || data === undefined) return { config: DEFAULT_CONFIG, problems: [] };
  if (!isMap(data)) {
    fields.error([], 'invalid-value', 'qualframe.yaml must be a mapping of settings (documents, codebook, compare)');
    return { config: DEFAULT_CONFIG, problems: fields.problems };
  }
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      fields.report([key], 'warning', 'unknown-key', `unknown setting "${key}" is ignored (known: documents, codebook, compare)`, 'key');
    }
  }
  let documents = DEFAULT_DOCUMENT_PATTERNS;
  const rawDocs = get(data, 'documents');
  if (typeof rawDocs === 'string' && rawDocs.trim() !== '') documents = [rawDocs];
  else if (Array.isArray(rawDocs) && rawDocs.length > 0 && rawDocs.every((p) => typeof p === 'string' && p.trim() !== '')) documents = rawDocs as string[];
  else if (rawDocs !== undefined && rawDocs !== null) {
    fields.error(['documents'], 'invalid-value', '"documents" must be a glob pattern or a list of them, relative to this folder (e.g. ["transcripts/**/*.md"])');
  }
  for (const [i, pattern] of documents.entries()) {
    if (pattern.startsWith('/') || pattern.split('/').includes('..')) {
      fields.error(rawDocs === undefined ? [] : Array.isArray(rawDocs) ? ['documents', i] : ['documents'], 'invalid-value', `document pattern "${pattern}" must stay inside the corpus folder (no leading "/" or "..")`);
      documents = DEFAULT_DOCUMENT_PATTERNS;
    }
  }
  let codebook = fields.text(data, 'codebook', []) ?? DEFAULT_CODEBOOK;
  if (codebook.startsWith('/') || codebook.split('/').includes('..') || codebook.trim() === '') {
    fields.error(['codebook'], 'invalid-value', `codebook "${codebook}" must be a path inside the corpus folder`);
    codebook = DEFAULT_CODEBOOK;
  }
  const compareMap = fields.map(data, 'compare', []);
  let compare: ComparisonSetting = DEFAULT_CONFIG.compare;
  if (compareMap) {
    const attribute = fields.text(compareMap, 'attribute', ['compare']) ?? 'wave';
    const baseline = fields.text(compareMap, 'baseline', ['compare']);
    const followup = fields.text(compareMap, 'followup', ['compare']);
    if ((baseline === undefined) !== (followup === undefined)) {
      fields.error(['compare'], 'invalid-value', 'give both "baseline" and "followup", or neither (then the two lowest values are compared)');
    }
    compare = baseline !== undefined && followup !== undefined ? { attribute, baseline, followup } : { attribute };
  }
  return { config: { documents, codebook, compare }, problems: fields.problems };
}
