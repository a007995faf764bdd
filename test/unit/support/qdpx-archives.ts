// Builders of .qdpx archives for the import tests, hostile ones included.
import { unzipSync, zipSync } from 'fflate';

export const encode = (s: string) => new TextEncoder().encode(s);

/** A minimal project: one text source with one coded selection of `text`. */
export function minimalProject(sourceGuid: string, options: { name?: string; plainTextPath?: string; start?: string; end?: string; prolog?: string; description?: string } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
${options.prolog ?? ''}<Project name="Hostile" xmlns="urn:QDA-XML:project:1.0">
  <CodeBook><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="Access" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${sourceGuid}" name="${options.name ?? 'Interview'}" plainTextPath="${options.plainTextPath ?? `internal://${sourceGuid}.txt`}">
      ${options.description ?? ''}
      <PlainTextSelection guid="22222222-2222-4222-8222-222222222222" startPosition="${options.start ?? '0'}" endPosition="${options.end ?? '5'}">
        <Coding guid="33333333-3333-4333-8333-333333333333"><CodeRef targetGUID="11111111-1111-4111-8111-111111111111"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
`;
}

export const SOURCE_GUID = '44444444-4444-4444-8444-444444444444';

/** A .qdpx from entry names to text or bytes. */
export function archive(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? encode(v) : v])));
}

/** Rewrites the uncompressed size an entry declares, in its local header and in the central directory. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameAt = (at: number, length: number) => new TextDecoder().decode(out.subarray(at, at + length));
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === name) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === name) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** The entries of a .qdpx, for inspecting exports. */
export function entries(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}
