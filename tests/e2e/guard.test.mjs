// The harness's guard must catch what it promises to catch; otherwise every other test could
// pass over a broken page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './harness.mjs';
import { server, browser } from './suite.mjs';

test('the guard fails on a missing file, a console error and an uncaught exception', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await page.locator('h1').first().waitFor();
  guard.assertClean();
  await page.evaluate(async () => {
    await fetch('missing-favicon.ico').catch(() => {});
  });
  await page.evaluate(() => console.error('boom'));
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('uncaught boom');
    }),
  );
  await page.waitForTimeout(100);
  assert.throws(
    () => guard.assertClean(),
    (e) => /HTTP 404: .*missing-favicon\.ico/.test(e.message) && /console\.error: boom/.test(e.message) && /uncaught: uncaught boom/.test(e.message),
  );
  await context.close();
});

test('the guard fails on a Content-Security-Policy violation and on a request to another origin', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await page.locator('h1').first().waitFor();
  guard.assertClean();
  // An inline script the policy does not list.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = 1';
    document.body.append(s);
  });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.injected), undefined, 'the policy let an inline script run');
  assert.throws(() => guard.assertClean(), /CSP violation: script-src-elem blocked inline/);
  await context.close();

  // Without the policy in the way (it would block it first), a request to another origin.
  const other = await open(browser, server.url, { bypassCSP: true });
  await other.page.locator('h1').first().waitFor();
  other.guard.assertClean();
  const elsewhere = server.url.replace('127.0.0.1', 'localhost');
  await other.page.evaluate((u) => fetch(`${u}favicon.svg`, { mode: 'no-cors' }).catch(() => {}), elsewhere);
  await other.page.waitForTimeout(100);
  assert.throws(() => other.guard.assertClean(), /request to another origin: http:\/\/localhost:/);
  await other.context.close();
});
