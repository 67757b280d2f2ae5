// The harness's guard must catch what it promises to catch; otherwise every other test could
// pass over a broken page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the guard fails on a missing file, a console error and an uncaught exception', async () => {
  const { context, page, guard } = await open(browser, server.url);
  await page.locator('h1').first().waitFor();
  guard.assertClean();
  await page.evaluate(async () => { await fetch('missing-favicon.ico').catch(() => {}); });
  await page.evaluate(() => console.error('boom'));
  await page.evaluate(() => setTimeout(() => { throw new Error('uncaught boom'); }));
  await page.waitForTimeout(100);
  assert.throws(() => guard.assertClean(), (e) => /HTTP 404: .*missing-favicon\.ico/.test(e.message)
    && /console\.error: boom/.test(e.message) && /uncaught: uncaught boom/.test(e.message));
  await context.close();
});
