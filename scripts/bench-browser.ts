/**
 * Browser figures for the README, in Debian's Chromium against the built app:
 * how long hostile share links take to be refused, the renderer's peak memory
 * meanwhile, and how long model evidence from a million rows takes in the worker.
 * Run with `npm run bench` (after scripts/bench.ts).
 * Figures, not assertions.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { createShareLink } from '../src/adapters/share-link';
import { parseAssessment } from '../src/core/assessment-file';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/harness/browser';
import { startAppServer } from '../tests/e2e/harness/server';
import {
  amplifiedPayload,
  sealBomb,
  sealShare,
  unsealShare,
} from '../tests/helpers/share-link-forge';
import { ASSESSMENT_VERSION } from '../src/core/vocabulary';
import { evidenceTiming } from './bench-evidence';
import { rendererMemory } from './renderer-memory';
import { seedLibrary } from './seed-library';

const parsed = parseAssessment(
  readFileSync(new URL('../examples/deeplake-ai.json', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('example invalid');
const example = parsed.value;

async function hostileLinks(): Promise<[string, string][]> {
  const made = await createShareLink('https://x/', { kind: 'assessment', assessments: [example] });
  const payload = (await unsealShare(made.url)) as { file: string };
  const ref = (JSON.parse(payload.file) as { assessments: { rubric: unknown }[] }).assessments[0]!
    .rubric;
  return [
    ['5,000 preset references', await sealShare(amplifiedPayload(ref, 5000, ASSESSMENT_VERSION))],
    [
      '50,000 preset references',
      await sealShare(amplifiedPayload(ref, 50_000, ASSESSMENT_VERSION)),
    ],
    ['bomb: 750 MB of spaces', await sealBomb(750)],
  ];
}

/** Opens `fragment` and waits for the app's refusal; time and the renderer's peak memory. */
async function refuse(page: Page, fragment: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the example' }).waitFor();
  const memory = rendererMemory();
  const before = await memory.current();
  const watching = memory.watchPeak();
  const started = performance.now();
  await page.goto(`/${fragment}`);
  await page.getByTestId('share-error').waitFor({ timeout: 120_000 });
  const ms = performance.now() - started;
  const peak = await watching.stop();
  return {
    ms,
    peakMb: (peak - before) / 1024 / 1024,
    text: await page.getByTestId('share-error').innerText(),
  };
}

/** Milliseconds from `start` until `ready` resolves. */
async function timed(start: () => Promise<unknown>, ready: () => Promise<unknown>) {
  const began = performance.now();
  await start();
  await ready();
  return performance.now() - began;
}

/** The library with `count` assessments over `deals` deals: the figures issue 12 asks for. */
async function libraryFigures(page: Page, count: number, deals: number) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the example' }).waitFor();
  if (count > 0) await seedLibrary(page, example, count, deals);
  const start = await timed(
    () => page.goto('/'),
    async () => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (count > 0) await page.locator('.draft-list li').first().waitFor();
    },
  );
  if (count === 0) return { start };
  const library = page.getByRole('button', { name: 'Library', exact: true });
  const firstRows = await timed(
    () => library.click(),
    () => page.getByTestId('library-row').first().waitFor(),
  );
  // A keystroke in the search box, timed in the page until the list shows its result.
  const keystroke = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const input = document.getElementById('library-search') as HTMLInputElement;
        const list = document.querySelector('.library-list')!;
        const began = performance.now();
        new MutationObserver((_, observer) => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - began));
        }).observe(list, { childList: true, subtree: true, characterData: true });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, '7');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
  );
  const pipeline = await timed(
    () => page.getByRole('button', { name: 'Deals', exact: true }).click(),
    () => page.locator('[data-testid=pipeline] tbody tr').first().waitFor({ timeout: 120_000 }),
  );
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  return { start, firstRows, keystroke, pipeline, used };
}

const server = await startAppServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const fresh = async () => {
    const context = await browser.newContext({ baseURL: server.url });
    return { context, page: await context.newPage() };
  };
  const ms = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(0)} ms`);
  console.log(`\nthe library in Chromium (${browser.version()})`);
  const first = await fresh();
  const empty = await libraryFigures(first.page, 0, 0);
  await first.context.close();
  console.log(`start the app, empty library                 ${ms(empty.start)}`);
  const second = await fresh();
  const full = await libraryFigures(second.page, 5000, 1000);
  // Closed before the next figures: its pages' memory would hide theirs.
  await second.context.close();
  console.log(`start the app, 5,000 assessments / 1,000 deals ${ms(full.start)}`);
  console.log(
    `open the library: first rows                 ${ms(full.firstRows)}   (aim: under 300 ms)`,
  );
  console.log(
    `search keystroke: list updated               ${ms(full.keystroke)}   (aim: under 50 ms)`,
  );
  console.log(
    `open the deals pipeline: first row           ${ms(full.pipeline)}   (aim: under 300 ms)`,
  );
  console.log(
    `storage used                                 ${((full.used ?? 0) / 1024 / 1024).toFixed(1)} MB`,
  );

  console.log(`\nhostile share links in Chromium (${browser.version()})`);
  const { page } = await fresh();
  for (const [label, fragment] of await hostileLinks()) {
    const { ms, peakMb, text } = await refuse(page, fragment);
    const reason = text.split('\n').find((line) => /limit|at most/.test(line)) ?? text;
    console.log(
      `${label.padEnd(28)} link ${(fragment.length / 1024).toFixed(0).padStart(5)} KB  refused in ${ms.toFixed(0).padStart(5)} ms  renderer +${peakMb.toFixed(0)} MB at peak  "${reason.trim()}"`,
    );
  }
  console.log(
    '\nmodel evidence in Chromium: every metric, AUC and gains with 1,000 resamples, in the worker',
  );
  console.log(await evidenceTiming(page));
} finally {
  await browser.close();
  await server.close();
}
