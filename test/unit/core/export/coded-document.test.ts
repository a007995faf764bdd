import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { codedRuns, renderCodedDocumentHtml } from '../../../../src/core/export/coded-document';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

// A transcript for reading on paper: coded segments highlighted, codes in the margin.

const codebook = `themes:
  - id: workforce
    name: Workforce shortages
    color: "#d08770"
    codes:
      - id: vacancies
        name: Vacancies
      - id: workload
        name: Workload <pressure>
  - id: covid
    name: The pandemic
    codes: []
`;
const body = 'Interviewer: What changed?\n\nSH4: Two partners left <script>alert(1)</script> and the lists grew.\n\nSH4: Then the pandemic stopped the meetings.\n';

async function sh4() {
  const entry = (id: string, code: string, quote: string) => `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: ${JSON.stringify(quote)}}`;
  const { corpus } = await loadCorpus(new MemoryCorpusFiles({
    'codebook.yaml': codebook,
    '2021/SH4.md': markdown(`case: SH4\nwave: "2021"\nrole: Practice manager\ncodes:\n${[
      entry('a1', 'vacancies', 'Two partners left'),
      entry('a2', 'workload', 'partners left <script>alert(1)</script> and the lists grew'),
      entry('a3', 'covid', 'the pandemic stopped the meetings'),
      '  - {id: a4, code: covid, start: 0, quote: "nobody said this"}',
    ].join('\n')}`, body),
  }));
  return { corpus, document: corpus.documents[0] };
}

describe('the coded document', () => {
  it('cuts the body at every segment boundary, each run with the annotations covering it', async () => {
    const { document } = await sh4();
    const runs = codedRuns(document);
    assert.equal(runs.map((r) => r.text).join(''), body, 'nothing lost or repeated');
    const at = (text: string) => runs.find((r) => r.text === text)?.annotations.map((a) => a.id);
    assert.deepEqual(at('Two '), ['a1']);
    assert.deepEqual(at('partners left'), ['a1', 'a2'], 'the overlap');
    assert.deepEqual(at('the pandemic stopped the meetings'), ['a3']);
    assert.ok(runs.every((r) => !r.annotations.some((a) => a.id === 'a4')), 'an orphan covers nothing');
  });

  it('renders the text as text, highlights segments, lists codes in the margin and the orphans after', async () => {
    const { corpus, document } = await sh4();
    const html = renderCodedDocumentHtml([document], corpus.codebook);
    assert.ok(!html.includes('<script>'), 'transcript text never becomes markup');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<mark class="code-\d overlap-2" title="Vacancies, Workload &lt;pressure&gt;">partners left<\/mark>/);
    assert.match(html, /<ul class="margin">(<li class="code-\d"><span class="swatch"><\/span>[^<]*(&lt;pressure&gt;)?[^<]*<\/li>){2}<\/ul>/);
    assert.match(html, /--code: #d08770;/, 'a code without a colour takes its theme’s');
    assert.match(html, /<h2>Orphaned annotations<\/h2>[\s\S]*“nobody said this”<\/span> — The pandemic/);
    assert.match(html, /<dt>role<\/dt><dd>Practice manager<\/dd>/);
  });
});
