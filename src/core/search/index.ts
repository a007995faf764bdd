export * from './types';
export { SearchIndex } from './passage-index';
export { splitPassages, type Passage } from './passages';
export { parseQuery, parseSearchInput, type ParsedQuery, type QueryClause, type SearchInput } from './query';
export { STOP_WORDS, forEachWord, isIndexed, normaliseWord, words } from './tokenize';
