import type { Lang } from '../../core/vocabulary';
import type { TextPair } from './rubric-form';

/** A name to show while it is being edited: the other language, then the id, when one is empty. */
export function displayName(text: TextPair, lang: Lang, fallback: string): string {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return text[lang].trim() || text[other].trim() || fallback;
}
