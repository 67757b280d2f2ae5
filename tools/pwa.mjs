// Turns Trunk's release output into the installable offline app (run by `make dist` after
// `trunk build --release`, before tools/dist-check.mjs): `node tools/pwa.mjs [dist-dir]`.
//
// 1. pwa/register.js becomes pwa-<hash>.js, loaded by index.html as a module;
// 2. 404.html: hosts that serve it for unknown paths send the visitor to the app, whatever
//    sub-path it lives under (it finds the app's folder by its manifest);
// 3. index.html and 404.html get a Content-Security-Policy meta tag whose script hashes are
//    those of the inline scripts as they are in the files (Trunk's loader changes with every
//    build, since it names the hashed files);
// 4. index.html starts fetching the question text a share link or question link needs (and all
//    of it for Browse) while the wasm downloads: the app takes these fetches from `quizBank`
//    (src/loader.rs). A question's file is its short code (base 36) modulo the file count. A
//    link to a screen in a chunk of its own (src/pages.rs) preloads that chunk's wasm files.
// 5. sw.js: pwa/sw.js with the list of every other file of the build, each with the start of
//    its SHA-256, and a cache version derived from that list. Nothing here is kept by hand.
// First, wasm-bindgen's JavaScript glue is minified (tools/glue.mjs).
import { createHash } from 'node:crypto';
import { minifyGlue } from './glue.mjs';
import { readChunks } from './chunks.mjs';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.argv[2] ?? 'dist');
const NAME = JSON.parse(readFileSync(join(ROOT, 'public/manifest.webmanifest'), 'utf8')).name;

const fail = (msg) => {
  console.error(`pwa: ${msg}`);
  process.exit(1);
};
const sha = (data, enc = 'hex') => createHash('sha256').update(data).digest(enc);
const short = (data) => sha(data).slice(0, 16);
// Whole-line comments and blank lines go; the code ships as written.
const strip = (js) =>
  js
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('//'))
    .join('\n') + '\n';
const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = (texts) => texts.map((t) => `'sha256-${sha(t, 'base64')}'`).join(' ');
const CSP_TAIL = "base-uri 'none'; form-action 'none'; object-src 'none'";

const indexPath = join(DIST, 'index.html');
const bankFiles = readdirSync(join(DIST, 'bank')).sort();
if (bankFiles.length === 0 || bankFiles.some((f, i) => !f.startsWith(`${String(i).padStart(3, '0')}-`))) {
  fail(`dist/bank/ should hold the data files 000-… to NNN-… in order; found ${bankFiles.join(', ')}`);
}
// The code a screen link needs (tools/split.mjs): preloaded, so the link module's fetch of
// each file takes the response already under way. A share link's intro page needs no chunk,
// but it loads its quiz's at once (src/routes/shared.rs), so its chunk is preloaded too.
let chunks;
try {
  ({ chunks } = readChunks(DIST));
} catch (e) {
  fail(e.message);
}
const chunkOf = `/^#\\/(quiz\\?(.*&)?mode=exam|s\\/(1|2\\.[0-9]+)\\.e)/.test(h)?'exam':/^#\\/s\\//.test(h)?'quiz':/^#\\/quiz/.test(h)?'quiz':/^#\\/results/.test(h)?'results':/^#\\/(browse|q\\/)/.test(h)?'browse':/^#\\/stats/.test(h)?'stats':/^#\\/settings/.test(h)?'settings':''`;
const prefetch =
  `(()=>{const n=${JSON.stringify(bankFiles)},k=${JSON.stringify(chunks)},h=location.hash,b=self.quizBank={},c=[];` +
  `(k[${chunkOf}]||[]).forEach((f)=>{const l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='';l.href=f;document.head.append(l)});` +
  `let m=h.match(/^#\\/s\\/(?:1|2\\.[0-9]+)\\.[a-z0-9]*\\.[a-z0-9]*\\.([a-z0-9]+)/);if(m)c.push(...(m[1].match(/.{5}/g)||[]));` +
  `m=h.match(/^#\\/q\\/([a-z0-9]{5})/);if(m)c.push(m[1]);const all=/^#\\/browse/.test(h);` +
  `n.forEach((f,i)=>{if(all||c.some((x)=>parseInt(x,36)%n.length===i))(b[i]=fetch('bank/'+f)).catch(()=>{})})})();`;
let index = readFileSync(indexPath, 'utf8');
if (/Content-Security-Policy/i.test(index)) fail(`${indexPath} was already processed: run trunk build --release first`);
// Trunk's wasm loader and the shell's few words of script (index.html); all are allowed by hash.
const inline = [...inlineScripts(index), prefetch];
if (inline.filter((s) => s.includes('_bg.wasm')).length !== 1) fail("index.html should have exactly one inline wasm loader, Trunk's");

// 0. The glue, minified in place (its name, from Trunk, already changes with its content).
{
  const m = await minifyGlue(DIST).catch((e) => fail(e.message));
  console.log(`pwa: ${m.name} minified, ${m.before} -> ${m.after} B`);
}

// 1. The registration module, named by its content like Trunk's files.
const register = strip(readFileSync(join(ROOT, 'pwa/register.js'), 'utf8'));
const registerName = `pwa-${short(register)}.js`;
writeFileSync(join(DIST, registerName), register);

// 2. The 404 page.
const finder = `(async()=>{const p=location.pathname.split('/');for(let i=p.length-1;i>0;i--){const b=p.slice(0,i).join('/')+'/';try{const r=await fetch(b+'manifest.webmanifest',{cache:'no-store'});if(r.ok&&(await r.json()).name===${JSON.stringify(NAME)}){const rest=p.slice(i).join('/')+location.search;location.replace(b+(location.hash||(rest?'#/'+rest:'')));return}}catch{}}document.getElementById('m').textContent='This address is not part of the quiz.'})();`;
const style =
  'body{font:16px/1.55 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;background:#f4f6f5;color:#17211c}@media(prefers-color-scheme:dark){body{background:#101613;color:#e6ede9}}';
const notFound =
  `<!doctype html><html lang=en><meta charset=utf-8>` +
  `<meta http-equiv=Content-Security-Policy content="default-src 'self'; script-src ${hashes([finder])}; style-src ${hashes([style])}; ${CSP_TAIL}">` +
  `<meta content="width=device-width,initial-scale=1" name=viewport><meta content="light dark" name=color-scheme>` +
  `<title>Page not found · ${NAME}</title><style>${style}</style>` +
  `<h1>Page not found</h1><p id=m>Opening the quiz…</p>` +
  `<noscript>This address is not part of the quiz; open the quiz's own address.</noscript>` +
  `<script>${finder}</script>\n`;
writeFileSync(join(DIST, '404.html'), notFound);

// 3. index.html: the policy first in <head> (it only covers what comes after it), the module last.
// The stylesheet is inlined (index.html) so the first paint waits for no second request.
const styles = [...index.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
const styleSrc = styles.length ? `style-src 'self' ${hashes(styles)}; ` : '';
const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hashes(inline)}; ${styleSrc}${CSP_TAIL}`;
const charset = index.match(/<meta charset="?utf-8"?>/i);
if (!charset) fail('index.html has no <meta charset> to put the policy after');
index = index.replace(charset[0], `${charset[0]}<meta http-equiv=Content-Security-Policy content="${csp}"><script>${prefetch}</script>`);
if (!index.includes('</head>')) fail('index.html has no </head>');
index = index.replace('</head>', `<script src=./${registerName} type=module></script></head>`);
writeFileSync(indexPath, index);

// 5. The service worker, last: it lists the final bytes of every other file.
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [relative(DIST, p).split(sep).join('/')];
  });
const files = walk(DIST)
  .filter((f) => f !== 'sw.js')
  .sort()
  .map((f) => [f, short(readFileSync(join(DIST, f)))]);
const version = short(files.map(([f, h]) => `${f} ${h}\n`).join(''));
const template = readFileSync(join(ROOT, 'pwa/sw.js'), 'utf8');
if (!template.includes("'%VERSION%'") || !template.includes("'%FILES%'")) fail('pwa/sw.js lacks its placeholders');
const sw = `// Generated by tools/pwa.mjs from pwa/sw.js.\n${strip(template)}`
  .replace("'%VERSION%'", JSON.stringify(version))
  .replace("'%FILES%'", JSON.stringify(files));
writeFileSync(join(DIST, 'sw.js'), sw);

const bytes = files.reduce((n, [f]) => n + statSync(join(DIST, f)).size, 0);
console.log(`pwa: ${relative(ROOT, DIST) || '.'}: version ${version}, ${files.length} files precached (${bytes} B), ${registerName}, 404.html, CSP`);
