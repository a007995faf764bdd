/**
 * File names for what an import writes. They come from names inside the project (a source's
 * name, a note's name), never from the archive's entry names, and are made safe here: relative,
 * no `..`, no characters Windows refuses, unique without regard to case (two sources named
 * "P1" and "p1" must not land on one file of a case-insensitive file system), and never a
 * name the corpus ignores (README.md, memos/, node_modules/).
 */

/** Extensions a source name may carry from the tool that held it; replaced by `.md`. */
const SOURCE_EXTENSIONS = /\.(?:md|markdown|txt|text|docx?|rtf|odt|pdf|html?)$/i;
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;
const MAX_SEGMENT = 80;
const MAX_SEGMENTS = 8;

/** Hands out unique relative paths. */
export class ImportPaths {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  /** A document path (`.md`) for a source called `name`; `/` in the name makes folders. */
  document(name: string): string {
    const segments = name.replace(/\\/g, '/').split('/').map(safeSegment).filter((s) => s !== '').slice(-MAX_SEGMENTS);
    if (segments.length === 0) segments.push('source');
    const last = segments.pop()!.replace(SOURCE_EXTENSIONS, '') || 'source';
    const folders = segments.map((s) => (s.toLowerCase() === 'node_modules' ? `${s}-source` : s));
    // Corpus documents never live under memos/ and are never called README.md.
    if (folders[0]?.toLowerCase() === 'memos') folders.unshift('documents');
    const stem = last.toLowerCase() === 'readme' ? `${last}-source` : last;
    return this.claim(folders, stem, '.md');
  }

  /** A memo path under `memos/imported/`. */
  memo(name: string): string {
    return this.claim(['memos', 'imported'], safeSegment(name.replace(/[\\/]/g, ' ')).replace(/\.(?:md|txt)$/i, '') || 'memo', '.md');
  }

  private claim(folders: readonly string[], stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const file = [...folders, `${stem}${n === 1 ? '' : `-${n}`}${extension}`].join('/');
      if (this.free(file)) {
        this.files.add(file.toLowerCase());
        for (let i = 1; i <= folders.length; i++) this.folders.add(folders.slice(0, i).join('/').toLowerCase());
        return file;
      }
    }
  }

  /** Free: not a file or folder already, and no folder on its way is a file. */
  private free(file: string): boolean {
    const key = file.toLowerCase();
    if (this.files.has(key) || this.folders.has(key)) return false;
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) if (this.files.has(parts.slice(0, i).join('/'))) return false;
    return true;
  }
}

/** One path segment a file system on any platform takes: no separators, controls, `<>:"|?*`, no leading dots. */
function safeSegment(raw: string): string {
  let s = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  if (s.length > MAX_SEGMENT) s = [...s].slice(0, MAX_SEGMENT).join('').trim();
  if (WINDOWS_DEVICE.test(s)) s = `${s}_`;
  return s;
}
