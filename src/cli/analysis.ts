import { parseArgs } from 'node:util';
import { isWaveSettingError, resolveComparison } from '../core/compare/comparison-setting';
import { buildWaveComparison } from '../core/compare/wave-comparison';
import { buildQuoteTable } from '../core/export/quote-table';
import { COMPARISON_FORMATS, renderComparisonExport, renderComparisonJson } from '../core/export/render-comparison';
import { MATRIX_FORMATS, renderMatrix } from '../core/export/render-matrix';
import { renderQuoteTableCsv, renderQuoteTableMarkdown } from '../core/export/render-quote-table';
import { buildFrameworkMatrix } from '../core/matrix/framework-matrix';
import type { CliCommand } from './commands';
import { FORMAT_OPTIONS, loadCorpusAt, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CANNOT_RUN, UsageError } from './io';
import { deliver } from './output';

const OUT_OPTION = { out: { type: 'string' } } as const;
/** Which quotes to take: shared by `export quotes` and `compare --quotes`. */
const QUOTE_CHOICE_OPTIONS = { max: { type: 'string' }, illustrative: { type: 'boolean' } } as const;

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
  usage: `Usage: qualframe matrix [--format md|csv|json] [--out FILE] [--attribute A] [--root DIR]

The Framework Method's chart: one row per case and value of the comparison attribute (a
participant interviewed in two waves has a row in each), one column per theme; each cell
holds the case's summary of the theme and the coded quotes behind it.

Options:
  --format md|csv|json, --json
                  default: from --out's extension, else md (xlsx arrives with the exports)
  --out FILE      write to FILE instead of stdout
  --attribute A   group rows by attribute A (default: compare.attribute, else wave)
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help      this help

Exit status: 0 done; 1 done, but the corpus has errors (see qualframe validate); 2 could not run.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...ROOT_OPTION, ...FORMAT_OPTIONS, ...OUT_OPTION, attribute: { type: 'string' } }, strict: true, allowPositionals: false });
    const format = resolveFormat(values, MATRIX_FORMATS, 'md', ['xlsx']);
    const loaded = await loadCorpusAt(resolveRoot(io, values.root));
    const matrix = buildFrameworkMatrix(loaded.corpus, values.attribute ? { attribute: values.attribute } : {});
    return deliver(io, loaded, renderMatrix(matrix, format), values.out);
  },
};

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'the wave comparison: predicted (baseline) against reported (follow-up), per theme and code',
  usage: `Usage: qualframe compare [--format md|csv|json] [--quotes [--max N] [--illustrative]] [--attribute A --baseline X --followup Y] [--out FILE] [--root DIR]

For each theme and code: the cases and segments in each of the two waves, the share of each
wave's cases, the wave it was first applied in, and its status: both (predicted and
reported), baseline-only (predicted, not reported), followup-only (emergent) or unused.
The waves are those named here, else compare in qualframe.yaml, else the two lowest values.

With --quotes, what each wave said goes beside it: in Markdown, a section per theme with
the baseline's quotes (predicted) and the follow-up's (reported) in two columns, each
“quote” [CASE], ★ before an illustrative one, (orphaned) after one whose text is gone;
in CSV, two more columns with each wave's quotes, one per line (on a code's row, only
that code's, at most N of its own with --max). The CSV has a row per theme and per code,
UTF-8 with BOM; a cell a spreadsheet would run as a formula is neutralised.

Options:
  --format md|csv|json, --json
                  default: from --out's extension, else md
  --quotes        add the quotes side by side (md and csv; JSON has no quotes)
  --max N         with --quotes: at most N quotes per theme and wave
  --illustrative  with --quotes: only quotes marked illustrative
  --attribute A   compare by attribute A (default: compare.attribute, else wave)
  --baseline X    the baseline value (the predictions)
  --followup Y    the follow-up value (what was reported)
  --out FILE      write to FILE instead of stdout
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help      this help

Exit status: 0 done; 1 done, but the corpus has errors; 2 could not run (for example,
fewer than two waves).`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...ROOT_OPTION, ...FORMAT_OPTIONS, ...OUT_OPTION, ...QUOTE_CHOICE_OPTIONS,
        quotes: { type: 'boolean' },
        attribute: { type: 'string' }, baseline: { type: 'string' }, followup: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const format = resolveFormat(values, [...COMPARISON_FORMATS, 'json'] as const, 'md');
    const max = parseMax(values.max);
    // Refused rather than ignored: a researcher asking for quotes should not get a table without them.
    if (values.quotes && format === 'json') throw new UsageError('--quotes is for --format md or csv; for quotes as data, use qualframe export quotes');
    if (!values.quotes && (max !== undefined || values.illustrative)) throw new UsageError(`${max !== undefined ? '--max' : '--illustrative'} chooses quotes: add --quotes`);
    const loaded = await loadCorpusAt(resolveRoot(io, values.root));
    const setting = resolveComparison(loaded.corpus, { attribute: values.attribute, baseline: values.baseline, followup: values.followup });
    if (isWaveSettingError(setting)) {
      io.err(`qualframe compare: ${setting.error}\n`);
      return EXIT_CANNOT_RUN;
    }
    const output = format === 'json'
      ? renderComparisonJson(buildWaveComparison(loaded.corpus, setting))
      : renderComparisonExport(loaded.corpus, setting, format, { quotes: Boolean(values.quotes), ...(max !== undefined ? { max } : {}), illustrative: Boolean(values.illustrative) });
    return deliver(io, loaded, output, values.out);
  },
};

const exportQuotesUsage = `Usage: qualframe export quotes --out FILE [--format md|csv] [--theme ID ...] [--wave W ...] [--max N] [--illustrative] [--root DIR]

The quote table a paper's supplementary material prints: for each theme, the quotes of each
wave, each followed by its case id ([P3]). All quotes unless --max or --illustrative. The CSV
has one row per quote (document, case, attributes, theme, code, quote, start, coder, memo),
UTF-8 with BOM for Excel; a cell a spreadsheet would run as a formula is neutralised.

Options:
  --out FILE        where to write (required)
  --format md|csv   default: from --out's extension, else md (xlsx and docx arrive with the exports)
  --theme ID        only this theme (repeatable)
  --wave W          only this wave, in the order given (repeatable)
  --max N           at most N quotes per theme and wave
  --illustrative    only quotes marked illustrative
  --root DIR        the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help        this help

Exit status: 0 done; 1 done, but the corpus has errors; 2 could not run.`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export quotes: the quote table per theme and wave (md, csv)',
  usage: exportQuotesUsage,
  async run(args, io) {
    const [what, ...rest] = args;
    if (what !== 'quotes') {
      throw new UsageError(what === 'codebook' || what === 'qdpx'
        ? `export ${what} is not available in this version yet; available: export quotes`
        : 'say what to export: export quotes');
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        ...ROOT_OPTION, ...OUT_OPTION, ...QUOTE_CHOICE_OPTIONS,
        format: { type: 'string' },
        theme: { type: 'string', multiple: true },
        wave: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.out) throw new UsageError('--out FILE is required');
    const format = resolveFormat(values, ['md', 'csv'] as const, 'md', ['xlsx', 'docx']);
    const max = parseMax(values.max);
    const loaded = await loadCorpusAt(resolveRoot(io, values.root));
    const table = buildQuoteTable(loaded.corpus, {
      ...(values.theme ? { themes: values.theme } : {}),
      ...(values.wave ? { waves: values.wave } : {}),
      ...(max !== undefined ? { max } : {}),
      illustrative: Boolean(values.illustrative),
    });
    if (table.unknownThemes.length > 0) throw new UsageError(`unknown theme${table.unknownThemes.length === 1 ? '' : 's'}: ${table.unknownThemes.join(', ')}`);
    return deliver(io, loaded, format === 'csv' ? renderQuoteTableCsv(table) : renderQuoteTableMarkdown(table), values.out);
  },
};
