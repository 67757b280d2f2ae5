// Reads tools/split.mjs's link module back (used by tools/pwa.mjs, tools/dist-check.mjs and
// the end-to-end tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The chunks src/pages.rs splits off (its `Chunk`), by the names wasm-split-cli gives them. */
export const CHUNK_NAMES = ['quiz', 'results', 'exam', 'browse', 'stats', 'settings'];

/**
 * The link module of the build in `dir` (`split-<hash>.js`) and the files of each chunk; throws
 * with the reason if the link module is missing or names no files for one of `CHUNK_NAMES`.
 */
export function readChunks(dir) {
  const link = readdirSync(dir).find((f) => /^split-[0-9a-f]{16}\.js$/.test(f));
  if (!link) throw new Error(`no split-<hash>.js link module in ${dir}: run tools/split.mjs first`);
  const chunks = chunkFiles(readFileSync(join(dir, link), 'utf8'));
  for (const c of CHUNK_NAMES) if (!chunks[c]?.length) throw new Error(`${link} names no files for the ${c} chunk`);
  return { link, chunks };
}

/** The link module's loaders, read back: for each chunk, the wasm files it fetches. */
export function chunkFiles(link) {
  const block = (at) => {
    const end = link.slice(at + 1).search(/\n(export )?const |\n\/\*/);
    return link.slice(at, end < 0 ? undefined : at + 1 + end);
  };
  const wasm = (text) => [...text.matchAll(/"\.\/([\w.-]+\.wasm)"/g)].map((x) => x[1]);
  const chunks = {};
  for (const m of link.matchAll(/export const __wasm_split_load_(\w+) = /g)) {
    const text = block(m.index);
    const deps = [...text.matchAll(/__chunk_\d+/g)].map((d) => d[0]);
    const shared = deps.flatMap((d) => wasm(block(link.indexOf(`const ${d} = `))));
    chunks[m[1]] = [...new Set([...wasm(text), ...shared])];
  }
  return chunks;
}
