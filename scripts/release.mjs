// Inside a reusable workflow, `uses: ./actions/x` would resolve against the caller's checkout, so
// shipkit's workflows name its actions as shipkit/shipkit/actions/x@<ref>. On main that ref is
// `main`; a release points every one of them at the release tag.
//
//   node scripts/release.mjs v1.2.3           rewrite the refs to v1.2.3
//   node scripts/release.mjs --check v1.2.3   fail when any ref is not v1.2.3 (run on the tag)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const check = args[0] === '--check';
const tag = check ? args[1] : args[0];
if (!tag || !/^v\d+\.\d+\.\d+(-[\w.]+)?$|^main$/.test(tag)) {
  console.error('usage: node scripts/release.mjs [--check] vX.Y.Z');
  process.exit(2);
}
const root = process.env.SHIPKIT_ROOT ?? process.cwd();
const dir = join(root, '.github', 'workflows');
const REF = /(uses:\s*shipkit\/shipkit\/(?:actions\/[\w-]+|\.github\/workflows\/[\w.-]+))@([\w./-]+)/g;

const wrong = [];
let changed = 0;
for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(REF)) if (m[2] !== tag) wrong.push(`.github/workflows/${file}:${i + 1}: ${m[1]}@${m[2]}`);
  });
  if (!check) {
    const next = text.replace(REF, (_all, uses) => `${uses}@${tag}`);
    if (next !== text) {
      writeFileSync(path, next);
      changed++;
    }
  }
}
if (check) {
  if (wrong.length) {
    console.error(`These refs are not ${tag}; run \`node scripts/release.mjs ${tag}\` and commit before tagging:\n${wrong.join('\n')}`);
    process.exit(1);
  }
  console.log(`release: every shipkit ref in .github/workflows is ${tag}`);
} else {
  console.log(`release: ${wrong.length} ref(s) in ${changed} file(s) now point at ${tag}`);
}
