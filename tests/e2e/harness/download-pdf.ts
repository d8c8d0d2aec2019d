import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { writeTemp } from '../../report/pdf-tools';

/**
 * Clicks "Download PDF" (in either language) and waits, as a person does,
 * until the page says the file is ready; a copy of the download for the PDF
 * tools, and the name the browser was given.
 */
export async function downloadPdf(page: Page): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download PDF|下载 PDF/ }).click(),
  ]);
  const name = download.suggestedFilename();
  const path = writeTemp(name, readFileSync((await download.path())!));
  await expect.poll(() => page.getByTestId('pdf-status').innerText()).toContain(name);
  return { path, name };
}
