// Browse: search the bank, filter it, open a question on its own page, bookmark it (also with
// Shift+B in a quiz), and take the bookmarks as a quiz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, currentQuestion, bank, axe, headingFocused } from './harness.mjs';
import { server, browser } from './suite.mjs';

/** What the app's search finds: every word in the prompt, choices, key points or explanation. */
function expected(text, filter = () => true) {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replaceAll('`', ''));
  return bank().questions.filter((q) => {
    const hay = [q.prompt, ...q.choices, ...q.points, q.explanation].join('\n').replaceAll('`', '').toLowerCase();
    return filter(q) && words.every((w) => hay.includes(w));
  });
}
const listed = async (page) => Number((await page.locator('.list-head .match').textContent()).match(/^(\d+) question/)?.[1] ?? 0);

test('search, filter, open a question, bookmark it, and quiz the bookmarks', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Browse the questions' }).waitFor();
  assert.equal(await listed(page), bank().questions.length);
  assert.equal(await page.locator('.rows .row').count(), 40, 'the list starts with one page');
  // By keyboard: the button is patched in place as the list grows, so focus stays on it.
  await page.getByRole('button', { name: /^Show more/ }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.rows .row').count(), 80);
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Show more \(\d+ left\)$/, 'focus stays on "Show more"');

  await page.getByRole('searchbox', { name: 'Search' }).fill('select_related queries');
  const hits = expected('select_related queries');
  assert.ok(hits.length > 1 && hits.length < 40, `a focused search (${hits.length} hits)`);
  assert.equal(await listed(page), hits.length);
  assert.deepEqual(
    await page.locator('.rows .row-link').allTextContents(),
    hits.map((q) => q.prompt.replaceAll('`', '')),
  );
  assert.match(page.url(), /#\/browse\?s=select_related%20queries$/);
  await page.getByLabel('Level').selectOption('advanced');
  assert.equal(await listed(page), hits.filter((q) => q.level === 'advanced').length);
  await page.getByLabel('Level').selectOption('');
  await shot(page, 'browse-1280-light');
  await axe(page, 'browse');

  // The search survives a reload (it is in the URL).
  await page.reload();
  await page.locator('.rows .row').first().waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'select_related queries');
  assert.equal(await listed(page), hits.length);

  // A question on its own page: the answer is hidden until asked for.
  const q = hits[0];
  await page.locator('.rows .row-link').first().click();
  await page.getByRole('heading', { level: 1, name: q.prompt.replaceAll('`', '') }).waitFor();
  assert.equal(await page.locator('.feedback').count(), 0);
  await page.getByRole('button', { name: 'Show the answer' }).click();
  if (q.kind !== 'flashcard') {
    assert.deepEqual(
      (await page.locator('.choice.correct .text').allTextContents()).map((t) => t.trim()),
      q.answer.map((i) => q.choices[i].replaceAll('`', '')),
    );
  }
  assert.equal(await page.locator('.feedback .docs').getAttribute('href'), q.docs);
  const star = page.getByRole('button', { name: 'Bookmark' });
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.click();
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  await shot(page, 'question-1280-light');
  await axe(page, 'question page');

  // Back returns to the same search.
  await page.goBack();
  await page.locator('.rows .row').first().waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'select_related queries');

  // Bookmarks: one more from a quiz with Shift+B, then the bookmarks as a quiz.
  await page.goto(`${server.url}#/quiz?n=3&seed=12`);
  await page.locator('h1.prompt').waitFor();
  await headingFocused(page);
  const second = await currentQuestion(page);
  await page.keyboard.press('Shift+B');
  assert.equal(await page.getByRole('button', { name: 'Bookmark' }).getAttribute('aria-pressed'), 'true');
  await page.goto(`${server.url}#/`);
  const card = page.locator('.resume', { hasText: 'bookmarked questions' });
  const ids = new Set([q.id, second.id]);
  assert.equal(await card.locator('p').textContent(), `${ids.size} bookmarked questions`);
  await card.getByRole('link', { name: 'See them' }).click();
  await page.getByLabel('Bookmarked only').waitFor();
  assert.equal(await page.getByLabel('Bookmarked only').isChecked(), true);
  assert.equal(await listed(page), ids.size);
  await page.getByRole('button', { name: 'Quiz my bookmarks' }).click();
  await page.locator('h1.prompt').waitFor();
  assert.match(await page.locator('.counter').textContent(), new RegExp(`of ${ids.size}$`));
  const asked = new Set();
  for (let k = 0; k < ids.size; k++) {
    const cur = await currentQuestion(page);
    asked.add(cur.id);
    if (cur.kind === 'flashcard') {
      await page.getByRole('button', { name: 'Show the key points' }).click();
      await page.getByRole('button', { name: 'Good' }).click();
    } else {
      await page.getByRole('button', { name: "I don't know" }).click();
    }
    await page.getByRole('button', { name: k === ids.size - 1 ? 'See results' : 'Next question' }).click();
  }
  assert.deepEqual([...asked].sort(), [...ids].sort());
  guard.assertClean();
  await context.close();
});

test('browse and question pages at phone width in dark mode; unknown question links', async () => {
  const { context, page, guard } = await open(browser, `${server.url}#/browse?area=security&level=beginner`, { width: 375, height: 800, colorScheme: 'dark' });
  await page.locator('.rows .row').first().waitFor();
  const area = bank().areas.find((a) => a.id === 'security');
  assert.equal(await listed(page), bank().questions.filter((x) => x.area === 'security' && x.level === 'beginner').length);
  assert.equal(await page.getByLabel('Topic').inputValue(), 'security');
  assert.ok(area);
  await shot(page, 'browse-375-dark');
  await axe(page, 'browse (phone, dark)');
  await page.locator('.rows .row-link').first().click();
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await shot(page, 'question-375-dark');
  await axe(page, 'question page (phone, dark)');
  await page.goto(`${server.url}#/q/zzzzz`);
  await page.getByText('This question is not in this version of the app.').waitFor();
  guard.assertClean();
  await context.close();
});
