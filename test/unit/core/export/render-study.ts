import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

/**
 * A tiny corpus whose text tries to become Markdown, HTML and spreadsheet formulas: pipes,
 * asterisks, a tag, an entity, a line break inside a quote, and cells starting `=`, `+`, `-`, `@`.
 */
const body1 = 'P: We had *no* analyst | support at all.\nIt was <b>bad</b> &amp; worse.\n';
const body2 = '=SUM(A1) then +1 then -2 then @x\n';

const entry = (body: string, id: string, code: string, quote: string, extra = '') =>
  `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: ${JSON.stringify(quote)}${extra}}`;

export async function loadRenderStudy() {
  const files = new MemoryCorpusFiles({
    'codebook.yaml': 'themes:\n  - id: support\n    name: Support | help\n    codes:\n      - id: data-support\n        name: Data support\n  - id: expectations\n    name: Expectations\n    codes: []\n',
    '2016/P1.md': markdown(`case: P1\nwave: 2016\nrole: GP\nsummaries:\n  support: Wants analysts | now\ncodes:\n${entry(body1, 'a', 'data-support', 'We had *no* analyst | support', ', by: am, illustrative: true')}`, body1),
    '2021/P1.md': markdown(`case: P1\nwave: 2021\ncodes:\n${entry(body1, 'b', 'expectations', 'support at all.\nIt was <b>bad</b> &amp; worse', ', memo: "line\\nbreak"')}`, body1),
    '2021/P3.md': markdown(`wave: 2021\nrole: "=cmd"\ncodes:\n${[
      entry(body2, 'c', 'data-support', '=SUM(A1)'),
      entry(body2, 'd', 'data-support', '+1 then'),
      entry(body2, 'e', 'data-support', '-2 then'),
      entry(body2, 'f', 'expectations', '@x'),
    ].join('\n')}`, body2),
  });
  const { corpus, problems } = await loadCorpus(files);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return corpus;
}
