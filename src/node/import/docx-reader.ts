import mammoth from 'mammoth';

/**
 * A Word document's text as the simple HTML mammoth makes of it (paragraphs, line breaks,
 * lists, tables), for `docxHtmlParagraphs` in the core. Built into its own bundle,
 * dist/docx-reader.js, and loaded by docx-html.ts only when a .docx is imported: mammoth is
 * large and most commands never read a Word file.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; messages: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
    // Images carry no transcript text; skipping them keeps their bytes out of the HTML.
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    // A .docx can link to files elsewhere on the machine; an import never follows them.
    externalFileAccess: false,
  });
  return { html: result.value, messages: result.messages.filter((m) => m.type === 'error').map((m) => m.message) };
}
