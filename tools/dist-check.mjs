// Checks the release bundle in dist/: one .wasm, one .js, index.html pointing at them with
// relative URLs, and proof that wasm-opt -Oz ran (the shipped .wasm is smaller than the
// wasm-bindgen output it was made from). Prints the sizes; exits 1 on any failure.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const fail = (msg) => { console.error(`dist-check: ${msg}`); process.exit(1); };
const files = readdirSync(dist);
const wasm = files.filter((f) => f.endsWith('.wasm'));
const js = files.filter((f) => f.endsWith('.js'));
if (wasm.length !== 1 || js.length !== 1) fail(`expected one .wasm and one .js in dist/, found ${files.join(', ')}`);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
for (const f of [...wasm, ...js]) {
  if (!html.includes(`./${f}`)) fail(`index.html does not load ./${f} by a relative URL`);
}
if (/(href|src)="\/[^/]/.test(html)) fail('index.html has a root-relative URL; the app must work under any sub-path');
const unopt = join(root, 'target/wasm-bindgen/release/django-quiz_bg.wasm');
if (!existsSync(unopt)) fail(`cannot find the wasm-bindgen output ${unopt} to compare against`);
const before = statSync(unopt).size;
const after = statSync(join(dist, wasm[0])).size;
console.log(`dist-check: wasm-bindgen output ${before} B -> shipped ${after} B after wasm-opt`);
if (after >= before * 0.97) fail('the shipped .wasm is not smaller than the wasm-bindgen output: wasm-opt -Oz did not run');
console.log('dist-check: ok');
