import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * Requires a module that lives in a bundle of its own (dist/<bundle>.js, built by
 * scripts/build.mjs), at call time: heavy libraries (exceljs and docx for Word and Excel,
 * mammoth for reading .docx) stay out of the extension's activation bundle and the CLI's. The
 * path is computed, so esbuild leaves the `require` alone.
 *
 * Bundled, this file is part of dist/extension.js or dist/cli.js and the bundle sits beside it.
 * Run from TypeScript (tsx: the unit tests, the bench), this file is src/node/lazy-bundle.ts
 * and the module is its source, `source` relative to src/node; a native dynamic `import()` of
 * a .ts file would bypass tsx's CommonJS hook, so the source is required as well.
 */
export function requireBundle<T>(bundle: string, source: string, what: string): T {
  const load = createRequire(__filename);
  if (/\.[cm]?ts$/.test(__filename)) return load(path.join(__dirname, source)) as T;
  const file = path.join(__dirname, `${bundle}.js`);
  if (!existsSync(file)) throw new Error(`${what} ${file} is missing; rebuild QualFrame with "npm run build"`);
  return load(file) as T;
}
