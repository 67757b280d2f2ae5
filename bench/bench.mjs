// `make bench`: every figure the performance budgets name, for the release build, with a bare
// Leptos page built with the same profile measured in the same run as the baseline:
// - bytes on the wire (brotli, from the browser's Resource Timing entries) until the home screen
//   is interactive, and until a 10-question share link's first question is (its intro screen,
//   then "Start the quiz"); the same for a build whose bank is twice as large (every question
//   copied under a new id: target/bench-double, see the Makefile);
// - navigation → home screen interactive and → the shared quiz's first question interactive
//   (median of 10, fresh context each, interleaved with the bare page's loads: bench/startup.mjs);
// - answer → feedback over a 50-question quiz (Event Timing API; see measureInteraction);
// - one answer's save and the stored size with 10,000 answers already stored;
// - Lighthouse (mobile preset) scores with LCP, TBT and CLS, ten runs.
// The figures are printed and written to target/bench.json for tools/budget.mjs.
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { serve, launch, shortCode, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';
import { load, interleaved, median, HOME, sharedQuiz } from './startup.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 10;
const QUIZ = 50;

const bank = JSON.parse(
  execFileSync('cargo', ['run', '-q', '-p', 'bankc', '--bin', 'bank-json', '--', 'questions'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }),
);
// Ten questions spread over the bank, as a shared quiz picks them.
const SHARED = sharedQuiz(Array.from({ length: 10 }, (_, k) => shortCode(bank.questions[Math.floor((k * bank.questions.length) / 10)].id)));

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const browser = await launch();
const servers = [];
const serveDir = async (dir) => {
  const s = await serve(dir, '/', { compress: true });
  servers.push(s);
  return s;
};
const app = await serveDir(join(ROOT, 'dist'));
const double = await serveDir(join(ROOT, 'target/bench-double'));
const bare = await serveDir(join(ROOT, 'target/bench-hello'));

/** One load's bytes on the wire, per file (headless Chromium skips the favicon that every real browser fetches: counted too). */
async function wire(server, dir, subject) {
  const first = await load(browser, server.url + subject.hash, subject.ready, subject.click);
  const bad = first.fetched.filter((f) => f.status >= 400 || !f.url.startsWith(server.url.replace(/\/$/, '')));
  if (bad.length) throw new Error(`${server.url + subject.hash}: unexpected requests ${JSON.stringify(bad)}`);
  const files = first.wire.map((w) => ({ path: new URL(w.url).pathname.replace(/^\//, '') || 'index.html', brotli: w.bytes }));
  const icon = readFileSync(join(dir, 'index.html'), 'utf8')
    .match(/<link[^>]*rel="?icon"?[^>]*>/)?.[0]
    ?.match(/href="?([^" >]+)/)?.[1];
  if (icon && !icon.startsWith('data:') && !files.some((f) => f.path === icon.replace(/^\.\//, ''))) {
    files.push({ path: icon.replace(/^\.\//, ''), brotli: brotli(readFileSync(join(dir, icon))) });
  }
  if (files.some((f) => !(f.brotli > 0))) throw new Error(`${subject.hash}: a file with no size in ${JSON.stringify(files)}`);
  return { files, total: files.reduce((n, f) => n + f.brotli, 0) };
}
// The first load of a page in a fresh browser is slower: one of each first, then the counted ones.
const bytes = {
  home: await wire(app, join(ROOT, 'dist'), HOME),
  shared: await wire(app, join(ROOT, 'dist'), SHARED),
  homeDouble: await wire(double, join(ROOT, 'target/bench-double'), HOME),
  bare: await wire(bare, join(ROOT, 'target/bench-hello'), { hash: '', ready: '#ready' }),
};
// Start-up: the app's loads interleaved with the bare page's.
const subjects = [
  { name: 'home', url: app.url + HOME.hash, ready: HOME.ready },
  { name: 'shared quiz', url: app.url + SHARED.hash, ready: SHARED.ready, click: SHARED.click },
  { name: 'bare Leptos', url: bare.url, ready: '#ready' },
];
const times = await interleaved(browser, subjects, RUNS);
subjects.forEach((s, k) => {
  s.times = times[k];
  s.median = median(times[k]);
});
for (const server of servers.splice(0)) await server.close();
const [home, shared, base] = subjects;

// Answer → feedback: the Event Timing API reports each interaction from input to the next
// paint, in 8 ms steps and only from 16 ms up (so one frame reads as 16 ms). The clicks on
// "Check" are picked out by their event time stamps.
const server = await serve(join(ROOT, 'dist'), '/', { compress: true });
const byPrompt = new Map(bank.questions.map((q) => [q.prompt.replaceAll('`', '').trim(), q]));
async function answerQuiz(page, n) {
  for (let k = 0; k < n; k++) {
    const q = byPrompt.get((await page.locator('h1.prompt').textContent()).trim());
    const right = q.answer.map((i) => q.choices[i].replaceAll('`', ''));
    for (const label of await page.locator('label.choice').all()) {
      if (right.includes((await label.locator('.text').textContent()).trim())) await label.click();
    }
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.feedback').waitFor();
    await page.getByRole('button', { name: k === n - 1 ? 'See results' : 'Next question' }).click();
  }
}
// Event Timing's duration ends when the frame is presented. Headless Chromium's software
// compositor, paced at 60 Hz, reports that presentation one to three frames after the page has
// painted, and which of those it is stays fixed for a whole page session (measured: a session
// gives every click 16 ms, the next one 32 or 48 ms, for the same build). The budget's figure
// is therefore taken with frames unpaced (`--disable-frame-rate-limit`): input to painted
// frame, the part the app controls. The paced figure is measured and printed too.
async function measureInteraction(b) {
  const context = await b.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    window.__checks = [];
    addEventListener(
      'click',
      (e) => {
        if (e.target.closest?.('button')?.textContent === 'Check') window.__checks.push(e.timeStamp);
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'click') window.__events.push({ at: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  });
  await page.goto(`${server.url}#/quiz?n=${QUIZ}&seed=1`);
  await page.locator('h1.prompt').waitFor();
  await answerQuiz(page, QUIZ);
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  await page.waitForTimeout(500);
  const { events, checks } = await page.evaluate(() => ({ events: window.__events, checks: window.__checks }));
  await context.close();
  // A check with no entry took under 16 ms (below the API's floor): counted as 8 ms.
  const found = checks.map((t) => events.find((e) => Math.abs(e.at - t) < 0.5));
  const durations = found.map((e) => e?.duration ?? 8);
  const processing = found.filter(Boolean).map((e) => e.processing);
  return {
    checks: checks.length,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: Math.max(...durations),
    overOneFrame: durations.filter((d) => d > 16).length,
    processingP95: processing.length ? percentile(processing, 95) : 0,
  };
}
const unpaced = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit'] });
const interaction = await measureInteraction(unpaced);
await unpaced.close();
const paced = await measureInteraction(browser);

// One answer's save with 10,000 answers already stored.
const fixture = execFileSync('cargo', ['run', '-q', '--example', 'progress_fixture'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
const saving = await (async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate((doc) => localStorage.setItem('django-quiz', doc), fixture);
  await page.goto(`${server.url}#/quiz?n=10&seed=77`);
  await page.locator('h1.prompt').waitFor();
  await page.evaluate(() => performance.clearMeasures('quiz:save'));
  await answerQuiz(page, 10);
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  const saves = await page.evaluate(() => performance.getEntriesByName('quiz:save').map((e) => e.duration));
  const stored = await page.evaluate(() => localStorage.getItem('django-quiz').length);
  await context.close();
  return { saves: saves.length, median: median(saves), max: Math.max(...saves), storedBytes: stored, answers: 10000 };
})();
await browser.close();

// Lighthouse, mobile preset (its default: emulated phone, simulated slow 4G and CPU), against
// the served build. Its simulated score moves by several points from run to run on the same
// build, so it runs ten times and reports every run's score, with the median run's figures.
const LIGHTHOUSE_RUNS = 10;
const lighthouseResult = await (async () => {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new'],
    });
    try {
      const run = await lighthouse(server.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const { categories: c, audits: a } = run.lhr;
      runs.push({
        performance: Math.round(c.performance.score * 100),
        accessibility: Math.round(c.accessibility.score * 100),
        bestPractices: Math.round(c['best-practices'].score * 100),
        fcpMs: a['first-contentful-paint'].numericValue,
        lcpMs: a['largest-contentful-paint'].numericValue,
        tbtMs: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        failing: Object.values(a)
          .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary')
          .map((x) => x.id),
      });
    } finally {
      await chrome.kill();
    }
  }
  const sorted = [...runs].sort((x, y) => x.performance - y.performance);
  return { ...sorted[sorted.length >> 1], runs: runs.map((r) => r.performance) };
})();
await server.close();

const list = (name, w) => {
  console.log(`\n${name}: bytes on the wire (brotli), per file`);
  for (const f of w.files) console.log(`  ${f.path.padEnd(52)} ${kb(f.brotli)} KB`);
  console.log(`  ${'total'.padEnd(52)} ${kb(w.total)} KB`);
};
list('home screen until interactive', bytes.home);
list('share link (10 questions) until its first question is interactive', bytes.shared);
list('bare Leptos page', bytes.bare);
console.log(
  `\nbank twice as large (target/bench-double): home screen ${kb(bytes.homeDouble.total).trim()} KB, ${((bytes.homeDouble.total - bytes.home.total) / 1024).toFixed(2)} KB more than with this bank`,
);
console.log('\nnavigation -> interactive (headless Chromium, local server, brotli, fresh context per run, interleaved)');
for (const r of subjects)
  console.log(`  ${r.name.padEnd(12)} median ${r.median.toFixed(1).padStart(6)} ms   runs: ${r.times.map((t) => t.toFixed(0)).join(' ')}`);
const ratio = { home: home.median / base.median, shared: shared.median / base.median };
console.log(`  ratio to bare Leptos: home ${ratio.home.toFixed(2)}x, shared quiz's first question ${ratio.shared.toFixed(2)}x`);
console.log(`\nanswer -> feedback painted, ${QUIZ}-question quiz (Event Timing, ${interaction.checks} clicks on Check; under 16 ms is reported as 8)`);
console.log(
  `  frames unpaced: p50 ${interaction.p50} ms, p95 ${interaction.p95} ms, longest ${interaction.max} ms, ${interaction.overOneFrame} took more than one frame (16 ms); handler time p95 ${interaction.processingP95.toFixed(1)} ms`,
);
console.log(`  paced at 60 Hz (adds the headless presentation queue): p50 ${paced.p50} ms, p95 ${paced.p95} ms, longest ${paced.max} ms`);
console.log(`\nsaving with 10,000 answers stored`);
console.log(
  `  one answer's save: median ${saving.median.toFixed(2)} ms, longest ${saving.max.toFixed(2)} ms (${saving.saves} saves); stored document ${kb(saving.storedBytes).trim()} KB`,
);
const lh = lighthouseResult;
console.log(
  `\nLighthouse (mobile), median of ${lh.runs.length} runs (performance ${lh.runs.join(', ')}): performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}; FCP ${(lh.fcpMs / 1000).toFixed(2)} s, LCP ${(lh.lcpMs / 1000).toFixed(2)} s, TBT ${lh.tbtMs.toFixed(0)} ms, CLS ${lh.cls.toFixed(3)}`,
);
if (lh.failing.length) console.log(`  failing audits: ${lh.failing.join(', ')}`);

const figures = {
  bytes,
  startup: { homeMs: home.median, sharedMs: shared.median, bareMs: base.median, ratio, runs: Object.fromEntries(subjects.map((r) => [r.name, r.times])) },
  interaction,
  interactionPaced: paced,
  saving,
  lighthouse: lh,
};
mkdirSync(join(ROOT, 'target'), { recursive: true });
writeFileSync(join(ROOT, 'target/bench.json'), JSON.stringify(figures, null, 2));
console.log(
  `\nsummary: home ${kb(bytes.home.total).trim()} KB, share link ${kb(bytes.shared.total).trim()} KB brotli (bare Leptos ${kb(bytes.bare.total).trim()} KB); start-up home ${ratio.home.toFixed(2)}x, shared quiz ${ratio.shared.toFixed(2)}x`,
);
