import { requireBundle } from '../lazy-bundle';
import type * as DocxReader from './docx-reader';

/**
 * A Word document's text as simple HTML (see docx-reader.ts), read by mammoth from its own
 * bundle, loaded on the first .docx imported (../lazy-bundle.ts).
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; messages: string[] }> {
  return requireBundle<typeof DocxReader>('docx-reader', 'import/docx-reader', 'the .docx reader').docxToHtml(bytes);
}
