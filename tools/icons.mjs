// Draws the app icons and renders their PNGs with Debian's Chromium. Run it after changing the
// mark (`node tools/icons.mjs`) and commit what it writes:
//   public/icon.svg               the icon for any purpose (rounded square, transparent corners)
//   public/icon-192.png, -512.png  the same, rendered
//   public/icon-maskable-512.png   full-bleed square, the mark inside the central safe circle
// The mark: a speech bubble (an interview question) holding the "dj" of the favicon.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';

const PUBLIC = join(resolve(import.meta.dirname, '..'), 'public');
const BRAND = '#0c4b33';

// The mark on a 512 × 512 grid, centred on (256, 256). Its farthest point (a bubble corner) is
// 194 from the centre, so scaled by 0.9 it stays inside the maskable safe zone (radius 204.8,
// 40 % of the size) with a margin.
const MARK = [
  // Bubble with its tail at the lower left.
  `<path d="M148 112h216a52 52 0 0 1 52 52v140a52 52 0 0 1-52 52H232l-76 56v-56h-8a52 52 0 0 1-52-52V164a52 52 0 0 1 52-52z" fill="#fff"/>`,
  // d: the favicon's D, in the brand colour.
  `<path d="M174 176h44a58 58 0 0 1 0 116h-44z" fill="none" stroke="${BRAND}" stroke-width="30"/>`,
  // j: stem, hook and dot, in the header's accent green.
  `<path d="M332 196v84a40 40 0 0 1-40 40" fill="none" stroke="#0b6e4a" stroke-width="30" stroke-linecap="round"/>`,
  `<circle cx="332" cy="150" r="19" fill="#0b6e4a"/>`,
].join('');

const svg = (body) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${body}</svg>\n`;
// Any purpose: the favicon's rounded square.
const anyIcon = svg(`<rect width="512" height="512" rx="112" fill="${BRAND}"/>${MARK}`);
// Maskable: the platform cuts its own shape, so the background bleeds to every edge.
const maskable = svg(`<rect width="512" height="512" fill="${BRAND}"/><g transform="translate(256 256) scale(.9) translate(-256 -256)">${MARK}</g>`);

writeFileSync(join(PUBLIC, 'icon.svg'), anyIcon);

const browser = await launch();
const page = await browser.newPage({ deviceScaleFactor: 1 });
async function render(source, size, file) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: join(PUBLIC, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`icons: wrote public/${file}`);
}
await render(anyIcon, 192, 'icon-192.png');
await render(anyIcon, 512, 'icon-512.png');
await render(maskable, 512, 'icon-maskable-512.png');
await browser.close();
