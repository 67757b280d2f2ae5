// The study modes: mock interview (question map, mark for review, hand in, timer running out,
// resume after reload, keyboard only) and flashcards (any question as a card, countdown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, guard as watch, shot, currentQuestion, pick, rightTexts, wrongTexts, bank, forLts, axe, shortCode, headingFocused } from './harness.mjs';
import { server, browser } from './suite.mjs';

const chip = (page, text) => page.locator('label.chip', { hasText: new RegExp(`^${text}$`) });
const mapButton = (page, n) => page.locator(`.map button[data-i="${n - 1}"]`);

test('mock interview: map, mark for review, change answers, resume after reload, hand in with a blank', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await page.getByLabel(/^Mock interview/).check();
  await chip(page, '10\u00a0min').click();
  await chip(page, '5').click();
  await shot(page, 'home-exam-1280-light');
  await axe(page, 'home, mock interview chosen');
  await page.getByRole('button', { name: 'Start mock interview' }).click();
  await page.locator('h1.prompt').waitFor();
  assert.match(await page.locator('.counter').textContent(), /Question 1 of 5$/);
  assert.match(await page.getByRole('timer').textContent(), /^(10:00|9:5\d)$/);
  assert.equal(await page.locator('.feedback').count(), 0);

  // 1: wrong first, then changed to right: no feedback either way.
  const q1 = await currentQuestion(page);
  assert.ok(q1.kind !== 'flashcard');
  await pick(page, wrongTexts(q1));
  if (q1.kind === 'multiple') await pick(page, wrongTexts(q1));
  await pick(page, rightTexts(q1));
  assert.equal(await page.locator('.choice.correct, .choice.wrong, .feedback').count(), 0, 'no feedback before hand-in');
  await page.getByRole('button', { name: 'Next' }).click();
  // 2: wrong, and marked for review.
  const q2 = await currentQuestion(page);
  await pick(page, wrongTexts(q2));
  await page.getByRole('button', { name: 'Mark for review', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: 'Mark for review', exact: true }).getAttribute('aria-pressed'), 'true');
  // 3 is left blank; jump to 5 with the map and answer it right.
  await mapButton(page, 5).click();
  assert.match(await page.locator('.counter').textContent(), /Question 5 of 5$/);
  const q5 = await currentQuestion(page);
  await pick(page, rightTexts(q5));
  assert.equal(await mapButton(page, 1).getAttribute('aria-label'), 'Question 1, answered');
  assert.equal(await mapButton(page, 2).getAttribute('aria-label'), 'Question 2, answered, marked for review');
  assert.equal(await mapButton(page, 3).getAttribute('aria-label'), 'Question 3, not answered');
  assert.equal(await mapButton(page, 5).getAttribute('aria-current'), 'step');
  assert.equal(await page.locator('.hand-in p').textContent(), '3 of 5 answered');
  await shot(page, 'exam-1280-light');
  await axe(page, 'mock interview');

  // A reload resumes at the same question with the answers and marks.
  await page.reload();
  await page.locator('h1.prompt').waitFor();
  assert.equal((await currentQuestion(page)).id, q5.id);
  assert.equal(await mapButton(page, 2).getAttribute('aria-label'), 'Question 2, answered, marked for review');
  await mapButton(page, 1).click();
  assert.equal((await currentQuestion(page)).id, q1.id);
  const checked = await page.$$eval('label.choice', (ls) =>
    ls.filter((l) => l.querySelector('input').checked).map((l) => l.querySelector('.text').textContent.trim()),
  );
  assert.deepEqual(
    checked.sort(),
    rightTexts(q1)
      .map((t) => t.replaceAll('`', ''))
      .sort(),
    'answer kept after reload',
  );
  // 4 is left blank too. Hand in: the app asks first, and "Keep answering" goes back.
  await page.getByRole('button', { name: 'Hand in' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Hand in now?' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /2 questions have no answer/);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Keep answering');
  await shot(page, 'exam-confirm-1280-light');
  await axe(page, 'hand-in confirmation');
  await dialog.getByRole('button', { name: 'Keep answering' }).click();
  assert.equal(await dialog.count(), 0);
  await page.getByRole('button', { name: 'Hand in' }).click();
  await page.getByRole('button', { name: 'Hand in anyway' }).click();

  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.big-score strong').textContent(), '2 / 5');
  assert.match(await page.locator('.summary .took').textContent(), /^Mock interview · /);
  assert.equal(await page.locator('.review-item .none', { hasText: 'Not answered' }).count(), 2);
  assert.equal(await page.locator('.timed-out').count(), 0);
  await shot(page, 'exam-results-1280-light');
  await page.getByRole('link', { name: 'New quiz' }).click();
  await page.getByRole('button', { name: 'Start mock interview' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Continue it' }).count(), 0, 'a handed-in exam is not offered to resume');
  guard.assertClean();
  await context.close();
});

test('mock interview: when time runs out the quiz hands itself in, also after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: 'dark' });
  await context.clock.install();
  const page = await context.newPage();
  const g = watch(page);
  await page.goto(`${server.url}#/quiz?mode=exam&t=5&n=3&seed=4`);
  await page.locator('h1.prompt').waitFor();
  assert.equal(await page.getByRole('timer').textContent(), '5:00');
  const q = await currentQuestion(page);
  await pick(page, rightTexts(q));
  await page.clock.runFor('04:01');
  assert.equal(await page.getByRole('timer').textContent(), '0:59');
  assert.equal(await page.locator('.timer.urgent').count(), 1);
  assert.equal(await page.getByRole('status').filter({ hasText: 'One minute left.' }).count(), 1);
  await shot(page, 'exam-timer-375-dark');
  await axe(page, 'mock interview with a minute left (dark)');
  await page.clock.runFor('01:00');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.timed-out').textContent(), 'Time ran out, so the quiz was handed in for you.');
  assert.equal(await page.locator('.big-score strong').textContent(), '1 / 3');
  await shot(page, 'exam-timed-out-375-dark');

  // A second exam, left while running: coming back after its end hands it in at once.
  await page.goto(`${server.url}#/quiz?mode=exam&t=5&n=3&seed=5`);
  await page.locator('h1.prompt').waitFor();
  await page.goto(`${server.url}#/`);
  await page.getByRole('link', { name: 'Continue it' }).waitFor();
  await page.clock.fastForward('06:00');
  await page.getByRole('link', { name: 'Continue it' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.big-score strong').textContent(), '0 / 3');
  g.assertClean();
  await context.close();
});

// Moving between questions reuses the choice elements: a box left ticked by a multiple-answer
// question must not clear the radio of a single-answer one (it once did, now and then).
test('mock interview: moving between multiple- and single-answer questions keeps every answer shown', async () => {
  const qs = bank().questions;
  const multi = qs.find((q) => q.kind === 'multiple' && q.choices.length === 4);
  const singles = qs.filter((q) => q.kind === 'single' && q.choices.length === 4).slice(0, 4);
  const link = `#/s/2.52.e.7.${[multi, ...singles].map((q) => shortCode(q.id)).join('')}`;
  const { context, page, guard } = await open(browser, `${server.url}${link}`);
  await page.getByRole('button', { name: /^Start/ }).click();
  await page.locator('h1.prompt').waitFor();
  await pick(page, multi.choices);
  const shownChecked = () => page.$$eval('label.choice', (ls) => ls.map((l) => l.querySelector('input').checked));
  let notLast = 0;
  for (let i = 0; i < singles.length; i++) {
    await mapButton(page, i + 2).click();
    assert.equal((await currentQuestion(page)).id, singles[i].id);
    await pick(page, rightTexts(singles[i]));
    const ticked = await shownChecked();
    if (ticked.indexOf(true) < 3) notLast++;
    await mapButton(page, 1).click();
    assert.deepEqual(await shownChecked(), [true, true, true, true], 'every box of the multiple-answer question');
    await mapButton(page, i + 2).click();
    assert.deepEqual(await shownChecked(), ticked, `the answer to ${singles[i].id} is still shown`);
  }
  assert.ok(notLast > 0, 'some answer sits above a box that was ticked, or the test proves nothing');
  guard.assertClean();
  await context.close();
});

test('mock interview by keyboard only: keys pick, move, mark; the map moves with arrows; hand in', async () => {
  const { context, page, guard } = await open(browser, `${server.url}#/quiz?mode=exam&n=4&seed=9`);
  await page.locator('h1.prompt').waitFor();
  await headingFocused(page);
  assert.equal(await page.getByRole('timer').count(), 0, 'no timer was asked for');
  const q1 = await currentQuestion(page);
  const firstShown = (await page.locator('label.choice .text').first().textContent()).trim();
  await page.keyboard.press('1');
  assert.equal(await page.locator('input[name^=choice]').first().isChecked(), true);
  await page.keyboard.press('n');
  assert.match(await page.locator('.counter').textContent(), /Question 2 of 4$/);
  await page.keyboard.press('m');
  assert.equal(await mapButton(page, 2).getAttribute('aria-label'), 'Question 2, not answered, marked for review');
  await page.keyboard.press('p');
  assert.equal((await currentQuestion(page)).id, q1.id);
  // The map is one tab stop; arrows move along it and Enter opens a question.
  await page.locator('.map button[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.i), '2');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.counter').textContent(), /Question 4 of 4$/);
  assert.equal(await page.locator('.map button[tabindex="0"]').count(), 1);
  await page.getByRole('button', { name: 'Hand in' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').waitFor();
  // Focus moves into the dialog, on its safe choice; the next stop hands in.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Keep answering');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const right = q1.answer.length === 1 && q1.choices[q1.answer[0]].replaceAll('`', '') === firstShown;
  assert.equal(await page.locator('.big-score strong').textContent(), `${right ? 1 : 0} / 4`);
  guard.assertClean();
  await context.close();
});

test('flashcards: any question as a card, the countdown reveals the answer, ratings score', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.install();
  const page = await context.newPage();
  const g = watch(page);
  await page.goto(server.url);
  await page.getByLabel(/^Flashcards/).check();
  await chip(page, '30\u00a0s').click();
  await chip(page, 'Single choice').click();
  await chip(page, '5').click();
  assert.match(await page.locator('.match').textContent(), new RegExp(`^${forLts().filter((q) => q.kind === 'single').length} matching`));
  await page.getByRole('button', { name: 'Start flashcards' }).click();
  await page.locator('h1.prompt').waitFor();
  for (const [k, rating] of ['Good', 'Again', 'Easy', 'Hard', 'Good'].entries()) {
    const q = await currentQuestion(page);
    assert.equal(q.kind, 'single');
    assert.equal(await page.locator('input[name^=choice]').count(), 0, 'a card has nothing to pick');
    assert.equal(await page.locator('.options .choice').count(), q.choices.length);
    assert.equal(await page.locator('.choice.correct').count(), 0, 'the answer is hidden at first');
    if (k === 0) {
      assert.equal(await page.getByRole('timer').textContent(), '0:30');
      await shot(page, 'cards-1280-light');
      await axe(page, 'flashcard');
      // The countdown runs out and shows the answer by itself.
      await page.clock.runFor(31_000);
      await page.getByText('Time is up.').waitFor();
    } else {
      await page.getByRole('button', { name: 'Show the answer' }).click();
    }
    const shown = (await page.locator('.choice.correct .text').textContent()).trim();
    assert.equal(shown, q.choices[q.answer[0]].replaceAll('`', ''));
    if (k === 0) {
      await shot(page, 'cards-revealed-1280-light');
      await axe(page, 'flashcard, revealed');
    }
    await page.getByRole('group', { name: 'How well did you answer?' }).getByRole('button', { name: rating }).click();
    assert.equal(await page.locator('.feedback .verdict').textContent(), `You rated this: ${rating}.`);
    await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.big-score strong').textContent(), '4 / 5');
  assert.match(await page.locator('.summary .took').textContent(), /^Flashcards · /);
  assert.equal(await page.locator('.review-item .verdict').first().textContent(), 'Flashcard · you rated it Good');
  await axe(page, 'flashcard results');
  g.assertClean();
  await context.close();
});

test('the new screens at phone width in light mode and desktop in dark mode pass axe', async () => {
  const screens = [
    ['exam', '#/quiz?mode=exam&t=20&n=10&seed=2'],
    ['cards', '#/quiz?mode=cards&t=60&n=5&seed=2'],
    ['browse', '#/browse?s=csrf'],
    ['home-cards', '#/'],
  ];
  for (const [width, height, scheme] of [
    [375, 800, 'light'],
    [1280, 900, 'dark'],
  ]) {
    for (const [name, hash] of screens) {
      const { context, page, guard } = await open(browser, `${server.url}${hash}`, { width, height, colorScheme: scheme });
      if (name === 'home-cards') {
        await page.getByLabel(/^Flashcards/).check();
        await page.getByText('Time to answer each card').waitFor();
      } else if (name === 'browse') {
        await page.locator('.rows .row').first().waitFor();
      } else {
        await page.locator('h1.prompt').waitFor();
      }
      if (name === 'exam') await page.getByRole('button', { name: 'Mark for review', exact: true }).click();
      await shot(page, `${name}-${width}-${scheme}`);
      await axe(page, `${name} at ${width} px, ${scheme}`);
      // Nothing may be wider than the screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} overflows at ${width} px`);
      guard.assertClean();
      await context.close();
    }
  }
});

test('at 240 px the header and the mock interview fit the screen: nothing scrolls sideways', async () => {
  const { context, page, guard } = await open(browser, `${server.url}#/quiz?mode=exam&t=10&n=3&seed=4`, { width: 240, height: 640 });
  await page.locator('h1.prompt').waitFor();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(await fits(), 'the mock interview is no wider than 240 px');
  // Every button is inside the screen, not cut off at its edge.
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('button, nav a')].filter((b) => b.getBoundingClientRect().right > window.innerWidth + 0.5).map((b) => b.textContent.trim()),
  );
  assert.deepEqual(outside, []);
  await shot(page, 'exam-240-light');
  await page.goto(`${server.url}#/`);
  await page.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.ok(await fits(), 'the home screen is no wider than 240 px');
  guard.assertClean();
  await context.close();
});
