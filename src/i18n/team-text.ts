import { useCallback } from 'react';
import type { Lang } from '../core/vocabulary';
import { useI18n } from './i18n-context';
import { fillPlaceholders, type Vars } from './t';
import teamEn from './team.en.json';
import teamZh from './team.zh.json';

/**
 * The team screens' wording, kept apart from en.json and zh.json so team mode
 * can grow without touching the solo app's strings. Same `{name}` rule as t().
 */
export type TeamMessageKey = keyof typeof teamEn;
export type TeamMessages = Record<TeamMessageKey, string>;

export const TEAM_MESSAGES: Record<Lang, TeamMessages> = {
  en: teamEn,
  zh: teamZh satisfies TeamMessages,
};

export type TeamText = (key: TeamMessageKey, vars?: Vars) => string;

export function teamText(lang: Lang, key: TeamMessageKey, vars?: Vars): string {
  return fillPlaceholders(TEAM_MESSAGES[lang][key], vars);
}

/** The team wording in the current language. */
export function useTeamText(): TeamText {
  const { lang } = useI18n();
  return useCallback((key, vars) => teamText(lang, key, vars), [lang]);
}

export function isTeamMessageKey(key: unknown): key is TeamMessageKey {
  return typeof key === 'string' && Object.hasOwn(TEAM_MESSAGES.en, key);
}
