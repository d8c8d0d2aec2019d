import type { Lang } from '../core/vocabulary';

/** An aside in brackets as each language writes it: " (x)" after a space, or "（x）" with none. */
export function aside(lang: Lang, text: string): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}
