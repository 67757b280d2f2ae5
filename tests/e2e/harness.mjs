// Shared end-to-end harness: a static server for dist/ under a sub-path, Debian's Chromium
// driven by playwright-core, and a guard that fails a test on any console error, uncaught
// exception, failed request, HTTP error (a missing favicon counts), Content-Security-Policy
// violation or request to another origin than the app's.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
/** The app is served below a sub-path, as on a project page of a static host. */
export const BASE_PATH = '/quiz/app/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Serves `dir` at `basePath` on a free loopback port. `setDir` swaps the directory served (a new
 * deployment at the same address; `null`: the host is down, every request gets a 503), and
 * `requests` counts what reached the server. With `notFound`, unknown paths get that file with
 * status 404, as hosts with a 404 page do. With `compress`, responses are brotli-encoded for
 * clients that accept it, as a production host serves them (the benchmarks use this).
 */
export async function serve(dir = DIST, basePath = BASE_PATH, { notFound, compress = false } = {}) {
  let root = dir;
  const packed = new Map();
  const server = createServer(async (req, res) => {
    handle.requests++;
    const url = new URL(req.url, 'http://x');
    if (root === null) {
      res.writeHead(503).end();
      return;
    }
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(basePath.length)) || 'index.html';
    rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, rel));
      const type = TYPES[extname(rel)] ?? 'application/octet-stream';
      if (compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = join(root, rel);
        if (!packed.has(key)) packed.set(key, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', vary: 'accept-encoding' }).end(packed.get(key));
        return;
      }
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      const page = notFound && (await readFile(join(root, notFound)).catch(() => null));
      if (page) res.writeHead(404, { 'content-type': TYPES['.html'] }).end(page);
      else res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${basePath}`;
  const handle = {
    url,
    requests: 0,
    setDir(d) {
      root = d;
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
  return handle;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Runs in every page before its own scripts: a CSP violation becomes a console error.
const CSP_REPORTER = () =>
  addEventListener(
    'securitypolicyviolation',
    (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} at ${e.sourceFile}:${e.lineNumber}`);
    },
    true,
  );

/**
 * Records every problem a page (and the service worker it registers) reports; `assertClean`
 * fails the test if there was any. `allow` lists patterns of problems a test expects (a 404
 * page's own status, say). `ready` resolves once the CSP reporter is installed.
 */
export function guard(page, { allow = [] } = {}) {
  const problems = [];
  // A request cancelled because the test navigated away (goto, reload) is not a failure; one
  // cancelled with no later navigation is. Navigations are counted to tell the two apart.
  let navigations = 0;
  const issuedAt = new WeakMap();
  const aborted = [];
  // The app's origin is that of the first page loaded; nothing may be fetched from any other.
  let origin = null;
  const sameOrigin = (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    origin ??= u.origin;
    if (u.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  };
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations++;
  });
  page.on('request', (r) => {
    issuedAt.set(r, navigations);
    sameOrigin(r);
  });
  page.context().on('request', (r) => {
    if (r.serviceWorker()) sameOrigin(r);
  });
  page.context().on('response', (r) => {
    if (r.request().serviceWorker() && r.status() >= 400) problems.push(`service worker got HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText;
    if (reason === 'net::ERR_ABORTED') aborted.push({ r, at: issuedAt.get(r) ?? 0 });
    else problems.push(`request failed: ${r.url()} (${reason})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return {
    problems,
    ready: page.addInitScript(CSP_REPORTER),
    assertClean() {
      const all = [...problems, ...aborted.filter((a) => a.at >= navigations).map((a) => `request aborted: ${a.r.url()}`)].filter(
        (p) => !allow.some((re) => re.test(p)),
      );
      if (all.length) throw new Error(`the page reported problems:\n  ${all.join('\n  ')}`);
    },
  };
}

/** A fresh context (empty storage) and a guarded page. */
export async function open(browser, url, { width = 1280, height = 900, colorScheme = 'light', allow, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, ...options });
  const page = await context.newPage();
  const g = guard(page, { allow });
  await g.ready;
  if (url) await page.goto(url);
  return { context, page, guard: g };
}

export async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

let bankCache;
/** The validated bank, as `make bank-json` prints it (of `QUIZ_BANK_DIR` when set, as the build takes it). */
export function bank() {
  bankCache ??= JSON.parse(
    execFileSync('cargo', ['run', '-q', '-p', 'bankc', '--bin', 'bank-json', '--', process.env.QUIZ_BANK_DIR ?? 'questions'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  return bankCache;
}

const VERSIONS = ['5.2', '6.0', '6.1'];
/** Whether a question is true for Django `version`, from the versions its file states ("5.2+", "5.2 only", "5.2 to 6.0"). */
export function trueFor(q, version) {
  const v = VERSIONS.indexOf(version);
  let m;
  if ((m = q.versions.match(/^(\d\.\d)\+$/))) return v >= VERSIONS.indexOf(m[1]);
  if ((m = q.versions.match(/^(\d\.\d) only$/))) return m[1] === version;
  if ((m = q.versions.match(/^(\d\.\d) to (\d\.\d)$/))) return v >= VERSIONS.indexOf(m[1]) && v <= VERSIONS.indexOf(m[2]);
  throw new Error(`${q.id}: versions ${q.versions}`);
}

/** The questions a quiz of the default Django (5.2 LTS) draws from. */
export const forLts = () => bank().questions.filter((q) => trueFor(q, '5.2'));

/** The bank question shown on the page, found by its prompt text. */
export async function currentQuestion(page) {
  const shown = (await page.locator('h1.prompt').textContent()).trim();
  const q = bank().questions.find((x) => x.prompt.replaceAll('`', '').trim() === shown);
  if (!q) throw new Error(`no bank question has the prompt shown: ${shown}`);
  return q;
}

/** Waits until the page's heading has the focus, as it does on every new screen and question
 * (just after the frame that shows it), where keyboard users continue from. */
export async function headingFocused(page) {
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 });
}

/** Ticks the choices whose text is in `texts` (text as rendered, backticks removed). */
export async function pick(page, texts) {
  for (const t of texts) {
    const plain = t.replaceAll('`', '');
    const label = page.locator('label.choice').filter({ has: page.locator('.text', { hasText: plain }) });
    const n = await label.count();
    let clicked = false;
    for (let i = 0; i < n && !clicked; i++) {
      if ((await label.nth(i).locator('.text').textContent()).trim() === plain) {
        await label.nth(i).click();
        clicked = true;
      }
    }
    if (!clicked) throw new Error(`no choice reads: ${plain}`);
  }
}

/** A question's 5-character code in share links (the app's `quiz::short_code`). */
export function shortCode(id) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(id)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return (h % 60466176).toString(36).padStart(5, '0');
}

export function rightTexts(q) {
  return q.answer.map((i) => q.choices[i]);
}
export function wrongTexts(q) {
  const i = q.choices.findIndex((_, k) => !q.answer.includes(k));
  return [q.choices[i]];
}

/** Runs axe-core (every default rule: WCAG 2.x A/AA and best practices) on the page as it is. */
export async function axe(page, screen) {
  // Evaluated, not added as a <script>: the page's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${await readFile(AXE, 'utf8')}\n;undefined`);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const lines = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
  if (lines.length) throw new Error(`axe found accessibility problems on ${screen}:\n  ${lines.join('\n  ')}`);
}
