import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { listCriteria } from '../../src/core/rubric-index';
import type { Rubric } from '../../src/core/schema';
import { repoPath } from '../helpers/fixtures';
import { pdfInfo, pdfText, qpdfCheck, squeeze } from '../report/pdf-tools';
import { closeAll, expectNoAxeViolations, newPage, watchPage, downloadPdf } from './harness';

afterAll(closeAll);

const rubric = (
  JSON.parse(readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8')) as { rubric: Rubric }
).rubric;

describe('the PDF report in the browser', () => {
  it('loads jsPDF and fonts only on request, and downloads valid English and Chinese reports', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    // The page's own requests (those its service worker answers included). The
    // worker's precaching, which fetches every chunk (jsPDF's included) in the
    // background so the app works offline, is not the page loading them, and is
    // reported on the context instead: it may fetch the report code, never the fonts.
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const workerRequests: string[] = [];
    page.context().on('request', (request) => {
      if (request.serviceWorker() !== null) workerRequests.push(new URL(request.url()).pathname);
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Open the example' }).click();
    await page.locator('.radar canvas').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => /create-report|jspdf|\/fonts\//.test(p))).toEqual([]);
    await expectNoAxeViolations(page, 'results with the PDF controls');

    const shown = (await page.getByTestId('overall-score').innerText()).split(' ')[0]!;
    // The file is named for the day it is made: the test may run across midnight.
    const dayBefore = new Date().toISOString().slice(0, 10);
    const en = await downloadPdf(page);
    // Seen once asked for, from the network or the worker's cache: so "none before" above means none.
    expect(requests.some((p) => /create-report/.test(p))).toBe(true);
    const dayAfter = new Date().toISOString().slice(0, 10);
    expect(
      [dayBefore, dayAfter].map((day) => `moatscore-deeplake-ai-深湖智能-${day}.pdf`),
    ).toContain(en.name);
    expect(qpdfCheck(en.path).ok).toBe(true);
    const enText = squeeze(pdfText(en.path));
    expect(enText).toContain(squeeze('DeepLake AI 深湖智能'));
    expect(enText).toContain(shown);
    for (const { criterion } of listCriteria(rubric))
      expect(enText).toContain(squeeze(criterion.name.en));
    expect(pdfInfo(en.path)['Page size']).toMatch(/A4/);

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('纸张尺寸').selectOption('letter');
    const zh = await downloadPdf(page);
    expect(qpdfCheck(zh.path).ok).toBe(true);
    const zhText = squeeze(pdfText(zh.path));
    for (const { criterion } of listCriteria(rubric)) expect(zhText).toContain(criterion.name.zh);
    expect(zhText).toContain(shown);
    expect(pdfInfo(zh.path)['Page size']).toMatch(/letter/);
    const pages = Number(pdfInfo(zh.path).Pages);
    expect(zhText).toContain(`第${pages}页，共${pages}页`);

    // The Chinese font: fetched once, then from memory, and after a reload from the browser's cache.
    const fontFetches = () => requests.filter((p) => p.endsWith('noto-sans-sc-regular.ttf')).length;
    expect(fontFetches()).toBe(1);
    await downloadPdf(page);
    await page.reload();
    // What a person waits for after a reload: the results back, then the charts drawn.
    await page.getByRole('heading', { level: 1, name: /^(Results|评估结果)/ }).waitFor();
    await page.locator('.radar canvas').first().waitFor();
    await downloadPdf(page);
    expect(fontFetches()).toBe(1);
    expect(workerRequests.filter((p) => p.includes('/fonts/'))).toEqual([]);
    await guard.expectClean();
  });
});
