// Writes a copy of the question bank with one more question and one question reworded: the bank
// of the "new version" that the end-to-end update test deploys over the first (`make test-e2e`
// builds it with QUIZ_BANK_DIR pointing at the copy). Only the bank changes, not the code.
// `node tools/bank-variant.mjs <from-dir> <to-dir>`
import { cpSync, appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ADDED = {
  id: 'fundamentals-update-probe',
  prompt: 'Which manage.py command starts the development server?',
};

/** A question whose prompt the new version words differently (its data file changes). */
export const REWORDED = {
  id: 'fundamentals-mtv-controller',
  before: 'Django describes itself as an MTV (model, template, view) framework.',
  after: 'Django calls itself an MTV (model, template, view) framework.',
};

const QUESTION = `
[[question]]
id = "${ADDED.id}"
area = "fundamentals"
level = "beginner"
kind = "single"
source = "docs"
prompt = "Which \`manage.py\` command starts the development server?"
choices = ["\`runserver\`", "\`startserver\`", "\`devserver\`"]
answer = 0
explanation = "\`runserver\` starts the lightweight development web server; it is meant for development only."
docs = "https://docs.djangoproject.com/en/5.2/ref/django-admin/#runserver"
versions = "5.2+"
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [from, to] = process.argv.slice(2).map((p) => resolve(p));
  if (!from || !to) throw new Error('usage: node tools/bank-variant.mjs <from-dir> <to-dir>');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true });
  const file = join(to, 'fundamentals.toml');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`id = "${REWORDED.id}"`);
  const prompt = text.indexOf(REWORDED.before, at);
  if (at < 0 || prompt < 0 || text.indexOf('[[question]]', at) < prompt) throw new Error(`bank-variant: cannot find the prompt of ${REWORDED.id} to reword`);
  writeFileSync(file, text.slice(0, prompt) + REWORDED.after + text.slice(prompt + REWORDED.before.length));
  appendFileSync(file, QUESTION);
  console.log(`bank-variant: ${to} = ${from} + ${ADDED.id}, ${REWORDED.id} reworded`);
}
