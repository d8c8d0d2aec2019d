/**
 * Model evidence in Chromium against the built app: a million scored rows
 * and a baseline of the same items, chosen in the wizard's panel, computed in
 * the metrics worker. Times the wait from the click to the card, and the
 * longest main-thread task meanwhile (what the worker keeps off the page).
 * Figures, not assertions; run by scripts/bench-browser.ts.
 */
import type { Page } from 'playwright-core';

const ROWS = 1_000_000;

/** A label,score file: labels alternate; scores are a fixed pseudo-random sequence, skewed by label. */
function scoreFile(seed: number): Buffer {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ['label,score'];
  for (let i = 0; i < ROWS; i += 1) {
    const label = i % 2;
    lines.push(`${label},${(0.35 * label + 0.65 * next()).toFixed(4)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

export async function evidenceTiming(page: Page): Promise<string> {
  const model = scoreFile(1);
  const baseline = scoreFile(2);
  await page.goto('/');
  await page.locator('#companyName').fill('Bench');
  await page.locator('#evaluatorName').fill('Bench');
  await page.locator('form button[type=submit]').click();
  await page.locator('.wizard-step').waitFor();
  while ((await page.locator('h1').innerText()) !== 'Algorithm optimization') {
    const heading = await page.locator('h1').innerText();
    await page.locator('input[name=value]').first().check();
    await page.locator('input[name=evidence]').first().check();
    await page.locator('.wizard-step button[type=submit]').click();
    await page.waitForFunction((h) => document.querySelector('h1')?.textContent !== h, heading);
  }
  await page.getByRole('button', { name: 'Add model evidence' }).click();
  await page.getByLabel('Model’s predictions (CSV)').setInputFiles({
    name: 'model.csv',
    mimeType: 'text/csv',
    buffer: model,
  });
  await page.getByLabel(/Baseline’s predictions/).setInputFiles({
    name: 'baseline.csv',
    mimeType: 'text/csv',
    buffer: baseline,
  });
  await page.getByLabel('Task', { exact: true }).fill('Bench');
  await page.getByLabel('Held-out set', { exact: true }).fill('Bench');
  await page.evaluate(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = performance.now();
  await page.getByRole('button', { name: 'Compute the metrics' }).click();
  await page.getByTestId('metrics-card').waitFor({ timeout: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  const longest = await page.evaluate(
    () => (window as unknown as { longestTask: number }).longestTask,
  );
  const mb = (model.length / 1024 / 1024).toFixed(1);
  // A long task is one of 50 ms or more; none means the page stayed responsive throughout.
  const responsiveness =
    longest === 0
      ? 'no main-thread task of 50 ms or more'
      : `longest main-thread task ${longest.toFixed(0)} ms`;
  return `${ROWS.toLocaleString('en-US')} scored rows + baseline (${mb} MB each): card after ${seconds.toFixed(1)} s; ${responsiveness} meanwhile`;
}
