import { CONFIG_FILE, DEFAULT_CODEBOOK } from './config';

/** The files `qualframe init` and "Initialise Corpus" write when missing; never overwritten. */
export function initialCorpusFiles(): { path: string; text: string }[] {
  return [
    {
      path: CONFIG_FILE,
      text: `# QualFrame settings. Every key is optional; see docs/format.md.
# Which Markdown files are documents (fast-glob patterns, relative to this folder).
# Default: every .md file except README.md, memos/, node_modules and .git.
# documents: ["transcripts/**/*.md"]
codebook: ${DEFAULT_CODEBOOK}
# The two waves (or any two groups) the comparison sets side by side.
compare:
  attribute: wave
  # baseline: "2016"
  # followup: "2021"
`,
    },
    {
      path: DEFAULT_CODEBOOK,
      text: `# The coding frame: themes, and the codes under them.
# themes:
#   - id: support
#     name: Support for clusters
#     codes:
#       - id: data-support
#         name: Data and analytic support
#         description: Access to data, dashboards and analysts.
themes: []
`,
    },
  ];
}
