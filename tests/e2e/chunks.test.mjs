// The split wasm (src/pages.rs, tools/split.mjs): the home screen runs on the main module
// alone; a screen in a chunk of its own fetches its files when first shown (a link to it, while
// the main module downloads); a chunk that fails to load gives a plain message and Retry, never
// a crash, and leaves progress untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { open, shot, axe, DIST } from './harness.mjs';
import { server, browser } from './suite.mjs';
import { readChunks } from '../../tools/chunks.mjs';

const { chunks: CHUNKS } = readChunks(DIST);
const MAIN = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
const file = (url) => new URL(url).pathname.split('/').pop();

/** The .wasm files a page requests, in order, and when the main module finished arriving. */
function watch(page) {
  const seen = { wasm: [], mainDone: null, requestedAt: new Map() };
  page.on('request', (r) => {
    if (!r.url().endsWith('.wasm')) return;
    seen.wasm.push(file(r.url()));
    seen.requestedAt.set(file(r.url()), Date.now());
  });
  page.on('requestfinished', (r) => {
    if (file(r.url()) === MAIN) seen.mainDone = Date.now();
  });
  return seen;
}

test('the home screen needs the main module only; Stats fetches its chunk when first shown', async () => {
  const { context, page, guard } = await open(browser);
  const seen = watch(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(seen.wasm, [MAIN], 'the home screen fetched more than the main module');

  await page.getByRole('link', { name: 'Stats' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  assert.deepEqual(seen.wasm.slice(1).sort(), [...CHUNKS.stats].sort(), "Stats fetched other files than its chunk's");
  // Back home and to Stats again: nothing more to fetch.
  await page.getByRole('link', { name: 'Quiz', exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await page.getByRole('link', { name: 'Stats' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  assert.equal(seen.wasm.length, 1 + CHUNKS.stats.length, 'a chunk was fetched twice');
  guard.assertClean();
  await context.close();
});

test('a quiz link starts fetching its chunk while the main module downloads', async () => {
  const { context, page, guard } = await open(browser);
  const seen = watch(page);
  await page.goto(`${server.url}#/quiz?n=5&seed=3`);
  await page.locator('.counter', { hasText: 'Question 1 of 5' }).waitFor();
  const own = CHUNKS.quiz.find((f) => f.startsWith('split-quiz-'));
  assert.ok(seen.requestedAt.get(own) < seen.mainDone, 'the quiz chunk was requested only after the main module had arrived');
  for (const f of CHUNKS.quiz) assert.ok(seen.wasm.includes(f), `the quiz did not fetch ${f}`);
  // Besides its own, only the results' chunk (fetched a little after the quiz is up).
  const other = seen.wasm.filter((f) => f !== MAIN && !CHUNKS.quiz.includes(f) && !CHUNKS.results.includes(f));
  assert.deepEqual(other, [], 'the quiz fetched files of other chunks');
  guard.assertClean();
  await context.close();
});

test('a screen whose code fails to load: a plain message and Retry, progress untouched', async () => {
  // The link module logs the failed instantiation; the request failure is the test's doing.
  const allow = [/request failed: .*\.wasm/, /Failed to load resource: net::ERR_FAILED/, /console\.error: TypeError: Failed to fetch/];
  const { context, page, guard } = await open(browser, `${server.url}#/quiz?n=3&seed=11`, { allow });
  await page.locator('.counter', { hasText: 'Question 1 of 3' }).waitFor();
  await page.getByRole('button', { name: "I don't know" }).click();
  await page.getByRole('button', { name: 'Next question' }).waitFor();
  const stored = await page.evaluate(() => localStorage.getItem('django-quiz'));
  assert.ok(stored);

  const own = CHUNKS.settings.find((f) => f.startsWith('split-settings-'));
  let faults = 0;
  await page.route(`**/${own}`, (route) => {
    faults++;
    return route.abort('failed');
  });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'This screen could not be loaded' }).waitFor();
  await page
    .getByText("This screen's part of the app did not download; check your connection, or reload the page if the app was just updated. Your progress is safe.")
    .waitFor();
  assert.equal(faults, 1);
  await shot(page, 'chunk-failed');
  await axe(page, 'a screen whose code failed to load');
  await page.setViewportSize({ width: 375, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'chunk-failed-375-dark');
  await axe(page, 'a screen whose code failed to load, phone width, dark');
  assert.equal(await page.evaluate(() => localStorage.getItem('django-quiz')), stored, 'progress changed');

  await page.unroute(`**/${own}`);
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('django-quiz')), stored, 'progress changed');
  guard.assertClean();
  await context.close();
});
