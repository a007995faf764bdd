// Exporting the Framework Matrix as a researcher does for a report or a spreadsheet: "QualFrame:
// Export Framework Matrix…", a format, VS Code's save dialog (in code-server the "simple" one, a
// quick input holding the path), and the file on disk is what `qualframe matrix` writes, with a
// notification that says where it went and opens it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { parse } from 'yaml';
import { eventually, useVSCode } from './harness';
import { repoRoot } from './paths';

/** P1–P6 in 2016, P3 again and SH01–SH06 in 2021: a row per case and wave. */
const ROWS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((c) => `${c} 2016`).concat(['P3', 'SH01', 'SH02', 'SH03', 'SH04', 'SH05', 'SH06'].map((c) => `${c} 2021`));

describe('Exporting the Framework Matrix', function () {
  const vscode = useVSCode({ name: 'export' });

  it('writes the matrix as CSV to the path the save dialog proposes, and says so', async function () {
    const session = vscode();
    const dir = session.workspaceDir!;
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.runCommand('QualFrame: Export Framework Matrix…');
    await session.pickItem('CSV for spreadsheets');
    await session.acceptPicks('Themes to include', 'Values of wave to include', 'Quotes per cell');
    const path = join(dir, 'framework-matrix.csv');
    assert.equal(await session.acceptSaveDialog(path), path, 'the dialog proposes framework-matrix.csv in the corpus root');

    const message = await session.waitForNotification(/Exported the framework matrix/);
    assert.equal(message, 'QualFrame: Exported the framework matrix (12 cases × 10 themes) to framework-matrix.csv.');
    const csv = readFileSync(path, 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with a BOM, for Excel');
    const [header, ...rows] = parseCsv(csv.slice(1));
    const themes = (parse(readFileSync(join(dir, 'codebook.yaml'), 'utf8')) as { themes: { name: string }[] }).themes.map((t) => t.name);
    assert.equal(themes.length, 10);
    assert.deepEqual(header, ['case', 'wave', 'documents', ...themes.flatMap((t) => [t, `${t}: segments`, `${t}: quotes`])]);
    assert.deepEqual(rows.map((r) => `${r[0]} ${r[1]}`), ROWS);
    const sh02 = rows.find((r) => r[0] === 'SH02')!;
    assert.match(sh02[header.indexOf('Workforce shortages')], /rising practice demand/);
    assert.match(sh02[header.indexOf('Workforce shortages: quotes')], /there was no locum to backfill them/);

    // The same bytes as the command line writes.
    const cli = spawnSync(process.execPath, [join(repoRoot, 'bin/qualframe.js'), 'matrix', '--format', 'csv', '--root', dir], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(csv, cli.stdout);
  });

  it('writes Markdown to a path typed into the dialog, and "Open" opens it', async function () {
    const session = vscode();
    const dir = session.workspaceDir!;
    await session.runCommand('QualFrame: Export Framework Matrix…');
    await session.pickItem('Markdown table with quotes');
    await session.acceptPicks('Themes to include', 'Values of wave to include', 'Quotes per cell');
    const path = join(dir, 'matrix-for-report.md');
    assert.equal(await session.acceptSaveDialog(path), join(dir, 'framework-matrix.md'), 'the dialog proposes framework-matrix.md');

    const toast = session.page.locator('.notifications-toasts .notification-list-item', { hasText: 'to matrix-for-report.md' });
    await toast.waitFor({ timeout: 30_000 });
    const md = readFileSync(path, 'utf8');
    assert.match(md, /^# Framework matrix\n/);
    assert.match(md, /\n## wave: 2016\n[\s\S]*\n## wave: 2021\n/);
    assert.match(md, /\n\| Case \| Purpose and role of clusters \| .* \| The COVID-19 pandemic \|\n/);
    await toast.locator('.monaco-button', { hasText: /^Open$/ }).click();
    await session.activeTab('matrix-for-report.md').waitFor({ timeout: 30_000 });
  });

  it('still exports a corpus with errors, and says what the export leaves out', async function () {
    const session = vscode();
    const dir = session.workspaceDir!;
    // A new transcript whose front matter cannot be read (an unclosed quote).
    writeFileSync(join(dir, 'transcripts/2021/SH07.md'), '---\ncase: SH07\nwave: "2021\n---\nInterviewer: Thank you for joining.\n');
    await eventually(async () => assert.match((await session.readStatusBarItem(/\d+ documents/)).text, /^14 documents/), { timeout: 30_000 });
    await session.runCommand('QualFrame: Export Framework Matrix…');
    await session.pickItem('CSV for spreadsheets');
    await session.acceptPicks('Themes to include', 'Values of wave to include', 'Quotes per cell');
    const path = join(dir, 'matrix-with-errors.csv');
    await session.acceptSaveDialog(path);
    const message = await session.waitForNotification(/to matrix-with-errors\.csv/);
    assert.equal(message, 'QualFrame: Exported the framework matrix (12 cases × 10 themes) to matrix-with-errors.csv. 1 error in the corpus; the export leaves out what could not be read.');
    const [, ...rows] = parseCsv(readFileSync(path, 'utf8').slice(1));
    assert.deepEqual(rows.map((r) => `${r[0]} ${r[1]}`), ROWS);
  });

  it('exports from the matrix panel’s "Export…" button, rows grouped as the panel shows them', async function () {
    const session = vscode();
    const dir = session.workspaceDir!;
    await session.runCommand('QualFrame: Open Framework Matrix');
    const frame = session.webviewFrame();
    await frame.locator('[data-testid="matrix"] tbody th[scope="row"]').first().waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid="group-by"]').selectOption('role');
    await eventually(async () => assert.ok((await frame.locator('[data-testid="group-name"]').allTextContents()).some((t) => /role National stakeholder/.test(t))), { timeout: 30_000 });
    await frame.locator('[data-testid="export"]').click();
    await session.pickItem('CSV for spreadsheets');
    await session.acceptPicks('Themes to include', 'Values of wave to include', 'Quotes per cell');
    const path = join(dir, 'matrix-by-role.csv');
    await session.acceptSaveDialog(path);
    await session.waitForNotification(/to matrix-by-role\.csv/);
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8').slice(1));
    assert.deepEqual(header.slice(0, 2), ['case', 'role']);
    assert.ok(rows.some((r) => r[1] === 'National stakeholder'), rows.map((r) => r[1]).join(', '));
  });
});

describe('Exporting the quote table', function () {
  const vscode = useVSCode({ name: 'export-quotes' });

  it('writes a Markdown section per theme with each wave’s quotes and case ids, from the palette', async function () {
    const session = vscode();
    const title = session.page.locator('.quick-input-widget .quick-input-title');
    await session.readStatusBarItem(/\d+ documents/, 60_000);
    await session.runCommand('QualFrame: Export Quote Table…');
    await session.pickItem('Markdown: a section per theme');
    // Themes and waves: every one is ticked the first time; Enter keeps them.
    for (const step of ['Themes to include', 'Values of wave to include']) {
      await title.filter({ hasText: step }).waitFor({ timeout: 15_000 });
      await session.page.keyboard.press('Enter');
    }
    await title.filter({ hasText: 'Quotes per theme and wave' }).waitFor({ timeout: 15_000 });
    await session.pickItem('All quotes');
    const path = join(session.workspaceDir!, 'quote-table.md');
    assert.equal(await session.acceptSaveDialog(path), path, 'the dialog proposes quote-table.md in the corpus root');
    const message = await session.waitForNotification(/Exported the quote table/);
    assert.match(message, /^QualFrame: Exported the quote table \(\d+ quotes, 10 themes\) to quote-table\.md\.$/);
    const md = readFileSync(path, 'utf8');
    const cli = spawnSync(process.execPath, [join(repoRoot, 'bin/qualframe.js'), 'export', 'quotes', '--out', join(session.workspaceDir!, 'cli.md')], { cwd: session.workspaceDir!, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(md, readFileSync(join(session.workspaceDir!, 'cli.md'), 'utf8'), 'the same table as qualframe export quotes');
    assert.match(md, /\n## Workforce shortages\n\n### wave: 2016\n/);
    assert.match(md, /\n### wave: 2021\n\n> "[^"]+" \[SH0\d\]\n/);
  });

  it('writes a transcript for Word, each coded segment shaded and its code in a comment', async function () {
    const session = vscode();
    await session.runCommand('Notifications: Clear All Notifications');
    await session.openFile('transcripts/2021/SH02.md');
    await session.runCommand('QualFrame: Export Coded Document…');
    await session.pickItem('Word document');
    const path = join(session.workspaceDir!, 'SH02.docx');
    assert.equal(await session.acceptSaveDialog(path), path);
    await session.waitForNotification(/Exported the coded document \(1 document, \d+ coded segments\) to SH02\.docx/);
    const zip = unzipSync(readFileSync(path));
    assert.match(strFromU8(zip['word/document.xml']), /there was no locum to backfill them/);
    assert.match(strFromU8(zip['word/comments.xml']), /Recruitment and retention/);
  });

  it('writes the codebook as an Excel workbook, the writers loaded only for it', async function () {
    const session = vscode();
    await session.runCommand('QualFrame: Export Codebook…');
    await session.pickItem('Excel workbook');
    const path = join(session.workspaceDir!, 'codebook.xlsx');
    assert.equal(await session.acceptSaveDialog(path), path);
    assert.match(await session.waitForNotification(/Exported the codebook/), /^QualFrame: Exported the codebook \(10 themes, 26 codes\) to codebook\.xlsx\.$/);
    const zip = unzipSync(readFileSync(path));
    const sheet = strFromU8(zip['xl/sharedStrings.xml'] ?? new Uint8Array());
    assert.match(sheet, /Workforce shortages/);
    assert.ok(!Object.keys(zip).some((f) => f.startsWith('xl/worksheets/') && /<f>/.test(strFromU8(zip[f]))), 'no formula in any sheet');
  });

  it('exports the study as a REFI-QDA project for the desktop tools', async function () {
    const session = vscode();
    // Earlier exports' toasts would crowd this one's out of view.
    await session.runCommand('Notifications: Clear All Notifications');
    await session.runCommand('QualFrame: Export REFI-QDA Project…');
    const path = join(session.workspaceDir!, 'project.qdpx');
    assert.equal(await session.acceptSaveDialog(path), path);
    assert.match(await session.waitForNotification(/Exported the REFI-QDA project/), /\(13 documents, \d+ coded segments\) to project\.qdpx\.$/);
    const zip = unzipSync(readFileSync(path));
    const qde = strFromU8(zip['project.qde']);
    assert.match(qde, /xmlns="urn:QDA-XML:project:1\.0"/);
    assert.equal(Object.keys(zip).filter((f) => /^Sources\/.+\.txt$/.test(f)).length, 13, 'a text source per document');
  });

  it('writes the open transcript with its coded segments highlighted, for reading on paper', async function () {
    const session = vscode();
    await session.openFile('transcripts/2021/SH02.md');
    await session.runCommand('QualFrame: Export Coded Document…');
    await session.pickItem('HTML for reading and printing');
    const path = join(session.workspaceDir!, 'SH02.html');
    assert.equal(await session.acceptSaveDialog(path), path, 'the dialog proposes SH02.html in the corpus root');
    assert.match(await session.waitForNotification(/Exported the coded document/), /^QualFrame: Exported the coded document \(1 document, \d+ coded segments\) to SH02\.html\.$/);
    const html = readFileSync(path, 'utf8');
    assert.match(html, /<h1>SH02<\/h1>/);
    assert.match(html, /<mark class="code-\d+[^"]*" title="[^"]+">[^<]*there was no locum to backfill them[^<]*<\/mark>/);
  });
});

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
