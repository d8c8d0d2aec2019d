/** Keyboard-only moves through the wizard, as a person without a mouse makes them. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

export async function focusedIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

export async function startByKeyboard(
  page: Page,
  company: string,
  evaluator: string,
): Promise<void> {
  await page.locator('h1').first().waitFor();
  await tabTo(page, '#companyName');
  await page.keyboard.type(company);
  await tabTo(page, '#evaluatorName');
  await page.keyboard.type(evaluator);
  await tabTo(page, 'form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('.wizard-step').waitFor();
}

/**
 * Picks a level (1-based) and an evidence option (0 verified, 1 estimated,
 * 2 assumed) with Tab and the arrow keys, types notes, and continues.
 */
export async function answerByKeyboard(
  page: Page,
  level: number,
  evidence: number,
  notes = '',
): Promise<void> {
  await expect.poll(() => focusedIs(page, 'h1')).toBe(true);
  await tabTo(page, 'input[name=value]');
  await chooseInGroup(page, level);
  await tabTo(page, 'input[name=evidence]');
  await chooseInGroup(page, evidence + 1);
  await tabTo(page, '#notes');
  if (notes !== '') await page.keyboard.type(notes);
  await tabTo(page, '.wizard-step button[type=submit]');
  const heading = await page.locator('h1').innerText();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').innerText()).not.toBe(heading);
}

/** In a radio group with focus on its first (or checked) option: Space checks it, arrows move and check. */
async function chooseInGroup(page: Page, position: number): Promise<void> {
  const current = await page.evaluate(() => {
    const input = document.activeElement as HTMLInputElement;
    const group = [...document.querySelectorAll<HTMLInputElement>(`input[name="${input.name}"]`)];
    return { index: group.indexOf(input), checked: input.checked };
  });
  let index = current.index;
  if (!current.checked && index === position - 1) await page.keyboard.press('Space');
  while (index < position - 1) {
    await page.keyboard.press('ArrowDown');
    index += 1;
  }
  while (index > position - 1) {
    await page.keyboard.press('ArrowUp');
    index -= 1;
  }
}
