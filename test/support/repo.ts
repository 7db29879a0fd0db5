import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './runner-env.js';

/** A throw-away git repository made from a fixture folder, to commit changes into. */
export class FixtureRepo {
  readonly dir: string;

  constructor(fixture: string) {
    this.dir = tempDir('repo');
    cpSync(fixture, this.dir, { recursive: true });
    this.git('init', '-q', '-b', 'main');
    this.commit('initial');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    }).trim();
  }

  write(path: string, text: string): this {
    writeFileSync(join(this.dir, path), text);
    return this;
  }

  /** Commits everything and returns the new commit's sha. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
}
