// The Django version a quiz is for: home's choice (5.2 LTS by default, or 6.1), a quiz that
// holds only questions true for it, the versions on every question, and share links that
// carry the version to whoever opens them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, currentQuestion, bank, axe, trueFor, shortCode } from './harness.mjs';
import { server, browser } from './suite.mjs';

const chip = (page, text) => page.locator('label.chip', { hasText: new RegExp(`^${text}`) });
/** The ids of an exam's questions, moving through it with Next, each checked for its version line. */
async function examIds(page) {
  const total = Number((await page.locator('.counter').textContent()).match(/of (\d+)$/)[1]);
  const ids = [];
  for (let k = 0; k < total; k++) {
    const q = await currentQuestion(page);
    // Every question says which Django versions it is true for.
    assert.match(await page.locator('.meta').textContent(), new RegExp(`Django ${q.versions.replace('+', '\\+')}`), q.id);
    ids.push(q.id);
    if (k < total - 1) await page.getByRole('button', { name: 'Next' }).click();
  }
  return ids;
}

test('a quiz for Django 6.1 holds only questions true for 6.1, and its share link opens the same quiz', async () => {
  const area = bank().areas.find((a) => a.id === 'models');
  const graded = bank().questions.filter((q) => q.area === 'models' && q.kind !== 'flashcard');
  const for52 = graded.filter((q) => trueFor(q, '5.2'));
  const for61 = graded.filter((q) => trueFor(q, '6.1'));
  // The bank must hold a question of each side here, or this test proves nothing.
  assert.ok(graded.some((q) => !trueFor(q, '6.1')) && graded.some((q) => !trueFor(q, '5.2')), 'models needs a 5.2-only question and its 6.x twin');

  const sharer = await open(browser, server.url);
  const { page, context } = sharer;
  const lts = page.getByLabel('5.2 LTS');
  await lts.waitFor();
  assert.ok(await lts.isChecked(), 'the LTS is the default');
  await page.getByLabel(/^Mock interview/).check();
  await chip(page, 'No timer').click();
  await chip(page, area.title).click();
  await chip(page, 'All').click();
  const status = page.locator('.match');
  await page.waitForFunction((n) => document.querySelector('.match')?.textContent.startsWith(`${n} matching`), for52.length);
  await page.getByLabel('6.1 (latest)').check();
  await page.waitForFunction((n) => document.querySelector('.match')?.textContent.startsWith(`${n} matching`), for61.length);
  assert.match(await status.textContent(), new RegExp(`^${for61.length} matching`));
  await shot(page, 'home-version-61-1280-light');
  await axe(page, 'home with Django 6.1 chosen');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.getByRole('button', { name: 'Share this quiz' }).click();
  await page.getByText('Link copied to the clipboard.').waitFor();
  const link = await page.getByLabel('Link').inputValue();
  assert.match(link, /#\/s\/2\.61\.e\.[0-9a-z]+\.[0-9a-z]+$/);

  await page.getByRole('button', { name: 'Start mock interview' }).click();
  await page.locator('h1.prompt').waitFor();
  assert.match(page.url(), /[?&]v=6\.1(&|$)/);
  const mine = await examIds(page);
  assert.deepEqual([...mine].sort(), for61.map((q) => q.id).sort());
  sharer.guard.assertClean();
  await sharer.context.close();

  // A friend with empty storage: the intro names the version, the quiz is the same.
  const friend = await open(browser, link, { width: 375, height: 800 });
  const p = friend.page;
  await p.getByRole('heading', { level: 1, name: 'A quiz shared with you' }).waitFor();
  assert.match(await p.locator('.shared').textContent(), /For Django 6\.1 \(latest\)\./);
  await shot(p, 'shared-version-61-375-light');
  await p.getByRole('button', { name: 'Start the quiz' }).click();
  await p.locator('h1.prompt').waitFor();
  assert.deepEqual(await examIds(p), mine);
  friend.guard.assertClean();
  await friend.context.close();
});

test('the question page shows the versions a question is true for, and a link of the first format still opens as 5.2', async () => {
  const only52 = bank().questions.find((q) => q.versions === '5.2 only');
  assert.ok(only52, 'the bank has a 5.2-only question');
  const code = shortCode(only52.id);
  const { page, guard, context } = await open(browser, `${server.url}#/q/${code}`);
  await page.locator('h1.prompt').waitFor();
  assert.match(await page.locator('.meta').textContent(), /Django 5\.2 only/);
  // Browse lists every question, each with its versions.
  await page.goto(`${server.url}#/browse?area=${only52.area}`);
  const row = page.locator('li.row', { has: page.locator(`a[href$="#/q/${code}"]`) });
  assert.match(await row.locator('.meta').textContent(), /Django 5\.2 only/);
  // A link shared before versions existed (format 1) is a 5.2 quiz.
  await page.goto(`${server.url}#/s/1.p.k3.${code}`);
  await page.getByRole('heading', { level: 1, name: 'A quiz shared with you' }).waitFor();
  assert.match(await page.locator('.shared').textContent(), /For Django 5\.2 LTS\./);
  guard.assertClean();
  await context.close();
});
