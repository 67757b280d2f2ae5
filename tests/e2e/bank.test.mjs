// The bank as data: the home screen loads no question text; a quiz, a share link, a question's
// page and Browse fetch just the data files they show (a share link's while the wasm is still
// downloading); a file that fails to load or arrives damaged gives a plain message and Retry,
// and leaves progress untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open, shot, currentQuestion, bank, shortCode, axe, DIST } from './harness.mjs';
import { server, browser } from './suite.mjs';

const FILES = readdirSync(join(DIST, 'bank'));
const SHARDS = FILES.length;
/** The data file holding a question's text: its short code modulo the file count. */
const fileOf = (id) => FILES[parseInt(shortCode(id), 36) % SHARDS];
const isBank = (url) => /\/bank\/\d{3}-[0-9a-f]{8}\.txt$/.test(url);

/** Records the bank files a page requests, in order, and when the wasm finished loading. */
function watch(page) {
  const seen = { bank: [], wasmDone: null, firstBank: null };
  page.on('request', (r) => {
    if (!isBank(r.url())) return;
    seen.bank.push(r.url().split('/bank/')[1]);
    seen.firstBank ??= Date.now();
  });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('_bg.wasm')) seen.wasmDone = Date.now();
  });
  return seen;
}

test('the home screen loads no question text; a quiz loads only the files of its questions', async () => {
  const { context, page, guard } = await open(browser);
  const seen = watch(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.match(await page.locator('.match').textContent(), /^\d+ matching/);
  assert.deepEqual(seen.bank, [], 'the home screen fetched question text');

  await page.locator('label.chip', { hasText: /^5$/ }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.locator('.counter', { hasText: 'Question 1 of 5' }).waitFor();
  const q = await currentQuestion(page);
  assert.ok(q.prompt.length > 0);
  assert.ok(seen.bank.includes(fileOf(q.id)), `the first question's file ${fileOf(q.id)} was not fetched: ${seen.bank}`);
  assert.ok(seen.bank.length >= 1 && seen.bank.length <= 5, `a 5-question quiz fetched ${seen.bank.length} files`);
  assert.equal(new Set(seen.bank).size, seen.bank.length, 'a data file was fetched twice');
  guard.assertClean();
  await context.close();
});

test('a share link starts fetching its questions while the wasm downloads, each file once', async () => {
  const ids = bank()
    .questions.filter((q) => q.kind === 'single')
    .filter((_, i) => i % 11 === 3)
    .slice(0, 10)
    .map((q) => q.id);
  assert.equal(ids.length, 10);
  const link = `${server.url}#/s/2.52.p.k3.${ids.map(shortCode).join('')}`;
  const { context, page, guard } = await open(browser);
  const seen = watch(page);
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.locator('.counter', { hasText: 'Question 1 of 10' }).waitFor();
  assert.equal((await currentQuestion(page)).id, ids[0]);
  const wanted = [...new Set(ids.map(fileOf))].sort();
  assert.deepEqual([...seen.bank].sort(), wanted, "the files fetched are not exactly those of the link's questions");
  assert.ok(seen.firstBank < seen.wasmDone, 'the data files were requested only after the wasm had arrived');
  guard.assertClean();
  await context.close();
});

test('Browse loads the whole bank, with a loading state, then searches it', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  // Slow the files down so that the loading state is there to see.
  await page.route(/\/bank\//, async (route) => {
    await new Promise((ok) => setTimeout(ok, 300));
    await route.continue();
  });
  const seen = watch(page);
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('status').getByText('Loading the questions…').waitFor();
  await page.locator('.rows .row').first().waitFor();
  // Every file that holds a question (a file may be empty when no short code falls in it).
  const nonEmpty = FILES.filter((f) => statSync(join(DIST, 'bank', f)).size > 0).length;
  assert.equal(new Set(seen.bank).size, nonEmpty);
  await page.getByLabel('Search').fill('csrf');
  await page.locator('.rows .row').first().waitFor();
  const shown = await page.locator('.rows .row').count();
  assert.ok(shown > 0 && shown < bank().questions.length);
  guard.assertClean();
  await context.close();
});

for (const [what, fault, message] of [
  ['fails to load', (route) => route.abort('failed'), 'the network did not answer'],
  [
    'arrives damaged',
    async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, body: (await r.text()).slice(0, -7) });
    },
    'a file arrived damaged or from another version of the app',
  ],
  ['is missing on the host', (route) => route.fulfill({ status: 404, body: 'not found' }), 'the server answered with error 404'],
]) {
  test(`a data file that ${what}: a plain message and Retry, progress untouched`, async () => {
    const allow = [/request failed: .*\/bank\//, /HTTP 404: .*\/bank\//, /status of 404/, /Failed to load resource: net::ERR_FAILED/];
    const { context, page, guard } = await open(browser, server.url, { allow });
    await page.getByRole('button', { name: 'Start quiz' }).waitFor();
    // Some progress first: one answered question.
    await page.goto(`${server.url}#/quiz?n=3&seed=11`);
    await page.locator('.counter', { hasText: 'Question 1 of 3' }).waitFor();
    await page.getByRole('button', { name: "I don't know" }).click();
    await page.getByRole('button', { name: 'Next question' }).waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('django-quiz'));
    assert.ok(stored);

    // A question in a file not loaded yet: the fault strikes its file.
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.includes('/bank/')),
    );
    const target = bank().questions.find((q) => q.kind === 'single' && !loaded.some((n) => n.endsWith(fileOf(q.id))));
    let faults = 0;
    await page.route(`**/bank/${fileOf(target.id)}`, (route) => {
      faults++;
      return fault(route);
    });
    await page.goto(`${server.url}#/q/${shortCode(target.id)}`);
    await page.getByRole('heading', { level: 1, name: 'The questions could not be loaded' }).waitFor();
    await page.getByText(message).waitFor();
    await page.getByText('Your progress is safe.').waitFor();
    assert.equal(faults, 1);
    await shot(page, `bank-failed-${what.replaceAll(' ', '-')}`);
    await axe(page, `a data file that ${what}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('django-quiz')), stored, 'progress changed');

    // The host recovers; Retry shows the question.
    await page.unroute(`**/bank/${fileOf(target.id)}`);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { level: 1, name: target.prompt.replaceAll('`', '') }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('django-quiz')), stored, 'progress changed');
    guard.assertClean();
    await context.close();
  });
}
