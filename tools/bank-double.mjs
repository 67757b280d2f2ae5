// Writes a copy of the question bank twice as large: every question a second time under a new
// id. `make bench` builds it (QUIZ_BANK_DIR) to show that the home screen's first load does not
// grow with the bank. `node tools/bank-double.mjs <from-dir> <to-dir>`
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [from, to] = process.argv.slice(2).map((p) => p && resolve(p));
if (!from || !to) {
  console.error('usage: node tools/bank-double.mjs <from-dir> <to-dir>');
  process.exit(2);
}
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
let copied = 0;
for (const f of readdirSync(from).filter((f) => f.endsWith('.toml'))) {
  const text = readFileSync(join(from, f), 'utf8');
  if (f === 'areas.toml') {
    writeFileSync(join(to, f), text);
    continue;
  }
  const twin = text.replace(/^id = "([a-z0-9-]+)"$/gm, (_, id) => {
    copied++;
    return `id = "${id}-twin"`;
  });
  writeFileSync(join(to, f), `${text}\n${twin}`);
}
console.log(`bank-double: ${copied} questions copied under new ids into ${to}`);
