// Writes the inputs and outputs tables of every action into README.md from its action.yml, between
// `<!-- shipkit:<action>:inputs -->` and `<!-- /shipkit:<action>:inputs -->` markers (same for
// outputs). `--check` changes nothing and fails when README.md is not what it would write.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const cell = (text) => String(text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

function inputsTable(manifest) {
  const rows = Object.entries(manifest.inputs ?? {}).map(([name, spec]) => {
    const value = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    return `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${value} | ${cell(spec.description)} |`;
  });
  return ['| input | required | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function outputsTable(manifest) {
  const rows = Object.entries(manifest.outputs ?? {}).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`);
  return ['| output | description |', '| --- | --- |', ...rows].join('\n');
}

function replaceBlock(text, marker, body) {
  const open = `<!-- shipkit:${marker} -->`;
  const close = `<!-- /shipkit:${marker} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md has no ${open} ... ${close} block`);
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}

const actions = readdirSync('actions').filter((name) => existsSync(join('actions', name, 'action.yml'))).sort();
const before = readFileSync('README.md', 'utf8');
let after = before;
for (const action of actions) {
  const manifest = parse(readFileSync(join('actions', action, 'action.yml'), 'utf8'));
  after = replaceBlock(after, `${action}:inputs`, inputsTable(manifest));
  after = replaceBlock(after, `${action}:outputs`, outputsTable(manifest));
}

if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('README.md tables differ from action.yml: run `npm run readme` and commit README.md.');
    process.exit(1);
  }
  console.log(`readme: tables match action.yml for ${actions.join(', ')}`);
} else if (after !== before) {
  writeFileSync('README.md', after);
  console.log('README.md updated');
}
