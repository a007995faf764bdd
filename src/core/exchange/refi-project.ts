/**
 * The part of a REFI-QDA project (`project.qde`, schema `urn:QDA-XML:project:1.0`) that
 * QualFrame writes and reads: text sources and everything hung on them. Names follow the
 * schema's elements and attributes; GUIDs are kept as written. Reading and writing the XML is
 * `src/node/exchange/qde-xml.ts`; mapping to and from a corpus is in this folder.
 */

export interface RefiProject {
  readonly name: string;
  readonly origin?: string;
  readonly creatingUserGUID?: string;
  readonly users: readonly RefiUser[];
  /** The code tree (CodeBook/Codes), top level first. */
  readonly codes: readonly RefiCode[];
  readonly variables: readonly RefiVariable[];
  readonly cases: readonly RefiCase[];
  readonly sources: readonly RefiTextSource[];
  /** Sources of other kinds (pictures, PDFs, audio, video): named only, to say they were left out. */
  readonly otherSources: readonly { readonly kind: string; readonly guid: string; readonly name?: string }[];
  readonly notes: readonly RefiNote[];
  /** Links between objects; NVivo ties a Note to a PlainTextSelection with one (its annotations). */
  readonly links: readonly RefiLink[];
  readonly description?: string;
  /** Notes on the project as a whole. */
  readonly noteRefs: readonly string[];
}

export interface RefiUser {
  readonly guid: string;
  readonly name?: string;
  readonly id?: string;
}

export interface RefiCode {
  readonly guid: string;
  readonly name: string;
  readonly isCodable: boolean;
  /** `#rgb` or `#rrggbb`. */
  readonly color?: string;
  readonly description?: string;
  readonly noteRefs: readonly string[];
  readonly children: readonly RefiCode[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  readonly guid: string;
  readonly name: string;
  readonly typeOfVariable: RefiVariableType;
  readonly description?: string;
}

export interface RefiVariableValue {
  readonly variableGUID: string;
  /** The value as written, whatever its type (TextValue, IntegerValue, DateValue, ...). */
  readonly value: string;
}

export interface RefiCase {
  readonly guid: string;
  /** MAXQDA and Quirkos write nameless cases that only carry one source's variable values. */
  readonly name?: string;
  readonly description?: string;
  readonly variableValues: readonly RefiVariableValue[];
  readonly sourceRefs: readonly string[];
}

export interface RefiCoding {
  readonly guid: string;
  readonly codeGUID: string;
  readonly creatingUser?: string;
  readonly noteRefs: readonly string[];
}

export interface RefiSelection {
  readonly guid: string;
  readonly name?: string;
  /** Code points from the start of the source's plain text. */
  readonly startPosition: number;
  readonly endPosition: number;
  readonly creatingUser?: string;
  readonly modifyingUser?: string;
  readonly description?: string;
  readonly codings: readonly RefiCoding[];
  readonly noteRefs: readonly string[];
}

export interface RefiTextSource {
  readonly guid: string;
  readonly name?: string;
  readonly description?: string;
  readonly plainTextContent?: string;
  /** `internal://FILE` names FILE in the archive's Sources folder. */
  readonly plainTextPath?: string;
  readonly creatingUser?: string;
  readonly selections: readonly RefiSelection[];
  /** Codings of the whole source. */
  readonly codings: readonly RefiCoding[];
  readonly noteRefs: readonly string[];
  readonly variableValues: readonly RefiVariableValue[];
}

/** A Note is a text source of its own (TextSourceType); QualFrame uses its text and name. */
export interface RefiNote {
  readonly guid: string;
  readonly name?: string;
  readonly creatingUser?: string;
  readonly description?: string;
  readonly plainTextContent?: string;
  readonly plainTextPath?: string;
  /** QualCoder writes a text annotation as a Note holding the selection it annotates. */
  readonly selections: readonly RefiSelection[];
}

export interface RefiLink {
  readonly guid: string;
  readonly name?: string;
  readonly originGUID?: string;
  readonly targetGUID?: string;
}

/** The folder of the archive that holds source texts, and the only one QualFrame reads from. */
export const SOURCES_FOLDER = 'Sources';
/** The project file at the archive's root. */
export const PROJECT_FILE = 'project.qde';
/** The schema's namespace. */
export const REFI_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** `internal://<guid>.txt`: how a source names its text file inside Sources/. */
export function internalPath(fileName: string): string {
  return `internal://${fileName}`;
}

/**
 * The Sources/ file an `internal://` path names, when it is a plain file name that QualFrame
 * reads (a GUID-named `.txt`); undefined for anything else, including names that try to leave
 * the folder. Lower case, as archive entries are matched.
 */
export function internalTextFile(path: string | undefined): string | undefined {
  const m = /^internal:\/\/\/?(\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?\.txt)$/i.exec(path?.trim() ?? '');
  return m ? m[1].replace(/[{}]/g, '').toLowerCase() : undefined;
}

/** A located problem with an exchange file: what is wrong, and where (file and element path). */
export class QdpxError extends Error {
  override name = 'QdpxError';
  constructor(
    /** Where: `project.qde:12:5`, `project.qde: Project/Sources/TextSource[3]`, `Sources/x.txt`. */
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}
