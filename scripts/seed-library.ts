/**
 * A large library written straight into a page's database, in the very form
 * the app stores it (bodies, summaries, one rubric snapshot), made by the app's
 * own functions: for measuring the library, not for tests of how it is written.
 */
import type { Page } from 'playwright-core';
import { storedOf } from '../src/adapters/assessment-store';
import { rubricDigest } from '../src/adapters/rubric-digest';
import { summarize } from '../src/core/assessment-summary';
import { newDraft } from '../src/core/draft';
import { listCriteria } from '../src/core/rubric-index';
import type { Assessment } from '../src/core/schema';
import { EVIDENCE, type Evidence } from '../src/core/vocabulary';

/** `count` assessments of the example's company and rubric, over `deals` deals, varied answers. */
export async function seedLibrary(page: Page, base: Assessment, count: number, deals: number) {
  const hash = await rubricDigest(base.rubric);
  const criteria = listCriteria(base.rubric);
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const batch: { stored: unknown; summary: unknown }[] = [];
  const flush = async () => {
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('moatscore');
          open.onsuccess = () => {
            const tx = open.result.transaction(['drafts', 'summaries'], 'readwrite');
            for (const row of rows) {
              tx.objectStore('drafts').put(row.stored);
              tx.objectStore('summaries').put(row.summary);
            }
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      batch.splice(0),
    );
  };
  await page.evaluate(
    ({ hash, rubric }) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('moatscore');
        open.onsuccess = () => {
          const tx = open.result.transaction('rubrics', 'readwrite');
          tx.objectStore('rubrics').put({ hash, rubric });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    { hash, rubric: base.rubric },
  );
  for (let i = 0; i < count; i += 1) {
    const answers: Assessment['answers'] = {};
    for (const { fullId, criterion } of criteria) {
      const level = criterion.levels[next() % criterion.levels.length]!;
      const evidence: Evidence = EVIDENCE[next() % 3]!;
      answers[fullId] = {
        value: level.value,
        evidence,
        notes: `Note ${i} on ${fullId}`,
        facts: [],
      };
    }
    const deal = i % deals;
    const assessment: Assessment = {
      ...base,
      id: `seed-${i}`,
      deal: `deal-${deal}`,
      company: { ...base.company, name: `Company ${deal}` },
      evaluator: { name: `Rater ${i % 5}`, role: i % 5 === 0 ? 'founder' : 'investor' },
      updatedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      answers,
    };
    const record = newDraft(assessment, assessment.updatedAt);
    batch.push({ stored: storedOf(record, hash), summary: summarize(record, hash) });
    if (batch.length === 500) await flush();
  }
  await flush();
}
