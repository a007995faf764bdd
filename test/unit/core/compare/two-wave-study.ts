import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

/**
 * A tiny two-wave study whose counts are worked out by hand in the tests:
 *
 * | document            | case | wave | annotations (code)                                        | summaries        |
 * |---------------------|------|------|-----------------------------------------------------------|------------------|
 * | 2016/P1-notes.md    | P1   | 2016 | n1 data-support "Hello", n2 data-support "no analyst..."  | support          |
 * | 2016/P1.md          | P1   | 2016 | a data-support (illustrative), b information-governance (illustrative) |  |
 * | 2016/P2.md          | P2   | 2016 | d facilitation                                            |                  |
 * | 2021/P2.md          | P2   | 2021 | f remote-working, e data-support                          | covid-19         |
 * | 2021/SH1.md         | SH1  | 2021 | g expectations (a theme applied directly), h data-support, i unknown code |  |
 * | 2021/SH10.md        | SH10 | 2021 | none                                                      |                  |
 * | misc/X1.md          | X1   | none | j funding                                                 |                  |
 *
 * P1 has two documents in one wave; P2 is a panel case (2016 and 2021).
 */
export const codebook = `themes:
  - id: support
    name: Support for clusters
    codes:
      - id: data-support
        name: Data support
      - id: facilitation
        name: Facilitation
      - id: funding
        name: Funding
  - id: governance
    name: Governance
    codes:
      - id: information-governance
        name: Information governance
      - id: accountability
        name: Accountability
  - id: expectations
    name: Unrealistic expectations
    codes: []
  - id: covid-19
    name: The pandemic
    codes:
      - id: remote-working
        name: Remote meetings
`;

export const body = 'Interviewer: Hello.\n\nP: We had no analyst support at all.\n';

/** One annotation line, anchored at the quote's first occurrence in `body`. */
export function q(id: string, code: string, quote: string, extra = ''): string {
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`not in body: ${quote}`);
  return `  - {id: ${id}, code: ${code}, start: ${start}, quote: "${quote}"${extra}}`;
}

export function studyFiles(extra: Record<string, string> = {}): MemoryCorpusFiles {
  return new MemoryCorpusFiles({
    'codebook.yaml': codebook,
    '2016/P1-notes.md': markdown(`case: P1\nwave: "2016"\ntype: notes\nsummaries:\n  support: Wants analysts.\ncodes:\n${q('n1', 'data-support', 'Hello')}\n${q('n2', 'data-support', 'no analyst support', ', by: am, memo: "check P4"')}`, body),
    '2016/P1.md': markdown(`case: P1\nwave: 2016\nrole: GP\ncodes:\n${q('a', 'data-support', 'We had no analyst support', ', illustrative: true')}\n${q('b', 'information-governance', 'at all', ', illustrative: true')}`, body),
    '2016/P2.md': markdown(`wave: 2016\ncodes:\n${q('d', 'facilitation', 'analyst')}`, body),
    '2021/P2.md': markdown(`case: P2\nwave: 2021\nsummaries:\n  covid-19: Met online.\ncodes:\n${q('f', 'remote-working', 'Hello')}\n${q('e', 'data-support', 'analyst support')}`, body),
    '2021/SH1.md': markdown(`wave: 2021\ncodes:\n${q('g', 'expectations', 'Interviewer')}\n${q('h', 'data-support', 'support')}\n${q('i', 'no-such-code', 'all')}`, body),
    '2021/SH10.md': markdown('wave: 2021', body),
    'misc/X1.md': markdown(`codes:\n${q('j', 'funding', 'We had')}`, body),
    ...extra,
  });
}

export async function loadStudy(extra: Record<string, string> = {}) {
  return (await loadCorpus(studyFiles(extra))).corpus;
}
