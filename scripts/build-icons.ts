/**
 * Makes the PNG icons the web app manifest lists, from public/favicon.svg, by
 * drawing the SVG in Chromium. Run `npm run icons` only when the favicon
 * changes: the PNGs are committed (public/icons/).
 *
 * - icon-192.png, icon-512.png: the favicon as it is, corners transparent.
 * - icon-maskable-512.png: full bleed for launchers that crop icons to a circle
 *   or squircle; the mark sits inside the middle 80 % (the maskable safe zone).
 * - apple-touch-icon.png (180 px): full bleed too, since iOS fills transparency with black.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/harness/browser';

const FAVICON = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const OUT = new URL('../public/icons/', import.meta.url);
/** The favicon's own background, filling what a mask may show around the mark. */
const BRAND = '#1d4e89';

/** The favicon, drawn `markShare` of the way across a full-bleed brand square. */
function fullBleed(markShare: number): string {
  const inset = ((1 - markShare) / 2) * 100;
  const mark = FAVICON.replace(
    '<svg ',
    `<svg x="${inset}" y="${inset}" width="${markShare * 100}" height="${markShare * 100}" `,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="${BRAND}"/>${mark}</svg>`;
}

const ICONS: { file: string; size: number; svg: string }[] = [
  { file: 'icon-192.png', size: 192, svg: FAVICON },
  { file: 'icon-512.png', size: 512, svg: FAVICON },
  // The mark's outermost point is 0.34 of the favicon's width from its centre:
  // at 80 % it stays within the safe circle (radius 0.4 of the icon).
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.8) },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.9) },
];

async function render(page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(OUT, { recursive: true });
  for (const { file, size, svg } of ICONS) {
    const png = await render(page, svg, size);
    writeFileSync(new URL(file, OUT), png);
    console.log(`public/icons/${file}  ${size}×${size}  ${(png.length / 1024).toFixed(1)} KB`);
  }
} finally {
  await browser.close();
}
