// Start-up of two builds of the app, compared: `node bench/ab.mjs DIR_A DIR_B [RUNS]`.
// Each build is served brotli-encoded at the root, as in `make bench`, and their loads are
// interleaved (A, B, A, B, …); prints each build's median and runs, and B's median over A's.
// The way to tell whether a change moved start-up: run to run, this machine varies by ±30 %.
import { resolve } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';
import { interleaved, median, APP_START } from './startup.mjs';

const [a, b, runs = '20'] = process.argv.slice(2);
if (!a || !b || !(Number(runs) > 0)) {
  console.error('usage: node bench/ab.mjs DIR_A DIR_B [RUNS]   (two built dist/ directories)');
  process.exit(2);
}
const servers = [await serve(resolve(a), '/', { compress: true }), await serve(resolve(b), '/', { compress: true })];
const browser = await launch();
try {
  const subjects = servers.map((s) => ({ url: s.url + APP_START.hash, ready: APP_START.ready }));
  // One load of each first, not counted: the browser's first load of a page is seconds slower.
  await interleaved(browser, subjects, 1);
  const times = await interleaved(browser, subjects, Number(runs));
  const [ma, mb] = times.map(median);
  for (const [k, dir] of [a, b].entries()) {
    console.log(`${'AB'[k]} ${dir}: median ${median(times[k]).toFixed(1)} ms   runs: ${times[k].map((t) => t.toFixed(0)).join(' ')}`);
  }
  console.log(`B / A: ${(mb / ma).toFixed(3)}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
