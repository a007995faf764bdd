import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import type { RefiCode, RefiProject, RefiSelection, RefiTextSource } from '../../../../src/core/exchange/refi-project';
import { corpusFromRefi } from '../../../../src/core/exchange/refi-to-corpus';
import { MemoryCorpusFiles } from '../../support/memory-files';

// Projects as other tools write them, built as the model the XML reader yields.
const g = (n: number) => `A0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const code = (n: number, name: string, children: RefiCode[] = [], extra: Partial<RefiCode> = {}): RefiCode => ({ guid: g(n), name, isCodable: true, noteRefs: [], children, ...extra });
const selection = (n: number, text: string, quote: string, codes: number[], extra: Partial<RefiSelection> = {}, countCrlfTwice = true): RefiSelection => {
  const counted = countCrlfTwice ? text : text.replace(/\r\n/g, '\n');
  const at = counted.indexOf(quote.replace(/\n/g, countCrlfTwice ? '\r\n' : '\n'));
  if (at === -1) throw new Error(`test data: ${quote} not found`);
  const start = [...counted.slice(0, at)].length;
  const end = start + [...quote.replace(/\n/g, countCrlfTwice ? '\r\n' : '\n')].length;
  return { guid: g(n), startPosition: start, endPosition: end, codings: codes.map((c, i) => ({ guid: g(n * 100 + i), codeGUID: g(c), noteRefs: [] })), noteRefs: [], ...extra };
};
const source = (n: number, name: string, extra: Partial<RefiTextSource>): RefiTextSource => ({ guid: g(n), name, selections: [], codings: [], noteRefs: [], variableValues: [], ...extra });

const ANNA = '\ufeffInterviewer: How is the cluster in Portree? 😀\r\n\r\nAnna: We have no data support, none.\r\nAnna: Room booking falls to me, every month.\r\n';
const BEN = 'Ben: The hub on Skye 🏥 closed in 2021, and nobody told the practices.';

function nvivoProject(): { project: RefiProject; files: Map<string, Uint8Array> } {
  const anna = source(10, 'Interview Anna', {
    plainTextPath: `internal://${g(10).toLowerCase()}.txt`,
    selections: [
      selection(11, ANNA.slice(1), 'no data support', [2], { creatingUser: g(1) }),
      selection(12, ANNA.slice(1), 'Anna: We have no data support, none.', [50]),
      selection(13, ANNA.slice(1), 'How is the cluster in Portree?', [1]),
      selection(14, ANNA.slice(1), 'Room booking falls to me', [4], { creatingUser: g(1) }),
      { guid: g(15), startPosition: 5000, endPosition: 5010, codings: [{ guid: g(1500), codeGUID: g(2), noteRefs: [] }], noteRefs: [] },
      selection(16, ANNA.slice(1), 'every month', [], { description: 'Check the rota.' }),
    ],
  });
  const ben = source(20, 'Interview Ben.docx', {
    plainTextContent: BEN,
    selections: [selection(21, BEN, 'nobody told the practices', [2, 5], { creatingUser: g(1), noteRefs: [g(71)] })],
    variableValues: [{ variableGUID: g(31), value: '40-49' }],
  });
  const project: RefiProject = {
    name: 'Skye clusters', origin: 'NVivo 14',
    users: [{ guid: g(1), name: 'Jane Smith' }],
    codes: [
      code(1, 'Support', [code(2, 'Data'), code(3, 'Facilitation', [code(4, 'Room booking')])], { description: 'What clusters need.' }),
      code(5, 'Barriers', [], { color: '#FF0000', description: 'Anything in the way.', noteRefs: [g(74)] }),
      code(6, 'Odd colour', [], { color: 'red' }),
      code(50, 'Anna'),
      code(60, 'Cases', [code(51, 'Ben')], { isCodable: false }),
    ],
    variables: [
      { guid: g(31), name: 'Age group', typeOfVariable: 'Text' },
      { guid: g(32), name: 'case', typeOfVariable: 'Text' },
      { guid: g(33), name: 'Site', typeOfVariable: 'Text' },
    ],
    cases: [
      { guid: g(50), name: 'Anna', variableValues: [{ variableGUID: g(31), value: '30-39' }, { variableGUID: g(32), value: 'index' }], sourceRefs: [g(10)] },
      { guid: g(51), name: 'Ben', variableValues: [{ variableGUID: g(31), value: '50-59' }], sourceRefs: [g(20)] },
      { guid: g(52), variableValues: [{ variableGUID: g(33), value: 'Skye' }], sourceRefs: [g(20)] },
    ],
    sources: [
      anna, ben,
      source(30, 'Escape', { plainTextPath: 'internal://../../evil.txt' }),
      source(40, 'Missing', { plainTextPath: `internal://${g(40)}.txt` }),
    ],
    otherSources: [{ kind: 'PDFSource', guid: g(90), name: 'Board paper' }],
    notes: [
      { guid: g(70), name: 'Journal: week 1', plainTextContent: 'Started coding.', selections: [] },
      { guid: g(71), name: 'Selection memo', plainTextContent: 'Closure date to be checked.', selections: [] },
      { guid: g(72), name: 'NVivo annotation', plainTextContent: 'Said with feeling.', selections: [] },
      { guid: g(74), name: 'Code memo', plainTextContent: 'Merged from two nodes.', selections: [] },
    ],
    links: [{ guid: g(80), originGUID: g(72), targetGUID: g(21) }],
    noteRefs: [],
  };
  return { project, files: new Map([[`${g(10).toLowerCase()}.txt`, new TextEncoder().encode(ANNA)]]) };
}

async function imported(project: RefiProject, files: Map<string, Uint8Array>) {
  const result = corpusFromRefi(project, files);
  const loaded = await loadCorpus(new MemoryCorpusFiles(Object.fromEntries(result.files.map((f) => [f.path, f.text]))));
  return { result, ...loaded };
}

describe('corpusFromRefi (REFI-QDA project to corpus files)', () => {
  it('writes settings, codebook, one document per text source and loose notes as memos: a corpus without problems', async () => {
    const { project, files } = nvivoProject();
    const { result, problems } = await imported(project, files);
    assert.deepEqual(result.files.map((f) => f.path), ['qualframe.yaml', 'codebook.yaml', 'Interview Anna.md', 'Interview Ben.md', 'memos/imported/Journal week 1.md']);
    assert.deepEqual(problems, []);
    assert.equal(result.files[4].text, '# Journal: week 1\n\nStarted coding.\n');
  });

  it('builds themes from top-level codes, flattens deeper codes, skips codes that are cases, and files theme codings under a general code', async () => {
    const { project, files } = nvivoProject();
    const { corpus, result } = await imported(project, files);
    assert.deepEqual(corpus.codebook.themes.map((t) => [t.id, t.name, t.codes.map((c) => `${c.id}=${c.name}`)]), [
      ['support', 'Support', ['support-general=Support (general)', 'data=Data', 'facilitation=Facilitation', 'facilitation-room-booking=Facilitation › Room booking']],
      ['barriers', 'Barriers', []],
      ['odd-colour', 'Odd colour', []],
    ]);
    const barriers = corpus.codebook.themeById.get('barriers')!;
    assert.equal(barriers.color, '#FF0000');
    assert.equal(barriers.description, 'Anything in the way.\n\nMerged from two nodes.');
    assert.ok(result.warnings.some((w) => /colour "red"/.test(w)));
    assert.ok(result.warnings.some((w) => /coded at "Support", which has codes/.test(w)));
  });

  it('converts NVivo\'s positions (code points, CRLF counted twice) to UTF-16 offsets of the LF body, with coder, case and attributes', async () => {
    const { project, files } = nvivoProject();
    const { corpus } = await imported(project, files);
    const anna = corpus.documents.find((d) => d.path === 'Interview Anna.md')!;
    assert.equal(anna.caseId, 'Anna');
    assert.deepEqual({ ...anna.attributes }, { 'Age group': '30-39', 'case (variable)': 'index' });
    assert.deepEqual(anna.annotations.map((a) => [a.code, a.quote, a.by ?? null, a.anchor.method]), [
      ['support-general', 'How is the cluster in Portree?', null, 'exact'],
      ['data', 'no data support', 'Jane Smith', 'exact'],
      ['facilitation-room-booking', 'Room booking falls to me', 'Jane Smith', 'exact'],
    ]);
    assert.equal(anna.body, ANNA.slice(1).replace(/\r\n/g, '\n'));
    assert.equal(anna.annotations[1].start, anna.body.indexOf('no data support'));
    assert.equal(anna.memo, 'On “every month”: Check the rota.');
  });

  it('reads MAXQDA\'s nameless case as the source\'s variables, and one selection with two codes as two annotations with its memos', async () => {
    const { project, files } = nvivoProject();
    const { corpus } = await imported(project, files);
    const ben = corpus.documents.find((d) => d.path === 'Interview Ben.md')!;
    assert.equal(ben.caseId, 'Ben');
    assert.deepEqual({ ...ben.attributes }, { 'Age group': '40-49', Site: 'Skye' });
    const memo = 'Closure date to be checked.\n\nSaid with feeling.';
    assert.deepEqual(ben.annotations.map((a) => [a.code, a.quote, a.memo, a.by]).sort(), [
      ['barriers', 'nobody told the practices', memo, 'Jane Smith'],
      ['data', 'nobody told the practices', memo, 'Jane Smith'],
    ]);
    assert.equal(ben.annotations[0].start, BEN.indexOf('nobody told'));
    assert.notEqual(ben.annotations[0].id, ben.annotations[1].id);
  });

  it('says what it left out: a text outside Sources/, a missing text, a position past the end, a PDF', async () => {
    const { project, files } = nvivoProject();
    const { result } = await imported(project, files);
    const said = (re: RegExp) => assert.ok(result.warnings.some((w) => re.test(w)), `no warning like ${re}:\n${result.warnings.join('\n')}`);
    said(/source "Escape" was left out: its text is at internal:\/\/\.\.\/\.\.\/evil\.txt/);
    said(/source "Missing" was left out: its text Sources\/.*\.txt is not in the archive/);
    said(/lies outside the text \(positions 5000-5010/);
    said(/PDFSource "Board paper" was left out/);
    assert.ok(!result.files.some((f) => /evil|Escape|Missing/.test(f.path)));
  });

  it('gives the same annotation ids on every import of the same project', async () => {
    const { project, files } = nvivoProject();
    const a = corpusFromRefi(project, files).files.map((f) => f.text);
    const b = corpusFromRefi(project, files).files.map((f) => f.text);
    assert.deepEqual(a, b);
  });

  it('reads ATLAS.ti\'s CRLF texts with CRLF counted once; tolerates a project with no users, cases, codes or variables', async () => {
    const text = 'Line one.\r\nLine two has the quote.\r\n';
    const atlas: RefiProject = {
      name: 'ATLAS', origin: 'ATLAS.ti 23', users: [], codes: [code(1, 'Quote')], variables: [], cases: [], otherSources: [], notes: [], links: [], noteRefs: [],
      sources: [source(2, 'Doc', { plainTextContent: text, selections: [selection(3, text, 'the quote', [1], {}, false)] })],
    };
    const { corpus, problems } = await imported(atlas, new Map());
    assert.deepEqual(problems, []);
    assert.equal(corpus.documents[0].annotations[0].quote, 'the quote');
    assert.equal(corpus.documents[0].caseId, 'Doc');
    const empty = corpusFromRefi({ ...atlas, codes: [], sources: [] }, new Map());
    assert.deepEqual(empty.files.map((f) => f.path), ['qualframe.yaml', 'codebook.yaml']);
  });
});
