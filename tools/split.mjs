// Code splitting of the release build (run by `make dist` right after `trunk build --release`,
// before tools/pwa.mjs): `node tools/split.mjs [dist-dir]`.
//
// Trunk has no support for splitting a wasm, so this replaces its wasm and glue in dist/:
// 1. cargo's own output (built with `--cfg split` and `--emit-relocs`, see the Makefile) is
//    split by wasm-split-cli at the split points of src/pages.rs: a main module, one module
//    per chunk, modules of code that several chunks share, and a JavaScript link module that
//    fetches and instantiates them on demand;
// 2. wasm-bindgen makes the main module's glue, wasm-opt -Oz shrinks every module;
// 3. every file is named by its content (as Trunk names its own), index.html points at the new
//    main module, and the files each chunk needs are written to split.json for tools/pwa.mjs
//    (the page's loader starts a link's chunk while the main wasm downloads).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync, existsSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chunkFiles } from './chunks.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.argv[2] ?? 'dist');
const TARGET = resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
const INPUT = join(TARGET, 'wasm32-unknown-unknown/release/django-quiz.wasm');
const WORK = join(TARGET, 'split');
// wasm-opt must accept the WebAssembly features rustc enables by default for wasm32.
// A function with one caller is inlined only up to 60 bytes: by default wasm-opt inlines every
// page's builder into the one route function, which the browser then compiles whole before the
// first page shows; kept apart, each page is compiled when first shown. The low 1 KB of memory
// is never used (the stack starts at 1 MB and grows down; data lies above it), which lets
// wasm-opt fold more address arithmetic. See BENCHMARKS.md.
const WASM_OPT = [
  '-Oz',
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
  '--strip-debug',
  '--strip-producers',
  '--one-caller-inline-max-function-size=60',
  '--low-memory-unused',
];

const fail = (msg) => {
  console.error(`split: ${msg}`);
  process.exit(1);
};
const short = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    fail(`${cmd} failed: ${e.stderr || e.message}`);
  }
};

if (!existsSync(INPUT)) fail(`no ${INPUT}: run trunk build --release first`);
const input = readFileSync(INPUT);
// A wasm built without --cfg split has no split points, and one built without --emit-relocs
// cannot be split: both would ship the whole app in one module, or not start at all.
if (!input.includes('__wasm_split_unstable')) fail(`${INPUT} has no split points: build it with RUSTFLAGS --cfg split (make dist)`);

rmSync(WORK, { recursive: true, force: true });
mkdirSync(join(WORK, 'opt'), { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'main', INPUT, join(WORK, 'split')]);
run('wasm-bindgen', [
  '--target',
  'web',
  '--keep-lld-exports',
  '--no-demangle',
  '--no-typescript',
  '--out-dir',
  join(WORK, 'bindgen'),
  '--out-name',
  'main',
  join(WORK, 'split/main.wasm'),
]);

// Every module, optimised: the main one from wasm-bindgen, the others as split.
const modules = [['main_bg.wasm', join(WORK, 'bindgen/main_bg.wasm')]];
for (const f of readdirSync(join(WORK, 'split')).sort()) {
  if (f.endsWith('.wasm') && f !== 'main.wasm') modules.push([f, join(WORK, 'split', f)]);
}
const optimised = new Map();
for (const [name, path] of modules) {
  const out = join(WORK, 'opt', name);
  run('wasm-opt', [...WASM_OPT, path, '-o', out]);
  optimised.set(name, readFileSync(out));
}

// Names by content. The link module and the glue import each other, so the link module is
// named by its content with the glue's name left out, then given that name.
const named = new Map(); // module file -> shipped name
for (const [name, bytes] of optimised) {
  if (name !== 'main_bg.wasm') named.set(name, `${name.replace(/\.wasm$/, '').replaceAll('_', '-')}-${short(bytes)}.wasm`);
}
let link = readFileSync(join(WORK, 'split/__wasm_split.js'), 'utf8');
for (const [from, to] of named) link = link.replaceAll(`"./${from}"`, `"./${to}"`);
if (!link.includes('"./main.js"')) fail('the link module does not import the glue as ./main.js');
const linkName = `split-${short(link)}.js`;
let glue = readFileSync(join(WORK, 'bindgen/main.js'), 'utf8');
// Only the import statements: the wasm still imports its functions from "./__wasm_split.js".
if (!glue.includes('from "./__wasm_split.js"')) fail('the glue does not import the link module');
glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${linkName}"`);
const mainWasm = optimised.get('main_bg.wasm');
const stem = `django-quiz-${short(glue + short(mainWasm))}`;
glue = glue.replaceAll('main_bg.wasm', `${stem}_bg.wasm`);
link = link.replaceAll('"./main.js"', `"./${stem}.js"`);

// Trunk's wasm and glue give way to these.
const old = readdirSync(DIST).filter((f) => /^django-quiz-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
if (old.length !== 2) fail(`expected Trunk's django-quiz-<hash>.js and _bg.wasm in ${DIST}, found ${old.join(', ') || 'none'}`);
let index = readFileSync(join(DIST, 'index.html'), 'utf8');
for (const f of old) {
  const to = f.endsWith('.wasm') ? `${stem}_bg.wasm` : `${stem}.js`;
  if (!index.includes(f)) fail(`index.html does not name ${f}`);
  index = index.replaceAll(f, to);
  unlinkSync(join(DIST, f));
}
// The glue imports the link module: preloaded beside it, it costs no round trip of its own.
const preload = index.match(new RegExp(`<link[^>]*\\b${stem}\\.js\\b[^>]*>`))?.[0];
if (!preload || !/modulepreload/.test(preload)) fail(`index.html has no modulepreload of ${stem}.js`);
index = index.replace(preload, preload + preload.replace(`${stem}.js`, linkName));
writeFileSync(join(DIST, 'index.html'), index);
writeFileSync(join(DIST, `${stem}.js`), glue);
writeFileSync(join(DIST, `${stem}_bg.wasm`), mainWasm);
writeFileSync(join(DIST, linkName), link);
for (const [from, to] of named) writeFileSync(join(DIST, to), optimised.get(from));

// Which files each chunk needs: its own module (wasm-split-cli's split_<chunk>.wasm) and the
// shared modules its loader in the link module waits for.
const chunks = chunkFiles(link);
if (Object.keys(chunks).length === 0) fail('found no chunk loaders in the link module');
console.log(
  `split: main ${mainWasm.length} B, ${named.size} more modules (${[...optimised.values()].reduce((n, b) => n + b.length, 0) - mainWasm.length} B); chunks ${Object.entries(
    chunks,
  )
    .map(([c, f]) => `${c} (${f.length} files)`)
    .join(', ')}`,
);
