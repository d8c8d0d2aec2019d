/**
 * What the app has stored, read in the page the way the app stores it: the
 * `moatscore` IndexedDB database (assessment bodies with their rubric
 * snapshots put back, summaries, records set aside as damaged).
 */
import type { Page } from 'playwright-core';

export interface StoredLibrary {
  drafts: Record<string, unknown>[];
  summaries: Record<string, unknown>[];
  damaged: { key: string; text: string }[];
  rubrics: number;
}

export function storedLibrary(page: Page): Promise<StoredLibrary> {
  return page.evaluate(() =>
    new Promise<StoredLibrary>((resolve, reject) => {
      const request = indexedDB.open('moatscore');
      request.onerror = () => reject(request.error);
      request.onupgradeneeded = () => {
        // The app has not created its database yet: nothing is stored.
        request.transaction?.abort();
      };
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['drafts', 'summaries', 'rubrics', 'damaged'], 'readonly');
        const all = (name: string) =>
          new Promise<unknown[]>((done) => {
            const got = tx.objectStore(name).getAll();
            got.onsuccess = () => done(got.result as unknown[]);
          });
        void Promise.all([all('drafts'), all('summaries'), all('rubrics'), all('damaged')]).then(
          ([drafts, summaries, rubrics, damaged]) => {
            const byHash = new Map(
              (rubrics as { hash: string; rubric: unknown }[]).map((r) => [r.hash, r.rubric]),
            );
            db.close();
            resolve({
              drafts: (drafts as Record<string, unknown>[]).map((d) => ({
                ...d,
                assessment: {
                  ...(d.assessment as Record<string, unknown>),
                  rubric: byHash.get(d.rubricHash as string),
                },
              })),
              summaries: summaries as Record<string, unknown>[],
              damaged: damaged as { key: string; text: string }[],
              rubrics: rubrics.length,
            });
          },
        );
      };
    }).catch(() => ({ drafts: [], summaries: [], damaged: [], rubrics: 0 })),
  );
}

/** The saved drafts, each with its rubric snapshot. */
export async function savedDrafts(page: Page): Promise<Record<string, unknown>[]> {
  return (await storedLibrary(page)).drafts;
}
