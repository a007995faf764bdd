// End-to-end harness: a real VS Code (code-server) with QualFrame loaded as a development
// extension, driven through Debian's Chromium by playwright-core, with helpers for what a person
// does (the command palette, Quick Open, typing, saving) and reads (status bar, tree views, the
// Problems panel, webviews, notifications). One session per test file: `useVSCode()`.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { CodeServer } from './code-server';
import { chromiumPath, extensionBundle, repoRoot, sampleWorkspace, testResults } from './paths';
import { eventually } from './poll';

export { eventually } from './poll';

export interface SessionOptions {
  /** Folder copied (fresh, per session) and opened as the workspace. Default: sample-workspace/. `null`: no folder. */
  workspace?: string | null;
  /** Loaded as a development extension (through the page URL). Default: the repository root. `null`: none. */
  extensionDevelopmentPath?: string | null;
  /** A compiled test module whose `run()` the extension host runs (VS Code's extension-test protocol). */
  extensionTestsPath?: string;
  /** .vsix files installed with `--install-extension` before the server starts. */
  installExtensions?: string[];
  /** Workspace trust on (default off). */
  workspaceTrust?: boolean;
  /** More user settings. */
  settings?: Record<string, unknown>;
  /** A name for the run folder and log lines. */
  name?: string;
}

export interface TreeRow {
  label: string;
  description: string;
  /** 1 for top-level rows. */
  level: number;
  /** undefined when the row cannot be expanded. */
  expanded: boolean | undefined;
}

export interface Problem {
  /** The file as the Problems panel shows it: its folder (relative to the workspace) and name, e.g. transcripts/2016/P1.md. */
  file: string;
  message: string;
  /** "QualFrame" for our diagnostics. */
  source: string;
  code: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info' | 'unknown';
}

export interface StatusBarEntry {
  text: string;
  /** Codicon names shown in it, e.g. ["book"] for `$(book)`. */
  codicons: string[];
  locator: Locator;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (s: string) => new RegExp(`^\\s*${escapeRegExp(s)}\\s*$`);
const keepRuns = process.env.QUALFRAME_E2E_KEEP === '1';

export class VSCodeSession {
  server: CodeServer | undefined;
  browser: Browser | undefined;
  page!: Page;
  /** The workspace folder (a fresh copy), or undefined when none is open. */
  readonly workspaceDir: string | undefined;
  /** The exit code the workbench reported through `codeAutomationExit` (extension tests). */
  automationExit: Promise<number>;
  /** Console lines of the extension host (from `codeAutomationLog`, extension tests only). */
  readonly hostConsole: string[] = [];
  /** Browser console lines (errors and warnings). */
  readonly browserConsole: string[] = [];
  private resolveExit!: (code: number) => void;

  private constructor(
    readonly runDir: string,
    readonly options: SessionOptions,
  ) {
    const source = options.workspace === undefined ? sampleWorkspace : options.workspace;
    this.workspaceDir = source === null ? undefined : join(runDir, basename(source));
    this.automationExit = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** Starts code-server and Chromium and loads the workbench; on failure cleans up and rethrows. */
  static async start(options: SessionOptions = {}): Promise<VSCodeSession> {
    const runDir = mkdtempSync(join(tmpdir(), `qualframe-e2e-${(options.name ?? 'run').replace(/[^\w.-]+/g, '-')}-`));
    const session = new VSCodeSession(runDir, options);
    try {
      await session.launch();
    } catch (e) {
      await session.saveArtifacts(`${options.name ?? 'session'} (startup)`).catch(() => undefined);
      await session.close();
      throw e;
    }
    return session;
  }

  private async launch(): Promise<void> {
    const { options } = this;
    if (this.workspaceDir) cpSync(options.workspace ?? sampleWorkspace, this.workspaceDir, { recursive: true });
    const devPath = options.extensionDevelopmentPath === undefined ? repoRoot : options.extensionDevelopmentPath;
    if (devPath === repoRoot && !existsSync(extensionBundle)) {
      throw new Error(`${extensionBundle} is missing: build first (node scripts/build.mjs)`);
    }
    const [server, browser] = await Promise.all([
      CodeServer.start({
        runDir: this.runDir,
        workspaceTrust: options.workspaceTrust,
        settings: options.settings,
        installExtensions: options.installExtensions,
      }),
      chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      }),
    ]);
    this.server = server;
    this.browser = browser;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(30_000);
    this.page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') this.browserConsole.push(`[${m.type()}] ${m.text()}`);
    });
    this.page.on('pageerror', (e) => this.browserConsole.push(`[pageerror] ${e.message}`));
    await this.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      this.hostConsole.push(`[${type}] ${(Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    await this.page.exposeFunction('codeAutomationExit', (code: number) => this.resolveExit(code));

    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload: [string, string][] = [];
    if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
    if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
    const query = [
      ...(this.workspaceDir ? [`folder=${encodeURIComponent(this.workspaceDir)}`] : []),
      ...(payload.length ? [`payload=${encodeURIComponent(JSON.stringify(payload))}`] : []),
    ];
    await this.page.goto(`${server.url}/?${query.join('&')}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    if (this.workspaceDir && !options.extensionTestsPath) {
      await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    }
  }

  // ---------------------------------------------------------------- doing

  /**
   * Waits for the save dialog (the simple file dialog: a quick input holding the proposed path),
   * puts `path` in it unless it is there already, and presses Enter; resolves to the path
   * proposed, once the file exists.
   */
  async acceptSaveDialog(path: string): Promise<string> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const proposed = await eventually(async () => {
      const value = await input.inputValue();
      if (!/\.(md|csv|html|xlsx|docx|qdpx)$/.test(value)) throw new Error(`the save dialog does not show a file path; it shows "${value}"`);
      return value;
    }, { timeout: 30_000 });
    if (proposed !== path) await input.fill(path);
    await this.page.keyboard.press('Enter');
    await eventually(() => assert.ok(existsSync(path), `${path} was written`), { timeout: 30_000 });
    return proposed;
  }

  /**
   * Answers an open dialog (the simple file dialog: a quick input holding a folder path) with
   * `path`, once the dialog has shown its starting folder: typed, then Enter.
   */
  async acceptOpenDialog(path: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    // The dialog fills in its starting folder (ending in a slash) after it opens; typing before that is lost.
    await eventually(async () => assert.match(await input.inputValue(), /\/$/), { timeout: 30_000 });
    await eventually(async () => {
      if ((await input.inputValue()) !== path) await input.fill(path);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await input.inputValue(), path);
    }, { timeout: 15_000 });
    await this.page.keyboard.press('Enter');
  }

  /**
   * Accepts quick picks as they are offered, in order, each found by (part of) its title: Enter,
   * which keeps what is ticked (in a multi-select) or the first item.
   */
  async acceptPicks(...titles: string[]): Promise<void> {
    const title = this.page.locator('.quick-input-widget .quick-input-title');
    for (const step of titles) {
      await title.filter({ hasText: step }).waitFor({ timeout: 15_000 });
      await this.page.keyboard.press('Enter');
      await title.filter({ hasText: step }).waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    }
  }

  /** Reloads the window ("Developer: Reload Window") and waits for the workbench to be back. */
  async reloadWindow(): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    if (this.workspaceDir) await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }


  /**
   * Runs a command as a person does: F1, its title (e.g. "QualFrame: Validate Corpus"), then its
   * row. With a regular expression, `typed` is what goes into the palette to filter the list.
   */
  async runCommand(title: string | RegExp, typed = typeof title === 'string' ? title : ''): Promise<void> {
    const label = typeof title === 'string' ? exactly(title) : title;
    // The palette lists what the workbench knew when it opened: right after start-up, before the
    // extension's contributions are read, it may show none. A person would open it again.
    for (let attempt = 1; ; attempt++) {
      const input = await this.openQuickInput('F1');
      await input.fill(`>${typed}`);
      const row = this.quickInputRows().filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
      try {
        await row.waitFor({ timeout: 10_000 });
      } catch {
        const shown = await this.quickInputRows().locator('.label-name').allTextContents();
        await this.page.keyboard.press('Escape');
        if (attempt < 3) continue;
        throw new Error(`command ${String(title)} is not in the command palette; it shows: ${JSON.stringify(shown)}`);
      }
      await row.click();
      // Done when the palette is gone, or already replaced by the command's own quick input
      // (the widget is reused, so it may never be hidden in between).
      const field = this.page.locator('.quick-input-widget input');
      await eventually(async () => {
        const widget = this.page.locator('.quick-input-widget');
        if (!(await widget.isVisible()) || !(await field.inputValue()).startsWith('>')) return;
        throw new Error(`the command palette is still open after choosing ${String(title)}`);
      }, { timeout: 30_000 });
      return;
    }
  }

  /** Types into the open quick pick (or Quick Open) and takes the first row that matches, with Enter. */
  async pickItem(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(label);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * The command palette's rows for `typed` (e.g. "QualFrame"), once `expected` (a title that must
   * be there) shows, so the list is complete; closes the palette again.
   */
  async commandPaletteEntries(typed: string, expected: string): Promise<string[]> {
    const input = await this.openQuickInput('F1');
    await input.fill(`>${typed}`);
    try {
      await this.quickInputRows().filter({ has: this.page.locator('.label-name', { hasText: exactly(expected) }) }).first().waitFor({ timeout: 15_000 });
      return (await this.quickInputRows().locator('.label-name').allTextContents()).map((t) => t.trim());
    } finally {
      await this.page.keyboard.press('Escape');
    }
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) by its relative path; waits for its editor. */
  async openFile(relativePath: string): Promise<void> {
    const name = basename(relativePath);
    const folder = dirname(relativePath);
    const input = await this.openQuickInput('Control+P');
    await input.fill(relativePath);
    let row = this.quickInputRows().filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) });
    if (folder !== '.') row = row.filter({ has: this.page.locator('.label-description', { hasText: folder }) });
    try {
      await row.first().waitFor({ timeout: 20_000 });
    } catch {
      const shown = await this.quickInputRows().allTextContents();
      await this.page.keyboard.press('Escape');
      throw new Error(`Quick Open does not find ${relativePath}; it shows: ${JSON.stringify(shown)}`);
    }
    await row.first().click();
    await this.activeTab(name).waitFor();
    await this.editor().locator('.view-lines').waitFor();
  }

  /** Selects the first occurrence of `text` after the cursor in the active editor (Find, then Escape). */
  async selectText(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+F');
    const findInput = this.editor().locator('.find-widget .monaco-findInput textarea, .find-widget .monaco-findInput input').first();
    await findInput.waitFor();
    await findInput.fill(text);
    const count = this.editor().locator('.find-widget .matchesCount');
    await eventually(async () => {
      const shown = (await count.textContent()) ?? '';
      if (!/^\d+ of \d+$/.test(shown.trim())) throw new Error(`"${text}" is not in the editor (Find shows "${shown}")`);
    }, { timeout: 10_000 });
    // Escape closes Find and leaves the match selected; a notification toast showing takes the
    // first Escape, so press until Find is gone.
    const find = this.editor().locator('.find-widget.visible');
    await eventually(async () => {
      await this.page.keyboard.press('Escape');
      await find.waitFor({ state: 'hidden', timeout: 1_000 });
    }, { timeout: 10_000, interval: 0 });
  }

  /** Moves the cursor to a line (Ctrl+G) and selects it (Home, Shift+End). */
  async selectLine(line: number): Promise<void> {
    await this.focusEditor();
    const input = await this.openQuickInput('Control+G');
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Shift+End');
  }

  /** Types into whatever has focus (the editor, after openFile/selectText), replacing a selection. */
  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Saves the active editor (Ctrl+S) and waits until it is no longer dirty. */
  /**
   * Saves the active editor as a person does: once its tab shows the unsaved-changes dot (an
   * edit made by a command lands a moment after the command returns), Ctrl+S, then waits for
   * the dot to go.
   */
  async save(): Promise<void> {
    const dirty = this.page.locator('.tabs-container .tab.active.dirty');
    await dirty.waitFor({ state: 'attached', timeout: 15_000 }).catch(() => {
      throw new Error('save(): the active editor has no unsaved changes to save');
    });
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** The text of the active editor as shown (for checks; long files are only partly rendered). */
  async editorLines(): Promise<string[]> {
    return (await this.editor().locator('.view-line').allTextContents()).map((l) => l.replace(/\u00a0/g, ' '));
  }

  // ---------------------------------------------------------------- reading

  /**
   * A status bar item: by its id (the full DOM id, or the id the extension gave it) or by a
   * regular expression over its text.
   */
  statusBarItem(idOrText: string | RegExp): Locator {
    const items = this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item');
    if (typeof idOrText === 'string') return items.and(this.page.locator(`[id="${idOrText}"], [id$=".${idOrText}"]`)).first();
    return items.filter({ has: this.page.locator('.statusbar-item-label', { hasText: idOrText }) }).first();
  }

  /** Waits for a status bar item and reads its text and codicons. */
  async readStatusBarItem(idOrText: string | RegExp, timeout = 30_000): Promise<StatusBarEntry> {
    const locator = this.statusBarItem(idOrText);
    await locator.waitFor({ timeout });
    const label = locator.locator('.statusbar-item-label');
    const text = ((await label.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const classes = await Promise.all((await label.locator('.codicon').all()).map(async (c) => (await c.getAttribute('class')) ?? ''));
    const codicons = classes.flatMap((c) => c.split(/\s+/)).filter((c) => c.startsWith('codicon-')).map((c) => c.slice('codicon-'.length));
    return { text, codicons, locator };
  }

  /** The texts of all status bar items, for failure messages. */
  async statusBarTexts(): Promise<string[]> {
    const texts = await this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item .statusbar-item-label').allTextContents();
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  }

  /** A view (e.g. "Cases") in whichever sidebar container shows it. */
  treeView(viewTitle: string): TreeView {
    return new TreeView(this, viewTitle);
  }

  /** Opens an activity bar container (e.g. "QualFrame") by clicking its icon, unless it is showing. */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator('.activitybar .action-item').filter({ has: this.page.locator(`a[aria-label^="${title}"]`) }).first();
    await item.waitFor();
    if (!(await item.getAttribute('class'))?.split(/\s+/).includes('checked')) await item.locator('a').click();
    await this.page.locator('.sidebar .composite.title h2', { hasText: new RegExp(`^${escapeRegExp(title)}$`, 'i') }).waitFor();
  }

  /** Opens the Problems panel (unless showing) and reads its rows: one per problem. */
  async problems(): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
    }
    const rows = panel.locator('.monaco-list-row');
    const out: Problem[] = [];
    let file = '';
    for (const row of await rows.all()) {
      if ((await row.locator('.marker-message-details, .marker-message-line').count()) === 0) {
        // a file row
        const name = ((await row.locator('.label-name').first().textContent().catch(() => '')) ?? '').trim();
        const folder = ((await row.locator('.label-description').first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
        file = folder ? `${folder}/${name}` : name;
        continue;
      }
      const text = async (selector: string) => ((await row.locator(selector).first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
      const message = await text('.marker-message-line .marker-message, .marker-message');
      const source = await text('.marker-source');
      const code = await text('.marker-code');
      const position = await text('.marker-line');
      const at = /Ln\s*(\d+),\s*Col\s*(\d+)/.exec(position);
      const icon = (await row.locator('.marker-icon').first().getAttribute('class').catch(() => '')) ?? '';
      const severity = /error/.test(icon) ? 'error' : /warning/.test(icon) ? 'warning' : /info/.test(icon) ? 'info' : 'unknown';
      // A row that vanished while it was read (the panel re-renders as problems change) reads empty.
      if (message === '') continue;
      out.push({ file, message, source, code, line: at ? Number(at[1]) : 0, column: at ? Number(at[2]) : 0, severity });
    }
    return out;
  }

  /** The HTML of the (last opened) webview, two iframes deep. */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  }

  /** The messages of the notifications showing (toasts, and the notification centre when open). */
  async notifications(): Promise<string[]> {
    const messages = await this.page
      .locator('.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message')
      .allTextContents();
    return [...new Set(messages.map((m) => m.replace(/\s+/g, ' ').trim()))];
  }

  /** Waits for a notification whose message matches; returns its text. */
  async waitForNotification(match: RegExp, timeout = 30_000): Promise<string> {
    const find = async () => {
      const found = (await this.notifications()).find((m) => match.test(m));
      if (!found) throw new Error(`no notification matching ${match}; showing: ${JSON.stringify(await this.notifications())}`);
      return found;
    };
    try {
      return await eventually(find, { timeout: Math.min(timeout, 8_000) });
    } catch {
      // A toast can be left unshown (several at once, or one raised as a dialog closed) while the
      // bell holds it: look in the notification centre, as a person would.
      await this.runCommand('Notifications: Show Notifications');
      try {
        return await eventually(find, { timeout });
      } finally {
        await this.runCommand('Notifications: Hide Notifications').catch(() => undefined);
      }
    }
  }

  /** The editor tab with this title, when it is the active one. */
  activeTab(title: string): Locator {
    return this.page.locator('.tabs-container .tab.active').filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) });
  }

  /** Titles of the open editor tabs. */
  async tabTitles(): Promise<string[]> {
    return (await this.page.locator('.tabs-container .tab .label-name').allTextContents()).map((t) => t.trim());
  }

  /** The extension host log (exthost*.log under the run's user-data logs), '' when none yet. */
  extensionHostLog(): string {
    return this.logFiles()
      .filter((f) => /exthost\d*[/\\](remote)?exthost\.log$/i.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  }

  // ---------------------------------------------------------------- internals

  editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  async focusEditor(): Promise<void> {
    const editor = this.editor();
    await editor.waitFor();
    const focused = async () => ((await editor.getAttribute('class')) ?? '').split(/\s+/).includes('focused');
    if (await focused()) return;
    await this.page.keyboard.press('Escape');
    // Ctrl+1 (focus the first editor group) keeps the cursor where it was, as Ctrl+Z needs.
    await this.page.keyboard.press('Control+1');
    try {
      await eventually(async () => assert.ok(await focused()), { timeout: 2_000, interval: 100 });
    } catch {
      await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
      // The click moved the cursor; a person would not mind, callers select afterwards.
    }
  }

  private quickInputRows(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  }

  private async openQuickInput(key: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ timeout: 5_000 });
        return input;
      } catch (e) {
        // Keys go nowhere before the workbench has focus: click a neutral place and retry.
        if (attempt >= 2) throw e;
        await this.page.locator('#workbench\\.parts\\.statusbar').click({ position: { x: 700, y: 5 } }).catch(() => undefined);
      }
    }
  }

  private logFiles(): string[] {
    const logs = join(this.runDir, 'user-data', 'logs');
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else out.push(path);
      }
    };
    walk(logs);
    return out;
  }

  /**
   * Saves what explains a failure to test-results/<name>/: a screenshot, the extension host log
   * (and every other log of the run), code-server's output and both consoles.
   */
  async saveArtifacts(name: string): Promise<string> {
    const dir = join(testResults, name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 150));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    if (this.page && !this.page.isClosed()) {
      await this.page.screenshot({ path: join(dir, 'screenshot.png'), timeout: 10_000 }).catch(() => undefined);
    }
    const logsRoot = join(this.runDir, 'user-data', 'logs');
    for (const file of this.logFiles()) {
      const target = join(dir, 'logs', relative(logsRoot, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
    const exthost = this.extensionHostLog();
    if (exthost) writeFileSync(join(dir, 'exthost.log'), exthost);
    if (this.server && existsSync(this.server.logFile)) cpSync(this.server.logFile, join(dir, 'code-server.log'));
    if (this.hostConsole.length) writeFileSync(join(dir, 'host-console.log'), this.hostConsole.join('\n') + '\n');
    if (this.browserConsole.length) writeFileSync(join(dir, 'browser-console.log'), this.browserConsole.join('\n') + '\n');
    console.log(`      artifacts: ${relative(repoRoot, dir)}/`);
    return dir;
  }

  /** Closes the browser, stops code-server and removes the run folder (QUALFRAME_E2E_KEEP=1 keeps it). */
  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = undefined;
    await this.server?.stop();
    this.server = undefined;
    if (keepRuns) console.log(`      run folder kept: ${this.runDir}`);
    else rmSync(this.runDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

export class TreeView {
  constructor(
    private readonly session: VSCodeSession,
    readonly title: string,
  ) {}

  /** The view's pane in the sidebar. */
  pane(): Locator {
    const page = this.session.page;
    return page
      .locator('.sidebar .pane')
      .filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^\\s*${escapeRegExp(this.title)}\\s*$`, 'i') }) })
      .first();
  }

  /** Makes the view visible (its "Focus on ... View" command) and expanded. */
  async show(): Promise<void> {
    const pane = this.pane();
    if (!(await pane.isVisible())) {
      await this.session.runCommand(new RegExp(`: Focus on ${escapeRegExp(this.title)} View$`), `Focus on ${this.title} View`);
      await pane.waitFor();
    }
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  }

  private rowLocator(): Locator {
    return this.pane().locator('.pane-body .monaco-list-row');
  }

  /** The rows showing now (label and description), top to bottom. */
  async rows(): Promise<TreeRow[]> {
    await this.show();
    const rows: TreeRow[] = [];
    for (const row of await this.rowLocator().all()) {
      const label = ((await row.locator('.label-name').first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
      const descriptions = await row.locator('.label-description').allTextContents();
      const expanded = await row.getAttribute('aria-expanded');
      rows.push({
        label,
        description: (descriptions[0] ?? '').trim(),
        level: Number((await row.getAttribute('aria-level')) ?? 1),
        expanded: expanded === null ? undefined : expanded === 'true',
      });
    }
    return rows;
  }

  /** Waits until the view shows rows (the provider answers a moment after activation). */
  async waitForRows(timeout = 30_000): Promise<TreeRow[]> {
    return eventually(async () => {
      const rows = await this.rows();
      if (rows.length === 0 || rows.every((r) => !r.label)) throw new Error(`the ${this.title} view shows no rows`);
      return rows;
    }, { timeout });
  }

  /** The row with this label. */
  row(label: string): Locator {
    return this.rowLocator().filter({ has: this.session.page.locator('.label-name', { hasText: exactly(label) }) }).first();
  }

  /** Expands the row with this label (clicking its twistie) and waits for its children. */
  async expand(label: string): Promise<void> {
    await this.show();
    const row = this.row(label);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await eventually(async () => {
      if ((await row.getAttribute('aria-expanded')) !== 'true') throw new Error(`${this.title}: "${label}" did not expand`);
    }, { timeout: 15_000 });
  }
}

/**
 * Mocha hooks for one session per `describe`: started before its tests, failure artifacts after
 * each failed test (test-results/<test name>/), closed after the tests, also on failure.
 */
export function useVSCode(options: SessionOptions = {}): () => VSCodeSession {
  let session: VSCodeSession | undefined;
  before(async function () {
    this.timeout(240_000);
    session = await VSCodeSession.start({ name: this.test?.parent?.title, ...options });
  });
  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') await session.saveArtifacts(this.currentTest.fullTitle());
  });
  after(async function () {
    this.timeout(60_000);
    await session?.close();
    session = undefined;
  });
  return () => {
    if (!session) throw new Error('the VS Code session did not start (see the "before all" hook)');
    return session;
  };
}
