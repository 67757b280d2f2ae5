// The performance budgets, checked against the figures `bench/bench.mjs` wrote to
// target/bench.json. Prints every budget with its figure and exits non-zero if any is exceeded.
// Run by `make bench`, never by `make test` (tests must not depend on timing).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const f = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '..'), 'target/bench.json'), 'utf8'));
const budgets = [
  ['first load, brotli', f.firstLoad.app.brotli / 1024, '<=', 160, 'KB'],
  ['start-up vs bare Leptos', f.startup.ratio, '<=', 1.3, 'x'],
  // Event Timing reports durations in 8 ms steps from 16 ms up, input to next paint: 16 is
  // "painted in the first frame", the best the API can report.
  ['answer -> feedback, p95', f.interaction.p95, '<=', 16, 'ms'],
  ['Lighthouse performance', f.lighthouse.performance, '>=', 100, ''],
  ['Lighthouse accessibility', f.lighthouse.accessibility, '>=', 100, ''],
  ['Lighthouse best practices', f.lighthouse.bestPractices, '>=', 100, ''],
  ['stored after 10,000 answers', f.saving.storedBytes / 1024, '<', 300, 'KB'],
  ["one answer's save (median)", f.saving.median, '<', 1, 'ms'],
];
const ok = { '<=': (a, b) => a <= b, '<': (a, b) => a < b, '>=': (a, b) => a >= b };
let failed = 0;
console.log('\nbudgets');
for (const [name, value, op, limit, unit] of budgets) {
  const pass = ok[op](value, limit);
  if (!pass) failed++;
  console.log(`  ${pass ? 'ok  ' : 'OVER'} ${name.padEnd(30)} ${value.toFixed(2).padStart(9)} ${unit.padEnd(2)} (budget ${op} ${limit} ${unit})`);
}
if (failed) {
  console.error(`\n${failed} budget${failed > 1 ? 's' : ''} exceeded.`);
  process.exit(1);
}
console.log('\nall budgets met.');
