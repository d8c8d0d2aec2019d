import en from './en.json';
import zh from './zh.json';
import type { LocalizedText } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { round1 } from '../core/round1';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const MESSAGES: Record<Lang, Messages> = { en, zh: zh satisfies Messages };

export type Vars = Record<string, string | number>;

/** Each language's locale, for dates, numbers, sorting and the page's `lang`: one mapping for all. */
export const LOCALES = { en: 'en-GB', zh: 'zh-CN' } as const satisfies Record<Lang, string>;

/** A UI string in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars?: Vars): string {
  return fillPlaceholders(MESSAGES[lang][key], vars);
}

/** `{name}` replaced by `vars.name`; an unknown placeholder stays visible, so a gap is noticed. */
export function fillPlaceholders(template: string, vars?: Vars): string {
  if (vars === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** Rubric text in `lang`: rubric files carry both languages for every string. */
export function local(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/** Scores as shown everywhere: one decimal, and a dash for no score. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : round1(score).toFixed(1);
}

/** +12.5, −3.0, ±0.0: a difference of scores, as shown everywhere. */
export function signed(n: number | null): string {
  if (n === null) return '—';
  const shown = formatScore(Math.abs(n));
  return `${shown === '0.0' ? '±' : n > 0 ? '+' : '−'}${shown}`;
}
