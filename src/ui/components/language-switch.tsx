import { LANGS, type Lang } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';

const NAMES: Record<Lang, string> = { en: 'English', zh: '中文' };

/** Each language is named in itself, so a user lost in the other one finds theirs. */
export function LanguageSwitch({ onChange }: { onChange: (lang: Lang) => void }) {
  const { lang, t } = useI18n();
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      <ul>
        {LANGS.map((option) => (
          <li key={option}>
            <button
              type="button"
              lang={option}
              aria-pressed={option === lang}
              onClick={() => onChange(option)}
            >
              {NAMES[option]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
