// The first playable slice, driven as a user would in real Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, currentQuestion, pick, rightTexts, wrongTexts, bank, axe, headingFocused } from './harness.mjs';
import { server, browser } from './suite.mjs';

async function startQuiz(page, count) {
  await page.getByRole('heading', { level: 1, name: 'Practise for your Django interview' }).waitFor();
  await page.locator('label.chip', { hasText: new RegExp(`^${count}$`) }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.locator('h1.prompt').waitFor();
}

test('a whole quiz: answer right and wrong, see the score and review, reload keeps the history', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await shot(page, 'home-1280-light');
  await axe(page, 'home');
  await startQuiz(page, 5);
  await axe(page, 'quiz question');
  assert.match(await page.locator('.counter').textContent(), /Question 1 of 5/);

  // Check with nothing picked: a hint, not an answer.
  await page.getByRole('button', { name: 'Check' }).click();
  await assert.doesNotReject(page.getByText('Choose an answer first.').waitFor());

  const plan = [true, false, true, false, true];
  const expected = [];
  for (const [k, right] of plan.entries()) {
    assert.match(await page.locator('.counter').textContent(), new RegExp(`Question ${k + 1} of 5`));
    const q = await currentQuestion(page);
    expected.push({ q, right });
    await pick(page, right ? rightTexts(q) : wrongTexts(q));
    if (k === 1) await shot(page, 'quiz-1280-light');
    await page.getByRole('button', { name: 'Check' }).click();
    const verdict = page.locator('.feedback .verdict');
    assert.equal(await verdict.textContent(), right ? 'Correct.' : 'Not quite.');
    // Feedback shows the explanation and a link to the Django docs page of the question.
    assert.equal(await page.locator('.feedback a.docs').getAttribute('href'), q.docs);
    await assert.doesNotReject(page.locator('.feedback .explanation').waitFor());
    if (!right) {
      const shown = (await page.locator('.feedback ul.answer').textContent()).replace(/\s+/g, ' ');
      for (const t of rightTexts(q)) assert.ok(shown.includes(t.replaceAll('`', '')), `${shown} lacks ${t}`);
      if (k === 1) {
        await shot(page, 'feedback-1280-light');
        await axe(page, 'quiz feedback');
      }
    }
    const next = k === plan.length - 1 ? 'See results' : 'Next question';
    await page.getByRole('button', { name: next }).click();
  }

  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const right = plan.filter(Boolean).length;
  assert.equal(await page.locator('.big-score strong').textContent(), `${right} / 5`);
  assert.equal(await page.locator('.big-score span').textContent(), `${right * 20}%`);
  const items = page.locator('.review-item');
  assert.equal(await items.count(), 5);
  for (const [i, { q, right: ok }] of expected.entries()) {
    const item = items.nth(i);
    assert.equal(await item.locator('.verdict').textContent(), ok ? 'Right' : 'Wrong');
    assert.equal((await item.locator('h3.prompt').textContent()).trim(), q.prompt.replaceAll('`', ''));
    assert.equal(await item.locator('a.docs').getAttribute('href'), q.docs);
  }
  await shot(page, 'results-1280-light');
  await axe(page, 'results');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.big-score strong').textContent(), `${right} / 5`);
  await page.getByRole('link', { name: 'New quiz' }).click();
  await page.locator('.history li').first().waitFor();
  assert.match(await page.locator('.history li .score').first().textContent(), new RegExp(`^${right} / 5$`));
  await page.reload();
  assert.match(await page.locator('.history li .score').first().textContent(), new RegExp(`^${right} / 5$`));
  await shot(page, 'home-history-1280-light');
  await axe(page, 'home with history');
  guard.assertClean();
  await context.close();
});

test('keyboard only: choose with Space, check and move on with Enter', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await startQuiz(page, 5);
  for (let k = 0; k < 5; k++) {
    const q = await currentQuestion(page);
    // Focus starts on the question; Tab reaches the first choice (after a code block, if any).
    await headingFocused(page);
    const first = page.locator('input[name^=choice]').first();
    for (let tabs = 0; tabs < 4 && !(await first.evaluate((el) => el === document.activeElement)); tabs++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await first.evaluate((el) => el === document.activeElement), 'Tab did not reach the first choice');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.locator('.feedback .verdict').waitFor();
    const firstText = (await page.locator('label.choice .text').first().textContent()).trim();
    const correct = q.answer.length === 1 && q.choices[q.answer[0]].replaceAll('`', '') === firstText;
    assert.equal(await page.locator('.feedback .verdict').textContent(), correct ? 'Correct.' : 'Not quite.');
    // Focus is on the (now "Next") button, so Enter moves on.
    const focused = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);
    assert.equal(focused, k === 4 ? 'BUTTON See results' : 'BUTTON Next question');
    await page.keyboard.press('Enter');
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  guard.assertClean();
  await context.close();
});

test('a reload in the middle of a quiz resumes at the same question', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await startQuiz(page, 5);
  const q1 = await currentQuestion(page);
  await pick(page, rightTexts(q1));
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Next question' }).click();
  const q2 = await currentQuestion(page);
  await page.reload();
  await page.locator('h1.prompt').waitFor();
  assert.equal((await currentQuestion(page)).id, q2.id);
  assert.match(await page.locator('.counter').textContent(), /Question 2 of 5/);
  await page.goto(server.url);
  await page.getByText(/unfinished quiz: 1 of 5 answered/).waitFor();
  guard.assertClean();
  await context.close();
});

test('bad links and corrupt storage get plain messages, never a crash', async () => {
  const { context, page, guard } = await open(browser, null);
  await page.goto(`${server.url}#/quiz?seed=1&areas=%3Cimg%20src=x%20onerror=alert(1)%3E`);
  await page.getByRole('heading', { name: 'This link does not lead to a quiz' }).waitFor();
  assert.equal(await page.locator('img').count(), 0);
  await shot(page, 'bad-link-1280-light');
  await axe(page, 'bad link');
  await page.goto(`${server.url}#/nowhere`);
  await page.getByText('This page does not exist.').waitFor();

  // Corrupt stored data: kept aside under a backup key, a notice says so, the app works.
  await page.evaluate(() => localStorage.setItem('django-quiz', '{"version":1,"history":[tru'));
  await page.goto(server.url);
  await page
    .getByRole('alert')
    .getByText(/could not be read/)
    .waitFor();
  const backups = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('django-quiz.backup.')));
  assert.equal((await backups()).length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), (await backups())[0]), '{"version":1,"history":[tru');
  await shot(page, 'corrupt-notice-1280-light');
  await axe(page, 'storage notice');
  // The next visit starts clean: no second notice, no second backup.
  await page.reload();
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal((await backups()).length, 1);
  await startQuiz(page, 5);
  guard.assertClean();
  await context.close();
});

test('screens at phone width in dark mode', async () => {
  const { context, page, guard } = await open(browser, server.url, { width: 375, height: 800, colorScheme: 'dark' });
  await shot(page, 'home-375-dark');
  await axe(page, 'home, dark');
  await startQuiz(page, 5);
  const q = await currentQuestion(page);
  await pick(page, wrongTexts(q));
  await page.getByRole('button', { name: 'Check' }).click();
  await shot(page, 'feedback-375-dark');
  await axe(page, 'quiz feedback, dark');
  // Nothing is wider than the phone screen (code blocks scroll inside themselves).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  guard.assertClean();
  await context.close();
});

test('screens at phone width in light mode and desktop in dark mode', async () => {
  for (const [width, scheme] of [
    [375, 'light'],
    [1280, 'dark'],
  ]) {
    const { context, page, guard } = await open(browser, server.url, { width, height: 850, colorScheme: scheme });
    await startQuiz(page, 5);
    await shot(page, `quiz-${width}-${scheme}`);
    for (let k = 0; k < 5; k++) {
      const q = await currentQuestion(page);
      await pick(page, k % 2 ? wrongTexts(q) : rightTexts(q));
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
    await shot(page, `results-${width}-${scheme}`);
    await axe(page, `results, ${scheme}`);
    guard.assertClean();
    await context.close();
  }
});

test('Enter checks after a choice is picked by its number key, in practice and in the mock interview', async () => {
  const { context, page, guard } = await open(browser, `${server.url}#/quiz?n=10&seed=5`);
  await page.locator('h1.prompt').waitFor();
  await headingFocused(page);
  // Focus stays on the heading after the key picks the choice: Enter must still check.
  await page.keyboard.press('1');
  await page.locator('label.choice input:checked').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.feedback .verdict').waitFor();
  // In the mock interview Enter is "next", as the help list says, wherever focus is.
  await page.goto(`${server.url}#/quiz?mode=exam&n=5&seed=5`);
  await page.locator('h1.prompt').waitFor();
  await headingFocused(page);
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Question 2 of 5$/.test(document.querySelector('.counter')?.textContent.trim()), null, { timeout: 5000 });
  guard.assertClean();
  await context.close();
});
