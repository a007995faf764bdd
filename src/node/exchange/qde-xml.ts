import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { GUID_PATTERN } from '../../core/exchange/guid';
import {
  PROJECT_FILE, QdpxError, REFI_NAMESPACE,
  type RefiCase, type RefiCode, type RefiCoding, type RefiLink, type RefiNote, type RefiProject, type RefiSelection, type RefiTextSource,
  type RefiUser, type RefiVariable, type RefiVariableType, type RefiVariableValue,
} from '../../core/exchange/refi-project';

/**
 * `project.qde` to and from the project model. Writing goes through fast-xml-parser's
 * XMLBuilder (it escapes; nothing here does), elements in the order the schema's sequences
 * require, empty optional containers left out. Reading refuses a DOCTYPE outright and never
 * expands entities (`processEntities: false`); only XML's five predefined entities and
 * character references are decoded, by `decodeReferences`. Every problem names the element
 * (and attribute) that is wrong.
 */

// ---------------------------------------------------------------- writing

/** fast-xml-parser's ordered form: `{ Tag: [children], ':@': { '@_attr': value } }`, or a text node. */
type XmlNode = Record<string, unknown>;

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** The project as `project.qde` text (UTF-8, LF). */
export function writeProjectXml(project: RefiProject): string {
  const children: XmlNode[] = [];
  if (project.users.length > 0) children.push(el('Users', {}, project.users.map((u) => el('User', { guid: u.guid, name: u.name, id: u.id }))));
  if (project.codes.length > 0) children.push(el('CodeBook', {}, [el('Codes', {}, project.codes.map(codeNode))]));
  if (project.variables.length > 0) {
    children.push(el('Variables', {}, project.variables.map((v) => el('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.typeOfVariable }, textChild('Description', v.description)))));
  }
  if (project.cases.length > 0) {
    children.push(el('Cases', {}, project.cases.map((c) => el('Case', { guid: c.guid, name: c.name }, [
      ...textChild('Description', c.description),
      ...c.variableValues.map(variableValueNode),
      ...c.sourceRefs.map((ref) => el('SourceRef', { targetGUID: ref })),
    ]))));
  }
  if (project.sources.length > 0) children.push(el('Sources', {}, project.sources.map((s) => textSourceNode('TextSource', s))));
  if (project.notes.length > 0) children.push(el('Notes', {}, project.notes.map(noteNode)));
  children.push(...textChild('Description', project.description));
  children.push(...project.noteRefs.map((ref) => el('NoteRef', { targetGUID: ref })));
  const root = el('Project', { name: project.name, origin: project.origin, creatingUserGUID: project.creatingUserGUID, xmlns: REFI_NAMESPACE }, children);
  const declaration = { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'utf-8' } } as XmlNode;
  return builder.build([declaration, root]).replace(/^\n+/, '');
}

function el(tag: string, attributes: Record<string, string | undefined>, children: XmlNode[] = []): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[`@_${k}`] = xmlAttribute(v);
  return Object.keys(attrs).length > 0 ? { [tag]: children, ':@': attrs } : { [tag]: children };
}

function textChild(tag: string, text: string | undefined): XmlNode[] {
  return text === undefined ? [] : [{ [tag]: [{ '#text': xmlText(text) }] }];
}

function codeNode(c: RefiCode): XmlNode {
  return el('Code', { guid: c.guid, name: c.name, isCodable: String(c.isCodable), color: c.color }, [
    ...textChild('Description', c.description),
    ...c.noteRefs.map((ref) => el('NoteRef', { targetGUID: ref })),
    ...c.children.map(codeNode),
  ]);
}

function variableValueNode(v: RefiVariableValue): XmlNode {
  return el('VariableValue', {}, [el('VariableRef', { targetGUID: v.variableGUID }), ...textChild('TextValue', v.value)]);
}

function codingNode(c: RefiCoding): XmlNode {
  return el('Coding', { guid: c.guid, creatingUser: c.creatingUser }, [el('CodeRef', { targetGUID: c.codeGUID }), ...c.noteRefs.map((ref) => el('NoteRef', { targetGUID: ref }))]);
}

function selectionNode(s: RefiSelection): XmlNode {
  return el('PlainTextSelection', {
    guid: s.guid, name: s.name, startPosition: String(s.startPosition), endPosition: String(s.endPosition), creatingUser: s.creatingUser, modifyingUser: s.modifyingUser,
  }, [...textChild('Description', s.description), ...s.codings.map(codingNode), ...s.noteRefs.map((ref) => el('NoteRef', { targetGUID: ref }))]);
}

function textSourceNode(tag: string, s: RefiTextSource): XmlNode {
  return el(tag, { guid: s.guid, name: s.name, plainTextPath: s.plainTextPath, creatingUser: s.creatingUser }, [
    ...textChild('Description', s.description),
    ...textChild('PlainTextContent', s.plainTextContent),
    ...s.selections.map(selectionNode),
    ...s.codings.map(codingNode),
    ...s.noteRefs.map((ref) => el('NoteRef', { targetGUID: ref })),
    ...s.variableValues.map(variableValueNode),
  ]);
}

function noteNode(n: RefiNote): XmlNode {
  return el('Note', { guid: n.guid, name: n.name, plainTextPath: n.plainTextPath, creatingUser: n.creatingUser }, [
    ...textChild('Description', n.description),
    ...textChild('PlainTextContent', n.plainTextContent),
    ...n.selections.map(selectionNode),
  ]);
}

/**
 * XML 1.0 cannot hold most control characters or lone surrogates at all, not even escaped:
 * they become U+FFFD (they can only reach here from memos and names; source texts travel as
 * files of their own, untouched).
 */
function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '\ufffd');
}

/** In an attribute a reader turns tabs and line breaks into spaces anyway: say so by writing spaces. */
function xmlAttribute(s: string): string {
  return xmlText(s).replace(/\r\n|[\t\n\r]/g, ' ');
}

// ---------------------------------------------------------------- reading

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
  /** `Project/Sources/TextSource[3]`, for messages. */
  readonly path: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Nesting deeper than this is no code tree anyone keeps; it is refused rather than recursed into. */
const MAX_DEPTH = 100;

/** Reads `project.qde` text into the project model; throws `QdpxError` naming where it is wrong. */
export function readProjectXml(xml: string): RefiProject {
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (doctype) {
    const before = xml.slice(0, doctype.index);
    const line = before.split('\n').length;
    throw new QdpxError(`${PROJECT_FILE}:${line}:${doctype.index - before.lastIndexOf('\n')}`, `a ${doctype[1].toUpperCase()} declaration is not allowed in a REFI-QDA project (entities are never expanded); the file was not read`);
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) throw new QdpxError(`${PROJECT_FILE}:${valid.err.line}:${valid.err.col}`, `malformed XML: ${valid.err.msg}`);
  let parsed: unknown[];
  try {
    parsed = parser.parse(xml) as unknown[];
  } catch (e) {
    throw new QdpxError(PROJECT_FILE, `malformed XML: ${(e as Error).message}`);
  }
  const roots = parsed.map((n) => toElement(n, '', 0, new Map())).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1 || roots[0].name !== 'Project') {
    throw new QdpxError(PROJECT_FILE, `the root element must be Project (REFI-QDA project schema), not ${roots.map((r) => r.name).join(', ') || 'nothing'}`);
  }
  return readProject(roots[0]);
}

/** Elements the schema allows once in their parent: named without a number in messages. */
const SINGLE = new Set(['Project', 'Users', 'CodeBook', 'Codes', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'PlainTextContent', 'CodeRef', 'VariableRef']);

function toElement(node: unknown, parentPath: string, depth: number, siblings: Map<string, number>): XmlElement | undefined {
  const record = node as Record<string, unknown>;
  const tag = Object.keys(record).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
  if (tag === undefined) return undefined;
  const name = tag.slice(tag.indexOf(':') + 1);
  const index = (siblings.get(name) ?? 0) + 1;
  siblings.set(name, index);
  const path = `${parentPath}${parentPath ? '/' : ''}${name}${SINGLE.has(name) ? '' : `[${index}]`}`;
  if (depth > MAX_DEPTH) throw new QdpxError(`${PROJECT_FILE}: ${path}`, `elements are nested more than ${MAX_DEPTH} deep`);
  const rawAttributes = (record[':@'] ?? {}) as Record<string, string>;
  const attributes: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(rawAttributes)) {
    const local = k.startsWith('xmlns') ? k : k.slice(k.indexOf(':') + 1);
    attributes[local] = decodeReferences(String(v).replace(/[\t\n\r]/g, ' '), `${PROJECT_FILE}: ${path}, attribute ${local}`);
  }
  const children: XmlElement[] = [];
  let text = '';
  const childSiblings = new Map<string, number>();
  for (const child of (record[tag] as unknown[]) ?? []) {
    const c = child as Record<string, unknown>;
    if ('#text' in c) text += decodeReferences(String(c['#text']).replace(/\r\n?/g, '\n'), `${PROJECT_FILE}: ${path}`);
    else if ('#cdata' in c) text += ((c['#cdata'] as { '#text'?: string }[]) ?? []).map((t) => String(t['#text'] ?? '')).join('').replace(/\r\n?/g, '\n');
    else {
      const e = toElement(child, path, depth + 1, childSiblings);
      if (e) children.push(e);
    }
  }
  return { name, attributes, children, text, path };
}

/**
 * XML's own references: `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character references.
 * Anything else after `&` is an entity this reader never defines (no DOCTYPE), so an error.
 */
export function decodeReferences(s: string, where: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:(amp|lt|gt|quot|apos);|#([0-9]{1,7});|#x([0-9a-fA-F]{1,6});)?/g, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp']!;
    if (dec === undefined && hex === undefined) {
      throw new QdpxError(where, `"${s.slice(s.indexOf(whole), s.indexOf(whole) + 12)}…" uses an entity that is not defined (only &amp; &lt; &gt; &quot; &apos; and character references are read)`);
    }
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!allowed) throw new QdpxError(where, `character reference ${whole} is not a character XML allows`);
    return String.fromCodePoint(cp);
  });
}

const elements = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);
const first = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const textOf = (e: XmlElement, name: string) => first(e, name)?.text;
const EMPTY: XmlElement = { name: '', attributes: {}, children: [], text: '', path: '' };
/** The `name` children of an optional container. */
const within = (container: XmlElement | undefined, name: string) => (container ? elements(container, name) : []);

function at(e: XmlElement, attribute?: string): string {
  const hint = e.attributes.name ? ` "${e.attributes.name}"` : e.attributes.guid ? ` (guid ${e.attributes.guid})` : '';
  return `${PROJECT_FILE}: ${e.path}${hint}${attribute ? `, attribute ${attribute}` : ''}`;
}

function guid(e: XmlElement, attribute = 'guid'): string {
  const value = e.attributes[attribute];
  if (value === undefined || value.trim() === '') throw new QdpxError(at(e), `attribute ${attribute} is required`);
  if (!GUID_PATTERN.test(value.trim())) throw new QdpxError(at(e, attribute), `"${value}" is not a GUID (8-4-4-4-12 hexadecimal digits)`);
  return value.trim();
}

function optionalGuid(e: XmlElement, attribute: string): string | undefined {
  return e.attributes[attribute] === undefined || e.attributes[attribute].trim() === '' ? undefined : guid(e, attribute);
}

function refs(e: XmlElement, name: string): string[] {
  return elements(e, name).map((r) => guid(r, 'targetGUID'));
}

function position(e: XmlElement, attribute: string): number {
  const value = e.attributes[attribute];
  if (value === undefined) throw new QdpxError(at(e), `attribute ${attribute} is required`);
  if (!/^\s*\+?\d{1,15}\s*$/.test(value)) throw new QdpxError(at(e, attribute), `must be a whole number of characters from the start of the text, not "${value}"`);
  return Number(value.trim());
}

function boolean(e: XmlElement, attribute: string, fallback: boolean): boolean {
  const value = e.attributes[attribute]?.trim();
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new QdpxError(at(e, attribute), `must be true or false, not "${value}"`);
}

function readProject(root: XmlElement): RefiProject {
  const ns = root.attributes.xmlns;
  if (ns !== undefined && !ns.startsWith('urn:QDA-XML:project:')) {
    throw new QdpxError(at(root, 'xmlns'), `the namespace "${ns}" is not REFI-QDA's project namespace (${REFI_NAMESPACE})`);
  }
  const sources = first(root, 'Sources');
  const otherSources: { kind: string; guid: string; name?: string }[] = [];
  for (const s of sources?.children ?? []) {
    if (s.name !== 'TextSource') otherSources.push({ kind: s.name, guid: guid(s), ...(s.attributes.name !== undefined ? { name: s.attributes.name } : {}) });
  }
  return {
    name: root.attributes.name ?? '',
    ...(root.attributes.origin !== undefined ? { origin: root.attributes.origin } : {}),
    ...optional('creatingUserGUID', optionalGuid(root, 'creatingUserGUID')),
    users: within(first(root, 'Users'), 'User').map(readUser),
    codes: within(first(first(root, 'CodeBook') ?? EMPTY, 'Codes'), 'Code').map(readCode),
    variables: within(first(root, 'Variables'), 'Variable').map(readVariable),
    cases: within(first(root, 'Cases'), 'Case').map(readCase),
    sources: within(sources, 'TextSource').map(readTextSource),
    otherSources,
    notes: within(first(root, 'Notes'), 'Note').map(readNote),
    links: within(first(root, 'Links'), 'Link').map(readLink),
    ...optional('description', textOf(root, 'Description')),
    noteRefs: refs(root, 'NoteRef'),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

function readUser(e: XmlElement): RefiUser {
  return { guid: guid(e), ...optional('name', e.attributes.name), ...optional('id', e.attributes.id) };
}

function readCode(e: XmlElement): RefiCode {
  const name = e.attributes.name;
  if (name === undefined) throw new QdpxError(at(e), 'attribute name is required');
  return {
    guid: guid(e),
    name,
    isCodable: boolean(e, 'isCodable', true),
    ...optional('color', e.attributes.color),
    ...optional('description', textOf(e, 'Description')),
    noteRefs: refs(e, 'NoteRef'),
    children: elements(e, 'Code').map(readCode),
  };
}

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

function readVariable(e: XmlElement): RefiVariable {
  const name = e.attributes.name;
  if (name === undefined) throw new QdpxError(at(e), 'attribute name is required');
  const type = e.attributes.typeOfVariable?.trim();
  if (type !== undefined && !VARIABLE_TYPES.includes(type as RefiVariableType)) {
    throw new QdpxError(at(e, 'typeOfVariable'), `must be one of ${VARIABLE_TYPES.join(', ')}, not "${type}"`);
  }
  return { guid: guid(e), name, typeOfVariable: (type ?? 'Text') as RefiVariableType, ...optional('description', textOf(e, 'Description')) };
}

function readVariableValue(e: XmlElement): RefiVariableValue {
  const ref = first(e, 'VariableRef');
  if (!ref) throw new QdpxError(at(e), 'a VariableValue needs a VariableRef');
  const value = e.children.find((c) => /^(Text|Boolean|Integer|Float|Date|DateTime)Value$/.test(c.name));
  return { variableGUID: guid(ref, 'targetGUID'), value: value?.text.trim() ?? '' };
}

function readCase(e: XmlElement): RefiCase {
  return {
    guid: guid(e),
    ...optional('name', e.attributes.name),
    ...optional('description', textOf(e, 'Description')),
    variableValues: elements(e, 'VariableValue').map(readVariableValue),
    sourceRefs: refs(e, 'SourceRef'),
  };
}

function readCoding(e: XmlElement): RefiCoding {
  const ref = first(e, 'CodeRef');
  if (!ref) throw new QdpxError(at(e), 'a Coding needs a CodeRef');
  return { guid: guid(e), codeGUID: guid(ref, 'targetGUID'), ...optional('creatingUser', optionalGuid(e, 'creatingUser')), noteRefs: refs(e, 'NoteRef') };
}

function readSelection(e: XmlElement): RefiSelection {
  const startPosition = position(e, 'startPosition');
  const endPosition = position(e, 'endPosition');
  if (endPosition < startPosition) throw new QdpxError(at(e, 'endPosition'), `${endPosition} is before startPosition ${startPosition}`);
  return {
    guid: guid(e),
    ...optional('name', e.attributes.name),
    startPosition,
    endPosition,
    ...optional('creatingUser', optionalGuid(e, 'creatingUser')),
    ...optional('modifyingUser', optionalGuid(e, 'modifyingUser')),
    ...optional('description', textOf(e, 'Description')),
    codings: elements(e, 'Coding').map(readCoding),
    noteRefs: refs(e, 'NoteRef'),
  };
}

function readTextSource(e: XmlElement): RefiTextSource {
  return {
    guid: guid(e),
    ...optional('name', e.attributes.name),
    ...optional('description', textOf(e, 'Description')),
    ...optional('plainTextContent', textOf(e, 'PlainTextContent')),
    ...optional('plainTextPath', e.attributes.plainTextPath),
    ...optional('creatingUser', optionalGuid(e, 'creatingUser')),
    selections: elements(e, 'PlainTextSelection').map(readSelection),
    codings: elements(e, 'Coding').map(readCoding),
    noteRefs: refs(e, 'NoteRef'),
    variableValues: elements(e, 'VariableValue').map(readVariableValue),
  };
}

function readNote(e: XmlElement): RefiNote {
  return {
    guid: guid(e),
    ...optional('name', e.attributes.name),
    ...optional('creatingUser', optionalGuid(e, 'creatingUser')),
    ...optional('description', textOf(e, 'Description')),
    ...optional('plainTextContent', textOf(e, 'PlainTextContent')),
    ...optional('plainTextPath', e.attributes.plainTextPath),
    selections: elements(e, 'PlainTextSelection').map(readSelection),
  };
}

function readLink(e: XmlElement): RefiLink {
  return {
    guid: guid(e),
    ...optional('name', e.attributes.name),
    ...optional('originGUID', optionalGuid(e, 'originGUID')),
    ...optional('targetGUID', optionalGuid(e, 'targetGUID')),
  };
}
