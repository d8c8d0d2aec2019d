import type { Page } from 'playwright-core';

/**
 * Clicks a tab of the header's main navigation and waits, as a person does,
 * until that screen is the one shown: the screen on view stays until the
 * next one's code is in (navigation is a transition), so its buttons are
 * still there for a moment after the click.
 */
export async function openScreen(page: Page, name: string): Promise<void> {
  const tab = page
    .getByRole('navigation', { name: /^(Main|主导航)$/ })
    .getByRole('button', { name, exact: true });
  await tab.click();
  await tab.and(page.locator('[aria-current="page"]')).waitFor();
}
