// What every end-to-end test file starts with: the release build served under a sub-path and
// one browser, started before the file's first test and closed after its last. Import
// `server` and `browser` from here (live bindings: they are set by the time a test runs).
import { before, after } from 'node:test';
import { serve, launch, bank } from './harness.mjs';

export let server, browser;

before(async () => {
  // The bank (make bank-json) is read once, here, rather than inside a test's time.
  bank();
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
