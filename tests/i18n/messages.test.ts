import { describe, expect, it } from 'vitest';
import { expectParallelCatalogs } from '../helpers/catalog-checks';
import { detectLanguage } from '../../src/i18n/detect-language';
import { MESSAGES, t } from '../../src/i18n/t';

describe('UI messages', () => {
  const en = MESSAGES.en as Record<string, string>;
  const zh = MESSAGES.zh as Record<string, string>;

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expectParallelCatalogs(en, zh);
  });

  it('writes Chinese with Chinese characters, not untranslated English', () => {
    const untranslated = Object.keys(zh).filter(
      (k) => zh[k] === en[k] && /[a-z]{3}/i.test(zh[k] ?? ''),
    );
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'step.ofTotal', { n: 3, total: 6 })).toBe('3 of 6');
    expect(t('zh', 'step.ofTotal', { n: 3, total: 6 })).toBe('第 3 项，共 6 项');
    expect(t('en', 'step.ofTotal', { n: 3 })).toBe('3 of {total}');
  });
});

describe('detectLanguage', () => {
  it('picks Chinese for any Chinese variant and English otherwise', () => {
    expect(detectLanguage(['zh-TW', 'en'])).toBe('zh');
    expect(detectLanguage(['zh-Hans-CN'])).toBe('zh');
    expect(detectLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage(['fr-FR', 'zh'])).toBe('zh');
    expect(detectLanguage([])).toBe('en');
  });
});
