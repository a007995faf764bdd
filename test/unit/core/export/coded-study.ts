import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import type { Corpus } from '../../../../src/core/corpus/corpus';
import type { CorpusDocument } from '../../../../src/core/corpus/document';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

/**
 * Two transcripts of case SH4 for the coded document, in HTML and Word.
 *
 * 2021/SH4.md: `a1` `vacancies` (no colour: its theme's #d08770) on "Two partners left",
 * overlapped by `a2` `workload` (its name has `<` and `>`) over a `<script>` element in the
 * text; `a3` `covid` (a theme applied as a code, without a colour: the third of the fixed few,
 * #d3a4c9, as the third code used) on the pandemic; `a4` an orphan.
 * 2021/SH4b.md: `a1` again (ids are unique in a document only), over a line break inside a
 * paragraph; `b2` (`lists`, #3a7) across a blank line, so over two paragraphs.
 */
export const CODEBOOK = `themes:
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
  - id: access
    name: Access
    codes:
      - id: lists
        name: Waiting lists
        color: "#3a7"
`;

export const SH4_BODY = 'Interviewer: What changed?\n\nSH4: Two partners left <script>alert(1)</script> and the lists grew.\n\nSH4: Then the pandemic stopped the meetings.\n';
export const SH4B_BODY = 'Interviewer: And now?\n\nSH4: The lists grew again.\nEvery week, more.\n\nSH4: Nobody came back after the pandemic.\n';

const entry = (body: string, id: string, code: string, quote: string) => `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: ${JSON.stringify(quote)}}`;

export async function loadCodedStudy(): Promise<{ corpus: Corpus; sh4: CorpusDocument; sh4b: CorpusDocument }> {
  const { corpus } = await loadCorpus(new MemoryCorpusFiles({
    'codebook.yaml': CODEBOOK,
    '2021/SH4.md': markdown(`case: SH4\nwave: "2021"\nrole: Practice manager\ncodes:\n${[
      entry(SH4_BODY, 'a1', 'vacancies', 'Two partners left'),
      entry(SH4_BODY, 'a2', 'workload', 'partners left <script>alert(1)</script> and the lists grew'),
      entry(SH4_BODY, 'a3', 'covid', 'the pandemic stopped the meetings'),
      '  - {id: a4, code: covid, start: 0, quote: "nobody said this"}',
    ].join('\n')}`, SH4_BODY),
    '2021/SH4b.md': markdown(`case: SH4\nwave: "2021"\ncodes:\n${[
      entry(SH4B_BODY, 'a1', 'vacancies', 'The lists grew again.\nEvery week'),
      entry(SH4B_BODY, 'b2', 'lists', 'more.\n\nSH4: Nobody came back'),
    ].join('\n')}`, SH4B_BODY),
  }));
  const at = (path: string) => {
    const found = corpus.documents.find((d) => d.path === path);
    if (!found) throw new Error(`${path} did not load`);
    return found;
  };
  return { corpus, sh4: at('2021/SH4.md'), sh4b: at('2021/SH4b.md') };
}
