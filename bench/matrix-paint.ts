/**
 * The Framework Matrix panel's first paint on 1,000 cases, measured in a real VS Code
 * (docs/performance.md, "Framework Matrix"). A measure, not a test: it asserts nothing about
 * speed. Needs code-server and Chromium (`npm run setup:vscode`, as the end-to-end tests do), so
 * plain `npm run bench` leaves it out; it runs with
 *
 *   npm run bench -- --paint [--runs 5] [--out FILE]      (or --measures matrix-paint,...)
 *
 * - The corpus is matrix-model's (bench/matrix-bench.ts: 1,000 cases of one interview each,
 *   8 themes × 5 codes, 40,000 coded segments), real files from the corpus generator's cache;
 *   the e2e harness copies them into a fresh temporary folder and opens it as the workspace of a
 *   code-server session (test/e2e/harness.ts), with QualFrame loaded from this repository
 *   (dist/ and media/webview/, rebuilt first when older than src/ or webview/).
 * - Untimed: the session starts; the corpus has loaded when the status bar shows
 *   "1000 documents", as in the e2e tests.
 * - Then `--runs` + 1 times: "QualFrame: Open Framework Matrix" typed into the command palette
 *   until its row shows (not timed), the clock started, Enter; stopped when a case row's cell
 *   (`[data-testid="row"] [data-testid="cell"]`, webview/matrix/render-matrix.ts) is visible in
 *   the panel's webview; then the panel is closed ("View: Close Editor") and left to settle.
 *   The first open of the session is reported on its own; median, min and max over the others.
 *
 * Timed, per open (see {@link PAINT_STEPS}):
 * - `end to end`: node's clock, from just before Playwright presses Enter to when its wait for
 *   the visible row cell returns (includes Playwright's polling and round trips: an upper bound);
 * - in the browser (Date.now() in each frame; one machine, one wall clock), when the frames'
 *   marks could be read: the Enter keydown in the workbench; "panel open", when the workbench
 *   adds the panel's webview element (`iframe.webview`); the last message the webview received
 *   before its first row (the host's matrix, deserialised: host work and transport end here);
 *   when the first row cell enters the webview's DOM; and the first animation frame after it,
 *   plus a task (`requestAnimationFrame` then `setTimeout(0)`: after that frame's paint).
 * No extension host timestamp is taken: QualFrame logs nothing at `info` level when the panel
 * opens, and the bench does not change the extension.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { VSCodeSession as Session } from '../test/e2e/harness';
import { chromiumPath, codeServerEntry, extensionBundle, repoRoot } from '../test/e2e/paths';
import { cachedCorpus, DEFAULT_CACHE_ROOT } from './generate-corpus';
import { MATRIX_CASES, matrixCorpusOptions } from './matrix-bench';
import { fmtMs, markdownTable, round2, spreadOf, verdict, type Spread } from './timing';

export const MATRIX_PAINT = {
  name: 'matrix-paint',
  description: 'the Framework Matrix panel in code-server on 1,000 cases × 8 themes: Enter on "QualFrame: Open Framework Matrix" to the first case row in the webview',
} as const;

export function isPaintMeasure(name: string): boolean {
  return name === MATRIX_PAINT.name;
}

/** The issue's goal for the panel's first paint on 1,000 cases: under a second. */
export const PAINT_GOAL_MS = 1000;

/** A case row's cell in the grid (webview/matrix/render-matrix.ts `dataRow`): the first one shown ends the clock. */
export const ROW_CELL = '[data-testid="row"] [data-testid="cell"]';

const COMMAND = 'QualFrame: Open Framework Matrix';
const CLOSE = 'View: Close Editor';
/** Pause after a panel is closed, so the next open does not pay for the last one's teardown. */
const SETTLE_MS = 1500;

/** The timed steps, in the order of the report; the goal applies to the first two. Parts 1–4 add up to the second. */
export const PAINT_STEPS = {
  endToEnd: 'end to end: Enter to a row cell visible (node, Playwright)',
  painted: 'browser: Enter to the first row painted',
  panelOpen: 'browser, part 1: Enter to panel open (webview element added)',
  message: 'browser, part 2: panel open to the message that drew the rows',
  script: 'browser, part 2a: panel open to the panel script loaded',
  ready: 'browser, part 2b: script loaded to the webview saying ready',
  answer: 'browser, part 2c: ready to the message that drew the rows',
  inDom: 'browser, part 3: that message to the first row in the DOM',
  paint: 'browser, part 4: first row in the DOM to painted',
} as const;

/** One open of the panel, in ms from Enter. The browser marks are missing when a frame's could not be read. */
export interface PaintOpen {
  readonly endToEndMs: number;
  readonly panelOpenMs?: number;
  /** The last message the webview received before the first row (the one that drew it). */
  readonly messageMs?: number;
  readonly inDomMs?: number;
  readonly paintedMs?: number;
  /** When the webview's frame document started (its init script ran), and its first message. */
  readonly frameCreatedMs?: number;
  readonly firstMessageMs?: number;
  /** The panel's script (matrix.js) fetched (resource timing), and the page saying `ready` (its User Timing mark). */
  readonly scriptMs?: number;
  readonly readyMs?: number;
  /** Messages the webview received before the first row. */
  readonly messages?: number;
}

export interface PaintStep {
  readonly step: string;
  readonly runs: number;
  readonly ms: Spread;
  /** The first open of the session (not among the runs). */
  readonly firstMs?: number;
  readonly goalMs?: number;
  readonly met?: boolean;
  readonly metAtMax?: boolean;
}

export interface PaintResult {
  readonly measure: string;
  /** Why nothing was measured (what to install), when so. */
  readonly skipped?: string;
  readonly corpus?: { readonly cases: number; readonly documents: number; readonly themes: number; readonly annotations: number; readonly summaries: number; readonly megabytes: number };
  /** Untimed set-up: code-server and the workbench started; then the corpus loaded (status bar). */
  readonly setup?: { readonly sessionMs: number; readonly corpusLoadedMs: number };
  readonly first?: PaintOpen;
  readonly opens?: PaintOpen[];
  readonly steps: PaintStep[];
}

export interface PaintRunOptions {
  /** Timed opens after the first. */
  readonly runs: number;
  readonly seed: string;
  readonly cacheDir?: string;
  /** Cases in the corpus (default 1,000; a smoke run takes fewer). */
  readonly cases?: number;
  readonly log: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------
// What must be installed and built.

/** What is missing to run the measure, with how to install it; undefined when nothing is. */
export function missingPrerequisites(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(codeServerEntry)) missing.push(`code-server (${path.relative(repoRoot, codeServerEntry)})`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}${process.env.QUALFRAME_CHROMIUM ? ', from QUALFRAME_CHROMIUM' : ''})`);
  if (!existsSync(path.join(repoRoot, 'node_modules', 'playwright-core'))) missing.push('playwright-core (npm install)');
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not installed. The paint measure drives a real VS Code, as the end-to-end tests do: install it with \`npm run setup:vscode\` (scripts/setup-vscode.mjs; it names any Debian packages to install as root), then run \`npm run bench -- --paint\` again.`;
}

const BUILD_INPUTS = ['src', 'webview'];
const BUILD_OUTPUTS = [extensionBundle, path.join(repoRoot, 'media', 'webview', 'matrix.js'), path.join(repoRoot, 'media', 'webview', 'matrix.css')];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the extension and the webviews (scripts/build.mjs) when a bundle is missing or older than its sources. */
function ensureBuilt(log: (line: string) => void): void {
  const sources = Math.max(...BUILD_INPUTS.map((d) => newestMtime(path.join(repoRoot, d))), statSync(path.join(repoRoot, 'scripts', 'build.mjs')).mtimeMs);
  const stale = BUILD_OUTPUTS.filter((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
  if (stale.length === 0) return;
  log(`matrix-paint: building (${stale.map((f) => path.relative(repoRoot, f)).join(', ')} missing or older than src/, webview/)`);
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`matrix-paint: the build failed (node scripts/build.mjs, exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// Marks taken in the browser (plain JavaScript: it runs in the page, not in node).

/** In the workbench: the Enter keydown and the panel's webview element added, once armed. */
const WORKBENCH_MARKS = `(() => {
  if (window.__qfPaint) return;
  const m = (window.__qfPaint = { armed: false });
  window.__qfPaintArm = () => { m.armed = true; delete m.enter; delete m.webview; };
  window.addEventListener('keydown', (e) => { if (m.armed && m.enter === undefined && e.key === 'Enter') m.enter = Date.now(); }, true);
  const isWebview = (n) => n.nodeType === 1 && (n.matches('iframe.webview') || n.querySelector('iframe.webview') !== null);
  new MutationObserver((records) => {
    if (!m.armed || m.enter === undefined || m.webview !== undefined) return;
    for (const r of records) for (const n of r.addedNodes) if (isWebview(n)) { m.webview = Date.now(); m.armed = false; return; }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

/**
 * In every frame created from now on (the webview's two): the last message event before the
 * first row (capture phase, so before the panel's own listener), when the first row cell is added
 * to the DOM, and the first animation frame after it plus a task (after that frame's paint).
 * VS Code writes the panel's HTML into its inner frame with document.open(), which drops
 * listeners, observers and animation frames registered before; so a timer re-attaches the
 * observer and the listener to each new root element (within 5 ms), and checks by itself too.
 */
const FRAME_MARKS = `(() => {
  if (window === window.top || window.__qfPaint) return;
  const m = (window.__qfPaint = { created: Date.now() });
  let root = null;
  let observer = null;
  const stop = () => { if (observer) observer.disconnect(); clearInterval(timer); };
  const check = (how) => {
    if (m.row !== undefined || document.querySelector(${JSON.stringify(ROW_CELL)}) === null) return;
    m.row = Date.now();
    m.seenBy = how;
    stop();
    requestAnimationFrame(() => { m.frame = Date.now(); setTimeout(() => { m.painted = Date.now(); }, 0); });
  };
  const onMessage = () => { if (m.row === undefined) { m.message = Date.now(); m.firstMessage ??= m.message; m.messages = (m.messages ?? 0) + 1; } };
  const timer = setInterval(() => {
    if (Date.now() - m.created > 300000) return stop();
    const r = document.documentElement;
    if (r !== null && r !== root) {
      root = r;
      window.addEventListener('message', onMessage, true);
      if (observer) observer.disconnect();
      observer = new MutationObserver(() => check('observer'));
      observer.observe(r, { childList: true, subtree: true });
    }
    check('poll');
  }, 5);
})()`;

/**
 * Reads a frame's marks, adding two the page keeps itself, as wall-clock times: when its
 * script (`matrix.js`) finished loading (resource timing) and when it said `ready` (the
 * `qualframe:ready` User Timing mark of webview/common/vscode-api.ts).
 */
const READ_FRAME_MARKS = `(() => {
  const m = { ...(globalThis.__qfPaint ?? {}) };
  const at = (t) => Math.round(performance.timeOrigin + t);
  const script = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/matrix.js'));
  if (script) m.script = at(script.responseEnd);
  const ready = performance.getEntriesByName('qualframe:ready')[0];
  if (ready) m.ready = at(ready.startTime);
  return m;
})()`;

interface WorkbenchMarks {
  enter?: number;
  webview?: number;
}
interface FrameMarks {
  created?: number;
  script?: number;
  ready?: number;
  seenBy?: string;
  message?: number;
  firstMessage?: number;
  messages?: number;
  row?: number;
  frame?: number;
  painted?: number;
}

// ---------------------------------------------------------------------------------------------
// The measure.

export async function runPaintMeasure(options: PaintRunOptions): Promise<PaintResult> {
  const missing = missingPrerequisites();
  if (missing !== undefined) {
    options.log(`matrix-paint: skipped: ${missing}`);
    return { measure: MATRIX_PAINT.name, skipped: missing, steps: [] };
  }
  ensureBuilt(options.log);
  const cases = options.cases ?? MATRIX_CASES;
  const t0 = performance.now();
  const { dir, manifest, cached } = cachedCorpus(matrixCorpusOptions(options.seed, cases), options.cacheDir ?? DEFAULT_CACHE_ROOT);
  options.log(`matrix-paint: corpus of ${manifest.cases} cases, ${manifest.documents} documents, ${(manifest.documentBytes / 1e6).toFixed(1)} MB (${cached ? 'cached' : `generated in ${fmtMs(performance.now() - t0)}`}: ${dir})`);

  // Loaded only now: playwright-core and the harness are not needed by the rest of the bench.
  const { VSCodeSession } = await import('../test/e2e/harness');
  const started = performance.now();
  const session = await VSCodeSession.start({ name: 'matrix-paint', workspace: dir });
  try {
    const sessionMs = performance.now() - started;
    const loading = performance.now();
    await waitForDocuments(session, manifest.documents);
    const corpusLoadedMs = performance.now() - loading;
    options.log(`matrix-paint: code-server and the workbench started in ${fmtMs(sessionMs)}, the corpus loaded ${fmtMs(corpusLoadedMs)} later (${session.workspaceDir})`);

    const page = session.page;
    await page.evaluate(WORKBENCH_MARKS);
    await page.addInitScript({ content: FRAME_MARKS });

    const opens: PaintOpen[] = [];
    for (let i = 0; i <= options.runs; i++) {
      const open = await openOnce(session);
      options.log(
        `matrix-paint: ${i === 0 ? 'first open' : `open ${i}/${options.runs}`}: end to end ${fmtMs(open.endToEndMs)}` +
          (open.paintedMs !== undefined
            ? `; in the browser, from Enter: panel open ${fmtMs(open.panelOpenMs ?? NaN)}, message ${fmtMs(open.messageMs ?? NaN)}, first row in the DOM ${fmtMs(open.inDomMs ?? NaN)}, painted ${fmtMs(open.paintedMs)}` +
              ` (frame document started ${fmtMs(open.frameCreatedMs ?? NaN)}, script loaded ${fmtMs(open.scriptMs ?? NaN)}, ready ${fmtMs(open.readyMs ?? NaN)}, first of ${open.messages ?? '?'} messages ${fmtMs(open.firstMessageMs ?? NaN)})`
            : '; browser marks not available'),
      );
      opens.push(open);
      await closePanel(session);
    }
    const [first, ...rest] = opens;
    return {
      measure: MATRIX_PAINT.name,
      corpus: { cases: manifest.cases, documents: manifest.documents, themes: manifest.options.themes, annotations: manifest.annotations, summaries: manifest.summaries, megabytes: round2(manifest.documentBytes / 1e6) },
      setup: { sessionMs: round2(sessionMs), corpusLoadedMs: round2(corpusLoadedMs) },
      first,
      opens: rest,
      steps: paintSteps(first, rest),
    };
  } catch (e) {
    await session.saveArtifacts('matrix-paint').catch(() => undefined);
    throw e;
  } finally {
    await session.close();
  }
}

/** Waits until the status bar shows the corpus's document count: the corpus has loaded. */
async function waitForDocuments(session: Session, documents: number): Promise<void> {
  const { eventually } = await import('../test/e2e/harness');
  await eventually(async () => {
    const { text } = await session.readStatusBarItem(/\d+ documents?/, 5_000);
    const shown = Number(/([\d,]+) documents?/.exec(text)?.[1].replace(/,/g, ''));
    if (shown !== documents) throw new Error(`the status bar shows "${text}", not ${documents} documents`);
  }, { timeout: 240_000, interval: 500 });
}

/** Opens the panel once from the palette: the clock runs from Enter to the first row cell visible. */
async function openOnce(session: Session): Promise<PaintOpen> {
  const page = session.page;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const label = new RegExp(`^\\s*${COMMAND.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  // The palette, its text typed and the command's row focused: not timed.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${COMMAND}`);
    try {
      await rows.filter({ has: page.locator('.label-name', { hasText: label }) }).first().waitFor({ timeout: 10_000 });
      const focused = ((await rows.and(page.locator('.focused')).locator('.label-name').first().textContent({ timeout: 2_000 })) ?? '').trim();
      if (focused !== COMMAND) throw new Error(`the palette's focused row is "${focused}", not "${COMMAND}"`);
      break;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= 3) throw e;
    }
  }
  await page.evaluate('window.__qfPaintArm()');
  const cell = session.webviewFrame().locator(ROW_CELL).first();
  const start = performance.now();
  await page.keyboard.press('Enter');
  await cell.waitFor({ state: 'visible', timeout: 120_000 });
  const endToEndMs = performance.now() - start;

  const top = (await page.evaluate('({ ...window.__qfPaint })')) as WorkbenchMarks;
  // The frame marks are read from the frame that shows the cell; the last one comes a task after its frame.
  let marks: FrameMarks = {};
  for (let i = 0; i < 20 && marks.painted === undefined; i++) {
    marks = ((await cell.evaluate(READ_FRAME_MARKS).catch(() => ({}))) ?? {}) as FrameMarks;
    if (marks.row === undefined) break; // no marks in this frame: the init script did not run there
    if (marks.painted === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  const since = (t: number | undefined) => (t !== undefined && top.enter !== undefined ? t - top.enter : undefined);
  return {
    endToEndMs,
    ...(since(top.webview) !== undefined ? { panelOpenMs: since(top.webview) } : {}),
    ...(since(marks.message) !== undefined ? { messageMs: since(marks.message) } : {}),
    ...(since(marks.row) !== undefined ? { inDomMs: since(marks.row) } : {}),
    ...(since(marks.painted) !== undefined ? { paintedMs: since(marks.painted) } : {}),
    ...(since(marks.created) !== undefined ? { frameCreatedMs: since(marks.created) } : {}),
    ...(since(marks.firstMessage) !== undefined ? { firstMessageMs: since(marks.firstMessage) } : {}),
    ...(marks.messages !== undefined ? { messages: marks.messages } : {}),
    ...(since(marks.script) !== undefined ? { scriptMs: since(marks.script) } : {}),
    ...(since(marks.ready) !== undefined ? { readyMs: since(marks.ready) } : {}),
  };
}

/** Closes the panel ("View: Close Editor") and waits for its tab and webview to go, then a pause. */
async function closePanel(session: Session): Promise<void> {
  const page = session.page;
  await session.runCommand(CLOSE);
  await page.locator('.tabs-container .tab .label-name', { hasText: /^\s*Framework Matrix\s*$/ }).waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

function paintSteps(first: PaintOpen, rest: readonly PaintOpen[]): PaintStep[] {
  const steps: PaintStep[] = [];
  const add = (label: string, pick: (o: PaintOpen) => number | undefined, goal: boolean) => {
    const values = rest.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === 0) return;
    const ms = spreadOf(values);
    const f = pick(first);
    steps.push({
      step: label,
      runs: values.length,
      ms,
      ...(f !== undefined ? { firstMs: round2(f) } : {}),
      ...(goal ? { goalMs: PAINT_GOAL_MS, met: ms.median < PAINT_GOAL_MS, metAtMax: ms.max < PAINT_GOAL_MS } : {}),
    });
  };
  const between = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? b - a : undefined);
  add(PAINT_STEPS.endToEnd, (o) => o.endToEndMs, true);
  add(PAINT_STEPS.painted, (o) => o.paintedMs, true);
  add(PAINT_STEPS.panelOpen, (o) => o.panelOpenMs, false);
  add(PAINT_STEPS.message, (o) => between(o.panelOpenMs, o.messageMs), false);
  add(PAINT_STEPS.script, (o) => between(o.panelOpenMs, o.scriptMs), false);
  add(PAINT_STEPS.ready, (o) => between(o.scriptMs, o.readyMs), false);
  add(PAINT_STEPS.answer, (o) => between(o.readyMs, o.messageMs), false);
  add(PAINT_STEPS.inDom, (o) => between(o.messageMs, o.inDomMs), false);
  add(PAINT_STEPS.paint, (o) => between(o.inDomMs, o.paintedMs), false);
  return steps;
}

// ---------------------------------------------------------------------------------------------
// The table.

/** The paint results as a Markdown table, a line per step (or one saying why nothing ran). */
export function formatPaintTable(results: readonly PaintResult[]): string {
  const header = ['measure', 'step', 'corpus', 'runs', 'first open', 'median (min)', 'max', 'goal', 'met'];
  const rows = results.flatMap((r) =>
    r.skipped !== undefined
      ? [[r.measure, 'skipped: see above (npm run setup:vscode)', '', '', '', '', '', `< ${PAINT_GOAL_MS} ms`, '']]
      : r.steps.map((s) => [
          r.measure,
          s.step,
          r.corpus ? `${r.corpus.cases.toLocaleString('en')} cases × ${r.corpus.themes} themes` : '',
          String(s.runs),
          s.firstMs !== undefined ? fmtMs(s.firstMs) : '',
          `${fmtMs(s.ms.median)} (${fmtMs(s.ms.min)})`,
          fmtMs(s.ms.max),
          s.goalMs !== undefined ? `< ${s.goalMs} ms` : '',
          verdict(s),
        ]),
  );
  return markdownTable(header, rows);
}
