import { describe, expect, it } from 'vitest';
import {
  createShareLink,
  MAX_SHARE_ASSESSMENTS,
  openShareFragment,
  type OpenedShare,
} from '../../src/adapters/share-link';
import { problemLines } from '../../src/i18n/problem-text';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { loadExample } from '../helpers/fixtures';
import { amplifiedPayload, sealBomb, sealShare, unsealShare } from '../helpers/share-link-forge';

/*
 * Regression corpus: share links an attacker would craft. Each was once able
 * to freeze the tab or fill its memory (see docs/file-format.md, "Share links").
 */

const example = loadExample();

/** The preset reference exactly as the app writes it for the example. */
async function presetRef(): Promise<unknown> {
  const link = await createShareLink('https://x/', { kind: 'assessment', assessments: [example] });
  const payload = (await unsealShare(link.url)) as { file: string };
  return (JSON.parse(payload.file) as { assessments: { rubric: unknown }[] }).assessments[0]!
    .rubric;
}

const shown = (opened: OpenedShare) => (opened.ok ? '' : problemLines(opened.problems, 'en'));

describe('hostile share links', () => {
  it('refuses 5,000 preset references in a few KB of link by their count, before expanding any', async () => {
    const fragment = await sealShare(amplifiedPayload(await presetRef(), 5000, ASSESSMENT_VERSION));
    // Small enough to pass as a link this app makes: the count is what must stop it.
    expect(fragment.length).toBeLessThan(32 * 1024);
    const opened = await openShareFragment(fragment);
    expect(opened).toMatchObject({ ok: false, reason: 'over-limit' });
    expect(shown(opened)).toBe(
      `assessments: holds 5000 assessments; a link holds at most ${MAX_SHARE_ASSESSMENTS}`,
    );
  });

  it('gives every reference at the limit the one shared, frozen preset, not a copy each', async () => {
    const fragment = await sealShare(
      amplifiedPayload(await presetRef(), MAX_SHARE_ASSESSMENTS, ASSESSMENT_VERSION),
    );
    const opened = await openShareFragment(fragment);
    if (!opened.ok) throw new Error(shown(opened));
    const rubrics = new Set(opened.content.assessments.map((a) => a.rubric));
    expect(opened.content.assessments).toHaveLength(MAX_SHARE_ASSESSMENTS);
    expect(rubrics.size).toBe(1);
    const [rubric] = rubrics;
    expect(Object.isFrozen(rubric)).toBe(true);
    expect(Object.isFrozen(rubric!.sections[0]!.criteria[0]!.levels[0])).toBe(true);
    expect(rubric).toEqual(example.rubric);
  });

  it('stops inflating a 200 MB bomb at the 10 MB cap and says which limit it broke', async () => {
    const fragment = await sealBomb(200);
    const opened = await openShareFragment(fragment);
    expect(opened).toMatchObject({ ok: false, reason: 'over-limit' });
    expect(shown(opened)).toBe('the content unpacks to more than 10 MB, the limit');
  });
});
