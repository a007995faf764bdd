import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { buildRefiExport, DEFAULT_USER_GUID, exportGuid, ILLUSTRATIVE_NOTE_GUID } from '../../../../src/core/exchange/corpus-to-refi';
import { parseCodeDescription } from '../../../../src/core/exchange/code-description';
import type { RefiTextSource } from '../../../../src/core/exchange/refi-project';
import { CQL03_NOTES_BODY, clusterStudyFiles, HB01_2017_BODY, HB01_2022_BODY } from '../../support/cluster-study';
import { MemoryCorpusFiles } from '../../support/memory-files';

async function exported() {
  const { corpus } = await loadCorpus(new MemoryCorpusFiles(clusterStudyFiles()));
  return { corpus, result: buildRefiExport(corpus, { projectName: 'GP clusters in Scotland' }) };
}

const source = (sources: readonly RefiTextSource[], path: string) => sources.find((s) => s.name === path)!;

describe('buildRefiExport (corpus to REFI-QDA project)', () => {
  it('maps themes to parent codes and codes to children; a theme without codes is codable itself', async () => {
    const { project } = (await exported()).result;
    assert.deepEqual(project.codes.map((c) => [c.name, c.isCodable, c.children.length]), [
      ['Support for clusters', false, 2], ['Workforce — recruitment & retention', false, 2], ['COVID-19 🦠 response', true, 0],
    ]);
    const [support, , covid] = project.codes;
    assert.deepEqual(support.children.map((c) => c.color), ['#4e79a7', '#abc']);
    assert.equal(covid.color, '#e15759');
    assert.deepEqual(parseCodeDescription(support.children[0].description), {
      description: 'Access to data, dashboards and LIST analysts.', include: 'Talk of analysts, dashboards, practice data.',
      exclude: 'Information governance (code under governance).', example: 'we had no analyst support at all', id: 'data-support',
    });
    // An id an import could not rebuild from the name travels in the description.
    assert.equal(parseCodeDescription(covid.description).id, 'covid-19');
    assert.equal(parseCodeDescription(support.children[1].description).id, undefined, '"Facilitation" gives facilitation');
  });

  it('exports every attribute as a text variable; a case carries the values its documents share, each source its own', async () => {
    const { project } = (await exported()).result;
    assert.deepEqual(project.variables.map((v) => [v.name, v.typeOfVariable]), [['wave', 'Text'], ['role', 'Text'], ['board', 'Text'], ['type', 'Text']]);
    const name = new Map(project.variables.map((v) => [v.guid, v.name]));
    const hb01 = project.cases.find((c) => c.name === 'HB01')!;
    assert.deepEqual(hb01.variableValues.map((v) => [name.get(v.variableGUID), v.value]), [['role', 'Health board primary care lead'], ['board', 'NHS Highland']]);
    assert.deepEqual(hb01.sourceRefs, [exportGuid.source('interviews/2017/HB01.md'), exportGuid.source('interviews/2022/HB01.md')]);
    const wave2022 = source(project.sources, 'interviews/2022/HB01.md').variableValues.map((v) => [name.get(v.variableGUID), v.value]);
    assert.deepEqual(wave2022, [['wave', '2022'], ['role', 'Health board primary care lead'], ['board', 'NHS Highland']]);
    // A document without `case:` is its file name's case.
    assert.deepEqual(project.cases.map((c) => c.name), ['CQL03', 'HB01', 'PQL07']);
  });

  it('places each annotation as a selection in code points of the body, coded by its coder', async () => {
    const { project, sourceFiles } = (await exported()).result;
    const s = source(project.sources, 'interviews/2017/HB01.md');
    assert.equal(s.plainTextPath, `internal://${s.guid}.txt`);
    assert.equal(sourceFiles.get(`${s.guid}.txt`), HB01_2017_BODY);
    const sel = s.selections[1];
    const start = HB01_2017_BODY.indexOf('pulling practice data');
    assert.equal(sel.name, 'b2c4');
    assert.equal(sel.startPosition, [...HB01_2017_BODY.slice(0, start)].length);
    assert.equal(sel.startPosition, start - 2, 'an emoji and a CJK ideograph before it: two UTF-16 units fewer');
    assert.equal(sel.endPosition - sel.startPosition, 'pulling practice data out by hand on a Sunday'.length);
    assert.equal(sel.codings[0].codeGUID, exportGuid.code('data-support'));
    assert.equal(sel.creatingUser, exportGuid.user('am'));
    assert.equal(sel.codings[0].creatingUser, exportGuid.user('am'));
    const later = source(project.sources, 'interviews/2022/HB01.md').selections;
    assert.equal(later[1].startPosition, [...HB01_2022_BODY.slice(0, HB01_2022_BODY.indexOf('recruitment on the islands'))].length);
    assert.equal(later[2].creatingUser, DEFAULT_USER_GUID, 'no `by`: the default user');
    assert.deepEqual(project.users.map((u) => u.name), ['QualFrame', 'am', 'rk']);
  });

  it('writes the LF body of a CRLF document with a BOM, front matter stripped', async () => {
    const { project, sourceFiles } = (await exported()).result;
    const notes = source(project.sources, 'notes/2022/CQL03-notes.md');
    const text = sourceFiles.get(`${notes.guid}.txt`)!;
    assert.equal(text, CQL03_NOTES_BODY.replace(/\r\n/g, '\n'));
    assert.ok(!text.includes('---') && !text.startsWith('\ufeff'));
    assert.equal(notes.selections[0].startPosition, [...text.slice(0, text.indexOf('the LIST analyst'))].length);
  });

  it('makes memos and summaries notes; a summary is referred to by its document and by its theme\'s code', async () => {
    const { project } = (await exported()).result;
    const note = (guid: string) => project.notes.find((n) => n.guid === guid)!;
    const hb01 = source(project.sources, 'interviews/2017/HB01.md');
    const memo = note(exportGuid.documentMemo('interviews/2017/HB01.md'));
    assert.equal(memo.plainTextContent, 'First interview of the panel.\nRecorded in the board offices.');
    const summary = note(exportGuid.summary('interviews/2017/HB01.md', 'support'));
    assert.equal(summary.name, 'Summary of Support for clusters for case HB01');
    assert.match(summary.plainTextContent!, /^No analyst & no facilitator in year one \(interviews\/2017\/HB01\.md#a1f0\)\.\nThe lead worked weekends\.$/);
    assert.deepEqual(hb01.noteRefs, [memo.guid, summary.guid, exportGuid.summary('interviews/2017/HB01.md', 'workforce')]);
    assert.ok(project.codes[0].noteRefs.includes(summary.guid));
    const annotationMemo = note(exportGuid.annotationMemo('interviews/2017/HB01.md', 'b2c4'));
    assert.equal(annotationMemo.plainTextContent, 'Compare with <CQL03> & the "LIST" notes');
    assert.deepEqual(hb01.selections[1].noteRefs, [annotationMemo.guid]);
    // The illustrative quote refers to the shared note that marks them.
    assert.deepEqual(hb01.selections[0].noteRefs, [ILLUSTRATIVE_NOTE_GUID]);
    assert.equal(note(ILLUSTRATIVE_NOTE_GUID).name, 'Illustrative quotes');
  });

  it('leaves out an orphaned annotation and says so; the same corpus gives the same project', async () => {
    const a = await exported();
    assert.deepEqual(a.result.omitted.map((o) => [o.file, o.id]), [['interviews/2017/PQL07.md', 'b8e7']]);
    assert.deepEqual(source(a.result.project.sources, 'interviews/2017/PQL07.md').selections, []);
    assert.deepEqual(a.result.counts, { documents: 5, annotations: 8, codes: 5, cases: 3 });
    const b = await exported();
    assert.deepEqual(b.result.project, a.result.project);
  });
});
