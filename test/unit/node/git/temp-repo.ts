// A scratch git repository for tests: made in a temporary folder, with its own user name and
// e-mail set in the repository's config (the user's global config is never written).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempRepo {
  /** The repository's top folder (its real path). */
  readonly dir: string;
  /** Runs `git ...args` in the repository; returns standard output, trimmed. */
  git(...args: string[]): string;
  /** Writes a file (folders made as needed); `content` as text or bytes. */
  write(relative: string, content: string | Uint8Array): void;
  remove(relative: string): void;
  /** Stages everything and commits; returns the new commit's hash. */
  commit(message: string): string;
  dispose(): void;
}

export function makeTempRepo(): TempRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-git-')));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'QualFrame Test');
  git('config', 'user.email', 'test@qualframe.invalid');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
  git('config', 'core.autocrlf', 'false');
  return {
    dir,
    git,
    write(relative, content) {
      const file = path.join(dir, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    },
    remove(relative) {
      fs.rmSync(path.join(dir, relative), { recursive: true, force: true });
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
