// One code-server process with throwaway state: its own user data, extensions and XDG folders
// inside a run folder, seeded settings, on a free 127.0.0.1 port. See ../../../shared/notes/e2e.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry } from './paths';

export interface CodeServerOptions {
  /** The run folder: everything code-server writes goes below it. */
  runDir: string;
  /** Workspace trust on (Restricted Mode possible). Default off, as a trusted single user. */
  workspaceTrust?: boolean;
  /** More user settings, over the seeded ones. */
  settings?: Record<string, unknown>;
  /** .vsix files installed into the run's extensions folder before the server starts. */
  installExtensions?: string[];
  /** A fixed port; default a free one. */
  port?: number;
}

/** Settings a fresh profile gets: quiet (no welcome, tips, updates, telemetry) and predictable typing. */
export const seededSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  // Folding runs once the corpus has loaded, which can land between a test's Find and its
  // typing (faster than any person). The test of folding turns it back on.
  'qualframe.foldFrontMatter': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
  'chat.commandCenter.enabled': false,
  'files.autoSave': 'off',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.inlineSuggest.enabled': false,
  'editor.formatOnType': false,
  'editor.formatOnSave': false,
  'editor.minimap.enabled': false,
};

/** A free TCP port on 127.0.0.1, preferring `preferred` (and the ones after it) when given. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const got = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolve(got));
      });
    });
  if (preferred !== undefined) {
    for (let p = preferred; p < preferred + 100; p++) {
      const got = await tryPort(p);
      if (got) return got;
    }
  }
  const got = await tryPort(0);
  if (!got) throw new Error('no free port on 127.0.0.1');
  return got;
}

export class CodeServer {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  private process: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private readonly onExit = () => this.kill('SIGKILL');

  private constructor(
    readonly runDir: string,
    readonly port: number,
  ) {
    this.userDataDir = join(runDir, 'user-data');
    this.extensionsDir = join(runDir, 'extensions');
    this.logFile = join(runDir, 'code-server.log');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The environment code-server runs in: no marketplace, XDG folders inside the run folder. */
  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
      XDG_CONFIG_HOME: join(this.runDir, 'xdg', 'config'),
      XDG_DATA_HOME: join(this.runDir, 'xdg', 'data'),
      XDG_CACHE_HOME: join(this.runDir, 'xdg', 'cache'),
      // The host inherits this environment; keep the project's test variables out of it.
      QUALFRAME_TEST_COUNTS: undefined,
    };
  }

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    if (!existsSync(codeServerEntry)) {
      throw new Error(`code-server is not installed (${codeServerEntry}); run \`npm run setup:vscode\` first`);
    }
    const server = new CodeServer(options.runDir, options.port ?? (await freePort()));
    mkdirSync(join(server.userDataDir, 'User'), { recursive: true });
    mkdirSync(server.extensionsDir, { recursive: true });
    const settings = { ...seededSettings, 'security.workspace.trust.enabled': options.workspaceTrust ?? false, ...options.settings };
    writeFileSync(join(server.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    for (const vsix of options.installExtensions ?? []) server.installExtension(vsix);
    server.launch(options.workspaceTrust ?? false);
    try {
      await server.waitForHealth();
    } catch (e) {
      await server.stop();
      throw e;
    }
    return server;
  }

  private baseArgs(): string[] {
    return ['--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  /** `code-server --install-extension x.vsix` into this run's extensions folder. */
  installExtension(vsix: string): void {
    const r = spawnSync(process.execPath, [codeServerEntry, ...this.baseArgs(), '--install-extension', vsix], {
      env: this.env(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    writeFileSync(join(this.runDir, 'install-extension.log'), `${r.stdout ?? ''}${r.stderr ?? ''}`);
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }

  private launch(workspaceTrust: boolean): void {
    const args = [
      codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      ...this.baseArgs(),
    ];
    const log = createWriteStream(this.logFile);
    // Its own process group, so stop() ends the extension host and watchers with it.
    const child = spawn(process.execPath, args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.process = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    process.once('exit', this.onExit);
  }

  private async waitForHealth(timeout = 60_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let exited = false;
    void this.exited?.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new Error(`code-server exited before it was ready; see ${this.logFile}`);
      try {
        const r = await fetch(`${this.url}/healthz`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`code-server did not answer ${this.url}/healthz within ${timeout / 1000} s; see ${this.logFile}`);
  }

  private kill(signal: NodeJS.Signals): void {
    const pid = this.process?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  /** Ends code-server and everything it started (extension host, watchers). */
  async stop(): Promise<void> {
    if (!this.process) return;
    this.kill('SIGTERM');
    const done = await Promise.race([this.exited?.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))]);
    // Children of the group may outlive the leader for a moment.
    this.kill('SIGKILL');
    if (!done) await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    process.removeListener('exit', this.onExit);
    this.process = undefined;
  }
}
