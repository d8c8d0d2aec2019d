import { describe, expect, it } from 'vitest';
import { expectParallelCatalogs } from '../helpers/catalog-checks';
import en from '../../src/i18n/evidence.en.json';
import zh from '../../src/i18n/evidence.zh.json';
import {
  evidenceLine,
  evidenceLineWithTask,
  evidenceText,
  formatGain,
} from '../../src/i18n/evidence-text';
import { sampleEvidence } from '../helpers/model-evidence';

describe('model evidence wording', () => {
  const enWords = en as Record<string, string>;
  const zhWords = zh as Record<string, string>;

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expectParallelCatalogs(enWords, zhWords);
  });

  it('writes Chinese with Chinese characters, not untranslated English (metric names aside)', () => {
    const untranslated = Object.keys(zhWords).filter(
      (k) => zhWords[k] === enWords[k] && /[a-z]{3}/i.test(zhWords[k] ?? ''),
    );
    expect(untranslated).toEqual(['metric.auc', 'metric.bleu']);
  });

  it('says a recorded evaluation in one line, with its gain and interval in points', () => {
    // F1 0.87 (0.84–0.90); gain 0.052 (0.031 to 0.074), i.e. 5.2 points (3.1 to 7.4).
    const evidence = sampleEvidence();
    expect(evidenceLine(evidence, 'en')).toBe(
      'F1 0.870 (0.840–0.900), +5.2 points over the baseline (3.1 to 7.4) on held-out set “Customer A, March test set”',
    );
    expect(evidenceLine(evidence, 'zh')).toBe(
      'F1 0.870（0.840–0.900），较基线 +5.2 个百分点（3.1 至 7.4），留出集“Customer A, March test set”',
    );
    expect(evidenceLineWithTask(evidence, 'en', 4)).toBe(
      `Contract clause classification: ${evidenceLine(evidence, 'en')} (level 4 accepted)`,
    );
    expect(evidenceLineWithTask({ ...evidence, accepted: false }, 'zh', 4)).toMatch(
      /（支持第 4 级，未采纳）$/,
    );
  });

  it('leaves the gain out without a baseline, and writes a negative lower end with a true minus', () => {
    const alone = sampleEvidence({ deltas: null });
    expect(evidenceLine(alone, 'en')).toBe(
      'F1 0.870 (0.840–0.900) on held-out set “Customer A, March test set”',
    );
    const unsure = sampleEvidence({
      deltas: { f1: { value: 0.012, low: -0.004, high: 0.03 } },
    });
    expect(evidenceLine(unsure, 'en')).toContain('+1.2 points over the baseline (−0.4 to 3.0)');
    expect(formatGain(0)).toBe('±0.0');
    expect(formatGain(-0.00001)).toBe('±0.0');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(evidenceText('en', 'cond.minItems', { required: 500, found: 1200 })).toBe(
      'at least 500 held-out items (found 1200)',
    );
    expect(evidenceText('zh', 'cond.minItems', { required: 500 })).toBe(
      '留出样本至少 500 个（实有 {found} 个）',
    );
  });
});
