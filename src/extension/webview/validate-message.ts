/**
 * Validation of what a webview posts to the extension host. A webview is a browser page that
 * renders corpus text, so the host treats its messages as untrusted input: each must match
 * one message of src/protocol exactly (no missing, extra or wrongly typed field, strings
 * within their limits, commands from the allow-list) or it is dropped. Pure: no `vscode`, no
 * Node built-ins, so it is tested in plain Node.
 */
import {
  AGREEMENT_SIDES,
  MAX_BODY_OFFSET,
  MAX_FILE_LENGTH,
  MAX_FILTER_LENGTH,
  MAX_ID_LENGTH,
  MAX_QUERY_INDEX,
  MAX_ROOT_LENGTH,
  MATRIX_QUERY_BYS,
  MATRIX_QUERY_KINDS,
  MAX_SUMMARY_LENGTH,
  WEBVIEW_COMMANDS,
  type AgreementSide,
  type FromWebviewMessage,
  type MatrixQueryBy,
  type MatrixQueryKind,
  type WebviewCommandId,
} from '../../protocol';

export type MessageCheck =
  | { readonly ok: true; readonly message: FromWebviewMessage }
  | { readonly ok: false; readonly reason: string };

type MessageType = FromWebviewMessage['type'];

/** The fields each message type has, `type` included; no other field is accepted. */
const FIELDS: ReadonlyMap<MessageType, readonly string[]> = new Map<MessageType, readonly string[]>([
  ['ready', ['type']],
  ['refresh', ['type']],
  ['runCommand', ['type', 'command']],
  ['openFile', ['type', 'root', 'file']],
  ['openSegment', ['type', 'root', 'file', 'id']],
  ['saveSummary', ['type', 'root', 'case', 'theme', 'summary']],
  ['setGrouping', ['type', 'attribute']],
  ['requestQuotes', ['type', 'root', 'case', 'wave', 'theme', 'code']],
  ['search', ['type', 'root', 'text']],
  ['exportMatrix', ['type', 'root']],
  ['requestQuery', ['type', 'root', 'query', 'by']],
  ['requestQuerySegments', ['type', 'root', 'query', 'by', 'row', 'col']],
  ['requestCompareQuotes', ['type', 'root', 'theme', 'code']],
  ['setWaves', ['type', 'attribute', 'baseline', 'followup']],
  ['exportComparison', ['type', 'root']],
  ['openRange', ['type', 'root', 'file', 'start', 'end', 'side']],
  ['setCodedOnly', ['type', 'codedOnly']],
]);

/** Keys that would reach an object's prototype if the message were ever merged or copied. */
const POISONED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const COMMANDS: ReadonlySet<string> = new Set(WEBVIEW_COMMANDS);

/** C0 and C1 controls, line and paragraph separators: never part of a root or file name we send. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Checks one message as it arrived from `webview.onDidReceiveMessage`. On success returns a
 * fresh, frozen object holding only the checked fields (never the object that arrived).
 */
export function checkFromWebviewMessage(raw: unknown): MessageCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not an object');
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return fail('not a plain object');
  // Reflect.ownKeys also sees symbols and non-enumerable keys: a message has neither.
  const keys = Reflect.ownKeys(raw);
  for (const key of keys) {
    if (typeof key !== 'string') return fail('symbol key');
    if (POISONED_KEYS.has(key)) return fail(`forbidden key ${JSON.stringify(key)}`);
  }
  const record = raw as Record<string, unknown>;
  const type = own(record, 'type');
  if (typeof type !== 'string') return fail('missing or non-string type');
  const fields = FIELDS.get(type as MessageType);
  if (!fields) return fail(`unknown type ${quote(type)}`);
  for (const key of keys as string[]) {
    if (!fields.includes(key)) return fail(`${type}: unexpected field ${quote(key)}`);
  }
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(record, field)) return fail(`${type}: missing field ${field}`);
    // Accessors could run code or answer differently on each read: only plain data fields.
    const descriptor = Object.getOwnPropertyDescriptor(record, field);
    if (!descriptor || !('value' in descriptor)) return fail(`${type}: ${field} is not a data field`);
  }

  switch (type as MessageType) {
    case 'ready':
      return ok({ type: 'ready' });
    case 'refresh':
      return ok({ type: 'refresh' });
    case 'runCommand': {
      const command = own(record, 'command');
      if (typeof command !== 'string') return fail('runCommand: command is not a string');
      if (!COMMANDS.has(command)) return fail(`runCommand: command ${quote(command)} is not allowed`);
      return ok({ type: 'runCommand', command: command as WebviewCommandId });
    }
    case 'openFile': {
      const root = own(record, 'root');
      const file = own(record, 'file');
      const rootProblem = checkRoot(root);
      if (rootProblem) return fail(`openFile: root ${rootProblem}`);
      const fileProblem = checkRelativeFile(file);
      if (fileProblem) return fail(`openFile: file ${fileProblem}`);
      return ok({ type: 'openFile', root: root as string, file: file as string });
    }
    case 'openSegment': {
      const root = own(record, 'root');
      const file = own(record, 'file');
      const id = own(record, 'id');
      const rootProblem = checkRoot(root);
      if (rootProblem) return fail(`openSegment: root ${rootProblem}`);
      const fileProblem = checkRelativeFile(file);
      if (fileProblem) return fail(`openSegment: file ${fileProblem}`);
      const idProblem = checkId(id);
      if (idProblem) return fail(`openSegment: id ${idProblem}`);
      return ok({ type: 'openSegment', root: root as string, file: file as string, id: id as string });
    }
    case 'saveSummary': {
      const root = own(record, 'root');
      const caseId = own(record, 'case');
      const theme = own(record, 'theme');
      const summary = own(record, 'summary');
      const problem = labelled('root', checkRoot(root)) ?? labelled('case', checkId(caseId)) ?? labelled('theme', checkId(theme));
      if (problem) return fail(`saveSummary: ${problem}`);
      if (typeof summary !== 'string') return fail('saveSummary: summary is not a string');
      if (summary.length > MAX_SUMMARY_LENGTH) return fail(`saveSummary: summary is longer than ${MAX_SUMMARY_LENGTH} characters`);
      return ok({ type: 'saveSummary', root: root as string, case: caseId as string, theme: theme as string, summary });
    }
    case 'setGrouping':
      return checkGrouping(record);
    case 'requestQuotes': {
      const [root, caseId, wave, theme, code] = ['root', 'case', 'wave', 'theme', 'code'].map((k) => own(record, k));
      const problem = labelled('root', checkRoot(root)) ?? labelled('case', checkId(caseId)) ?? labelled('wave', checkOptionalId(wave))
        ?? labelled('theme', checkId(theme)) ?? labelled('code', checkOptionalId(code));
      if (problem) return fail(`requestQuotes: ${problem}`);
      return ok({ type: 'requestQuotes', root: root as string, case: caseId as string, wave: wave as string, theme: theme as string, code: code as string });
    }
    case 'exportMatrix':
    case 'exportComparison': {
      const rootProblem = checkRoot(own(record, 'root'));
      if (rootProblem) return fail(`${type}: root ${rootProblem}`);
      return ok({ type: type as 'exportMatrix' | 'exportComparison', root: own(record, 'root') as string });
    }
    case 'requestCompareQuotes': {
      const [root, theme, code] = ['root', 'theme', 'code'].map((k) => own(record, k));
      const problem = labelled('root', checkRoot(root)) ?? labelled('theme', checkId(theme)) ?? labelled('code', checkOptionalId(code));
      if (problem) return fail(`requestCompareQuotes: ${problem}`);
      return ok({ type: 'requestCompareQuotes', root: root as string, theme: theme as string, code: code as string });
    }
    case 'setWaves': {
      const [attribute, baseline, followup] = ['attribute', 'baseline', 'followup'].map((k) => own(record, k));
      const problem = labelled('attribute', checkId(attribute)) ?? labelled('baseline', checkId(baseline)) ?? labelled('followup', checkId(followup));
      if (problem) return fail(`setWaves: ${problem}`);
      if (baseline === followup) return fail('setWaves: baseline and followup are the same value');
      return ok({ type: 'setWaves', attribute: attribute as string, baseline: baseline as string, followup: followup as string });
    }
    case 'search': {
      const root = own(record, 'root');
      const text = own(record, 'text');
      const rootProblem = checkRoot(root);
      if (rootProblem) return fail(`search: root ${rootProblem}`);
      if (typeof text !== 'string') return fail('search: text is not a string');
      if (text.length > MAX_FILTER_LENGTH) return fail(`search: text is longer than ${MAX_FILTER_LENGTH} characters`);
      return ok({ type: 'search', root: root as string, text });
    }
    case 'requestQuery': {
      const [root, query, by] = ['root', 'query', 'by'].map((k) => own(record, k));
      const problem = labelled('root', checkRoot(root)) ?? labelled('query', checkOneOf(query, MATRIX_QUERY_KINDS)) ?? labelled('by', checkOneOf(by, MATRIX_QUERY_BYS));
      if (problem) return fail(`requestQuery: ${problem}`);
      return ok({ type: 'requestQuery', root: root as string, query: query as MatrixQueryKind, by: by as MatrixQueryBy });
    }
    case 'requestQuerySegments': {
      const [root, query, by, row, col] = ['root', 'query', 'by', 'row', 'col'].map((k) => own(record, k));
      const problem = labelled('root', checkRoot(root)) ?? labelled('query', checkOneOf(query, MATRIX_QUERY_KINDS)) ?? labelled('by', checkOneOf(by, MATRIX_QUERY_BYS))
        ?? labelled('row', checkIndex(row)) ?? labelled('col', checkIndex(col));
      if (problem) return fail(`requestQuerySegments: ${problem}`);
      return ok({ type: 'requestQuerySegments', root: root as string, query: query as MatrixQueryKind, by: by as MatrixQueryBy, row: row as number, col: col as number });
    }
    case 'openRange': {
      const [root, file, start, end, side] = ['root', 'file', 'start', 'end', 'side'].map((k) => own(record, k));
      const problem = labelled('root', checkRoot(root)) ?? labelled('file', checkRelativeFile(file)) ?? labelled('start', checkOffset(start))
        ?? labelled('end', checkOffset(end)) ?? labelled('side', checkOneOf(side, AGREEMENT_SIDES));
      if (problem) return fail(`openRange: ${problem}`);
      if ((start as number) > (end as number)) return fail('openRange: start is after end');
      return ok({ type: 'openRange', root: root as string, file: file as string, start: start as number, end: end as number, side: side as AgreementSide });
    }
    case 'setCodedOnly': {
      const codedOnly = own(record, 'codedOnly');
      if (typeof codedOnly !== 'boolean') return fail('setCodedOnly: codedOnly is not a boolean');
      return ok({ type: 'setCodedOnly', codedOnly });
    }
  }
}

/** Why `value` is not a body offset (a whole number from 0 to {@link MAX_BODY_OFFSET}), or undefined. */
function checkOffset(value: unknown): string | undefined {
  if (typeof value !== 'number') return 'is not a number';
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_BODY_OFFSET) return `is not a whole number from 0 to ${MAX_BODY_OFFSET}`;
  return undefined;
}

/** Why `value` is not one of `allowed`, or undefined if it is. */
function checkOneOf(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  return allowed.includes(value) ? undefined : `is not one of ${allowed.join(', ')}`;
}

/** Why `value` is not a row or column index (a whole number from 0 below {@link MAX_QUERY_INDEX}), or undefined. */
function checkIndex(value: unknown): string | undefined {
  if (typeof value !== 'number') return 'is not a number';
  if (!Number.isSafeInteger(value) || value < 0 || value >= MAX_QUERY_INDEX) return `is not a whole number from 0 to ${MAX_QUERY_INDEX - 1}`;
  return undefined;
}

const labelled = (field: string, problem: string | undefined) => (problem === undefined ? undefined : `${field} ${problem}`);

function checkGrouping(record: Record<string, unknown>): MessageCheck {
  const attribute = own(record, 'attribute');
  const problem = checkId(attribute);
  return problem ? fail(`setGrouping: attribute ${problem}`) : ok({ type: 'setGrouping', attribute: attribute as string });
}

/** Why `value` is not an acceptable id (annotation, case or theme), or undefined if it is. */
function checkId(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value.length === 0) return 'is empty';
  if (value.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
  if (CONTROL.test(value)) return 'contains a control character';
  return undefined;
}

/** Like {@link checkId}, but `""` is accepted (a row without a wave, a whole theme rather than a code). */
function checkOptionalId(value: unknown): string | undefined {
  return value === '' ? undefined : checkId(value);
}

/** Why `value` is not an acceptable corpus root string, or undefined if it is. */
function checkRoot(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value.length === 0) return 'is empty';
  if (value.length > MAX_ROOT_LENGTH) return `is longer than ${MAX_ROOT_LENGTH} characters`;
  if (CONTROL.test(value)) return 'contains a control character';
  return undefined;
}

/**
 * Why `value` is not a plain relative POSIX path (the form of `Problem.file`), or undefined.
 * Refusing absolute paths, drive letters, backslashes and dot segments keeps a file inside
 * its root whatever the handler joins it with.
 */
export function checkRelativeFile(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value.length === 0) return 'is empty';
  if (value.length > MAX_FILE_LENGTH) return `is longer than ${MAX_FILE_LENGTH} characters`;
  if (CONTROL.test(value)) return 'contains a control character';
  if (value.includes('\\')) return 'contains a backslash';
  if (value.startsWith('/')) return 'is absolute';
  if (/^[A-Za-z]:/.test(value)) return 'starts with a drive letter';
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'has an empty, "." or ".." segment';
  }
  return undefined;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function ok(message: FromWebviewMessage): MessageCheck {
  return { ok: true, message: Object.freeze(message) };
}

function fail(reason: string): MessageCheck {
  return { ok: false, reason };
}

/** A short, single-line rendering of a value from the webview, safe to put in a log line. */
function quote(value: string): string {
  const json = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return json;
}
