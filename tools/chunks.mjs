// Reads tools/split.mjs's link module back (used by it and by tools/pwa.mjs).
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
