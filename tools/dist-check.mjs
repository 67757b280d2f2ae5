// Checks the release bundle in dist/: the main .wasm and its .js, index.html pointing at them
// with relative URLs, proof that wasm-opt -Oz ran (the shipped .wasm is smaller than the
// wasm-bindgen output it was made from), the chunks of tools/split.mjs (each file of each chunk
// present, every .wasm of dist/ part of one, none holding question text), and the installable
// offline app that tools/pwa.mjs
// made of it: Content-Security-Policy hashes, manifest and icons, 404.html, and a service worker
// whose precache list is exactly the files of dist/ with their hashes. Prints the sizes; exits 1
// on any failure.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const fail = (msg) => {
  console.error(`dist-check: ${msg}`);
  process.exit(1);
};
const read = (f) => readFileSync(join(dist, f));
const files = readdirSync(dist);
const wasm = files.filter((f) => f.endsWith('_bg.wasm'));
if (wasm.length !== 1) fail(`expected one main _bg.wasm in dist/, found ${files.join(', ')}`);
const glue = wasm[0].replace(/_bg\.wasm$/, '.js');
if (!files.includes(glue)) fail(`no ${glue} beside ${wasm[0]}`);
const html = read('index.html').toString();
for (const f of [wasm[0], glue]) {
  if (!html.includes(`./${f}`)) fail(`index.html does not load ./${f} by a relative URL`);
}
if (/(href|src)="?\/[^/]/.test(html)) fail('index.html has a root-relative URL; the app must work under any sub-path');
const unopt = join(root, 'target/split/bindgen/main_bg.wasm');
if (!existsSync(unopt)) fail(`cannot find the wasm-bindgen output ${unopt} to compare against`);
const before = statSync(unopt).size;
const after = statSync(join(dist, wasm[0])).size;
console.log(`dist-check: wasm-bindgen output ${before} B -> shipped ${after} B after wasm-opt`);
if (after >= before * 0.97) fail('the shipped .wasm is not smaller than the wasm-bindgen output: wasm-opt -Oz did not run');

// The chunks: every file the link module fetches is here, and every other .wasm is one of them.
const { readChunks } = await import('./chunks.mjs');
let linkModule, chunks;
try {
  ({ link: linkModule, chunks } = readChunks(dist));
} catch (e) {
  fail(e.message);
}
if (!read(glue).toString().includes(linkModule)) fail(`${glue} does not import ${linkModule}`);
if (!new RegExp(`<link[^>]*modulepreload[^>]*${linkModule}|<link[^>]*${linkModule}[^>]*modulepreload`).test(html))
  fail(`index.html does not preload ${linkModule}`);
const chunked = new Set(Object.values(chunks).flat());
for (const f of chunked) if (!files.includes(f)) fail(`${linkModule} fetches ${f}, which is not in dist/`);
const loose = files.filter((f) => f.endsWith('.wasm') && f !== wasm[0] && !chunked.has(f));
if (loose.length) fail(`.wasm files no chunk fetches: ${loose.join(', ')}`);
console.log(
  `dist-check: chunks ${Object.entries(chunks)
    .map(([c, f]) => `${c} ${f.length} files`)
    .join(', ')}; ${chunked.size} modules besides the main one`,
);
// wasm-bindgen writes its glue indented, one statement a line; tools/glue.mjs minifies it.
if (/\n {2,}\S/.test(read(glue).toString())) fail(`${glue} is not minified: tools/pwa.mjs runs tools/glue.mjs`);

// The browser compiles a wasm function whole on its first call. The pages are built in
// functions of their own so that start-up compiles only the first page's; had wasm-opt inlined
// them back into the route function (as it does with any function that has one caller, unless
// tools/split.mjs caps that), one function would hold every page again (58 KB).
const MAX_FUNCTION = 32 * 1024;
const { largest, lowestData } = inspectWasm(read(wasm[0]));
console.log(`dist-check: largest wasm function ${largest} B (at most ${MAX_FUNCTION}); data from address ${lowestData}`);
if (largest > MAX_FUNCTION)
  fail(`a wasm function of ${largest} B: the pages were inlined into one function again (see the wasm-opt params in tools/split.mjs)`);
// wasm-opt runs with --low-memory-unused, which is true only while nothing lies below 1 KB.
if (lowestData < 1024) fail(`a data segment at address ${lowestData}: --low-memory-unused in tools/split.mjs no longer holds`);

/** The largest function body, and the lowest address a data segment is placed at. */
function inspectWasm(bytes) {
  let at = 8; // magic and version
  const leb = () => {
    let v = 0,
      shift = 0,
      b;
    do {
      b = bytes[at++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  let largest = -1,
    lowestData = Infinity;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const body = leb();
        largest = Math.max(largest, body);
        at += body;
      }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const flags = leb();
        if (flags === 1) {
          const length = leb();
          at += length;
          continue;
        } // passive: placed by code
        if (flags === 2) leb(); // memory index
        // The offset must be a constant: an i32.const (signed LEB; addresses here are positive).
        if (bytes[at++] !== 0x41) fail('a data segment whose offset is not a constant');
        lowestData = Math.min(lowestData, leb());
        if (bytes[at++] !== 0x0b) fail('a data segment offset longer than one constant');
        const length = leb(); // read before moving `at`: `at += leb()` would lose the LEB's bytes
        at += length;
      }
    }
    at = end;
  }
  if (largest < 0) fail('the shipped .wasm has no code section');
  return { largest, lowestData };
}

// --- The installable offline app -----------------------------------------------------------
const sha = (data, enc) => createHash('sha256').update(data).digest(enc);
const short = (data) => sha(data, 'hex').slice(0, 16);
const relativeUrl = (u) => typeof u === 'string' && !/^([a-z]+:|\/)/i.test(u);

// A page's policy allows exactly its inline scripts (and styles), by hash, and nothing remote.
function checkCsp(page, text, { wasm: needsWasm }) {
  const meta = text.match(/<meta http-equiv="?Content-Security-Policy"? content="([^"]+)">/i);
  if (!meta) fail(`${page} has no Content-Security-Policy meta tag`);
  if (text.indexOf(meta[0]) > text.search(/<(script|link|style)\b/)) fail(`${page}: the policy must come before any script, link or style`);
  const policy = Object.fromEntries(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
  if (policy['default-src']?.join(' ') !== "'self'") fail(`${page}: default-src must be 'self'`);
  for (const [k, v] of Object.entries(policy)) {
    const bad = v.filter((s) => /^('unsafe-|\*|https?:|data:|blob:)/.test(s));
    if (bad.length) fail(`${page}: ${k} allows ${bad.join(' ')}`);
  }
  const expect = (kind, tag) => {
    const inline = [...text.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => `'sha256-${sha(m[1], 'base64')}'`);
    const allowed = (policy[kind] ?? []).filter((s) => s.startsWith("'sha256-"));
    if (inline.sort().join() !== allowed.sort().join())
      fail(`${page}: ${kind} hashes ${allowed.join(' ') || '(none)'} do not match its inline ${tag}s ${inline.join(' ') || '(none)'}`);
  };
  expect('script-src', 'script');
  if (policy['style-src']) expect('style-src', 'style');
  else if (/<style\b/.test(text)) fail(`${page} has an inline <style> its policy does not allow`);
  if (needsWasm !== (policy['script-src'] ?? []).includes("'wasm-unsafe-eval'")) fail(`${page}: 'wasm-unsafe-eval' ${needsWasm ? 'missing' : 'not needed'}`);
  return meta[1];
}
const csp = checkCsp('index.html', html, { wasm: true });
checkCsp('404.html', read('404.html').toString(), { wasm: false });

// Manifest: relative start URL, scope and id (so the app installs wherever it is hosted), and
// icons that exist at the sizes they claim (PNG width and height are bytes 16–23).
const manifestLink = html.match(/<link href="?([^" >]+)"? rel="?manifest"?>/);
if (!manifestLink || !relativeUrl(manifestLink[1])) fail('index.html has no relative <link rel=manifest>');
const manifest = JSON.parse(read(manifestLink[1]));
for (const k of ['name', 'short_name', 'description', 'start_url', 'scope', 'id', 'theme_color', 'background_color']) {
  if (!manifest[k]) fail(`the manifest has no ${k}`);
}
for (const k of ['start_url', 'scope', 'id']) if (!relativeUrl(manifest[k])) fail(`the manifest's ${k} must be relative`);
if (manifest.display !== 'standalone') fail("the manifest's display must be standalone");
for (const icon of manifest.icons ?? []) {
  if (!relativeUrl(icon.src) || !existsSync(join(dist, icon.src))) fail(`manifest icon ${icon.src} is missing`);
  if (icon.type === 'image/png') {
    const png = read(icon.src);
    const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    if (size !== icon.sizes) fail(`${icon.src} is ${size}, the manifest says ${icon.sizes}`);
  }
}
const icons = manifest.icons ?? [];
const has = (test, what) => {
  if (!icons.some(test)) fail(`the manifest has no ${what} icon`);
};
has((i) => i.type === 'image/svg+xml', 'SVG');
has((i) => i.type === 'image/png' && i.sizes === '192x192' && !i.purpose, '192 px PNG');
has((i) => i.type === 'image/png' && i.sizes === '512x512' && !i.purpose, '512 px PNG');
has((i) => i.type === 'image/png' && i.purpose === 'maskable', 'maskable PNG');

// Registration module: loaded by a relative URL, named by its own hash.
const reg = html.match(/<script src="?\.\/(pwa-([0-9a-f]{16})\.js)"? type="?module"?><\/script>/);
if (!reg) fail('index.html does not load the service worker registration (pwa-<hash>.js)');
if (short(read(reg[1])) !== reg[2]) fail(`${reg[1]} does not match the hash in its name`);

// Service worker: the generated one (not the development stand-in), listing every other file of
// dist/ with the right hash, and a version derived from that list.
const sw = read('sw.js').toString();
const listed = sw.match(/^const FILES = (\[.*\]);$/m);
const version = sw.match(/^const VERSION = "([0-9a-f]{16})";$/m);
if (!listed || !version) fail('sw.js is not the generated service worker (run tools/pwa.mjs)');
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [relative(dist, p).split(sep).join('/')];
  });
const actual = walk(dist)
  .filter((f) => f !== 'sw.js')
  .sort();
const entries = JSON.parse(listed[1]);
if (entries.map(([f]) => f).join() !== actual.join()) fail(`sw.js precaches ${entries.map(([f]) => f).join(', ')} but dist/ has ${actual.join(', ')}`);
for (const [f, h] of entries) if (short(read(f)) !== h) fail(`sw.js has a stale hash for ${f}`);
if (short(entries.map(([f, h]) => `${f} ${h}\n`).join('')) !== version[1]) fail('sw.js: the version is not derived from its file list');
const cached = actual.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
console.log(`dist-check: service worker version ${version[1]} precaches ${entries.length} files, ${cached} B`);
console.log(`dist-check: CSP ${csp}`);

// The bank's data files: named by their FNV-1a 64 hash (as the wasm checks them), each listed in
// index.html's early fetch in shard order. The wasm itself holds no question text.
const fnv64 = (bytes) => bytes.reduce((h, b) => BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n), 0xcbf29ce484222325n);
const bankFiles = readdirSync(join(dist, 'bank')).sort();
let bankBytes = 0;
for (const [i, f] of bankFiles.entries()) {
  const bytes = read(`bank/${f}`);
  bankBytes += bytes.length;
  const name = `${String(i).padStart(3, '0')}-${(fnv64(bytes) >> 32n).toString(16).padStart(8, '0')}.txt`;
  if (f !== name) fail(`bank/${f} should be named ${name} by its content`);
}
if (!html.includes(JSON.stringify(bankFiles))) fail("index.html does not list the bank's data files for its early fetch");
for (const f of [wasm[0], ...chunked]) {
  const wasmText = read(f).toString('latin1');
  if (wasmText.includes('Explain QuerySet laziness') || /docs\.djangoproject\.com\/en\/\d\.\d\/ref\//.test(wasmText))
    fail(`${f} holds question text: it belongs in bank/`);
}
console.log(`dist-check: ${bankFiles.length} bank data files, ${bankBytes} B`);
console.log('dist-check: ok');
