import assert from 'node:assert/strict';
import { codeColours, codedDocumentOffice, codedParagraphs, codedRuns, renderCodedDocumentHtml, tint } from '../../../../src/core/export/coded-document';
import type { DocumentBlock, DocumentRun } from '../../../../src/core/export/office-model';
import { loadCodedStudy, SH4_BODY } from './coded-study';

// A transcript for reading on paper or in Word: coded segments highlighted, codes beside them.

const paragraphRuns = (blocks: readonly DocumentBlock[]): DocumentRun[][] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [[...b.runs]] : []));

describe('the coded document', () => {
  it('cuts the body at every segment boundary, each run with the annotations covering it', async () => {
    const { sh4 } = await loadCodedStudy();
    const runs = codedRuns(sh4);
    assert.equal(runs.map((r) => r.text).join(''), SH4_BODY, 'nothing lost or repeated');
    const at = (text: string) => runs.find((r) => r.text === text)?.annotations.map((a) => a.id);
    assert.deepEqual(at('Two '), ['a1']);
    assert.deepEqual(at('partners left'), ['a1', 'a2'], 'the overlap');
    assert.deepEqual(at('the pandemic stopped the meetings'), ['a3']);
    assert.ok(runs.every((r) => !r.annotations.some((a) => a.id === 'a4')), 'an orphan covers nothing');
  });

  it('splits the runs into paragraphs at blank lines, a segment across one in both', async () => {
    const { sh4, sh4b } = await loadCodedStudy();
    assert.deepEqual(codedParagraphs(sh4).map((p) => p.map((r) => r.text).join('')), [
      'Interviewer: What changed?',
      'SH4: Two partners left <script>alert(1)</script> and the lists grew.',
      'SH4: Then the pandemic stopped the meetings.\n',
    ]);
    const [, second, third] = codedParagraphs(sh4b);
    assert.deepEqual(second.map((r) => [r.text, r.annotations.map((a) => a.id)]), [
      ['SH4: ', []],
      ['The lists grew again.\nEvery week', ['a1']],
      [', ', []],
      ['more.', ['b2']],
    ]);
    assert.deepEqual(third[0].annotations.map((a) => a.id), ['b2']);
    assert.equal(sh4b.body.slice(third[0].start, third[0].start + third[0].text.length), third[0].text);
  });

  it('chooses each code’s colour once for both formats: its own, its theme’s, else one of a fixed few', async () => {
    const { corpus, sh4, sh4b } = await loadCodedStudy();
    assert.deepEqual([...codeColours([sh4, sh4b], corpus.codebook)], [
      ['vacancies', '#d08770'],
      ['workload', '#d08770'],
      ['covid', '#d3a4c9'],
      ['lists', '#33aa77'],
    ]);
    assert.equal(tint('#d08770', 0.45), '#eac9bf', 'as CSS color-mix(in srgb, #d08770 45%, white)');
    assert.equal(tint('#000000', 0.45), '#8c8c8c');
    assert.equal(tint('#FFF', 0.45), '#ffffff');
  });

  it('renders the text as text, highlights segments, lists codes in the margin and the orphans after', async () => {
    const { corpus, sh4 } = await loadCodedStudy();
    const html = renderCodedDocumentHtml([sh4], corpus.codebook);
    assert.ok(!html.includes('<script>'), 'transcript text never becomes markup');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<mark class="code-\d overlap-2" title="Vacancies, Workload &lt;pressure&gt;">partners left<\/mark>/);
    assert.match(html, /<ul class="margin">(<li class="code-\d"><span class="swatch"><\/span>[^<]*(&lt;pressure&gt;)?[^<]*<\/li>){2}<\/ul>/);
    assert.match(html, /--code: #d08770;/, 'a code without a colour takes its theme’s');
    assert.match(html, /mark \{ background: color-mix\(in srgb, var\(--code\) 45%, white\);/);
    assert.match(html, /<h2>Orphaned annotations<\/h2>[\s\S]*“nobody said this”<\/span> — The pandemic/);
    assert.match(html, /<dt>role<\/dt><dd>Practice manager<\/dd>/);
  });

  describe('as a Word document', () => {
    it('heads each document with its case, path and attributes', async () => {
      const { corpus, sh4, sh4b } = await loadCodedStudy();
      const doc = codedDocumentOffice([sh4, sh4b], corpus.codebook);
      assert.equal(doc.title, 'SH4: 2 documents');
      assert.deepEqual(doc.blocks.slice(0, 4), [
        { kind: 'heading', level: 1, text: 'SH4' },
        { kind: 'paragraph', runs: [{ text: '2021/SH4.md', italic: true }] },
        { kind: 'paragraph', runs: [{ text: 'wave: ', bold: true }, { text: '2021' }] },
        { kind: 'paragraph', runs: [{ text: 'role: ', bold: true }, { text: 'Practice manager' }] },
      ]);
      assert.deepEqual(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text), ['SH4', 'Orphaned annotations', 'SH4']);
      assert.equal(codedDocumentOffice([sh4], corpus.codebook).title, 'SH4: 2021/SH4.md');
    });

    it('shades coded runs in a tint of the first code’s colour and puts a comment naming the code on every run of an annotation', async () => {
      const { corpus, sh4 } = await loadCodedStudy();
      const paragraphs = paragraphRuns(codedDocumentOffice([sh4], corpus.codebook).blocks);
      const coded = paragraphs.find((p) => p.some((r) => r.text === 'partners left'))!;
      assert.deepEqual(coded, [
        { text: 'SH4: ' },
        { text: 'Two ', shading: '#eac9bf', comments: [{ id: '0/a1', text: 'Vacancies' }] },
        { text: 'partners left', shading: '#eac9bf', comments: [{ id: '0/a1', text: 'Vacancies' }, { id: '0/a2', text: 'Workload <pressure>' }] },
        { text: ' <script>alert(1)</script> and the lists grew', shading: '#eac9bf', comments: [{ id: '0/a2', text: 'Workload <pressure>' }] },
        { text: '.' },
      ]);
      const pandemic = paragraphs.find((p) => p.some((r) => r.text === 'the pandemic stopped the meetings'))!;
      assert.deepEqual(pandemic.map((r) => r.text), ['SH4: Then ', 'the pandemic stopped the meetings', '.'], 'the body’s last line break is no line of its own');
      assert.equal(pandemic[1].shading, tint('#d3a4c9', 0.45));
    });

    it('keeps comment ids apart across documents and a comment on both paragraphs of a segment across a blank line', async () => {
      const { corpus, sh4, sh4b } = await loadCodedStudy();
      const runs = paragraphRuns(codedDocumentOffice([sh4, sh4b], corpus.codebook).blocks).flat();
      const ids = (id: string) => runs.filter((r) => r.comments?.some((c) => c.id === id)).map((r) => r.text);
      assert.deepEqual(ids('0/a1'), ['Two ', 'partners left']);
      assert.deepEqual(ids('1/a1'), ['The lists grew again.\nEvery week'], 'a line break inside a paragraph stays in the run');
      assert.deepEqual(ids('1/b2'), ['more.', 'SH4: Nobody came back']);
      assert.ok(runs.filter((r) => r.comments?.some((c) => c.id === '1/b2')).every((r) => r.shading === tint('#33aa77', 0.45)));
    });

    it('lists the orphaned annotations after the text, with their codes', async () => {
      const { corpus, sh4 } = await loadCodedStudy();
      const { blocks } = codedDocumentOffice([sh4], corpus.codebook);
      const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Orphaned annotations');
      assert.ok(at > 0);
      assert.deepEqual(blocks.slice(at + 1), [
        { kind: 'paragraph', runs: [{ text: 'Their text is no longer in the transcript; they are kept in its front matter.' }] },
        { kind: 'paragraph', runs: [{ text: '“nobody said this”', italic: true }, { text: ' — The pandemic' }] },
      ]);
      assert.ok(paragraphRuns(blocks.slice(0, at)).flat().every((r) => !r.text.includes('nobody said this')), 'an orphan shades nothing');
    });
  });
});
