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

const server = await startAppServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  console.log(`\nhostile share links in Chromium (${browser.version()})`);
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
