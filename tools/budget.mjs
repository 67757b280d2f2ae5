// The performance budgets, checked against the figures `bench/bench.mjs` wrote to
// target/bench.json. Prints every figure in one table, with the bare Leptos page measured in
// the same run beside it, and exits non-zero if any budget is exceeded.
// Run by `make bench`, never by `make test` (tests must not depend on timing).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const f = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '..'), 'target/bench.json'), 'utf8'));
const kb = (n) => n / 1024;
const lh = f.lighthouse;
// [figure, app, bare Leptos (or null), unit, budget: [op, limit] or null]
const rows = [
  ['first load, brotli', kb(f.firstLoad.app.brotli), kb(f.firstLoad.bare.brotli), 'KB', ['<=', 160]],
  ['first load, gzip', kb(f.firstLoad.app.gzip), kb(f.firstLoad.bare.gzip), 'KB', null],
  ['start-up, median of 10', f.startup.appMs, f.startup.bareMs, 'ms', null],
  ['start-up vs bare Leptos', f.startup.ratio, null, 'x', ['<=', 1.3]],
  // Event Timing reports durations in 8 ms steps from 16 ms up, input to next paint: 16 is
  // "painted in the first frame", the best the API can report. Frames unpaced: see bench.mjs.
  ['answer -> feedback, p95', f.interaction.p95, null, 'ms', ['<=', 16]],
  ['  same, paced at 60 Hz', f.interactionPaced.p95, null, 'ms', null],
  ["one answer's save (median)", f.saving.median, null, 'ms', ['<', 1]],
  ['stored after 10,000 answers', kb(f.saving.storedBytes), null, 'KB', ['<', 300]],
  [`Lighthouse performance (${lh.runs.join(', ')})`, lh.performance, null, '', ['>=', 100]],
  ['Lighthouse accessibility', lh.accessibility, null, '', ['>=', 100]],
  ['Lighthouse best practices', lh.bestPractices, null, '', ['>=', 100]],
  ['  FCP', lh.fcpMs / 1000, null, 's', null],
  ['  LCP', lh.lcpMs / 1000, null, 's', null],
  ['  TBT', lh.tbtMs, null, 'ms', null],
  ['  CLS', lh.cls, null, '', null],
];
const ok = { '<=': (a, b) => a <= b, '<': (a, b) => a < b, '>=': (a, b) => a >= b };
const decimals = (v, unit) => (unit === '' ? (v >= 1 ? 0 : 2) : unit === 'x' || unit === 's' || v < 10 ? 2 : 1);
const num = (v, unit) => (v === null ? '' : `${v.toFixed(decimals(v, unit))} ${unit}`.trim());
let failed = 0;
console.log(`\n  ${'figure'.padEnd(38)} ${'app'.padStart(12)} ${'bare Leptos'.padStart(12)}   budget`);
for (const [name, value, bare, unit, budget] of rows) {
  let verdict = '';
  if (budget) {
    const [op, limit] = budget;
    const pass = ok[op](value, limit);
    if (!pass) failed++;
    verdict = `${op} ${limit} ${unit}`.trim() + (pass ? '  ok' : '  OVER');
  }
  console.log(`  ${name.padEnd(38)} ${num(value, unit).padStart(12)} ${num(bare, unit).padStart(12)}   ${verdict}`);
}
if (failed) {
  console.error(`\n${failed} budget${failed > 1 ? 's' : ''} exceeded.`);
  process.exit(1);
}
console.log('\nall budgets met.');
