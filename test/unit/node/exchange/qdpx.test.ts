import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Corpus } from '../../../../src/core/corpus/corpus';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { exportGuid } from '../../../../src/core/exchange/corpus-to-refi';
import { exportQdpx, exportQdpxFile, ImportClashError, importQdpx, importQdpxFile, QdpxError } from '../../../../src/node/exchange/qdpx';
import { readProjectXml } from '../../../../src/node/exchange/qde-xml';
import { NodeCorpusFiles } from '../../../../src/node/node-corpus-files';
import { clusterStudyFiles, HB01_2017_BODY } from '../../support/cluster-study';
import { MemoryCorpusFiles } from '../../support/memory-files';
import { archive, declareSize, entries, minimalProject, SOURCE_GUID } from '../../support/qdpx-archives';
import { assertValidProjectXml } from '../../support/xmllint';

const SAMPLE = path.resolve(__dirname, '../../../../sample-workspace');
const OPTIONS = { projectName: 'GP clusters in Scotland' };

const sample = async () => (await loadCorpus(new NodeCorpusFiles(SAMPLE))).corpus;
const clusterStudy = async () => (await loadCorpus(new MemoryCorpusFiles(clusterStudyFiles()))).corpus;

/** What a corpus means, for comparing two of them: documents, codes, cases and positions. */
function meaning(corpus: Corpus) {
  return {
    documents: corpus.documents.map((d) => ({
      path: d.path,
      case: d.caseId,
      attributes: { ...d.attributes },
      memo: d.memo,
      summaries: d.summaries,
      body: d.body,
      annotations: d.annotations.filter((a) => a.anchored).map((a) => ({ id: a.id, code: a.code, start: a.start, quote: a.quote, by: a.by, memo: a.memo, illustrative: a.illustrative })),
    })),
    codebook: corpus.codebook.themes.map((t) => ({
      id: t.id, name: t.name, description: t.description, color: t.color,
      codes: t.codes.map((c) => ({ id: c.id, name: c.name, description: c.description, include: c.include, exclude: c.exclude, example: c.example, color: c.color })),
    })),
    cases: corpus.cases.map((c) => ({ id: c.id, attributes: { ...c.attributes }, documents: c.documents.map((d) => d.path) })),
  };
}

async function reimport(bytes: Uint8Array): Promise<Corpus> {
  const result = importQdpx(bytes);
  const loaded = await loadCorpus(new MemoryCorpusFiles(Object.fromEntries(result.files.map((f) => [f.path, f.text]))));
  assert.deepEqual(loaded.problems, [], 'the imported corpus has no problems');
  return loaded.corpus;
}

function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-qdpx-')));
}

function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('QDPX export', () => {
  it('writes the sample study as a project that validates against Project.xsd, with one LF text per document', async () => {
    const corpus = await sample();
    const files = entries(exportQdpx(corpus, OPTIONS));
    assertValidProjectXml(files['project.qde']);
    assert.deepEqual(Object.keys(files).sort(), ['project.qde', ...corpus.documents.map((d) => `Sources/${exportGuid.source(d.path)}.txt`)].sort());
    for (const d of corpus.documents) {
      const text = files[`Sources/${exportGuid.source(d.path)}.txt`];
      assert.equal(text, d.body);
      assert.ok(!text.startsWith('---') && !text.includes('\r'), d.path);
    }
  });

  it('writes the same bytes for the same corpus, so re-exports diff cleanly', async () => {
    const corpus = await sample();
    assert.deepEqual(exportQdpx(corpus, OPTIONS), exportQdpx(await sample(), OPTIONS));
  });

  it('puts the schema\'s elements in order, escapes through the XML library, and leaves out empty containers', async () => {
    const xml = entries(exportQdpx(await clusterStudy(), { projectName: 'Clusters <Highland> & "Islands"' }))['project.qde'];
    assertValidProjectXml(xml);
    const order = ['<Users>', '<CodeBook>', '<Variables>', '<Cases>', '<Sources>', '<Notes>'].map((tag) => xml.indexOf(tag));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), `order: ${order}`);
    assert.ok(!/<(Sets|Links|Graphs)\b/.test(xml));
    assert.match(xml, /<Project name="Clusters &lt;Highland&gt; &amp; &quot;Islands&quot;"/);
    const project = readProjectXml(xml);
    assert.equal(project.name, 'Clusters <Highland> & "Islands"');
    assert.equal(project.codes[1].children[1].name, 'Remote & rural <Highland> "island" practices');

    const bare = new MemoryCorpusFiles({ 'codebook.yaml': 'themes: []\n', 'P1.md': 'No front matter at all.\n' });
    const minimal = entries(exportQdpx((await loadCorpus(bare)).corpus, OPTIONS))['project.qde'];
    assertValidProjectXml(minimal);
    assert.ok(!/<(CodeBook|Variables|Notes|Sets)\b/.test(minimal), minimal);
    assert.match(minimal, /<Cases>/);
  });

  it('counts positions in code points, as QualCoder slices the text', async () => {
    const files = entries(exportQdpx(await clusterStudy(), OPTIONS));
    const project = readProjectXml(files['project.qde']);
    const source = project.sources.find((s) => s.name === 'interviews/2017/HB01.md')!;
    const text = files[`Sources/${source.guid}.txt`];
    assert.equal(text, HB01_2017_BODY);
    const codePoints = [...text];
    const quotes = source.selections.map((s) => codePoints.slice(s.startPosition, s.endPosition).join(''));
    assert.deepEqual(quotes, ['We had no analyst support at all', 'pulling practice data out by hand on a Sunday', 'Someone to book rooms & chase minutes — "that\'s all we asked for" — <nobody> came']);
  });
});

describe('QDPX round trip: export, import, export', () => {
  for (const [label, load] of [['the sample study', sample], ['the synthetic cluster study (emoji, CRLF, orphan)', clusterStudy]] as const) {
    it(`gives ${label} back with the same documents, codes, cases and positions, and an identical second export`, async () => {
      const corpus = await load();
      const first = exportQdpx(corpus, OPTIONS);
      const again = await reimport(first);
      const expected = meaning(corpus);
      // Orphans cannot be placed, so they are not exported; everything else comes back.
      const actual = meaning(again);
      assert.deepEqual(actual.codebook, expected.codebook);
      assert.deepEqual(actual.cases, expected.cases);
      assert.deepEqual(actual.documents, expected.documents);
      const second = exportQdpx(again, OPTIONS);
      assert.deepEqual(entries(second), entries(first));
    });
  }
});

describe('QDPX import of hostile or malformed files', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const text = 'Hello from Skye.\n';
  async function refused(bytes: Uint8Array, message: RegExp, limits = {}): Promise<QdpxError> {
    const file = path.join(dir, 'in.qdpx');
    fs.writeFileSync(file, bytes);
    const into = path.join(dir, 'corpus');
    const error = await importQdpxFile(file, into, limits).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof QdpxError, `expected a QdpxError, got ${error}`);
    assert.match(error.message, message);
    assert.ok(!fs.existsSync(into), 'nothing was written');
    assert.deepEqual(listTree(dir), ['in.qdpx']);
    return error;
  }

  it('imports the minimal project these tests start from', async () => {
    const result = importQdpx(archive({ 'project.qde': minimalProject(SOURCE_GUID), [`Sources/${SOURCE_GUID}.txt`]: text }));
    assert.match(result.files.find((f) => f.path === 'Interview.md')!.text, /quote: "Hello"/);
  });

  it('refuses a DOCTYPE (external entity, entity expansion) without reading it', async () => {
    const xxe = '<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n';
    const bytes = archive({ 'project.qde': minimalProject(SOURCE_GUID, { prolog: xxe, name: '&xxe;&lol2;' }), [`Sources/${SOURCE_GUID}.txt`]: text });
    await refused(bytes, /^in\.qdpx: project\.qde:2:1: a DOCTYPE declaration is not allowed/);
  });

  it('refuses an entity it never defines, naming the element and attribute', async () => {
    const bytes = archive({ 'project.qde': minimalProject(SOURCE_GUID, { name: 'P1 &nbsp; notes' }), [`Sources/${SOURCE_GUID}.txt`]: text });
    await refused(bytes, /Project\/Sources\/TextSource\[1\], attribute name: .*entity that is not defined/);
  });

  it('locates malformed XML and a malformed position', async () => {
    await refused(archive({ 'project.qde': '<?xml version="1.0"?>\n<Project name="x">\n  <Users>\n</Project>\n' }), /^in\.qdpx: project\.qde:4:\d+: malformed XML/);
    const bad = archive({ 'project.qde': minimalProject(SOURCE_GUID, { start: 'twelve' }), [`Sources/${SOURCE_GUID}.txt`]: text });
    await refused(bad, /^in\.qdpx: project\.qde: Project\/Sources\/TextSource\[1\]\/PlainTextSelection\[1\] \(guid 2{8}-[-0-9]+\), attribute startPosition: must be a whole number .*not "twelve"/);
    const backwards = archive({ 'project.qde': minimalProject(SOURCE_GUID, { start: '9', end: '2' }), [`Sources/${SOURCE_GUID}.txt`]: text });
    await refused(backwards, /PlainTextSelection\[1\] \(guid [-0-9]+\), attribute endPosition: 2 is before startPosition 9/);
    const guid = archive({ 'project.qde': minimalProject('not-a-guid'), [`Sources/${SOURCE_GUID}.txt`]: text });
    await refused(guid, /TextSource\[1\] "Interview", attribute guid: "not-a-guid" is not a GUID/);
  });

  it('refuses what is not a project archive', async () => {
    await refused(new TextEncoder().encode('<Project/>'), /^in\.qdpx: not a ZIP archive, as a \.qdpx project must be/);
    await refused(archive({ 'Project.xml': '<Project/>' }), /^in\.qdpx: no project\.qde at its top level/);
    const twice = archive({ 'project.qde': minimalProject(SOURCE_GUID), [`Sources/${SOURCE_GUID}.txt`]: text, [`sources/{${SOURCE_GUID}}.txt`]: 'other' });
    await refused(twice, /entry sources\/\{.*\}\.txt: appears twice/);
  });

  it('reads nothing but project.qde and Sources/<guid>.txt, and writes no path from the archive', async () => {
    const bytes = archive({
      'project.qde': minimalProject(SOURCE_GUID, { name: '../../outside/escaped' }),
      [`Sources/${SOURCE_GUID}.txt`]: text,
      '../evil.md': 'EVIL',
      '/etc/evil.md': 'EVIL',
      'Sources/../../evil.md': 'EVIL',
      'Sources/evil.md': 'EVIL',
      'codebook.yaml': 'EVIL',
    });
    const file = path.join(dir, 'in.qdpx');
    fs.writeFileSync(file, bytes);
    const result = await importQdpxFile(file, path.join(dir, 'corpus'));
    assert.deepEqual(result.written, ['qualframe.yaml', 'codebook.yaml', 'outside/escaped.md']);
    assert.deepEqual(listTree(dir), ['corpus', 'corpus/codebook.yaml', 'corpus/outside', 'corpus/outside/escaped.md', 'corpus/qualframe.yaml', 'in.qdpx']);
    for (const f of listTree(path.join(dir, 'corpus'))) {
      const p = path.join(dir, 'corpus', f);
      if (fs.statSync(p).isFile()) assert.ok(!fs.readFileSync(p, 'utf8').includes('EVIL'), f);
    }
    // A plainTextPath that tries to leave Sources/ is not followed.
    const sneaky = archive({ 'project.qde': minimalProject(SOURCE_GUID, { plainTextPath: 'internal://../evil.md' }), '../evil.md': 'EVIL' });
    const imported = importQdpx(sneaky);
    assert.deepEqual(imported.files.map((f) => f.path), ['qualframe.yaml', 'codebook.yaml']);
    assert.match(imported.warnings.join('\n'), /internal:\/\/\.\.\/evil\.md, which is not a text file in the archive's Sources folder/);
  });

  it('refuses an entry that declares more than a transcript can be, before inflating anything', async () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    await refused(archive({ 'project.qde': minimalProject(SOURCE_GUID), [`Sources/${SOURCE_GUID}.txt`]: big }), /^in\.qdpx, entry Sources\/.*\.txt: unpacks to 21\.0 MiB, over the 20\.0 MiB limit/);
  });

  it('stops inflating an entry that yields more than it declared (a zip bomb lying about its size)', async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(0x61);
    const lying = declareSize(archive({ 'project.qde': minimalProject(SOURCE_GUID), [`Sources/${SOURCE_GUID}.txt`]: bomb }), `Sources/${SOURCE_GUID}.txt`, 1000);
    await refused(lying, /entry Sources\/.*\.txt: unpacks to more than the 1000 bytes it declares/);
  });

  it('caps the number of entries and the total unpacked', async () => {
    const many = archive({ 'project.qde': minimalProject(SOURCE_GUID), ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`junk/${i}.txt`, 'x'])) });
    await refused(many, /^in\.qdpx: more than 20 entries/, { maxEntries: 20 });
    await refused(archive({ 'project.qde': minimalProject(SOURCE_GUID), [`Sources/${SOURCE_GUID}.txt`]: text }), /unpacks to more than/, { maxTotalBytes: 100 });
  });

  it('never overwrites: a folder that already holds a file the import would write is refused, nothing written', async () => {
    const corpusDir = path.join(dir, 'corpus');
    fs.mkdirSync(corpusDir);
    fs.writeFileSync(path.join(corpusDir, 'codebook.yaml'), 'themes: []\n');
    fs.writeFileSync(path.join(corpusDir, 'notes.txt'), 'keep me\n');
    const file = path.join(dir, 'in.qdpx');
    fs.writeFileSync(file, archive({ 'project.qde': minimalProject(SOURCE_GUID), [`Sources/${SOURCE_GUID}.txt`]: text }));
    const error = await importQdpxFile(file, corpusDir).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ImportClashError);
    assert.deepEqual(error.clashes, ['codebook.yaml']);
    assert.deepEqual(listTree(corpusDir), ['codebook.yaml', 'notes.txt']);
  });
});

describe('exportQdpxFile and importQdpxFile', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('export the sample study to a file and import it into a new folder that validates clean', async () => {
    const out = path.join(dir, 'study.qdpx');
    const exported = await exportQdpxFile(SAMPLE, out);
    assert.equal(exported.file, out);
    assert.deepEqual(exported.counts, { documents: 13, annotations: 67, codes: 27, cases: 12 });
    assert.equal(readProjectXml(entries(fs.readFileSync(out))['project.qde']).name, 'sample-workspace');
    const imported = await importQdpxFile(out, path.join(dir, 'again'));
    assert.deepEqual(imported.problems, []);
    assert.equal(imported.written.length, 15);
    assert.deepEqual(meaning((await loadCorpus(new NodeCorpusFiles(path.join(dir, 'again')))).corpus).documents, meaning(await sample()).documents);
  });
});
