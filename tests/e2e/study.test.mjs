// Study features on top of the basic quiz: "I don't know", keys 1–9, kinds and "not answered
// yet" filters, the per-topic breakdown, and a review of the latest mistakes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, currentQuestion, pick, rightTexts, wrongTexts, forLts, axe } from './harness.mjs';
import { server, browser } from './suite.mjs';

const chip = (page, text) => page.locator('label.chip', { hasText: new RegExp(`^${text}$`) });
const matchCount = async (page) => Number((await page.locator('.match').textContent()).match(/^(\d+) matching/)?.[1] ?? 0);

test("I don't know, number keys, the topic breakdown and a mistakes review", async () => {
  const { context, page, guard } = await open(browser, server.url);
  await chip(page, '5').click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const wrong = [];
  for (let k = 0; k < 5; k++) {
    const q = await currentQuestion(page);
    if (k === 0) {
      await page.getByRole('button', { name: "I don't know" }).click();
      assert.equal(await page.locator('.feedback .verdict').textContent(), 'Not quite.');
      wrong.push(q.id);
    } else if (k === 1) {
      // Key 1 picks the first choice shown; Enter on the page's button checks it.
      await page.locator('h1.prompt').focus();
      await page.keyboard.press('1');
      assert.equal(await page.locator('input[name^=choice]').first().isChecked(), true);
      await page.getByRole('button', { name: 'Check' }).click();
      const first = (await page.locator('label.choice .text').first().textContent()).trim();
      const ok = q.answer.length === 1 && q.choices[q.answer[0]].replaceAll('`', '') === first;
      if (!ok) wrong.push(q.id);
    } else if (k === 2) {
      await pick(page, wrongTexts(q));
      await page.getByRole('button', { name: 'Check' }).click();
      wrong.push(q.id);
    } else {
      await pick(page, rightTexts(q));
      await page.getByRole('button', { name: 'Check' }).click();
    }
    await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.review-item .none').first().textContent(), "I didn't know");
  const topics = page.locator('table.breakdown tbody tr');
  if ((await topics.count()) > 0) {
    const totals = await topics.locator('td.num').allTextContents();
    assert.equal(
      totals.reduce((n, t) => n + Number(t.split('/')[1]), 0),
      5,
    );
  }
  await shot(page, 'results-breakdown-1280-light');
  await axe(page, 'results with breakdown');

  // Review mistakes: exactly the questions answered wrong, from the results page.
  await page.getByRole('link', { name: 'Review mistakes' }).click();
  await page.locator('h1.prompt').waitFor();
  assert.match(await page.locator('.counter').textContent(), new RegExp(`of ${wrong.length}$`));
  const seen = [];
  for (let k = 0; k < wrong.length; k++) {
    const q = await currentQuestion(page);
    seen.push(q.id);
    await pick(page, rightTexts(q));
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('button', { name: k === wrong.length - 1 ? 'See results' : 'Next question' }).click();
  }
  assert.deepEqual([...seen].sort(), [...wrong].sort());
  // All put right: home offers no review any more.
  await page.getByRole('link', { name: 'New quiz' }).click();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Review mistakes' }).count(), 0);
  guard.assertClean();
  await context.close();
});

test('kinds filter and "only questions I have not answered yet"', async () => {
  const { context, page, guard } = await open(browser, server.url);
  const all = await matchCount(page);
  await chip(page, 'True or false').click();
  const tf = forLts().filter((q) => q.kind === 'true-false').length;
  assert.equal(await matchCount(page), tf);
  await chip(page, '5').click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let k = 0; k < 5; k++) {
    const q = await currentQuestion(page);
    assert.equal(q.kind, 'true-false');
    assert.equal(await page.locator('.choices legend').textContent(), 'True or false?');
    await pick(page, rightTexts(q));
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
  }
  await page.getByRole('link', { name: 'New quiz' }).click();
  // The filters are kept; "not answered yet" now leaves out the five just answered.
  await page.getByLabel('Only questions I have not answered yet').check();
  assert.equal(await matchCount(page), tf - 5);
  await chip(page, 'True or false').click();
  assert.equal(await matchCount(page), all - 5);
  await shot(page, 'home-filters-1280-light');
  await axe(page, 'home with filters');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.locator('h1.prompt').waitFor();
  guard.assertClean();
  await context.close();
});

test('the keyboard shortcuts list opens with ? and passes axe', async () => {
  const { context, page, guard } = await open(browser, `${server.url}#/quiz?n=5&seed=7`);
  await page.locator('h1.prompt').waitFor();
  await page.keyboard.press('?');
  await page.locator('dl.shortcuts').waitFor();
  await axe(page, 'quiz with shortcuts');
  await shot(page, 'shortcuts-1280-light');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('dl.shortcuts').count(), 0);
  guard.assertClean();
  await context.close();
});

test('open questions: answer aloud, show the key points, tick them and rate yourself', async () => {
  const { context, page, guard } = await open(browser, server.url, { width: 375, height: 800 });
  await chip(page, 'Open question').click();
  assert.equal(await matchCount(page), forLts().filter((q) => q.kind === 'flashcard').length);
  await chip(page, '5').click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const plan = [
    [2, 'Good'],
    [0, 'Again'],
    [3, 'Easy'],
    [1, 'Hard'],
    [0, 'Again'],
  ];
  for (const [k, [ticks, rating]] of plan.entries()) {
    const q = await currentQuestion(page);
    assert.equal(q.kind, 'flashcard');
    assert.equal(await page.locator('input[name^=choice]').count(), 0, 'key points are hidden until shown');
    if (k === 0) {
      await shot(page, 'card-375-light');
      await axe(page, 'open question');
      await page.keyboard.press('Space');
    } else {
      await page.getByRole('button', { name: 'Show the key points' }).click();
    }
    const points = page.locator('input[name^=choice]');
    assert.equal(await points.count(), q.points.length);
    assert.equal(await page.getByRole('button', { name: 'Show the key points' }).count(), 0, 'the reveal button is gone once used');
    for (let t = 0; t < Math.min(ticks, q.points.length); t++) await points.nth(t).check();
    if (k === 0) {
      await shot(page, 'card-revealed-375-light');
      await axe(page, 'open question, revealed');
    }
    await page.getByRole('group', { name: 'How well did you answer?' }).getByRole('button', { name: rating }).click();
    assert.equal(await page.locator('.feedback .verdict').textContent(), `You rated this: ${rating}.`);
    await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  // "Again" counts as not known; the other ratings as known.
  assert.equal(await page.locator('.big-score strong').textContent(), '3 / 5');
  const first = page.locator('.review-item').first();
  assert.equal(await first.locator('.verdict').textContent(), 'Open question · you rated it Good');
  assert.match(await first.locator('.label').textContent(), /^Key points you covered: 2 of \d$/);
  await shot(page, 'card-results-375-light');
  await axe(page, 'results of open questions');
  guard.assertClean();
  await context.close();
});
