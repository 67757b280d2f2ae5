// `make bench`: what the first page load fetches (raw, gzip, brotli bytes per file and in
// total) and the median time from navigation to the first question being interactive, for
// the app and for a bare Leptos page built with the same release profile, in the same run.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 10;

const subjects = [
  { name: 'app', dir: join(ROOT, 'dist'), hash: '#/quiz?n=10&seed=1', ready: 'input[name=choice]:not([disabled])' },
  { name: 'bare Leptos', dir: join(ROOT, 'target/bench-hello'), hash: '', ready: '#ready' },
];

// Records, in the page, when the ready element first exists (ms since navigation start).
const OBSERVER = (selector) => {
  const check = () => {
    if (window.__readyAt === undefined && document.querySelector(selector)) window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

async function load(browser, url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('response', (r) => fetched.push({ url: r.url(), status: r.status() }));
  await page.addInitScript(OBSERVER, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 20000 });
  const at = await page.evaluate(() => window.__readyAt);
  await context.close();
  return { at, fetched };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const browser = await launch();
const results = [];
for (const s of subjects) {
  const server = await serve(s.dir, '/');
  const url = server.url + s.hash;
  const first = await load(browser, url, s.ready);
  const bad = first.fetched.filter((f) => f.status >= 400 || !f.url.startsWith(server.url.replace(/\/$/, '')));
  if (bad.length) throw new Error(`${s.name}: unexpected requests ${JSON.stringify(bad)}`);
  // Headless Chromium skips the favicon that every real browser fetches: count it too.
  const paths = first.fetched.map((f) => new URL(f.url).pathname.replace(/^\//, '') || 'index.html');
  const icon = readFileSync(join(s.dir, 'index.html'), 'utf8').match(/<link[^>]*rel="?icon"?[^>]*>/)?.[0]?.match(/href="?([^" >]+)/)?.[1];
  if (icon && !icon.startsWith('data:') && !paths.includes(icon.replace(/^\.\//, ''))) paths.push(icon.replace(/^\.\//, ''));
  const files = paths.map((path) => {
    const body = readFileSync(join(s.dir, path));
    return {
      path,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await load(browser, url, s.ready)).at);
  await server.close();
  results.push({ ...s, files, times, median: median(times) });
}
await browser.close();

for (const r of results) {
  console.log(`\n${r.name}: files fetched by the first page load`);
  console.log(`  ${'file'.padEnd(44)} ${'raw KB'.padStart(7)} ${'gzip KB'.padStart(7)} ${'br KB'.padStart(7)}`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of r.files) {
    console.log(`  ${f.path.padEnd(44)} ${kb(f.raw)} ${kb(f.gzip)} ${kb(f.brotli)}`);
    for (const k of Object.keys(total)) total[k] += f[k];
  }
  console.log(`  ${'total'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
  r.total = total;
}
const [app, base] = results;
console.log('\nnavigation -> first question interactive (headless Chromium, local server, fresh context per run)');
for (const r of results) {
  console.log(`  ${r.name.padEnd(12)} median ${r.median.toFixed(1).padStart(6)} ms   runs: ${r.times.map((t) => t.toFixed(0)).join(' ')}`);
}
console.log(`  ratio app / bare Leptos: ${(app.median / base.median).toFixed(2)}x`);
console.log(`\nsummary: app ${kb(app.total.brotli).trim()} KB brotli (${kb(app.total.gzip).trim()} KB gzip), bare Leptos ${kb(base.total.brotli).trim()} KB brotli; start-up ${app.median.toFixed(1)} ms vs ${base.median.toFixed(1)} ms (${(app.median / base.median).toFixed(2)}x)`);
