import assert from 'node:assert/strict';
import { withUnsavedTexts } from '../../../../src/core/corpus/live-corpus';
import { loadCorpus, MAX_DOCUMENT_BYTES, MAX_SETTINGS_BYTES } from '../../../../src/core/corpus/load-corpus';
import { computeStats } from '../../../../src/core/corpus/stats';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

const codebook = `themes:
  - id: access
    name: Access to care
    codes:
      - id: waiting-times
      - id: transport
  - id: trust
    name: Trust in staff
    codes: []
`;

const body = 'Interviewer: How did you get there?\n\nR: The bus only runs twice a day, so I waited for hours.\n';
const q = (id: string, code: string, quote: string) => `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: "${quote}"}`;

const texts = {
  'codebook.yaml': codebook,
  'R01.md': markdown(`site: north\ncodes:\n${q('k1', 'transport', 'The bus only runs twice a day')}`, body),
  'R02.md': markdown(`site: south\ncodes:\n${q('k2', 'waiting-times', 'I waited for hours')}`, body),
  'R03.md': markdown(`site: south\ncodes:\n${q('k3', 'no-such-code', 'I waited for hours')}`, body),
  'notes/README.md': '# Not a document here',
};

function files() {
  return new MemoryCorpusFiles(texts).set('qualframe.yaml', 'documents: ["*.md"]\n');
}

const r01Edited = markdown(
  `site: north\ncodes:\n${q('k1', 'transport', 'The bus only runs twice a day')}\n${q('k4', 'waiting-times', 'I waited for hours')}\nsummaries:\n  access: Depends on a bus that rarely runs.`,
  body,
);

describe('withUnsavedTexts: the corpus with editor buffers laid over it', () => {
  it('shows a new annotation and summary typed but not saved, as a load of the saved text would', async () => {
    const loaded = await loadCorpus(files());
    const live = withUnsavedTexts(loaded, { documents: new Map([['R01.md', r01Edited]]) });
    const r01 = live.corpus.documents.find((d) => d.path === 'R01.md')!;
    assert.deepEqual(r01.annotations.map((a) => [a.id, a.code, a.anchored]), [['k1', 'transport', true], ['k4', 'waiting-times', true]]);
    assert.deepEqual([...live.corpus.caseById.get('R01')!.summaries], [['access', { text: 'Depends on a bus that rarely runs.', document: 'R01.md' }]]);
    // The saved corpus is untouched.
    assert.equal(loaded.corpus.documents.find((d) => d.path === 'R01.md')!.annotations.length, 1);
    const saved = await loadCorpus(files().set('R01.md', r01Edited));
    assert.deepEqual(live.problems, saved.problems);
    assert.deepEqual(computeStats(live.corpus), computeStats(saved.corpus));
    assert.deepEqual(live.corpus.files, saved.corpus.files);
  });

  it('reuses the other documents as parsed, reading nothing', async () => {
    const source = files();
    const loaded = await loadCorpus(source);
    source.reads.length = 0;
    const live = withUnsavedTexts(loaded, { documents: new Map([['R01.md', r01Edited]]) });
    assert.deepEqual(source.reads, []);
    for (const path of ['R02.md', 'R03.md']) {
      assert.equal(live.parts.documents.get(path), loaded.parts.documents.get(path), path);
      assert.equal(live.corpus.documents.find((d) => d.path === path), loaded.parts.documents.get(path)!.document, path);
    }
    assert.notEqual(live.parts.documents.get('R01.md'), loaded.parts.documents.get('R01.md'));
    assert.equal(live.parts.codebook, loaded.parts.codebook);
    assert.equal(live.parts.config, loaded.parts.config);
    assert.deepEqual([...live.parts.documents.keys()], [...loaded.parts.documents.keys()]);
  });

  it('reports a front matter broken while being typed as a problem of its document, keeping the rest', async () => {
    const loaded = await loadCorpus(files());
    const broken = `---\nsite: north\ncodes:\n  - {id: k1, code: transport, start: 3, quote: "The bus\n---\n${body}`;
    const live = withUnsavedTexts(loaded, { documents: new Map([['R01.md', broken]]) });
    const r01 = live.problems.filter((p) => p.file === 'R01.md');
    assert.equal(r01.length, 1);
    assert.equal(r01[0].severity, 'error');
    assert.equal(r01[0].rule, 'yaml-syntax');
    // Unreadable while being typed: the saved version stays, so the case keeps its row.
    assert.deepEqual(live.corpus.files, ['R01.md', 'R02.md', 'R03.md']);
    assert.deepEqual(live.corpus.documents.map((d) => d.path), ['R01.md', 'R02.md', 'R03.md']);
    assert.equal(live.corpus.documents[0], loaded.corpus.documents[0]);
    // The other documents keep their problems.
    assert.deepEqual(
      live.problems.filter((p) => p.file !== 'R01.md').map((p) => [p.file, p.rule]),
      loaded.problems.map((p) => [p.file, p.rule]),
    );
    assert.deepEqual(loaded.problems.map((p) => [p.file, p.rule]), [['R03.md', 'unknown-code']]);
  });

  it('lays an edited codebook over the corpus: a renamed theme, a new code that clears a problem', async () => {
    const loaded = await loadCorpus(files());
    const edited = codebook.replace('name: Access to care', 'name: Getting to care').replace('codes: []', 'codes:\n      - id: no-such-code');
    const live = withUnsavedTexts(loaded, { codebook: edited });
    assert.equal(live.corpus.codebook.themeById.get('access')!.name, 'Getting to care');
    assert.equal(loaded.corpus.codebook.themeById.get('access')!.name, 'Access to care');
    assert.deepEqual(live.problems, []);
    // Documents are not parsed again for a codebook change.
    for (const [path, part] of loaded.parts.documents) assert.equal(live.parts.documents.get(path), part, path);
  });

  it('replaces the codebook problems, not those of qualframe.yaml', async () => {
    const source = files().set('qualframe.yaml', 'documents: ["*.md"]\nunknown-setting: 1\n').set('codebook.yaml', 'themes: [');
    const loaded = await loadCorpus(source);
    const rules = (l: typeof loaded) => l.problems.filter((p) => p.file.endsWith('.yaml')).map((p) => [p.file, p.rule]);
    assert.deepEqual(rules(loaded), [['codebook.yaml', 'yaml-syntax'], ['qualframe.yaml', 'unknown-key']]);
    const live = withUnsavedTexts(loaded, { codebook });
    assert.deepEqual(rules(live), rules(loaded).filter(([file]) => file !== 'codebook.yaml'));
    const broken = withUnsavedTexts(live, { codebook: 'themes: [' });
    assert.deepEqual(rules(broken), rules(loaded));
    // Half typed: its problem is reported, and the themes read before stay meanwhile.
    assert.equal(broken.corpus.codebook, live.corpus.codebook);
  });

  it('ignores paths that are not documents of the corpus', async () => {
    const loaded = await loadCorpus(files());
    const unsaved = new Map([['notes/README.md', '---\ncodes: oops\n---\n'], ['R09.md', r01Edited], ['codebook.yaml', 'themes: [']]);
    assert.equal(withUnsavedTexts(loaded, { documents: unsaved }), loaded);
    const live = withUnsavedTexts(loaded, { documents: new Map([...unsaved, ['R01.md', r01Edited]]) });
    assert.deepEqual(live.corpus.files, ['R01.md', 'R02.md', 'R03.md']);
    assert.deepEqual(live.problems.map((p) => [p.file, p.rule]), [['R03.md', 'unknown-code']]);
  });

  it('returns the loaded corpus itself when there is nothing to lay over it', async () => {
    const loaded = await loadCorpus(files());
    assert.equal(withUnsavedTexts(loaded, {}), loaded);
    assert.equal(withUnsavedTexts(loaded, { documents: new Map() }), loaded);
  });

  it('reads a buffer with a byte-order mark as a load does', async () => {
    const loaded = await loadCorpus(files());
    const live = withUnsavedTexts(loaded, { documents: new Map([['R01.md', `\ufeff${r01Edited}`]]) });
    const saved = await loadCorpus(files().set('R01.md', `\ufeff${r01Edited}`));
    assert.deepEqual(live.problems, saved.problems);
    assert.deepEqual(computeStats(live.corpus), computeStats(saved.corpus));
  });

  it('refuses a buffer over the size limit as a load refuses the file', async () => {
    const loaded = await loadCorpus(files());
    const live = withUnsavedTexts(loaded, { documents: new Map([['R02.md', 'x'.repeat(MAX_DOCUMENT_BYTES + 1)]]), codebook: `#${'x'.repeat(MAX_SETTINGS_BYTES)}` });
    assert.deepEqual(live.problems.filter((p) => p.rule === 'too-large').map((p) => p.file), ['R02.md', 'codebook.yaml']);
    assert.deepEqual(live.corpus.documents.map((d) => d.path), ['R01.md', 'R03.md']);
    assert.equal(live.corpus.codebook.themes.length, 0);
  });
});
