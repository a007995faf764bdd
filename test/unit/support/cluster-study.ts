// A small synthetic study of GP quality clusters in Scotland, for the REFI-QDA exchange tests:
// a panel case interviewed in two waves, a case named only by its file, interviewer notes in
// CRLF with a BOM, emoji and other astral characters before coded passages, XML-special
// characters in names, quotes, memos and summaries, a theme applied as a code, an
// illustrative quote, two coders, and one orphaned annotation (its text edited away).

export const CLUSTER_CODEBOOK = `# GP quality clusters in Scotland (synthetic).
themes:
  - id: support
    name: Support for clusters
    description: What clusters need from health boards & HSCPs to work.
    codes:
      - id: data-support
        name: Data and analytic support
        description: Access to data, dashboards and LIST analysts.
        include: Talk of analysts, dashboards, practice data.
        exclude: Information governance (code under governance).
        example: "we had no analyst support at all"
        color: "#4e79a7"
      - id: facilitation
        name: Facilitation
        color: "#abc"
  - id: workforce
    name: Workforce — recruitment & retention
    description: |-
      Who is left to do the work.
      Two lines, on purpose.
    codes:
      - id: gp-recruitment
        name: GP recruitment
      - id: remote-rural
        name: Remote & rural <Highland> "island" practices
  - id: covid-19
    name: COVID-19 🦠 response
    description: Clusters during the pandemic; a theme applied as a code.
    color: "#e15759"
`;

export const HB01_2017_BODY = `Interviewer: What did the cluster need from the board in its first year?

HB01: Honestly? 😀 We had no analyst support at all. The GP lead in Càrn Bàn 𠀋 was pulling practice data out by hand on a Sunday.

Interviewer: And facilitation?

HB01: Someone to book rooms & chase minutes — "that's all we asked for" — <nobody> came.
`;

export const HB01_2022_BODY = `Interviewer: Five years on, what changed? 🚑

HB01: The pandemic changed everything. Clusters ran the assessment hubs 🏥 in weeks.

HB01: But recruitment on the islands is worse than ever: two partners retired and nobody applied.
`;

export const CQL03_BODY = `Interviewer: How did the cluster cope in 2020?

CQL03: We met on Teams every week 💻 and shared rotas across four practices.
`;

export const CQL03_NOTES_BODY = 'Notes written after the call.\r\n\r\nCQL03 said the LIST analyst 📊 finally arrived in 2021.\r\n';

export const PQL07_BODY = `Interviewer: Anything else?

PQL07: Only that the board never asked us.
`;

/** Block entry for `quote` in `body` (LF-normalised), with optional extra lines. */
function entry(body: string, id: string, code: string, quote: string, extra: string[] = []): string {
  const lf = body.replace(/\r\n/g, '\n');
  const start = lf.indexOf(quote);
  if (start === -1) throw new Error(`test data: ${JSON.stringify(quote)} is not in the body`);
  return [`  - id: ${id}`, `    code: ${code}`, `    start: ${start}`, `    quote: ${JSON.stringify(quote)}`, ...extra.map((l) => `    ${l}`)].join('\n');
}

function doc(front: string, body: string, eol = '\n', bom = false): string {
  return `${bom ? '\ufeff' : ''}---${eol}${front.trim().split('\n').join(eol)}${eol}---${eol}${body}`;
}

/** The study's files, root-relative. */
export function clusterStudyFiles(): Record<string, string> {
  return {
    'qualframe.yaml': 'documents: ["interviews/**/*.md", "notes/**/*.md"]\ncompare:\n  attribute: wave\n',
    'codebook.yaml': CLUSTER_CODEBOOK,
    'interviews/2017/HB01.md': doc(`
case: HB01
wave: "2017"
role: Health board primary care lead
board: NHS Highland
memo: |-
  First interview of the panel.
  Recorded in the board offices.
codes:
${entry(HB01_2017_BODY, 'a1f0', 'data-support', 'We had no analyst support at all', ['by: am', 'illustrative: true'])}
${entry(HB01_2017_BODY, 'b2c4', 'data-support', 'pulling practice data out by hand on a Sunday', ['by: am', 'memo: "Compare with <CQL03> & the \\"LIST\\" notes"'])}
${entry(HB01_2017_BODY, 'c9e1', 'facilitation', 'Someone to book rooms & chase minutes — "that\'s all we asked for" — <nobody> came', ['by: rk'])}
summaries:
  support: |-
    No analyst & no facilitator in year one (interviews/2017/HB01.md#a1f0).
    The lead worked weekends.
  workforce: Not raised in 2017.
`, HB01_2017_BODY),
    'interviews/2022/HB01.md': doc(`
case: HB01
wave: "2022"
role: Health board primary care lead
board: NHS Highland
codes:
${entry(HB01_2022_BODY, 'd4a2', 'covid-19', 'Clusters ran the assessment hubs 🏥 in weeks', ['by: am'])}
${entry(HB01_2022_BODY, 'e5b3', 'remote-rural', 'recruitment on the islands is worse than ever', ['by: am'])}
${entry(HB01_2022_BODY, 'e5b4', 'gp-recruitment', 'two partners retired and nobody applied')}
`, HB01_2022_BODY),
    'interviews/2022/CQL03.md': doc(`
wave: "2022"
role: Cluster quality lead
board: NHS Western Isles
codes:
${entry(CQL03_BODY, 'f6c5', 'covid-19', 'We met on Teams every week 💻 and shared rotas', ['by: rk'])}
summaries:
  covid-19: Moved the cluster online within a fortnight.
`, CQL03_BODY),
    'notes/2022/CQL03-notes.md': doc(`
case: CQL03
wave: "2022"
role: Cluster quality lead
board: NHS Western Isles
type: notes
codes:
${entry(CQL03_NOTES_BODY, 'a7d6', 'data-support', 'the LIST analyst 📊 finally arrived in 2021', ['by: rk'])}
`, CQL03_NOTES_BODY, '\r\n', true),
    'interviews/2017/PQL07.md': doc(`
case: PQL07
wave: "2017"
role: Practice quality lead
codes:
  - id: b8e7
    code: facilitation
    start: 20
    quote: "a sentence the interviewer later took out of the transcript entirely"
`, PQL07_BODY),
  };
}
