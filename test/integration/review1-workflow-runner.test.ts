import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { FixtureRepo } from '../support/repo.js';
import { tempDir } from '../support/runner-env.js';
import { shipkit } from '../support/workflow.js';

// Review (branch review1): `shipkit workflow` compared with what GitHub's runner does, on small
// fixture workflows of run: steps and a repository's own JavaScript action. No Docker, no network.
// Every test here was RED when written (review of main at e5f3a67); each says the correct behaviour
// and where GitHub documents it.

const SECRET = 'hunter2-s3cr3t-Value';

/** A throw-away git repository holding the given files (paths relative to its root). */
function repoWith(files: Record<string, string>): string {
  const dir = tempDir('review1-wf');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return new FixtureRepo(dir).dir;
}

function run(repo: string, workflow: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return shipkit(['workflow', workflow, repo, '--event', 'push', '--secret', 'MYTOKEN', '--verbose', ...extra], { MYTOKEN: SECRET, ...env });
}

describe('review1: secrets in the local run', () => {
  // Correct: the runner masks every value it reports. GitHub's runner fails the step with
  // "Unable to process file command 'output' successfully" / "Invalid format '***'": the line is masked.
  test('a secret written to GITHUB_OUTPUT without a name is not printed in clear by the file-command error', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    env:
      T: \${{ secrets.MYTOKEN }}
    steps:
      - run: echo "$T" >> "$GITHUB_OUTPUT"
`,
    });
    const { out } = await run(repo, 'w.yml');
    expect(out).toContain('neither name=value nor name<<DELIMITER');
    expect(out).not.toContain(SECRET);
  });

  // Correct: a step's name (written with name:, or GitHub's default "Run <first line of the script>",
  // which is built from the evaluated script) is shown with secrets masked, as on github.com.
  test('step names built from a secret are masked (name: and the default "Run ..." name)', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "login with \${{ secrets.MYTOKEN }}" > /dev/null
      - name: deploy with \${{ secrets.MYTOKEN }}
        run: "true"
`,
    });
    const { out, code } = await run(repo, 'w.yml');
    expect(code).toBe(0);
    expect(out).not.toContain(SECRET);
  });

  // Correct: GitHub's runner also masks the common encodings of every secret it knows (base64 with
  // the shifts for `user:pass` prefixes, URL-encoding, JSON-escaping; actions/runner HostContext
  // registers these value encoders; docs "Using secrets": "exact matches ... as well as common
  // encodings of the values, such as Base64"), and masks the whole of a secret that another secret
  // is a prefix of (it merges overlapping matches).
  test('a secret printed base64-, URL- or JSON-encoded, or one that contains another secret, is masked', async () => {
    const quoted = 'p@ss/w"rd+Z9'; // 12 characters: base64 without padding
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    env:
      Q: \${{ secrets.QUOTED }}
      LONG: \${{ secrets.LONGER }}
    steps:
      - run: |
          echo "b64=$(printf '%s' "$Q" | base64 -w0)"
          echo "basic=$(printf 'user:%s' "$Q" | base64 -w0)"
          echo "url=$(node -e 'process.stdout.write(encodeURIComponent(process.env.Q))')"
          echo "json=$(node -e 'process.stdout.write(JSON.stringify(process.env.Q))')"
          echo "long=$LONG"
`,
    });
    const { out } = await run(repo, 'w.yml', ['--secret', 'QUOTED', '--secret', 'LONGER'], { QUOTED: quoted, LONGER: `${quoted}-tail-of-the-longer-one` });
    expect(out).toMatch(/b64=/);
    expect(out).not.toContain(Buffer.from(quoted).toString('base64').replace(/=+$/, ''));
    expect(out).not.toContain(encodeURIComponent(quoted));
    expect(out).not.toContain(JSON.stringify(quoted).slice(1, -1));
    expect(out).not.toContain('tail-of-the-longer-one');
  });

  // Correct (docs, workflow syntax, jobs.<job_id>.outputs): "Outputs containing secrets are redacted
  // on the runner and not sent to GitHub Actions": the runner warns "Skip output '<name>' since it
  // may contain secret" and the jobs that need it read ''.
  test('a job output holding a secret does not reach the jobs that need it', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      leaked: \${{ steps.o.outputs.v }}
    steps:
      - id: o
        run: echo "v=prefix-\${{ secrets.MYTOKEN }}" >> "$GITHUB_OUTPUT"
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      # Named, so the step's default name (its first line) does not itself hold the words asserted below.
      - name: report the output
        run: |
          if [ -z "\${{ needs.a.outputs.leaked }}" ]; then echo "b: output is EMPTY"; else echo "b: output is SET"; fi
`,
    });
    const { out } = await run(repo, 'w.yml');
    expect(out).toContain('b: output is EMPTY');
    expect(out).not.toContain('b: output is SET');
    expect(out).toContain("warning: Skip output 'leaked' since it may contain secret.");
  });

  // Correct: nothing a run wrote stays on disk after it. Today every action without a post step
  // (setup-tools, notify, a repository's own action) leaves its shipkit-run-* folder in TMPDIR with
  // its GITHUB_OUTPUT/GITHUB_ENV/GITHUB_STATE files (this machine's /tmp held 291 of them).
  test('no shipkit-run-* folder (and no secret) is left in TMPDIR after a run', async () => {
    const repo = repoWith({
      'actions/echoer/action.yml': `name: echoer
inputs:
  value: {description: a value}
outputs:
  out: {description: the value}
runs:
  using: node20
  main: main.mjs
`,
      'actions/echoer/main.mjs': "import { appendFileSync } from 'node:fs';\nappendFileSync(process.env.GITHUB_OUTPUT, `out=${process.env.INPUT_VALUE}\\n`);\n",
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/echoer
        with:
          value: \${{ secrets.MYTOKEN }}
`,
    });
    const tmp = tempDir('review1-tmp');
    const { code } = await run(repo, 'w.yml', [], { TMPDIR: tmp });
    expect(code).toBe(0);
    const left: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else left.push(`${path}${readFileSync(path, 'utf8').includes(SECRET) ? ' (holds the secret)' : ''}`);
      }
    };
    walk(tmp);
    expect(left).toEqual([]);
  });
});

describe("review1: the local run against GitHub's semantics", () => {
  // Correct (actions/runner#2205; docs "Using jobs": "If a job fails or is skipped, all jobs that
  // need it are skipped"): a job's default success() looks at its whole chain of needs, so `third`
  // is skipped when `first` failed even though `second` (if: always()) succeeded. The local runner
  // already treats failure() as the whole chain; success() only looks at the direct needs.
  test('a job whose ancestor failed or was skipped is skipped, even when its direct need succeeded', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  first:
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
  second:
    needs: first
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo second ran
  third:
    needs: second
    runs-on: ubuntu-latest
    steps:
      - run: echo THIRD-RAN
  zero:
    if: false
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  one:
    needs: zero
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo one ran
  two:
    needs: one
    runs-on: ubuntu-latest
    steps:
      - run: echo TWO-RAN
`,
    });
    const { out } = await run(repo, 'w.yml');
    expect(out).toContain('second ran');
    expect(out).toContain('one ran');
    expect(out).not.toContain('THIRD-RAN');
    expect(out).not.toContain('TWO-RAN');
    expect(out).toMatch(/^- third skipped/m);
    expect(out).toMatch(/^- two skipped/m);
  });

  // Correct (actions/upload-artifact README): the hierarchy under the least common ancestor of the
  // search paths is kept (two report.txt files in two folders stay two files), and a `!pattern`
  // line excludes what it matches. Today every matched file is flattened to its base name (one
  // report.txt silently overwrites the other) and `!` lines are ignored (the excluded key is kept).
  test('upload-artifact keeps the folder structure and honours ! exclusions', async () => {
    const repo = repoWith({
      'a/report.txt': 'one\n',
      'b/report.txt': 'two\n',
      'keys/app.txt': 'app\n',
      'keys/deploy.key': 'private\n',
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/upload-artifact@v4
        with:
          name: reports
          path: '*/report.txt'
      - uses: actions/upload-artifact@v4
        with:
          name: keys
          path: |
            keys/
            !keys/*.key
      - uses: actions/download-artifact@v4
        with:
          path: dl
      - run: find dl -type f | sort | sed 's/^/found=/'
`,
    });
    const { out } = await run(repo, 'w.yml');
    expect(out).toContain('found=dl/reports/a/report.txt');
    expect(out).toContain('found=dl/reports/b/report.txt');
    expect(out).toContain('found=dl/keys/app.txt');
    expect(out).not.toContain('deploy.key');
  });

  // Correct (actions/runner ActionCommand.TryParseV2 trims leading white space; the legacy
  // `##[command]data` form (TryParse) is found anywhere in a line; ProcessInvoker reads output with
  // StreamReader.ReadLine, for which a lone \r ends a line): these three lines are workflow commands
  // on GitHub. The local runner reads none of them as a command, so a local run (and every test that
  // asserts "no annotation, no mask" through it) says text is harmless that GitHub would obey.
  test('workflow commands are recognised as GitHub recognises them: indented, legacy ##[..], after a lone CR', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          printf '   ::warning::indented-cmd\\n'
          printf 'tool says ##[warning]legacy-cmd\\n'
          printf 'progress 10%%\\r::warning::after-cr\\n'
`,
    });
    const { out } = await run(repo, 'w.yml');
    expect(out).toContain('Warning: indented-cmd');
    expect(out).toContain('Warning: legacy-cmd');
    expect(out).toContain('Warning: after-cr');
  });

  // Correct: a workflow that is not valid YAML is the user's mistake: one message naming the file,
  // the line and YAML's complaint (as GitHub's parser reports it), not "shipkit internal error, please
  // report it with this trace" and a stack (found when a fixture here had `run: ... sed 's/^/x: /'`).
  test('a workflow file with a YAML syntax error gets a clear message, not an internal error with a trace', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo one: two
`,
    });
    const { out, code } = await run(repo, 'w.yml');
    expect(code).not.toBe(0);
    expect(out).toContain('w.yml');
    expect(out).not.toContain('internal error');
    expect(out).not.toMatch(/^\s+at /m);
  });

  // Correct (actions/runner: "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command";
  // docs "Variables": the default GITHUB_* and RUNNER_* variables cannot be overwritten): a step
  // cannot set NODE_OPTIONS for the next steps (it would run code inside the kit's actions, which
  // hold the registry password and the tokens), nor point GITHUB_API_URL (where the kit's actions
  // send the GitHub token), GITHUB_SHA or RUNNER_OS elsewhere.
  test('GITHUB_ENV cannot set NODE_OPTIONS nor overwrite the GITHUB_* and RUNNER_* defaults', async () => {
    const repo = repoWith({
      '.github/workflows/w.yml': `name: w
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "NODE_OPTIONS=--require=/tmp/review1-not-there.cjs" >> "$GITHUB_ENV"
          echo "GITHUB_API_URL=https://attacker.invalid/api" >> "$GITHUB_ENV"
          echo "GITHUB_SHA=forged" >> "$GITHUB_ENV"
          echo "RUNNER_OS=Forged" >> "$GITHUB_ENV"
      - run: echo "seen node_options=[$NODE_OPTIONS] api=[$GITHUB_API_URL] sha=[$GITHUB_SHA] os=[$RUNNER_OS]"
`,
    });
    const { out } = await run(repo, 'w.yml');
    expect(out).toContain('seen node_options=[]');
    expect(out).not.toContain('api=[https://attacker.invalid/api]');
    expect(out).not.toContain('sha=[forged]');
    expect(out).toContain('os=[Linux]');
  });
});
