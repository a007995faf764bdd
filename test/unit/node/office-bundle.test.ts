import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

// exceljs and docx weigh megabytes: they must stay out of the extension's and the CLI's
// bundles (loaded on every activation and every command) and live only in
// dist/office-writers.js, loaded when someone exports XLSX or DOCX. Checked here with
// esbuild's metafile, built in memory as scripts/build.mjs builds the node bundles, and on
// the built files in dist/ when there are any.
const root = path.resolve(__dirname, '../../..');
const OFFICE_LIBRARIES = /(^|\/)node_modules\/(exceljs|docx|mammoth)\//;

async function bundleInputs(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    outfile: 'out/office-bundle-test/bundle.js',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the office writers bundle', function () {
  this.timeout(120_000);

  for (const entry of ['src/extension/extension.ts', 'src/cli/main.ts']) {
    it(`keeps exceljs, docx and mammoth out of ${entry}'s bundle`, async () => {
      const inputs = await bundleInputs(entry);
      // The CLI reaches the loader (it exports XLSX and DOCX) but not what the loader loads.
      if (entry.includes('cli')) assert.ok(inputs.some((i) => i.endsWith('src/node/export/load-office-writers.ts')), 'the CLI bundles the loader');
      assert.deepEqual(inputs.filter((i) => OFFICE_LIBRARIES.test(i) || i.endsWith('src/node/export/office-writers.ts') || i.endsWith('src/node/import/docx-reader.ts')), []);
    });
  }

  it('bundles mammoth in docx-reader.ts', async () => {
    assert.ok((await bundleInputs('src/node/import/docx-reader.ts')).some((i) => /node_modules\/mammoth\//.test(i)));
  });

  it('bundles them in office-writers.ts', async () => {
    const inputs = await bundleInputs('src/node/export/office-writers.ts');
    assert.ok(inputs.some((i) => /node_modules\/exceljs\//.test(i)));
    assert.ok(inputs.some((i) => /node_modules\/docx\//.test(i)));
  });

  it('the built dist/extension.js and dist/cli.js hold none of them', function () {
    const dist = path.join(root, 'dist');
    // As the CLI tests do (run-cli.ts): the suite runs after the build; without it, say so.
    if (!fs.existsSync(path.join(dist, 'extension.js'))) throw new Error('dist/extension.js is missing: run "node scripts/build.mjs" before the unit tests');
    for (const file of ['extension.js', 'cli.js']) {
      const text = fs.readFileSync(path.join(dist, file), 'utf8');
      assert.doesNotMatch(text, /node_modules\/(exceljs|docx|mammoth)\//, `${file} holds no office library`);
    }
    if (fs.existsSync(path.join(dist, 'office-writers.js'))) {
      assert.match(fs.readFileSync(path.join(dist, 'office-writers.js'), 'utf8'), /node_modules\/exceljs\//);
    }
  });
});
