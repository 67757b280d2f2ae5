// The performance budgets, checked against the figures `bench/bench.mjs` wrote to
// target/bench.json. Prints every figure in one table, with the bare Leptos page measured in
// the same run beside it, and exits non-zero if any budget is exceeded.
// Run by `make bench`, never by `make test` (tests must not depend on timing).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const f = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '..'), 'target/bench.json'), 'utf8'));
const kb = (n) => n / 1024;
const lh = f.lighthouse;
const hundreds = lh.runs.filter((p) => p === 100).length;
// [figure, app, bare Leptos (or null), unit, budget: [op, limit] or null]
const rows = [
  ['home screen interactive, bytes (brotli)', kb(f.bytes.home.total), kb(f.bytes.bare.total), 'KB', ['<=', 160]],
  ['share link, first question, bytes', kb(f.bytes.shared.total), null, 'KB', ['<=', 200]],
  ['home bytes, bank twice as large', kb(f.bytes.homeDouble.total), null, 'KB', null],
  ['  growth with the bank doubled', kb(f.bytes.homeDouble.total - f.bytes.home.total), null, 'KB', ['<=', 2]],
  ['start-up to home, median of 10', f.startup.homeMs, f.startup.bareMs, 'ms', null],
  ['  vs bare Leptos', f.startup.ratio.home, null, 'x', ['<=', 1.5]],
  ['start-up to shared quiz, median of 10', f.startup.sharedMs, f.startup.bareMs, 'ms', null],
  ['  vs bare Leptos', f.startup.ratio.shared, null, 'x', ['<=', 2]],
  // Event Timing reports durations in 8 ms steps from 16 ms up, input to next paint: 16 is
  // "painted in the first frame", the best the API can report. Frames unpaced: see bench.mjs.
  ['answer -> feedback, p95', f.interaction.p95, null, 'ms', ['<=', 16]],
  ['  same, paced at 60 Hz', f.interactionPaced.p95, null, 'ms', null],
  ["one answer's save (median)", f.saving.median, null, 'ms', ['<', 1]],
  ['stored after 10,000 answers', kb(f.saving.storedBytes), null, 'KB', ['<', 300]],
  [`Lighthouse performance 100, runs of ${lh.runs.length} (${lh.runs.join(', ')})`, hundreds, null, '', ['>=', Math.ceil(lh.runs.length * 0.9)]],
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
console.log(`\n  ${'figure'.padEnd(46)} ${'app'.padStart(12)} ${'bare Leptos'.padStart(12)}   budget`);
for (const [name, value, bare, unit, budget] of rows) {
  let verdict = '';
  if (budget) {
    const [op, limit] = budget;
    const pass = ok[op](value, limit);
    if (!pass) failed++;
    verdict = `${op} ${limit} ${unit}`.trim() + (pass ? '  ok' : '  OVER');
  }
  console.log(`  ${name.padEnd(46)} ${num(value, unit).padStart(12)} ${num(bare, unit).padStart(12)}   ${verdict}`);
}
if (failed) {
  console.error(`\n${failed} budget${failed > 1 ? 's' : ''} exceeded.`);
  process.exit(1);
}
console.log('\nall budgets met.');
