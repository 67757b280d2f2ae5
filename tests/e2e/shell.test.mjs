// The first paint: index.html paints the header and the home's intro before the app has
// loaded (a slow phone network takes seconds for the app), and the app takes over in place,
// with nothing moving and nothing left twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot } from './harness.mjs';
import { server, browser } from './suite.mjs';

/** Opens `hash` with the app's code held back until `release()`. */
async function openHeld(hash, options) {
  let release;
  const held = new Promise((r) => {
    release = r;
  });
  const opened = await open(browser, null, options);
  await opened.page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await opened.page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__lcp.push(e.size);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // Each shift with what moved, so a failure says where from and to.
    window.__shifts = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        const moved = e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
        window.__shifts.push(`${e.value} at ${Math.round(e.startTime)} ms: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await opened.page.goto(`${server.url}${hash}`, { waitUntil: 'commit' });
  return { ...opened, release };
}

/**
 * The layout shifts so far, read two frames after the app's mount so its frames are counted.
 * Read before any full-page screenshot: taking one lays the page out again at other sizes, and
 * Chromium has been seen to report that as a shift the user never sees.
 */
async function shifts(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => window.__shifts);
}

test('home: the intro is painted before the app loads, and the app replaces it without a shift', async () => {
  const { context, page, guard, release } = await openHeld('', { width: 375, height: 740 });
  await page.locator('#shell h1').waitFor();
  assert.equal(await page.locator('#shell h1').textContent(), 'Practise for your Django interview');
  assert.equal(await page.locator('#shell [aria-current=page]').textContent(), 'Quiz');
  assert.match(
    await page.locator('#shell .lead').textContent(),
    /^\d+ questions on \d+ topics, for Django 5\.2 LTS and 6\.1, their code answers run against real Django\./,
  );
  const before = await page.locator('#shell .lead').boundingBox();
  await shot(page, 'shell-375-light');
  release();
  await page.locator('#main h1').waitFor();
  assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
  assert.equal(await page.locator('header.top').count(), 1);
  assert.equal(await page.locator('main').count(), 1);
  assert.deepEqual(await page.locator('#main .lead').boundingBox(), before, 'the intro stays where it was painted');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  // The largest paint is the shell's intro: the app's identical one adds no later, larger one.
  assert.equal((await page.evaluate(() => window.__lcp)).length, 1);
  assert.deepEqual(await shifts(page), []);
  guard.assertClean();
  await context.close();
});

test('home at 1280 px, dark: the same first paint', async () => {
  const { context, page, guard, release } = await openHeld('', { colorScheme: 'dark' });
  await page.locator('#shell .lead').waitFor();
  await shot(page, 'shell-1280-dark');
  release();
  await page.locator('#main .lead').waitFor();
  assert.deepEqual(await shifts(page), []);
  assert.equal((await page.evaluate(() => window.__lcp)).length, 1);
  await shot(page, 'shell-replaced-1280-dark');
  guard.assertClean();
  await context.close();
});

test('any other page: the shell shows only the header until the app loads', async () => {
  const { context, page, guard, release } = await openHeld('#/stats', { colorScheme: 'dark' });
  await page.locator('#shell header').waitFor();
  await shot(page, 'shell-stats-1280-dark');
  assert.equal(await page.locator('#shell .intro').count(), 0, 'no home intro on the stats page');
  assert.equal(await page.locator('#shell [aria-current]').count(), 0, '"Quiz" is not the current page');
  release();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  assert.equal(await page.locator('header.top').count(), 1);
  guard.assertClean();
  await context.close();
});
