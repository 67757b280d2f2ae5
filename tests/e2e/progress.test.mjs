// Progress that is never lost: answers feed the schedule and the stats, survive reloads, move
// between browsers by export and import, survive two tabs answering at once, and corrupt or
// unavailable storage is reported in plain words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { open, guard as watch, shot, currentQuestion, pick, rightTexts, wrongTexts, bank, axe } from './harness.mjs';
import { server, browser } from './suite.mjs';

/** Answers every question of the quiz open on the page: right where `right(k)`, else wrong. */
async function answerAll(page, right = () => true) {
  const total = Number((await page.locator('.counter').textContent()).match(/of (\d+)$/)[1]);
  const ids = [];
  for (let k = 0; k < total; k++) {
    const q = await currentQuestion(page);
    ids.push(q.id);
    await pick(page, right(k) ? rightTexts(q) : wrongTexts(q));
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('button', { name: k === total - 1 ? 'See results' : 'Next question' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  return ids;
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('django-quiz')));
const tile = async (page, label) => Number(await page.locator('.tiles li', { hasText: label }).locator('strong').textContent());

test('answers feed the schedule and the stats, and survive a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.install();
  const page = await context.newPage();
  const guard = watch(page);
  await page.goto(`${server.url}#/quiz?areas=orm&n=4&seed=3`);
  await page.locator('h1.prompt').waitFor();
  const ids = await answerAll(page, (k) => k !== 1);
  const doc = await stored(page);
  assert.equal(doc.version, 2);
  assert.deepEqual(Object.keys(doc.memory).sort(), [...ids].sort());
  assert.equal(doc.memory[ids[1]][10], false, 'stored as [due, last, s, d, days, reps, lapses, state, seen, right, ok]');
  await page.reload();
  await page.goto(`${server.url}#/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.due').count(), 0, 'nothing is due the same day');
  // A day later the wrong one is due; the right ones are days away. The home offers the review.
  await page.clock.fastForward('24:00:00');
  await page.reload();
  const due = page.locator('.due');
  assert.equal(await due.locator('p').textContent(), '1 question is due for review today');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  assert.equal(await tile(page, 'seen of'), 4);
  assert.equal(await tile(page, 'due today'), 1);
  assert.equal(await tile(page, 'streak'), 1, 'yesterday counts until today has answers');
  const orm = bank().areas.find((a) => a.id === 'orm').title;
  assert.match(
    await page.getByRole('img', { name: new RegExp(`^${orm.replace(/[&]/g, '\\$&')}: 0 of \\d+ mastered, 4 seen$`) }).getAttribute('aria-label'),
    /4 seen/,
  );
  assert.equal(await page.locator('.calendar rect:not(.l0)').count(), 1);
  assert.match(await page.locator('.weak li').first().textContent(), /75% right/);
  await shot(page, 'stats-1280-light');
  await axe(page, 'stats');
  // "Review now" quizzes exactly the due question.
  await page.goto(`${server.url}#/`);
  await due.getByRole('button', { name: 'Review now' }).click();
  await page.locator('h1.prompt').waitFor();
  assert.equal((await currentQuestion(page)).id, ids[1]);
  assert.match(await page.locator('.counter').textContent(), /of 1$/);
  guard.assertClean();
  await context.close();
});

test('export, then import into a fresh browser profile, restores the progress', async () => {
  const { context, page, guard } = await open(browser, `${server.url}#/quiz?areas=views&n=3&seed=8`);
  await page.locator('h1.prompt').waitFor();
  await answerAll(page, (k) => k !== 0);
  await page.goto(`${server.url}#/settings`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my progress' }).click()]);
  assert.match(download.suggestedFilename(), /^django-quiz-progress-\d{4}-\d\d-\d\d\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const exported = JSON.parse(text);
  assert.equal(exported.version, 2);
  await shot(page, 'settings-1280-light');
  await axe(page, 'settings');
  guard.assertClean();
  await context.close();

  const fresh = await open(browser, `${server.url}#/settings`, { width: 375, height: 800, colorScheme: 'dark' });
  const p = fresh.page;
  await p.getByLabel('Progress file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"theme":"dark"}') });
  await p.getByText('This file is not a progress file of this app').waitFor();
  await p.getByLabel('Progress file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = p.getByRole('region', { name: 'What the import would change' });
  await preview.waitFor();
  const answers = preview.getByRole('row', { name: /^Answers/ });
  assert.deepEqual((await answers.locator('td').allTextContents()).map(Number), [0, 3, 3]);
  await shot(p, 'import-preview-375-dark');
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the preview fits a phone screen');
  await axe(p, 'import preview (phone, dark)');
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await p.getByText('Imported: the file was merged into your progress.').waitFor();
  // The input was emptied, so picking the same file again is a change the page hears (a
  // browser fires none for the file already chosen).
  assert.equal(await p.getByLabel('Progress file').inputValue(), '');
  const doc = await stored(p);
  assert.deepEqual(doc.memory, exported.memory);
  assert.equal(doc.history.length, 1);
  await p.goto(`${server.url}#/stats`);
  assert.equal(await tile(p, 'seen of'), 3);
  await shot(p, 'stats-375-dark');
  await axe(p, 'stats (phone, dark)');

  // Reset is behind a confirmation.
  await p.goto(`${server.url}#/settings`);
  await p.getByRole('button', { name: 'Reset all progress…' }).click();
  const confirm = p.getByRole('alertdialog');
  assert.match(await confirm.textContent(), /Delete 3 answers, 1 quiz and 0 bookmarks for good\?/);
  // The button that asked is gone: focus is on the safe answer, so Enter keeps everything.
  await p.waitForFunction(() => document.activeElement?.textContent === 'Keep my progress', null, { timeout: 5000 });
  await p.keyboard.press('Enter');
  assert.equal(Object.keys((await stored(p)).memory).length, 3);
  // Closing the question puts focus back on the button that asked it, either way.
  await p.waitForFunction(() => document.activeElement?.textContent === 'Reset all progress…', null, { timeout: 5000 });
  await p.keyboard.press('Enter');
  await p.getByRole('button', { name: 'Delete everything' }).click();
  await p.getByText('All progress was deleted.').waitFor();
  assert.deepEqual((await stored(p)).memory, {});
  await p.waitForFunction(() => document.activeElement?.textContent === 'Reset all progress…', null, { timeout: 5000 });
  fresh.guard.assertClean();
  await fresh.context.close();
});

test("two tabs answering at once: nothing is lost, and each tab sees the other's answers", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const a = await context.newPage();
  const b = await context.newPage();
  const ga = watch(a);
  const gb = watch(b);
  await a.goto(`${server.url}#/quiz?areas=forms&n=3&seed=1`);
  await b.goto(`${server.url}#/quiz?areas=caching&n=3&seed=1`);
  await a.locator('h1.prompt').waitFor();
  await b.locator('h1.prompt').waitFor();
  // Interleave: A answers, B answers, A finishes, B finishes. Each tab loaded before the other
  // wrote anything.
  const ids = [];
  for (let k = 0; k < 3; k++) {
    for (const page of [a, b]) {
      const q = await currentQuestion(page);
      ids.push(q.id);
      await pick(page, rightTexts(q));
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByRole('button', { name: k === 2 ? 'See results' : 'Next question' }).click();
    }
  }
  const doc = await stored(a);
  assert.deepEqual(Object.keys(doc.memory).sort(), [...ids].sort());
  assert.equal(doc.history.length, 2, 'both finished quizzes are in the history');
  // Tab A shows tab B's answers without a reload (the storage event).
  await a.goto(`${server.url}#/stats`);
  assert.equal(await tile(a, 'seen of'), 6);
  ga.assertClean();
  gb.assertClean();
  await context.close();
});

test('corrupt stored data: the app starts, keeps what it can, sets the rest aside and offers it for download', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const g = watch(page);
  await page.goto(server.url);
  // The app must be running before the data is damaged: an app that starts after the write
  // would repair it in this page, and the reload would then find nothing to report.
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  const damaged = '{"version":2,"memory":{"orm-x":[1,1,1,5,1,1,0,2,1,0,false],"bad":42},"bookmarks":["views-y"]}';
  await page.evaluate((v) => localStorage.setItem('django-quiz', v), damaged);
  await page.reload();
  const notice = page.getByRole('alert');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Part of your saved progress could not be read/);
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the damaged data' }).click()]);
  assert.equal(await readFile(await download.path(), 'utf8'), damaged);
  const doc = await stored(page);
  assert.deepEqual(Object.keys(doc.memory), ['orm-x']);
  assert.deepEqual(doc.bookmarks, ['views-y']);
  await shot(page, 'notice-damaged-1280-light');
  await axe(page, 'damaged-data notice');

  // The notice shows once; the copy stays listed in Settings until the user deletes it.
  await page.reload();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the repaired data is not reported again');
  await page.goto(`${server.url}#/settings`);
  const aside = page.getByRole('region', { name: 'Set-aside data' });
  const rows = aside.getByRole('listitem');
  // Settings' code arrives on first use: wait for the screen, then count.
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().locator('span').textContent(), new RegExp(`^Set aside \\w.*2\\d{3}.*\\d:\\d\\d.*\u00a0· ${damaged.length}\u00a0bytes$`));
  const [again] = await Promise.all([page.waitForEvent('download'), rows.first().getByRole('button', { name: 'Download' }).click()]);
  assert.equal(await readFile(await again.path(), 'utf8'), damaged);
  await rows.first().getByRole('button', { name: 'Delete…' }).click();
  // The button that opened the question is gone: focus goes to the safe answer.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Keep it', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  assert.equal(await rows.count(), 1, 'Keep it keeps the copy');
  // ... and puts focus back on the button that asked, so Enter asks again.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Delete…', null, { timeout: 5000 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'settings-aside-focus-back-1280-dark');
  await axe(page, 'settings with a set-aside copy, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Enter');
  await aside.getByRole('alertdialog').waitFor();
  await shot(page, 'settings-aside-1280-light');
  await axe(page, 'settings with a set-aside copy');
  await page.setViewportSize({ width: 375, height: 800 });
  await rows.first().scrollIntoViewIfNeeded();
  await shot(page, 'settings-aside-375-light');
  await axe(page, 'settings with a set-aside copy, phone width');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'settings-aside-375-dark');
  await axe(page, 'settings with a set-aside copy, phone width, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const question = aside.getByRole('alertdialog');
  assert.match(await question.textContent(), /^Delete the copy set aside \w.*2\d{3}.* for good\? It cannot be brought back\./);
  await question.getByRole('button', { name: 'Delete the copy' }).click();
  await page.getByRole('status').getByText('The set-aside copy was deleted.').waitFor();
  assert.equal(await aside.count(), 0, 'the section goes with its last copy');
  // Its row and section are gone: focus goes to the page's heading, not to the void.
  await page.waitForFunction(() => document.activeElement?.id === 'settings-title', null, { timeout: 5000 });
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(!keys.some((k) => k.startsWith('django-quiz.backup.')), keys.join(', '));
  assert.deepEqual(Object.keys((await stored(page)).memory), ['orm-x'], 'the progress itself is untouched');
  g.assertClean();
  await context.close();
});

test('storage disabled: the quiz still works and says progress will not be saved', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const g = watch(page);
  await page.goto(`${server.url}#/quiz?n=2&seed=4`);
  await page.getByRole('alert').getByText('your progress will not be saved').waitFor();
  await answerAll(page);
  assert.equal(await page.locator('.big-score strong').textContent(), '2 / 2');
  await page.goto(`${server.url}#/stats`);
  assert.equal(await tile(page, 'seen of'), 2, 'kept in memory for this visit');
  g.assertClean();
  await context.close();
});
