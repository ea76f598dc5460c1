// `npm run check:duplicates` (part of `npm test`): copied code in src/ and views/.
// Why these numbers: docs/decisions/014-import-cycles-and-duplication-checks.md
//
// - A clone is at least MIN_LINES lines and MIN_TOKENS tokens the same (jscpd's tokenizer, so
//   formatting and names of locals do not hide a copy). Below that, the matches are import lists
//   and the usual JSX scaffolding of a form, not copied logic.
// - No clone may span two features (src/<feature>/, views/<feature>/, views/components, ...): logic
//   that two features need lives once, in the lower module both import.
// - Within one feature, copies add up to at most MAX_WITHIN_FEATURE_PERCENT of all lines; over it,
//   the newest copy is the one to fold into the first.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const ROOTS = ['src', 'views'];
const MIN_LINES = 8;
const MIN_TOKENS = 70;
const MAX_WITHIN_FEATURE_PERCENT = 0.25;

/** `src/households/routes.tsx` → `src/households`; `views/components/form.tsx` → `views/components`. */
export function featureOf(file: string): string {
  const parts = path.relative(process.cwd(), path.resolve(file)).split(path.sep);
  return parts.slice(0, parts.length > 2 ? 2 : 1).join('/');
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

interface Place {
  name: string;
  start: number;
  end: number;
}
interface Clone {
  firstFile: Place;
  secondFile: Place;
}

// The command-line tool, not its programmatic API: the API skips the default options (it then
// walks node_modules), and its ESM build does not load in Node.
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jscpd-'));
const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('jscpd')), '..', 'bin', 'jscpd');
const args = [...ROOTS, '--format', 'typescript,tsx', '--min-lines', String(MIN_LINES), '--min-tokens', String(MIN_TOKENS)];
const run = spawnSync(process.execPath, [bin, ...args, '--reporters', 'json', '--output', out, '--silent', '--gitignore'], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stderr || run.stdout);
  process.exit(run.status ?? 1);
}
const clones = (JSON.parse(fs.readFileSync(path.join(out, 'jscpd-report.json'), 'utf8')) as { duplicates: Clone[] }).duplicates;
fs.rmSync(out, { recursive: true, force: true });

const totalLines = ROOTS.flatMap(sourceFiles).reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
const rel = (f: string) => path.relative(process.cwd(), path.resolve(f));
const where = (d: Place) => `${rel(d.name)}:${d.start}-${d.end}`;

const across = clones.filter((c) => featureOf(c.firstFile.name) !== featureOf(c.secondFile.name));
const within = clones.filter((c) => !across.includes(c));

// Lines covered by a copy, each counted once even when several clones overlap it.
const copied = new Map<string, Set<number>>();
for (const c of within) {
  for (const d of [c.firstFile, c.secondFile]) {
    const lines = copied.get(rel(d.name)) ?? new Set<number>();
    for (let l = d.start; l <= d.end; l++) lines.add(l);
    copied.set(rel(d.name), lines);
  }
}
const copiedLines = [...copied.values()].reduce((n, s) => n + s.size, 0);
const percent = (100 * copiedLines) / totalLines;

for (const c of across) console.error(`copied across features: ${where(c.firstFile)} ≡ ${where(c.secondFile)}`);
for (const c of within) console.log(`copied within a feature: ${where(c.firstFile)} ≡ ${where(c.secondFile)}`);
console.log(
  `${clones.length} clone(s) of ≥${MIN_LINES} lines/≥${MIN_TOKENS} tokens in ${ROOTS.join(', ')}: ${across.length} across features (allowed: 0), ` +
    `${copiedLines} of ${totalLines} lines copied within a feature (${percent.toFixed(2)}%, allowed: ${MAX_WITHIN_FEATURE_PERCENT}%)`,
);
if (across.length > 0 || percent > MAX_WITHIN_FEATURE_PERCENT) process.exitCode = 1;
