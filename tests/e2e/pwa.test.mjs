// The installable offline app, in real Chromium against the release build: offline after the
// first visit (reload, deep links, shared links, every screen), installability, the update
// flow between two builds deployed at the same address, the 404 page, hosting at a host's root,
// and a development build taking over from a stale service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, launch, open, currentQuestion, pick, rightTexts, bank, axe, guard, headingFocused, DIST, ARTIFACTS, CHROMIUM_ARGS } from './harness.mjs';
import { ADDED, REWORDED } from '../../tools/bank-variant.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
/** The second build (`make dist-update`): the same app with one more question. */
const UPDATE_DIST = join(ROOT, 'target/pwa-update/dist');

let browser;
before(async () => {
  bank();
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A question's link code, as `quiz::short_code` makes it (FNV-1a, 5 base-36 digits). */
function shortCode(id) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(id)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return (h % 36 ** 5).toString(36).padStart(5, '0');
}

const versionOf = (dir) => readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const VERSION = "(\w+)";$/m)[1];

/** Waits until the service worker has precached everything, then reloads so that it controls the page. */
async function installed(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.locator('h1').first().waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker does not control the page');
}

const matching = async (page) => Number((await page.locator('.match').textContent()).match(/^(\d+) matching/)[1]);
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after the first visit the app works offline: reload, cold start, deep and shared links, every screen', async () => {
  const server = await serve();
  const { context, page, guard: g } = await open(browser, server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await installed(page);
  assert.deepEqual(await cacheNames(page), [`django-quiz:/quiz/app/:${versionOf(DIST)}`]);
  // Every data file of the bank is precached, though the home screen fetched none of them.
  const bankFiles = readdirSync(join(DIST, 'bank')).map((f) => `bank/${f}`);
  const cachedPaths = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
  for (const f of bankFiles) assert.ok(cachedPaths.includes(`/quiz/app/${f}`), `${f} is not precached`);

  // A shared quiz link, as the app's Share button makes it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.locator('label.chip', { hasText: /^5$/ }).click();
  await page.getByRole('button', { name: 'Share this quiz' }).click();
  await page.getByText('Link copied to the clipboard.').waitFor();
  const shareLink = await page.getByLabel('Link').inputValue();
  assert.match(shareLink, /#\/s\//);

  // Answer the first question of a quiz, online.
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const q1 = await currentQuestion(page);
  await pick(page, rightTexts(q1));
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Next question' }).click();
  const q2 = await currentQuestion(page);

  // The network goes away, and the host with it: nothing may reach it from here on.
  await context.setOffline(true);
  server.setDir(null);
  const served = server.requests;

  await page.reload();
  assert.equal((await currentQuestion(page)).id, q2.id, 'the reload offline did not resume the quiz');
  // Finish the quiz offline: the results screen, then a reload of it.
  for (let k = 1; k < 5; k++) {
    await pick(page, rightTexts(await currentQuestion(page)));
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();

  // Cold start: a new tab, straight onto deep links, a shared link, a bad link, the home screen.
  await page.close();
  const tab = await context.newPage();
  const tabGuard = guard(tab);
  await tabGuard.ready;
  await tab.goto(`${server.url}#/results`);
  await tab.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await tab.goto(`${server.url}?utm_source=home-screen#/quiz?n=3&seed=42&levels=beginner`);
  await tab.locator('.counter', { hasText: 'Question 1 of 3' }).waitFor();
  await tab.goto(shareLink);
  await tab.getByRole('button', { name: 'Start the quiz' }).click();
  await tab.locator('.counter', { hasText: 'Question 1 of 5' }).waitFor();
  // A quiz link naming four questions (open questions join a quiz only when asked for).
  const shared = bank()
    .questions.filter((q) => q.kind !== 'flashcard')
    .slice(0, 4)
    .map((q) => q.id);
  await tab.goto(`${server.url}#/quiz?seed=7&q=${shared.map(shortCode).join(',')}`);
  await tab.locator('.counter', { hasText: 'Question 1 of 4' }).waitFor();
  assert.ok(shared.includes((await currentQuestion(tab)).id));
  // The other screens: progress, settings, a mock interview, flashcards, browse with a search,
  // a question's page.
  await tab.goto(`${server.url}#/stats`);
  await tab.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  await tab.goto(`${server.url}#/settings`);
  await tab.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await tab.goto(`${server.url}#/quiz?mode=exam&n=3&seed=4`);
  await tab.locator('.counter', { hasText: 'Question 1 of 3' }).waitFor();
  await tab.goto(`${server.url}#/quiz?mode=cards&t=60&n=3&seed=2`);
  await tab.locator('h1.prompt').waitFor();
  await tab.goto(`${server.url}#/browse?s=csrf`);
  await tab.locator('.rows .row').first().waitFor();
  const first = bank().questions.find((q) => q.kind !== 'flashcard');
  await tab.goto(`${server.url}#/q/${shortCode(first.id)}`);
  await tab.getByRole('heading', { level: 1, name: first.prompt.replaceAll('`', '') }).waitFor();
  await tab.goto(`${server.url}index.html#/nowhere`);
  await tab.getByText('This page does not exist.').waitFor();
  await tab.goto(server.url);
  await tab.locator('.history li').first().waitFor();
  await axe(tab, 'home, offline');

  assert.equal(server.requests, served, 'a request reached the host while offline');
  g.assertClean();
  tabGuard.assertClean();
  await context.close();
  await server.close();
});

test("the manifest and service worker pass Chromium's installability check", async () => {
  const server = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'quiz-install-'));
  // Installability is never granted to incognito contexts: this one has a profile on disk.
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const g = guard(page);
    await g.ready;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start quiz' }).waitFor();
    await installed(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'the manifest has errors');
    assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], `not installable: ${JSON.stringify(installabilityErrors)}`);
    g.assertClean();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
});

test('a new deployment: the open app offers it, keeps the old one until asked, then reloads into it', async () => {
  const server = await serve();
  const { context, page, guard: g } = await open(browser, server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await installed(page);
  const before = await matching(page);
  const link = `${server.url}#/quiz?seed=1&q=${shortCode(ADDED.id)}`;
  await page.goto(link);
  await page.getByText('None of the questions this link names are in this version of the app.').waitFor();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();

  // Deploy the second build at the same address; the open tab checks when it is shown again.
  server.setDir(UPDATE_DIST);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const bar = page.getByRole('region', { name: 'Update' });
  await bar.getByRole('status').getByText('A new version of the quiz is ready.').waitFor();
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [375, 'light'],
    [375, 'dark'],
  ]) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(ARTIFACTS, `update-${width}-${colorScheme}.png`) });
    await axe(page, `update offer, ${width} px ${colorScheme}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  }
  // Over a question on a phone, the bar leaves room to scroll the page's own buttons above it.
  await page.locator('label.chip', { hasText: /^5$/ }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.locator('h1.prompt').waitFor();
  // After the app has focused the new screen's heading: that focus scrolls the heading into
  // view, and scrolling before it raced with it (the page was seen back at the top).
  await headingFocused(page);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.screenshot({ path: join(ARTIFACTS, 'update-quiz-375-dark.png') });
  const clear = await page.evaluate(
    () => [...document.querySelectorAll('main button')].at(-1).getBoundingClientRect().bottom <= document.querySelector('.update').getBoundingClientRect().top,
  );
  assert.ok(clear, "the update bar covers the page's last button even when scrolled to the end");
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Later: the bar goes; the old version keeps running, even across a reload (the new one only
  // waits), so old and new files never mix; the offer comes back.
  await bar.getByRole('button', { name: 'Later' }).click();
  assert.equal(await bar.count(), 0);
  await page.goto(server.url);
  await page.reload();
  await bar.getByRole('status').getByText('A new version of the quiz is ready.').waitFor();
  assert.equal(await matching(page), before, 'the new version ran before the user asked for it');
  // The old version reads its own bank: the reworded question still has its old words.
  const reworded = `${server.url}#/q/${shortCode(REWORDED.id)}`;
  await page.goto(reworded);
  await page.locator('h1.prompt', { hasText: REWORDED.before }).waitFor();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  const oldIndex = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')).filter(Boolean));
  for (const src of scripts) assert.ok(oldIndex.includes(src), `${src} is not a file of the old version`);

  // Reload, by keyboard: the new version runs, with its new question, and the old cache is gone.
  const reload = bar.getByRole('button', { name: 'Reload' });
  await reload.focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await matching(page), before + 1, 'the new version does not show its new question');
  assert.equal(await bar.count(), 0);
  const newIndex = readFileSync(join(UPDATE_DIST, 'index.html'), 'utf8');
  for (const src of await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')).filter(Boolean))) {
    assert.ok(newIndex.includes(src), `${src} is not a file of the new version`);
  }
  await page.goto(link);
  assert.equal((await page.locator('h1.prompt').textContent()).trim(), ADDED.prompt);
  await page.goto(reworded);
  await page.locator('h1.prompt', { hasText: REWORDED.after }).waitFor();
  assert.deepEqual(await cacheNames(page), [`django-quiz:/quiz/app/:${versionOf(UPDATE_DIST)}`]);
  g.assertClean();
  await context.close();
  await server.close();
});

test('a deployment whose bank arrives incomplete is never installed: the old version keeps running', async () => {
  // The new build with one data file missing, as a host part-way through an upload serves it.
  const partial = mkdtempSync(join(tmpdir(), 'quiz-partial-'));
  cpSync(UPDATE_DIST, partial, { recursive: true });
  const gone = readdirSync(join(partial, 'bank')).find((f) => readFileSync(join(partial, 'bank', f), 'utf8').length > 0);
  rmSync(join(partial, 'bank', gone));
  const server = await serve();
  const { context, page, guard: g } = await open(browser, server.url, { allow: [new RegExp(`HTTP 404: .*bank/${gone}`)] });
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await installed(page);
  const before = await matching(page);
  server.setDir(partial);
  const outcome = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const found = new Promise((ok) =>
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        w.addEventListener('statechange', () => {
          if (w.state === 'redundant' || w.state === 'installed') ok(w.state);
        });
      }),
    );
    await reg.update().catch(() => {});
    return found;
  });
  assert.equal(outcome, 'redundant', 'a version with a missing data file was installed');
  await page.reload();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Update' }).count(), 0, 'an incomplete version was offered');
  assert.equal(await matching(page), before);
  // Every question of the old version is still there, offline too.
  await context.setOffline(true);
  await page.goto(`${server.url}#/browse?s=csrf`);
  await page.locator('.rows .row').first().waitFor();
  // The old version's cache is whole (the failed install may keep what it got, to resume later).
  assert.ok((await cacheNames(page)).includes(`django-quiz:/quiz/app/:${versionOf(DIST)}`));
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')).filter(Boolean));
  const oldIndex = readFileSync(join(DIST, 'index.html'), 'utf8');
  for (const src of scripts) assert.ok(oldIndex.includes(src), `${src} is not a file of the old version`);
  g.assertClean();
  await context.close();
  await server.close();
  rmSync(partial, { recursive: true, force: true });
});

test("one build works at a host's root too, and its 404 page leads into the app from any path", async () => {
  for (const base of ['/', '/a/b/c/']) {
    const server = await serve(DIST, base, { notFound: '404.html' });
    // The 404 page's own status, and its look-ups for the app's folder on the way up.
    const allow = [/HTTP 404: /, /Failed to load resource: the server responded with a status of 404/];
    const { context, page, guard: g } = await open(browser, `${server.url}quiz?seed=3&n=5`, { allow });
    await page.waitForURL(`${server.url}#/quiz?seed=3&n=5`);
    assert.match(await page.locator('.counter').textContent(), /Question 1 of 5/);
    await page.goto(`${server.url}no/such/page`);
    await page.waitForURL(`${server.url}#/no/such/page`);
    await page.getByText('This page does not exist.').waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);
    g.assertClean();
    await context.close();
    await server.close();
  }
});

test('make serve: a development build at the address of a release build removes its service worker', async () => {
  // What `trunk serve` serves: public/sw.js as sw.js, and an index.html that registers nothing
  // and has no policy (its live reload is an inline script). The title tells the two apart.
  const dev = mkdtempSync(join(tmpdir(), 'quiz-dev-'));
  cpSync(DIST, dev, { recursive: true });
  cpSync(join(ROOT, 'public/sw.js'), join(dev, 'sw.js'));
  const index = readFileSync(join(DIST, 'index.html'), 'utf8')
    .replace(/<meta http-equiv=Content-Security-Policy[^>]*>/, '')
    .replace(/<script src=\.\/pwa-\w+\.js type=module><\/script>/, '')
    .replace('<title>Django Interview Quiz</title>', '<title>Development build</title>');
  writeFileSync(join(dev, 'index.html'), index);

  const server = await serve();
  const { context, page, guard: g } = await open(browser, server.url);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  await installed(page);
  server.setDir(dev);
  await page.reload();
  await page.waitForFunction(() => document.title === 'Development build');
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(await cacheNames(page), []);
  g.assertClean();
  await context.close();
  await server.close();
  rmSync(dev, { recursive: true, force: true });
});
