// Sharing a quiz as a link: the same questions, order and choice order for whoever opens it,
// a score to beat, and plain messages for damaged, old, new or hostile links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, currentQuestion, pick, rightTexts, wrongTexts, bank, axe } from './harness.mjs';
import { server, browser } from './suite.mjs';

const chip = (page, text) => page.locator('label.chip', { hasText: new RegExp(`^${text}$`) });

/** Shares with the button and returns the link, checking the clipboard got the same one. */
async function shareLink(page, context, name) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.getByRole('button', { name }).click();
  await page.getByText('Link copied to the clipboard.').waitFor();
  const shown = await page.getByLabel('Link').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
  return shown;
}

/** Each question's id and its choices in the order shown, answering as `answer(k, q)` says. */
async function takeExam(page, answer) {
  const total = Number((await page.locator('.counter').textContent()).match(/of (\d+)$/)[1]);
  const seen = [];
  for (let k = 0; k < total; k++) {
    const q = await currentQuestion(page);
    seen.push({ id: q.id, choices: (await page.locator('label.choice .text').allTextContents()).map((t) => t.trim()) });
    await pick(page, answer(k, q));
    if (k < total - 1) await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Hand in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  return seen;
}

test('a shared quiz is the same quiz for whoever opens it, with the score to beat', async () => {
  const sharer = await open(browser, server.url);
  const { page, context } = sharer;
  await page.getByLabel(/^Mock interview/).check();
  await chip(page, '10\u00a0min').click();
  await chip(page, '5').click();
  const link = await shareLink(page, context, 'Share this quiz');
  assert.match(link, /#\/s\/2\.52\.e10\.[0-9a-z]+\.[0-9a-z]{25}$/);
  await shot(page, 'home-shared-1280-light');
  await axe(page, 'home with a share link');
  // The sharer takes the quiz they shared: same seed.
  await page.getByRole('button', { name: 'Start mock interview' }).click();
  await page.locator('h1.prompt').waitFor();
  const mine = await takeExam(page, (k, q) => (k < 3 ? rightTexts(q) : wrongTexts(q)));
  assert.equal(await page.locator('.big-score strong').textContent(), '3 / 5');
  const challenge = await shareLink(page, context, 'Challenge a friend');
  assert.match(challenge, /\.3-5$/);
  await shot(page, 'results-challenge-1280-light');
  sharer.guard.assertClean();
  await sharer.context.close();

  // Someone else, on another device: empty storage, phone width.
  const friend = await open(browser, challenge, { width: 375, height: 800 });
  const p = friend.page;
  await p.getByRole('heading', { level: 1, name: 'Can you beat 3/5?' }).waitFor();
  assert.match(await p.locator('.shared .lead').textContent(), /^5 questions · Mock interview: 10\u00a0minutes/);
  assert.equal(await p.evaluate(() => localStorage.getItem('django-quiz')), null, 'nothing stored before starting');
  await shot(p, 'shared-375-light');
  await axe(p, 'shared quiz landing');
  await p.getByRole('button', { name: 'Start the quiz' }).click();
  await p.locator('h1.prompt').waitFor();
  const theirs = await takeExam(p, (k, q) => rightTexts(q));
  assert.deepEqual(theirs, mine, 'same questions, same order, same choice order');
  assert.equal(await p.locator('.big-score strong').textContent(), '5 / 5');
  assert.equal(await p.locator('.versus').textContent(), 'Score to beat: 3 / 5. You beat it!');
  friend.guard.assertClean();
  await friend.context.close();
});

test('a twenty-question link is short, and one question can be shared from its page', async () => {
  const { page, context, guard } = await open(browser, server.url);
  await chip(page, '20').click();
  const link = await shareLink(page, context, 'Share this quiz');
  const fragment = link.slice(link.indexOf('#'));
  assert.ok(fragment.length < 130, `${fragment.length} characters: ${fragment}`);
  const q = bank().questions.find((x) => x.kind === 'single');
  await page.goto(`${server.url}#/browse?s=${encodeURIComponent(q.prompt.split(' ').slice(0, 6).join(' ').replaceAll('`', ''))}`);
  await page.locator('.rows .row-link').first().click();
  const one = await shareLink(page, context, 'Share this question');
  await page.goto(one);
  await page.getByRole('heading', { level: 1, name: 'A quiz shared with you' }).waitFor();
  assert.match(await page.locator('.shared .lead').textContent(), /^1 question · Practice/);
  guard.assertClean();
  await context.close();
});

test('damaged, newer, emptied and hostile links get a plain message and never touch progress', async () => {
  const { page, context, guard } = await open(browser, `${server.url}#/quiz?n=1&seed=3`);
  await page.locator('h1.prompt').waitFor();
  await page.getByRole('button', { name: "I don't know" }).click();
  const before = await page.evaluate(() => localStorage.getItem('django-quiz'));
  const cases = [
    ['1.p.5.abc', 'This share link is damaged or cut short.'],
    ['1.p.5', 'This share link is damaged or cut short.'],
    ['7.p.5.abcde', 'This share link was made by a newer version of the app.'],
    ['1.p.5.zzzzzyyyyy', 'None of the questions this link names are in this version of the app.'],
    ['1.p.5.<img src=x onerror=alert(1)>', 'This share link is damaged or cut short.'],
    [`1.p.5.abcde.${'9'.repeat(5000)}`, 'This link is too long to be one of ours.'],
    ['1.p.5.%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'This share link is damaged or cut short.'],
  ];
  page.on('dialog', () => assert.fail('a link opened a dialog'));
  for (const [payload, message] of cases) {
    await page.goto(`${server.url}#/s/${payload}`);
    await page.getByRole('heading', { level: 1, name: 'This link does not lead to a quiz' }).waitFor();
    assert.match(await page.locator('main').textContent(), new RegExp(message.replace(/[.()]/g, '\\$&')));
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('django-quiz')), before);
  }
  await shot(page, 'share-bad-link-1280-light');
  guard.assertClean();
  await context.close();
});

test('a link naming questions that are gone starts with the rest and says how many were dropped', async () => {
  const sharer = await open(browser, server.url);
  await chip(sharer.page, '5').click();
  const link = await shareLink(sharer.page, sharer.context, 'Share this quiz');
  await sharer.context.close();
  // Two codes no bank has: one in the middle, one at the end.
  const [head, codes] = [link.slice(0, link.lastIndexOf('.') + 1), link.slice(link.lastIndexOf('.') + 1)];
  const tampered = `${head}${codes.slice(0, 10)}zzzzz${codes.slice(10)}yyyyy`;
  const { page, context, guard } = await open(browser, tampered);
  await page.getByText('2 questions in this link are no longer in the app; the quiz has the others.').waitFor();
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  assert.match(await page.locator('.counter').textContent(), /of 5$/);
  guard.assertClean();
  await context.close();
});
