export * from './types';
export { SearchIndex } from './passage-index';
export { splitPassages, type Passage } from './passages';
export { parseQuery, parseSearchInput, type ParsedQuery, type QueryClause, type SearchInput } from './query';
export { STOP_WORDS, forEachWord, isIndexed, normaliseWord, words } from './tokenize';
export { applyAutoCode, planAutoCode, type AutoCodeAddition, type AutoCodeOptions, type AutoCodePlan, type AutoCodeSkip } from './auto-code';
