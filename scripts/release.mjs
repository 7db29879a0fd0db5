// Release references of the reusable workflows.
//
// Inside a reusable workflow, `uses: ./actions/x` resolves against the caller's checkout, so
// shipkit's workflows name its actions `shipkit/shipkit/actions/x@<ref>`. On main that ref is `main`.
// GitHub's "require actions pinned to a full-length commit SHA" policy also covers the actions a
// called reusable workflow uses, so a release pins every one of them to a full commit SHA.
//
// A commit cannot name itself: the SHA must be a commit that already holds the built actions, and
// the commit that writes that SHA into the workflows necessarily comes after it. So a release is
// two commits, and the tag goes on the second:
//
//   1. main at commit A holds the release's sources and its built dist/ (CI green on A).
//   2. node scripts/release.mjs v1.2.3        pins every kit action ref to A (HEAD by default;
//                                             --sha A to name it), `@<A> # v1.2.3`, after checking
//                                             that actions/ in the working tree is exactly A's.
//   3. commit that as B ("release v1.2.3"), on a detached HEAD or a release branch, not on main
//      (main keeps `@main`, so its workflows keep using main's actions); tag B v1.2.3, move v1 to B.
//   4. CI on the tag runs node scripts/release.mjs --check v1.2.3: every ref is a full SHA marked
//      v1.2.3, that commit is an ancestor of the tag, and actions/ did not change between the two,
//      so what the tag's workflows run is what the tag ships.
//
// Callers then use `shipkit/shipkit/.github/workflows/checks.yml@v1.2.3` (reusable workflows may be
// named by tag under that policy; only actions must be pinned), or the tag's SHA.
//
// GitHub also has a self-repository form, `uses: $/actions/x` (the action at the running commit),
// which the policy accepts; shipkit does not use it: GitHub Enterprise Server lacks it, runners
// before 2.336.0 reject it, and actionlint (the workflow validator) refuses it.
//
//   node scripts/release.mjs v1.2.3 [--sha SHA]   pin the refs to SHA (default HEAD)
//   node scripts/release.mjs --check v1.2.3       fail unless every ref is pinned for v1.2.3
//   node scripts/release.mjs --check main         fail unless every ref is @main (development)
//
// The refs are found by parsing the workflows' YAML (plain, quoted or aliased `uses:` values, at any
// depth), and both modes fail when they find none: a gate with nothing to check must not pass.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isScalar, parseDocument, visit } from 'yaml';

const args = process.argv.slice(2);
const check = args[0] === '--check';
const rest = check ? args.slice(1) : args;
const version = rest[0];
const shaFlag = rest.indexOf('--sha');
const wantedSha = shaFlag >= 0 ? rest[shaFlag + 1] : undefined;
const VERSION = /^v\d+\.\d+\.\d+(-[\w.]+)?$/;
if (!version || !(VERSION.test(version) || (check && version === 'main')) || (shaFlag >= 0 && !wantedSha)) {
  console.error('usage: node scripts/release.mjs vX.Y.Z [--sha SHA]\n       node scripts/release.mjs --check vX.Y.Z|main');
  process.exit(2);
}
const root = process.env.SHIPKIT_ROOT ?? process.cwd();
const dir = join(root, '.github', 'workflows');
// GitHub reads owner/repo case-insensitively, so `ShipKit/shipkit/actions/x@main` is a kit ref too.
const KIT_ACTION = /^shipkit\/shipkit\/actions\//i;
const FULL_SHA = /^[0-9a-f]{40}$/;

function git(...argv) {
  return execFileSync('git', argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function gitOk(...argv) {
  try {
    git(...argv);
    return true;
  } catch {
    return false;
  }
}

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

function workflowFiles() {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/**
 * Every kit action named by a `uses:` of one workflow file, found by parsing the YAML: plain, single-
 * or double-quoted, through an alias, at any depth. Each with where it is, its ref, the comment that
 * follows it on its line, and the source range of its value (for pinning in place).
 */
function referencesIn(file) {
  const text = readFileSync(join(dir, file), 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length) fail([`release: .github/workflows/${file} is not valid YAML: ${doc.errors[0].message}`]);
  const lineOf = (offset) => text.slice(0, offset).split('\n').length;
  const found = new Map();
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'uses') return;
      const node = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
      if (!isScalar(node) || typeof node.value !== 'string' || !KIT_ACTION.test(node.value.trim()) || found.has(node.range[0])) return;
      const [start, end] = node.range;
      const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
      const after = text.slice(end, lineEnd);
      const at = node.value.lastIndexOf('@');
      found.set(start, {
        file,
        where: `.github/workflows/${file}:${lineOf(start)}`,
        uses: at < 0 ? node.value.trim() : node.value.slice(0, at).trim(),
        ref: at < 0 ? '' : node.value.slice(at + 1).trim(),
        comment: /^[ \t]*(#.*)?$/.exec(after)?.[1]?.trim() ?? '',
        // Pinned in place only when the value is one line and nothing but a comment follows it.
        pinnable: !text.slice(start, end).includes('\n') && /^[ \t]*(#.*)?$/.test(after) && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(node.type),
        quote: node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '',
        start,
        end: lineEnd,
      });
    },
  });
  return [...found.values()];
}

/** Every kit action reference in the workflows. */
function references() {
  return workflowFiles().flatMap(referencesIn);
}

/** Why `sha` cannot be what the workflows at HEAD pin, or undefined when it can. */
function pinProblem(sha) {
  if (!gitOk('cat-file', '-e', `${sha}^{commit}`)) return `${sha} is not a commit of this repository`;
  if (!gitOk('merge-base', '--is-ancestor', sha, 'HEAD')) return `${sha} is not HEAD or an ancestor of it`;
  if (!gitOk('diff', '--quiet', sha, '--', 'actions')) return `actions/ differs between ${sha.slice(0, 12)} and the working tree: the pinned commit must hold exactly the actions this release ships (commit the built dist first)`;
  return undefined;
}

const found = references();
// A gate that found nothing to check must not pass: the workflows moved, or the refs are spelled a way this script does not read.
if (!found.length) fail([`release: found no kit action ref (uses: shipkit/shipkit/actions/...) in ${join('.github', 'workflows')}/*.yml, so there is nothing to ${check ? 'check' : 'pin'}.`]);

if (check) {
  const wrong = [];
  const shas = new Set();
  for (const r of found) {
    if (version === 'main') {
      if (r.ref !== 'main') wrong.push(`${r.where}: ${r.uses}@${r.ref} (expected @main on the development branch)`);
      continue;
    }
    if (!FULL_SHA.test(r.ref)) wrong.push(`${r.where}: ${r.uses}@${r.ref} is not pinned to a full-length commit SHA`);
    else if (r.comment !== `# ${version}`) wrong.push(`${r.where}: ${r.uses}@${r.ref} is marked "${r.comment}", not "# ${version}"`);
    else shas.add(r.ref);
  }
  if (shas.size > 1) wrong.push(`the refs name ${shas.size} different commits (${[...shas].join(', ')}); a release pins one`);
  for (const sha of shas) {
    const problem = pinProblem(sha);
    if (problem) wrong.push(problem);
  }
  if (wrong.length) {
    fail([
      `release: the kit's action refs are not pinned for ${version}:`,
      ...wrong.map((w) => `  ${w}`),
      ...(version !== 'main' ? [`Run \`node scripts/release.mjs ${version}\` on the commit holding the built actions, commit, then tag (see the top of scripts/release.mjs).`] : []),
    ]);
  }
  console.log(version === 'main' ? 'release: every kit action ref is @main' : `release: every kit action ref is pinned to ${[...shas][0]} (${version})`);
} else {
  const sha = wantedSha ? gitOk('rev-parse', '--verify', `${wantedSha}^{commit}`) && git('rev-parse', `${wantedSha}^{commit}`) : git('rev-parse', 'HEAD');
  const problem = sha ? pinProblem(sha) : `${wantedSha} is not a commit of this repository`;
  if (problem) fail([`release: cannot pin to ${wantedSha ?? 'HEAD'}: ${problem}.`]);
  const unpinnable = found.filter((r) => !r.pinnable);
  if (unpinnable.length) {
    fail([
      'release: these kit action refs cannot be pinned in place (write each as `uses: shipkit/shipkit/actions/x@main` on a line of its own):',
      ...unpinnable.map((r) => `  ${r.where}: ${r.uses}@${r.ref}`),
    ]);
  }
  let changed = 0;
  for (const file of workflowFiles()) {
    const path = join(dir, file);
    let text = readFileSync(path, 'utf8');
    // Last first, so the offsets of the earlier ones stay right.
    for (const r of found.filter((f) => f.file === file).sort((a, b) => b.start - a.start)) {
      text = `${text.slice(0, r.start)}${r.quote}${r.uses}@${sha}${r.quote} # ${version}${text.slice(r.end)}`;
    }
    if (text !== readFileSync(path, 'utf8')) {
      writeFileSync(path, text);
      changed++;
    }
  }
  console.log(`release: ${found.length} kit action ref(s) in ${changed} file(s) now pin ${sha} (${version}); commit this as the release commit and tag it ${version}`);
}
