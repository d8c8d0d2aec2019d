import { describe, expect, it } from 'vitest';
import { expectParallelCatalogs } from '../helpers/catalog-checks';
import { TEAM_MESSAGES, teamText } from '../../src/i18n/team-text';

describe('team mode wording', () => {
  const en = TEAM_MESSAGES.en as Record<string, string>;
  const zh = TEAM_MESSAGES.zh as Record<string, string>;

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expectParallelCatalogs(en, zh);
  });

  it('writes Chinese with Chinese characters and punctuation', () => {
    const untranslated = Object.keys(zh).filter(
      (k) => zh[k] === en[k] || !/\p{Script=Han}/u.test(zh[k] ?? ''),
    );
    expect(untranslated).toEqual([]);
    // A half-width colon or comma after a Chinese character reads as a machine's Chinese.
    const halfWidth = Object.keys(zh).filter((k) => /\p{Script=Han}[,:;?]/u.test(zh[k] ?? ''));
    expect(halfWidth).toEqual([]);
  });

  it('fills placeholders as t() does, and leaves unknown ones visible', () => {
    expect(teamText('en', 'join.taken', { name: 'li-wei' })).toContain('li-wei');
    expect(teamText('zh', 'join.taken', { name: '李伟' })).toContain('李伟');
    expect(teamText('en', 'join.taken')).toContain('{name}');
  });
});
