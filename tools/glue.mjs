// Minifies wasm-bindgen's JavaScript glue in a Trunk release output, in place. Trunk's own
// minifier gives up on it (it stops at `export default`) and ships it whole (46 KB for the app).
// Used by tools/pwa.mjs for the app, and by `make bench` for the bare Leptos page, so both are
// measured alike: `node tools/glue.mjs DIR`.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

/** Minifies the one `<name>.js` beside a `<name>_bg.wasm` in `dir`; returns its name and sizes. */
export async function minifyGlue(dir) {
  const files = readdirSync(dir);
  const glues = files.filter((f) => f.endsWith('.js') && files.includes(f.replace(/\.js$/, '_bg.wasm')));
  if (glues.length !== 1) throw new Error(`expected one wasm-bindgen glue .js beside its _bg.wasm in ${dir}, found ${glues.join(', ') || 'none'}`);
  const path = join(dir, glues[0]);
  const code = readFileSync(path, 'utf8');
  // Property names are kept (terser's default): the wasm imports its functions by those names.
  const out = await minify(code, { module: true, compress: true, mangle: true });
  writeFileSync(path, out.code);
  return { name: glues[0], before: code.length, after: out.code.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tools/glue.mjs DIR');
    process.exit(2);
  }
  try {
    const m = await minifyGlue(resolve(dir));
    console.log(`glue: ${m.name} minified, ${m.before} -> ${m.after} B`);
  } catch (e) {
    console.error(`glue: ${e.message}`);
    process.exit(1);
  }
}
