// Validates XML against the REFI-QDA project schema with libxml2's xmllint. Missing xmllint is
// a failure, never a skip: an export that was not validated must not look like one that was.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The schema, in the shared folder beside the repository (as CI checks it out). */
// A copy of ../shared/spec/refi-qda/Project.xsd (MIT, its notice inside): CI clones this repository alone.
export const PROJECT_XSD = path.resolve(__dirname, '../../fixtures/refi-qda/Project.xsd');

/** Throws with xmllint's own report when `xml` is not valid against Project.xsd. */
export function assertValidProjectXml(xml: string): void {
  if (!fs.existsSync(PROJECT_XSD)) throw new Error(`the REFI-QDA schema is missing at ${PROJECT_XSD} (test/fixtures/refi-qda/Project.xsd)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-xsd-'));
  try {
    const file = path.join(dir, 'project.qde');
    fs.writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', PROJECT_XSD, file], { encoding: 'utf8' });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error('xmllint is not installed, so exports cannot be validated against the REFI-QDA schema: install Debian\'s libxml2-utils (apt-get install -y libxml2-utils; npm run setup:vscode installs it)');
    }
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`project.qde is not valid against Project.xsd:\n${r.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
