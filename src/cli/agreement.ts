import { parseArgs } from 'node:util';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import { countErrors } from '../core/problems';
import { agreementByCoder, coders, compareCoders, type AgreementFigures, type AgreementReport, type ExclusionReason } from '../core/review/agreement';
import { count } from '../core/text/count';
import { GitError } from '../node/git/git';
import { loadCorpusAt as loadRevision } from '../node/git/revision-corpus';
import type { CliCommand } from './commands';
import { FORMAT_OPTIONS, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './io';

/** One side of the comparison, as the JSON names it. */
interface Side {
  /** The ref as typed; null for the working tree. */
  readonly ref: string | null;
  readonly label: string;
  readonly commit?: string;
  /** With `--by`: whose annotations. */
  readonly coder?: string;
}

const REASONS: Record<ExclusionReason, string> = {
  'body-differs': 'the bodies differ',
  'only-in-a': 'only in A',
  'only-in-b': 'only in B',
  'unreadable-in-a': 'cannot be read in A',
  'unreadable-in-b': 'cannot be read in B',
  unreadable: 'cannot be read',
  'not-coded-by-both': 'not coded by both',
};

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: 'intercoder agreement (percentage, Cohen\'s kappa, Krippendorff\'s alpha) between two revisions or two coders',
  usage: `Usage: qualframe agreement REF_A REF_B [--root DIR] [--json] [--min-kappa K] [--coded-only]
       qualframe agreement --by CODER_A,CODER_B [REF] [--all-documents] [options]

Intercoder agreement over characters (UTF-16 units of the LF-normalised bodies, as offsets
count; NVivo's method): for every code, each character of each document is coded with it by
coder A or not, by coder B or not. Per code and overall (pooled over codes and documents):
percentage agreement, Cohen's kappa and Krippendorff's alpha (nominal), as fractions.

REF_A and REF_B are two git revisions (branches, tags, commits) in which two coders coded
the same documents. Documents whose bodies differ between them, or that only one holds, are
left out and listed. With --by, the two coders are names in the annotations' "by" field of
one revision, REF (default: the working tree); only documents both coded are compared.

Options:
  --root DIR          the corpus root (default: nearest folder upward with qualframe.yaml)
  --coded-only        count only characters either coder coded (with any code), not whole
                      bodies: uncoded talk no longer inflates agreement
  --min-kappa K       exit 1 when any code's kappa or the overall kappa is below K (-1 to 1)
  --by A,B            compare two coders of one revision by the "by" field
  --all-documents     with --by: also compare documents only one of them coded
  --format text|json, --json
                      json prints {"unit": "character", "codes": [{"code", "agreement",
                      "kappa", "alpha", "aChars", "bChars", "bothChars", ...}], "overall",
                      "excludedDocuments": [file], "documents", "disagreements", ...}
  -h, --help          this help

Exit status: 0 done; 1 a kappa below --min-kappa, or errors in a corpus (run qualframe
validate); 2 could not run (bad arguments, a ref that is not a commit, no git repository).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        ...ROOT_OPTION,
        ...FORMAT_OPTIONS,
        'min-kappa': { type: 'string' },
        'coded-only': { type: 'boolean' },
        by: { type: 'string' },
        'all-documents': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
    const format = resolveFormat(values, ['text', 'json'] as const, 'text');
    const minKappa = values['min-kappa'] === undefined ? undefined : parseKappa(values['min-kappa']);
    const codedOnly = values['coded-only'] === true;
    const byCoders = values.by === undefined ? undefined : parseCoders(values.by);
    if (byCoders === undefined) {
      if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? 'give two revisions to compare, REF_A and REF_B (or --by CODER_A,CODER_B)' : `one revision too many: ${positionals[2]}`);
      if (values['all-documents']) throw new UsageError('--all-documents goes with --by');
    } else if (positionals.length > 1) {
      throw new UsageError(`--by compares two coders in one revision: give at most one REF (got ${positionals.join(' ')})`);
    }
    const root = resolveRoot(io, values.root);

    let report: AgreementReport;
    let sides: [Side, Side];
    const loadedAll: { side: Side; loaded: LoadedCorpus }[] = [];
    if (byCoders === undefined) {
      const [a, b] = await Promise.all(positionals.map((ref) => load(root, ref)));
      sides = [a.side, b.side];
      loadedAll.push(a, b);
      report = compareCoders(a.loaded.corpus, b.loaded.corpus, { codedOnly });
    } else {
      const one = await load(root, positionals[0]);
      loadedAll.push(one);
      const found = coders(one.loaded.corpus);
      const missing = byCoders.filter((c) => !found.includes(c));
      if (missing.length > 0) {
        throw new UsageError(`no annotation in ${one.side.label} is by ${missing.map((m) => `"${m}"`).join(' or ')}; coders found: ${found.length > 0 ? found.join(', ') : 'none (no annotation has a "by" field)'}`);
      }
      sides = [{ ...one.side, coder: byCoders[0] }, { ...one.side, coder: byCoders[1] }];
      report = agreementByCoder(one.loaded.corpus, byCoders[0], byCoders[1], { codedOnly, allDocuments: values['all-documents'] === true });
    }

    const below = minKappa === undefined ? [] : belowThreshold(report, minKappa);
    if (format === 'json') {
      const threshold = minKappa === undefined ? {} : { minKappa, belowMinKappa: below };
      io.out(JSON.stringify({ ...report, a: sides[0], b: sides[1], ...threshold }, null, 2) + '\n');
    } else {
      io.out(renderText(report, sides));
    }

    let status = EXIT_CLEAN;
    if (report.uncounted.length > 0) {
      io.err(`${count(report.uncounted.length, 'annotation')} not counted: the quote is no longer in the body (orphaned): ${report.uncounted.map((u) => `${u.file}#${u.id} (${sideName(sides, u.coder)})`).join(', ')}\n`);
    }
    for (const { side, loaded } of dedupe(loadedAll)) {
      const errors = countErrors(loaded.problems);
      if (errors === 0) continue;
      const where = side.ref === null ? 'run qualframe validate to see them' : `check out ${side.label} and run qualframe validate to see them`;
      io.err(`${count(errors, 'error')} in the corpus at ${side.label}; ${where}\n`);
      status = EXIT_FINDINGS;
    }
    if (minKappa !== undefined) {
      if (report.overall.kappa === null) {
        io.err(`--min-kappa ${minKappa}: no coded characters to compare, so the threshold is not met\n`);
        status = EXIT_FINDINGS;
      } else if (below.length > 0) {
        const list = below.map((code) => `${code} ${fixed(code === 'overall' ? report.overall.kappa : report.codes.find((c) => c.code === code)!.kappa)}`);
        io.err(`kappa below ${minKappa}: ${list.join(', ')}\n`);
        status = EXIT_FINDINGS;
      }
    }
    return status;
  },
};

/** `--min-kappa`: a number from -1 to 1. */
function parseKappa(text: string): number {
  const value = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
  if (!(value >= -1 && value <= 1)) throw new UsageError(`--min-kappa ${text}: give a number from -1 to 1, such as 0.6`);
  return value;
}

/** `--by A,B`: two different, non-empty names. */
function parseCoders(text: string): [string, string] {
  const names = text.split(',').map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n === '')) throw new UsageError(`--by ${text}: give two coders separated by a comma, such as --by am,jk`);
  if (names[0] === names[1]) throw new UsageError(`--by ${text}: the two coders are the same`);
  return [names[0], names[1]];
}

async function load(root: string, ref: string | undefined): Promise<{ side: Side; loaded: LoadedCorpus }> {
  try {
    const { loaded, label, commit } = await loadRevision(root, ref);
    return { side: { ref: ref ?? null, label, ...(commit !== undefined ? { commit } : {}) }, loaded };
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw new UsageError(`cannot read the corpus at ${root}${ref === undefined ? '' : ` in ${ref}`}: ${(e as Error).message}`);
  }
}

/** The same revision named twice is reported once. */
function dedupe(list: readonly { side: Side; loaded: LoadedCorpus }[]): { side: Side; loaded: LoadedCorpus }[] {
  const seen = new Set<string>();
  return list.filter(({ side }) => {
    const key = side.commit ?? side.label;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The codes whose kappa is below the threshold, and `overall` when the pooled kappa is. */
function belowThreshold(report: AgreementReport, min: number): string[] {
  const below = report.codes.filter((c) => c.kappa !== null && c.kappa < min).map((c) => c.code);
  if (report.overall.kappa !== null && report.overall.kappa < min) below.push('overall');
  return below;
}

function sideName(sides: readonly [Side, Side], coder: 'a' | 'b'): string {
  const side = sides[coder === 'a' ? 0 : 1];
  return `${coder.toUpperCase()}, ${side.coder ?? side.label}`;
}

function describeSide(side: Side): string {
  const where = side.commit ? `${side.label} (${side.commit.slice(0, 12)})` : side.label;
  return side.coder !== undefined ? `${side.coder} in ${where}` : where;
}

/** Three decimals; a value just short of 1 is shown as such, never rounded up to a perfect 1.000. */
function fixed(value: number | null): string {
  if (value === null) return '-';
  const text = value.toFixed(3);
  return text === '1.000' && value < 1 ? '>0.999' : text;
}

function renderText(report: AgreementReport, sides: readonly [Side, Side]): string {
  const lines: string[] = [];
  lines.push(`Intercoder agreement by character: A = ${describeSide(sides[0])}, B = ${describeSide(sides[1])}`);
  const counted = report.codedOnly ? 'only the characters either coder coded' : 'every character of each body';
  lines.push(`${count(report.documents.length, 'document')} compared, counting ${counted}`);
  lines.push('');
  if (report.codes.length === 0) {
    lines.push('Neither coder coded any character of the documents compared.');
  } else {
    const header = ['code', 'agreement', 'kappa', 'alpha', 'A chars', 'B chars', 'both'];
    const row = (label: string, f: AgreementFigures): string[] => [label, fixed(f.agreement), fixed(f.kappa), fixed(f.alpha), String(f.aChars), String(f.bChars), String(f.bothChars)];
    const rows = [...report.codes.map((c) => row(c.code, c)), row('overall', report.overall)];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const format = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
    lines.push(format(header));
    for (const r of rows) lines.push(format(r));
  }
  if (report.excluded.length > 0) {
    lines.push('');
    lines.push(`Left out (${count(report.excluded.length, 'document')}):`);
    for (const e of report.excluded) lines.push(`  ${e.file}  (${REASONS[e.reason]})`);
  }
  return lines.join('\n') + '\n';
}
