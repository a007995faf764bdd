import { Unzip, UnzipInflate, unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import { GUID_PATTERN } from '../../core/exchange/guid';
import { PROJECT_FILE, QdpxError, SOURCES_FOLDER } from '../../core/exchange/refi-project';
import { MAX_DOCUMENT_BYTES } from '../../core/corpus/load-corpus';

/**
 * The `.qdpx` container: a ZIP archive holding `project.qde` and the sources' files under
 * `Sources/`. Written with fflate, with a fixed timestamp on every entry so that the same
 * project gives the same bytes. Read defensively, because an archive is someone else's file:
 * only `project.qde` and GUID-named `.txt` files under `Sources/` are ever unpacked (every
 * other entry, a `../` name included, is skipped unread, and no entry name ever becomes a
 * path), the declared sizes are checked before anything is inflated, and inflation stops as
 * soon as an entry yields more than it declared.
 */

export interface QdpxLimits {
  /** The archive file itself. */
  readonly maxArchiveBytes: number;
  /** Entries listed in the archive, read or not. */
  readonly maxEntries: number;
  /** `project.qde`, unpacked. */
  readonly maxProjectBytes: number;
  /** One source text, unpacked: what QualFrame reads as one document at most. */
  readonly maxSourceBytes: number;
  /** Everything unpacked together. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_QDPX_LIMITS: QdpxLimits = {
  maxArchiveBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  maxProjectBytes: 64 * 1024 * 1024,
  maxSourceBytes: MAX_DOCUMENT_BYTES,
  maxTotalBytes: 512 * 1024 * 1024,
};

/** What an import reads from the archive. */
export interface QdpxContents {
  readonly project: Uint8Array;
  /** Source texts by lower-case file name (`<guid>.txt`, braces removed), as `internal://` paths name them. */
  readonly sources: ReadonlyMap<string, Uint8Array>;
}

// DOS time is local time: a date built from local fields is the same entry time in every time zone.
const ENTRY_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Packs a project file and its source texts (file name in Sources/ to text) as a `.qdpx`. */
export function writeQdpxArchive(projectXml: string, sourceFiles: ReadonlyMap<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const files: Zippable = { [PROJECT_FILE]: encoder.encode(projectXml) };
  for (const [name, text] of sourceFiles) files[`${SOURCES_FOLDER}/${name}`] = encoder.encode(text);
  return zipSync(files, { level: 6, mtime: ENTRY_TIME });
}

const SOURCE_ENTRY = /^sources\/(\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?)\.txt$/i;
/** Compressed bytes pushed to the inflater at once: bounds what one step can expand to (about 1,000 times this). */
const PUSH_BYTES = 16 * 1024;

/** Unpacks what an import reads; throws `QdpxError` for a damaged, hostile or oversized archive. */
export function readQdpxArchive(bytes: Uint8Array, limits: QdpxLimits = DEFAULT_QDPX_LIMITS, label = 'archive'): QdpxContents {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes.length > limits.maxArchiveBytes) throw new QdpxError(label, `${mib(bytes.length)}, over the ${mib(limits.maxArchiveBytes)} a project archive may have`);

  // The central directory first: names and declared sizes, nothing inflated.
  const listed: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        listed.push(info);
        if (listed.length > limits.maxEntries) throw new QdpxError(label, `more than ${limits.maxEntries} entries; not a project QualFrame will unpack`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof QdpxError) throw e;
    throw new QdpxError(label, `not a ZIP archive, as a .qdpx project must be (${(e as Error).message})`);
  }

  const wanted = new Map<string, UnzipFileInfo>();
  const keys = new Set<string>();
  let total = 0;
  for (const info of listed) {
    const isProject = info.name === PROJECT_FILE;
    const source = SOURCE_ENTRY.exec(info.name);
    if (!isProject && !(source && GUID_PATTERN.test(source[1]))) continue;
    // `Sources/X.txt` and `sources/x.txt` would be one text: which to read is not for QualFrame to guess.
    const key = isProject ? info.name : sourceKey(source![1]);
    if (keys.has(key)) throw new QdpxError(`${label}, entry ${info.name}`, 'appears twice; the archive is damaged');
    keys.add(key);
    if (info.compression !== 0 && info.compression !== 8) throw new QdpxError(`${label}, entry ${info.name}`, `uses compression method ${info.compression}; only stored and deflated entries are read`);
    const cap = isProject ? limits.maxProjectBytes : limits.maxSourceBytes;
    if (info.originalSize > cap) throw new QdpxError(`${label}, entry ${info.name}`, `unpacks to ${mib(info.originalSize)}, over the ${mib(cap)} limit`);
    total += info.originalSize;
    if (total > limits.maxTotalBytes) throw new QdpxError(label, `unpacks to more than ${mib(limits.maxTotalBytes)} in all`);
    wanted.set(info.name, info);
  }
  if (!wanted.has(PROJECT_FILE)) throw new QdpxError(label, `no ${PROJECT_FILE} at its top level, so not a REFI-QDA project (.qdpx)`);

  // Then inflate only those, in small steps, each entry held to the size it declared.
  const unpacked = new Map<string, Uint8Array>();
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    const info = wanted.get(file.name);
    if (!info || unpacked.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new QdpxError(`${label}, entry ${file.name}`, `cannot be unpacked: ${err.message}`);
        return;
      }
      size += data.length;
      if (size > info.originalSize) {
        failure = new QdpxError(`${label}, entry ${file.name}`, `unpacks to more than the ${info.originalSize} bytes it declares; the archive is damaged or hostile`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) unpacked.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += PUSH_BYTES) unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
  } catch (e) {
    failure ??= new QdpxError(label, `cannot be unpacked: ${(e as Error).message}`);
  }
  if (failure) throw failure;
  for (const name of wanted.keys()) {
    if (!unpacked.has(name)) throw new QdpxError(`${label}, entry ${name}`, 'could not be unpacked: its local header disagrees with the archive\'s directory');
    if (unpacked.get(name)!.length !== wanted.get(name)!.originalSize) throw new QdpxError(`${label}, entry ${name}`, 'unpacks to a size other than the one it declares; the archive is damaged');
  }

  const sources = new Map<string, Uint8Array>();
  for (const [name, data] of unpacked) {
    const m = SOURCE_ENTRY.exec(name);
    if (m) sources.set(sourceKey(m[1]), data);
  }
  return { project: unpacked.get(PROJECT_FILE)!, sources };
}

/** How `internal://` paths and entries are matched: the GUID in lower case, without braces, and `.txt`. */
function sourceKey(guid: string): string {
  return `${guid.replace(/[{}]/g, '').toLowerCase()}.txt`;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
