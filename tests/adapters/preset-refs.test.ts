import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArchivedPreset } from '../../src/catalog/archived-presets';
import { createShareLink, openShareFragment } from '../../src/adapters/share-link';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { serializeBundle } from '../../src/core/import-file';
import type { Assessment } from '../../src/core/schema';
import { loadRubric, repoPath } from '../helpers/fixtures';
import { sealShare, unsealShare } from '../helpers/share-link-forge';

/** The example as it shipped before: its rubric is the 1.0.0 founder preset. */
function oldExample(): Assessment {
  const parsed = parseAssessment(
    readFileSync(repoPath('tests/fixtures/deeplake-ai-v2-rubric-1.0.0.json'), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** Keys sorted at every level, written here again: the digest old links carry. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const digestOf = (value: unknown) =>
  createHash('sha256').update(sortedJson(value)).digest('base64url');

describe('share links made with the 1.0.0 presets', () => {
  it('open, with the archived preset put back in place', async () => {
    const archived = loadRubric('rubrics/archive/ai-startup-founder-1.0.0.json');
    const old = oldExample();
    // What a build that shipped 1.0.0 put in a link: the preset by name, version and digest.
    const file = JSON.parse(serializeBundle([old], '2026-01-01T00:00:00.000Z')) as {
      assessments: { rubric: unknown }[];
    };
    file.assessments[0]!.rubric = {
      $preset: 'ai-startup-founder',
      version: '1.0.0',
      sha256: digestOf(archived),
    };
    const fragment = await sealShare(
      JSON.stringify({ kind: 'assessment', file: JSON.stringify(file) }),
    );
    const opened = await openShareFragment(fragment);
    if (!opened.ok) throw new Error(`${opened.reason} ${JSON.stringify(opened.problems)}`);
    const [assessment] = opened.content.assessments;
    expect(assessment!.rubric.version).toBe('1.0.0');
    // The one shared, frozen archived preset, never a copy.
    expect(assessment!.rubric).toBe(await loadArchivedPreset('ai-startup-founder', '1.0.0'));
    expect(serializeAssessment(assessment!)).toBe(serializeAssessment(old));
  });

  it('are still made by reference for an assessment on a 1.0.0 snapshot', async () => {
    const old = oldExample();
    const link = await createShareLink('https://moatscore.example/', {
      kind: 'assessment',
      assessments: [old],
    });
    const payload = (await unsealShare(link.url.slice(link.url.indexOf('#')))) as { file: string };
    const file = JSON.parse(payload.file) as { assessments: { rubric: unknown }[] };
    expect(file.assessments[0]!.rubric).toEqual({
      $preset: 'ai-startup-founder',
      version: '1.0.0',
      sha256: digestOf(loadRubric('rubrics/archive/ai-startup-founder-1.0.0.json')),
    });
    const opened = await openShareFragment(link.url.slice(link.url.indexOf('#')));
    expect(opened.ok && opened.content.assessments[0]!.rubric.version).toBe('1.0.0');
  });

  it('refuse a 1.0.0 reference whose digest does not match the archive', async () => {
    const file = JSON.parse(serializeBundle([oldExample()], 'x')) as {
      assessments: { rubric: unknown }[];
    };
    file.assessments[0]!.rubric = {
      $preset: 'ai-startup-investor',
      version: '1.0.0',
      sha256: digestOf(loadRubric('rubrics/archive/ai-startup-founder-1.0.0.json')),
    };
    const opened = await openShareFragment(
      await sealShare(JSON.stringify({ kind: 'assessment', file: JSON.stringify(file) })),
    );
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problems[0]?.code).toBe('share.presetDiffers');
  });

  it('refuse a version this build never shipped', async () => {
    const file = JSON.parse(serializeBundle([oldExample()], 'x')) as {
      assessments: { rubric: unknown }[];
    };
    file.assessments[0]!.rubric = {
      $preset: 'ai-startup-founder',
      version: '1.5.0',
      sha256: 'A'.repeat(43),
    };
    const opened = await openShareFragment(
      await sealShare(JSON.stringify({ kind: 'assessment', file: JSON.stringify(file) })),
    );
    expect(!opened.ok && opened.problems[0]?.code).toBe('share.presetDiffers');
  });
});
