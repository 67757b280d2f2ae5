// Navigation → ready, measured in a fresh browser context per load: shared by `make bench`
// (the app against the bare Leptos page) and `bench/ab.mjs` (one build against another).
// Loads of the subjects are interleaved (A, B, A, B, …) so that a slow spell of the machine
// falls on both alike; measured one subject after the other, the ratio moved by ±30 %.

/** The app's start-up as measured: a 10-question quiz opened by link, ready when a choice can be picked. */
export const APP_START = { hash: '#/quiz?n=10&seed=1', ready: 'input[name^=choice]:not([disabled])' };

// Records, in the page, when the ready element first exists (ms since navigation start).
const OBSERVER = (selector) => {
  const check = () => {
    if (window.__readyAt === undefined && document.querySelector(selector)) window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

/** One load of `url` until `selector` exists: that time, and every response it fetched. */
export async function load(browser, url, selector) {
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

/** `runs` interleaved loads of each subject ({ url, ready }); the times, per subject. */
export async function interleaved(browser, subjects, runs) {
  const times = subjects.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, s] of subjects.entries()) times[k].push((await load(browser, s.url, s.ready)).at);
  }
  return times;
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
