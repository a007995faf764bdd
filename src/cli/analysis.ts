import { parseArgs } from 'node:util';
import { isWaveSettingError, resolveComparison, type WaveSetting } from '../core/compare/comparison-setting';
import { QUOTE_LAYOUTS, type QuoteLayout } from '../core/export/quote-table-office';
import { EXPORT_FORMATS, renderExport } from '../node/export/render-export';
import type { CliCommand } from './commands';
import { runExportQdpx } from './qdpx';
import { FORMAT_OPTIONS, loadCorpusAt, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CANNOT_RUN, UsageError, type CliIo } from './io';
import { deliver, requireOutForBinary } from './output';

const OUT_OPTION = { out: { type: 'string' } } as const;
/** Which quotes to take: shared by `export quotes` and `compare --quotes`. */
const QUOTE_CHOICE_OPTIONS = { max: { type: 'string' }, illustrative: { type: 'boolean' } } as const;
/** Which two waves: shared by `compare` and `export codebook` (its counts per wave). */
const WAVE_OPTIONS = { attribute: { type: 'string' }, baseline: { type: 'string' }, followup: { type: 'string' } } as const;

/** `--max N`: a whole number from 1, or undefined when not given. */
function parseMax(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const max = Number(value);
  if (!(Number.isInteger(max) && max >= 1)) throw new UsageError('--max must be a whole number from 1');
  return max;
}

export const matrixCommand: CliCommand = {
  name: 'matrix',
  summary: 'the framework matrix: cases (grouped by wave) by themes, summaries and quotes',
  usage: `Usage: qualframe matrix [--format md|csv|json|xlsx|docx] [--out FILE] [--attribute A] [--root DIR]

The Framework Method's chart: one row per case and value of the comparison attribute (a
participant interviewed in two waves has a row in each), one column per theme; each cell
holds the case's summary of the theme and the coded quotes behind it.

XLSX has a sheet per wave, a row per case, and for each theme its summary, its number of
segments and its quotes; DOCX (landscape) has a table per wave, then the wave's quotes per
theme, each “quote” [CASE]. Both need --out.

Options:
  --format md|csv|json|xlsx|docx, --json
                  default: from --out's extension, else md
  --out FILE      write to FILE instead of stdout (required for xlsx and docx)
  --attribute A   group rows by attribute A (default: compare.attribute, else wave)
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help      this help

Exit status: 0 done; 1 done, but the corpus has errors (see qualframe validate); 2 could not run.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...ROOT_OPTION, ...FORMAT_OPTIONS, ...OUT_OPTION, attribute: { type: 'string' } }, strict: true, allowPositionals: false });
    const format = resolveFormat(values, EXPORT_FORMATS.matrix, 'md');
    requireOutForBinary(format, values.out);
    const loaded = await loadCorpusAt(resolveRoot(io, values.root));
    const output = await renderExport('matrix', loaded.corpus, values.attribute ? { attribute: values.attribute } : {}, format);
    return deliver(io, loaded, output, values.out);
  },
};

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'the wave comparison: predicted (baseline) against reported (follow-up), per theme and code',
  usage: `Usage: qualframe compare [--format md|csv|json|xlsx|docx] [--quotes [--max N] [--illustrative]] [--attribute A --baseline X --followup Y] [--out FILE] [--root DIR]

For each theme and code: the cases and segments in each of the two waves, the share of each
wave's cases, the wave it was first applied in, and its status: both (predicted and
reported), baseline-only (predicted, not reported), followup-only (emergent) or unused.
The waves are those named here, else compare in qualframe.yaml, else the two lowest values.

With --quotes, what each wave said goes beside it: in Markdown and DOCX, a section per
theme with the baseline's quotes (predicted) and the follow-up's (reported) in two columns,
each “quote” [CASE], ★ before an illustrative one, (orphaned) after one whose text is gone;
in CSV, two more columns with each wave's quotes, one per line (on a code's row, only
that code's, at most N of its own with --max); in XLSX, a second sheet with the two waves'
quotes side by side, each with its case id in the next column. The CSV has a row per theme
and per code, UTF-8 with BOM; a cell a spreadsheet would run as a formula is neutralised.
XLSX and DOCX need --out.

Options:
  --format md|csv|json|xlsx|docx, --json
                  default: from --out's extension, else md
  --quotes        add the quotes side by side (md, csv, xlsx, docx; JSON has no quotes)
  --max N         with --quotes: at most N quotes per theme and wave
  --illustrative  with --quotes: only quotes marked illustrative
  --attribute A   compare by attribute A (default: compare.attribute, else wave)
  --baseline X    the baseline value (the predictions)
  --followup Y    the follow-up value (what was reported)
  --out FILE      write to FILE instead of stdout (required for xlsx and docx)
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help      this help

Exit status: 0 done; 1 done, but the corpus has errors; 2 could not run (for example,
fewer than two waves).`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { ...ROOT_OPTION, ...FORMAT_OPTIONS, ...OUT_OPTION, ...QUOTE_CHOICE_OPTIONS, ...WAVE_OPTIONS, quotes: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    const format = resolveFormat(values, EXPORT_FORMATS.comparison, 'md');
    const max = parseMax(values.max);
    // Refused rather than ignored: a researcher asking for quotes should not get a table without them.
    if (values.quotes && format === 'json') throw new UsageError('--quotes is for --format md, csv, xlsx or docx; for quotes as data, use qualframe export quotes');
    if (!values.quotes && (max !== undefined || values.illustrative)) throw new UsageError(`${max !== undefined ? '--max' : '--illustrative'} chooses quotes: add --quotes`);
    requireOutForBinary(format, values.out);
    const loaded = await loadCorpusAt(resolveRoot(io, values.root));
    const setting = resolveComparison(loaded.corpus, { attribute: values.attribute, baseline: values.baseline, followup: values.followup });
    if (isWaveSettingError(setting)) {
      io.err(`qualframe compare: ${setting.error}\n`);
      return EXIT_CANNOT_RUN;
    }
    const output = await renderExport('comparison', loaded.corpus, {
      setting,
      quotes: Boolean(values.quotes),
      ...(max !== undefined ? { max } : {}),
      illustrative: Boolean(values.illustrative),
    }, format);
    return deliver(io, loaded, output, values.out);
  },
};

const exportUsage = `Usage: qualframe export quotes|codebook --out FILE [--format md|csv|xlsx|docx] [options] [--root DIR]
       qualframe export quotes --out FILE [--format md|csv|xlsx|docx] [--layout side-by-side|sequential] [--theme ID ...] [--wave W ...] [--max N] [--illustrative]
       qualframe export codebook --out FILE [--format md|csv|xlsx|docx] [--attribute A --baseline X --followup Y]
       qualframe export qdpx --out FILE   (a REFI-QDA project; qualframe export qdpx --help)

export quotes: the quote table a paper's supplementary material prints: for each theme, the
quotes of each wave, each followed by its case id ([P3]). All quotes unless --max or
--illustrative. The CSV has one row per quote (document, case, attributes, theme, code,
quote, start, coder, memo), UTF-8 with BOM for Excel; a cell a spreadsheet would run as a
formula is neutralised. XLSX has a sheet per theme and DOCX a section per theme; in both,
--layout side-by-side (the default) sets the waves in columns next to each other, so what
was predicted and what was reported read across, and --layout sequential sets one wave
after the other. Each quote is followed by its case id (in XLSX, in the next column); XLSX
cells are text or numbers, never formulas.

export codebook: the codebook for a paper's appendix or a second coder: each theme and code
with its id, definition, inclusion and exclusion criteria and example, and how it was used
in the two waves (cases and segments in the baseline and the follow-up, and its status:
predicted and reported, predicted but not reported, emergent, unused). The waves are those
named here, else compare in qualframe.yaml, else the two lowest values; without two waves
the codebook is exported without counts, and says why.

Options:
  --out FILE        where to write (required)
  --format F        md, csv, xlsx or docx; default: from --out's extension, else md
  --root DIR        the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help        this help
export quotes:
  --layout L        xlsx and docx: side-by-side (default) or sequential
  --theme ID        only this theme (repeatable)
  --wave W          only this wave, in the order given (repeatable)
  --max N           at most N quotes per theme and wave
  --illustrative    only quotes marked illustrative
export codebook:
  --attribute A     count by attribute A (default: compare.attribute, else wave)
  --baseline X      the baseline value (the predictions)
  --followup Y      the follow-up value (what was reported)

Exit status: 0 done; 1 done, but the corpus has errors; 2 could not run.`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export quotes, codebook or qdpx: the quote table per theme and wave, the codebook with counts (md, csv, xlsx, docx), a REFI-QDA project',
  usage: exportUsage,
  async run(args, io) {
    const [what, ...rest] = args;
    if (what === 'quotes') return exportQuotes(rest, io);
    if (what === 'codebook') return exportCodebook(rest, io);
    if (what === 'qdpx') return runExportQdpx(rest, io);
    throw new UsageError('say what to export: export quotes, export codebook or export qdpx');
  },
};

async function exportQuotes(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...ROOT_OPTION, ...OUT_OPTION, ...QUOTE_CHOICE_OPTIONS,
      format: { type: 'string' },
      layout: { type: 'string' },
      theme: { type: 'string', multiple: true },
      wave: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.out) throw new UsageError('--out FILE is required');
  const format = resolveFormat(values, EXPORT_FORMATS.quotes, 'md');
  const layout = parseLayout(values.layout, format);
  const max = parseMax(values.max);
  const loaded = await loadCorpusAt(resolveRoot(io, values.root));
  const unknownThemes = [...new Set(values.theme ?? [])].filter((id) => !loaded.corpus.codebook.themeById.has(id));
  if (unknownThemes.length > 0) throw new UsageError(`unknown theme${unknownThemes.length === 1 ? '' : 's'}: ${unknownThemes.join(', ')}`);
  const output = await renderExport('quotes', loaded.corpus, {
    ...(values.theme ? { themes: values.theme } : {}),
    ...(values.wave ? { waves: values.wave } : {}),
    ...(max !== undefined ? { max } : {}),
    illustrative: Boolean(values.illustrative),
    ...(layout ? { layout } : {}),
  }, format);
  return deliver(io, loaded, output, values.out);
}

/** `--layout`: for the office formats only; Markdown lists the waves in turn and CSV has a row per quote. */
function parseLayout(value: string | undefined, format: string): QuoteLayout | undefined {
  if (value === undefined) return undefined;
  if (!(QUOTE_LAYOUTS as readonly string[]).includes(value)) throw new UsageError(`--layout ${value}: choose ${QUOTE_LAYOUTS.join(' or ')}`);
  if (format !== 'xlsx' && format !== 'docx') {
    throw new UsageError(`--layout is for --format xlsx or docx; ${format === 'md' ? 'Markdown lists the waves one after the other' : 'the CSV has a row per quote'}`);
  }
  return value as QuoteLayout;
}

async function exportCodebook(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...ROOT_OPTION, ...OUT_OPTION, ...WAVE_OPTIONS, format: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.out) throw new UsageError('--out FILE is required');
  const format = resolveFormat(values, EXPORT_FORMATS.codebook, 'md');
  const loaded = await loadCorpusAt(resolveRoot(io, values.root));
  const asked = values.attribute !== undefined || values.baseline !== undefined || values.followup !== undefined;
  const resolved = resolveComparison(loaded.corpus, { attribute: values.attribute, baseline: values.baseline, followup: values.followup });
  let setting: WaveSetting | undefined;
  if (!isWaveSettingError(resolved)) setting = resolved;
  else if (asked) {
    // Waves asked for by name that cannot be compared are an error, as in qualframe compare.
    io.err(`qualframe export codebook: ${resolved.error}\n`);
    return EXIT_CANNOT_RUN;
  } else {
    io.err(`qualframe export codebook: no counts per wave: ${resolved.error}\n`);
  }
  const output = await renderExport('codebook', loaded.corpus, setting ? { setting } : {}, format);
  return deliver(io, loaded, output, values.out);
}
