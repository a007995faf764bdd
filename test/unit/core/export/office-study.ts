import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

/**
 * A small synthetic study of GP clusters in Scotland, written for these tests: two GPs
 * interviewed in 2016 and, one of them again, with a health board manager, in 2021. Some
 * quotes and definitions begin with `=`, `+`, `-` or `@`, as a spreadsheet formula would.
 *
 * Codebook: protected time (backfill, competing demands), data and analysis (dashboards),
 * remote and rural practice (applied as a code of its own), and the pandemic (emerged in 2021,
 * also of its own). Counts in 2016 / 2021: backfill 1/1 cases, competing demands 1/0,
 * dashboards 2/0, remote and rural 1/1, pandemic 0/2.
 */
export const CODEBOOK = `themes:
  - id: protected-time
    name: Protected time
    description: Time set aside from surgery for cluster work.
    codes:
      - id: backfill
        name: Backfill and funded sessions
        description: Whether cluster sessions are paid for and the surgery covered.
        include: Locum cover, funded sessions, evenings given up.
        exclude: Funding of the cluster as a whole.
        example: we were doing it in our own time
      - id: competing-demands
        name: Competing demands
        description: Cluster work squeezed out by the day list.
  - id: data-analysis
    name: Data and analysis
    codes:
      - id: dashboards
        name: Dashboards and practice data
        description: "=Comparative data on the cluster's practices"
        include: "+ talk of dashboards, audits, prescribing data"
  - id: remote-rural
    name: Remote and rural practice
    description: Distance, islands and travel between practices.
    codes: []
  - id: pandemic
    name: Pandemic response
    codes: []
`;

const P1_2016 = `Interviewer: How do you find the time?

P1: Honestly, we were doing it in our own time, evenings mostly.

P1: =the dashboard was a spreadsheet someone emailed round once a quarter.

P1: The nearest practice in the cluster is a ferry away.
`;

const P2_2016 = `P2: The day list always wins over the cluster meeting.

P2: -nobody had the data in a form we could use, and that was the problem.
`;

const P1_2021 = `P1: When Covid came the cluster became the group that ran the assessment hub.

P1: The sessions were funded by then, which changed everything.
`;

const SH3_2021 = `SH3: @the hub we shared staff across four practices.

SH3: Video calls made the islands feel closer.
`;

const entry = (body: string, id: string, code: string, quote: string, extra = '') => {
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`not in the body: ${quote}`);
  return `  - {id: ${id}, code: ${code}, start: ${start}, quote: ${JSON.stringify(quote)}${extra}}`;
};

export const FILES: Record<string, string> = {
  'qualframe.yaml': 'compare:\n  attribute: wave\n  baseline: "2016"\n  followup: "2021"\n',
  'codebook.yaml': CODEBOOK,
  'transcripts/2016/P1.md': markdown(`case: P1\nwave: "2016"\nboard: Highland\nsummaries:\n  protected-time: Unfunded; evenings only.\ncodes:\n${[
    entry(P1_2016, 'a1', 'backfill', 'we were doing it in our own time, evenings mostly', ', illustrative: true'),
    entry(P1_2016, 'a2', 'dashboards', '=the dashboard was a spreadsheet someone emailed round'),
    entry(P1_2016, 'a3', 'remote-rural', 'The nearest practice in the cluster is a ferry away'),
  ].join('\n')}`, P1_2016),
  'transcripts/2016/P2.md': markdown(`case: P2\nwave: "2016"\nboard: Lothian\ncodes:\n${[
    entry(P2_2016, 'b1', 'competing-demands', 'The day list always wins over the cluster meeting'),
    entry(P2_2016, 'b2', 'dashboards', '-nobody had the data in a form we could use'),
  ].join('\n')}`, P2_2016),
  'transcripts/2021/P1.md': markdown(`case: P1\nwave: "2021"\nboard: Highland\ncodes:\n${[
    entry(P1_2021, 'c1', 'pandemic', 'the cluster became the group that ran the assessment hub'),
    entry(P1_2021, 'c2', 'backfill', 'The sessions were funded by then'),
  ].join('\n')}`, P1_2021),
  'transcripts/2021/SH3.md': markdown(`case: SH3\nwave: "2021"\nrole: "@board"\ncodes:\n${[
    entry(SH3_2021, 'd1', 'pandemic', '@the hub we shared staff across four practices', ', illustrative: true'),
    entry(SH3_2021, 'd2', 'remote-rural', 'Video calls made the islands feel closer'),
  ].join('\n')}`, SH3_2021),
};

/** The study's files but those named: a study without its follow-up, say. */
export function withoutFiles(files: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([name]) => !names.includes(name)));
}

export async function loadOfficeStudy(files: Record<string, string> = FILES) {
  const { corpus, problems } = await loadCorpus(new MemoryCorpusFiles(files));
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return corpus;
}
