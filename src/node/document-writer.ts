import { readFile } from 'node:fs/promises';
import { decodeText } from '../core/text/decode';
import { writeFileAtomic } from './atomic-write';

export interface DocumentEdit {
  readonly before: string;
  readonly after: string;
  /** False when the edit changed nothing (the file was not touched). */
  readonly written: boolean;
}

/**
 * Reads a document, applies `edit` to its text (without BOM), and writes the result back
 * atomically, with its BOM if it had one. Refuses to write when the file changed on disk
 * meanwhile, or when the file is not UTF-8 text.
 */
export async function editDocumentFile(file: string, edit: (text: string) => string): Promise<DocumentEdit> {
  const original = await readFile(file);
  const decoded = decodeText(original);
  if (!decoded.ok) throw new Error(`${file}:${decoded.line}:${decoded.column}: ${decoded.message}`);
  const after = edit(decoded.text);
  if (after === decoded.text) return { before: decoded.text, after, written: false };
  const encoded = new TextEncoder().encode((decoded.bom ? '\ufeff' : '') + after);
  await writeFileAtomic(file, encoded, original);
  return { before: decoded.text, after, written: true };
}
