import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/core/file-name';

describe('exportFileName', () => {
  it('is safe for any company name', () => {
    const date = new Date('2026-11-29T23:00:00Z');
    expect(exportFileName('DeepLake AI', date)).toBe('moatscore-deeplake-ai-2026-11-29.pdf');
    expect(exportFileName('深湖智能', date)).toBe('moatscore-深湖智能-2026-11-29.pdf');
    expect(exportFileName('../../etc/passwd', date)).toBe('moatscore-etc-passwd-2026-11-29.pdf');
    expect(exportFileName('🚀 Rocket \u202e AI', date)).toBe('moatscore-rocket-ai-2026-11-29.pdf');
    expect(exportFileName('A/B:C*D?"E<F>G|H', date)).toBe(
      'moatscore-a-b-c-d-e-f-g-h-2026-11-29.pdf',
    );
    expect(exportFileName('', date)).toBe('moatscore-assessment-2026-11-29.pdf');
  });

  it('names JSON and CSV exports the same way, with their own extension', () => {
    const date = new Date('2026-11-29T23:00:00Z');
    expect(exportFileName('深湖智能', date, 'json')).toBe('moatscore-深湖智能-2026-11-29.json');
    expect(exportFileName('answers', date, 'csv')).toBe('moatscore-answers-2026-11-29.csv');
  });
});
