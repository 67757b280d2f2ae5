// Navigation → ready, measured in a fresh browser context per load: shared by `make bench`
// (the app against the bare Leptos page) and `bench/ab.mjs` (one build against another).
// Loads of the subjects are interleaved (A, B, A, B, …) so that a slow spell of the machine
// falls on both alike; measured one subject after the other, the ratio moved by ±30 %.

/** The home screen, ready when its Start button exists (the pre-painted shell has none). */
export const HOME = { hash: '#/', ready: 'button[type=submit]' };
/** A 10-question quiz opened by link, ready when a choice can be picked. */
export const APP_START = { hash: '#/quiz?n=10&seed=1', ready: 'input[name^=choice]:not([disabled])' };
/** A shared quiz: its intro screen, then "Start the quiz", ready when a choice can be picked. */
export const sharedQuiz = (codes) => ({ hash: `#/s/2.52.p.k3.${codes.join('')}`, click: 'button.primary', ready: APP_START.ready });

// Records, in the page, when the ready element first exists (ms since navigation start), and
// clicks `click` as soon as it exists, so that no round trip to the test driver is timed.
const OBSERVER = ({ ready, click }) => {
  let clicked = false;
  const check = () => {
    if (click && !clicked) {
      const button = document.querySelector(click);
      if (button && !button.closest('#shell')) {
        clicked = true;
        button.click();
      }
    }
    if (window.__readyAt === undefined && document.querySelector(ready)) window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

/**
 * One load of `url` until `ready` exists: that time, every response it fetched, and the bytes
 * on the wire (encoded bodies, from the page's Resource Timing entries) of the document and of
 * every request started before it was ready.
 */
export async function load(browser, url, ready, click = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('response', (r) => fetched.push({ url: r.url(), status: r.status() }));
  await page.addInitScript(OBSERVER, { ready, click });
  await page.goto(url);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 20000 });
  // Requests under way at that moment get their entries when they end.
  await page.waitForTimeout(1000);
  const { at, wire } = await page.evaluate(() => {
    const at = window.__readyAt;
    const [nav] = performance.getEntriesByType('navigation');
    const wire = [
      { url: nav.name, bytes: nav.encodedBodySize },
      ...performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= at)
        .map((e) => ({ url: e.name, bytes: e.encodedBodySize })),
    ];
    return { at, wire };
  });
  await context.close();
  return { at, fetched, wire };
}

/** `runs` interleaved loads of each subject ({ url, ready, click }); the times, per subject. */
export async function interleaved(browser, subjects, runs) {
  const times = subjects.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, s] of subjects.entries()) times[k].push((await load(browser, s.url, s.ready, s.click)).at);
  }
  return times;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
