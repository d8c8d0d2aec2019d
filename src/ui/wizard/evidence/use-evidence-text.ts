import { evidenceText, type EvidenceKey } from '../../../i18n/evidence-text';
import { useI18n } from '../../../i18n/i18n-context';

/** The evidence wording in the current language, as `t` is for the UI strings. */
export function useEvidenceText() {
  const { lang } = useI18n();
  return {
    lang,
    et: (key: EvidenceKey, vars?: Readonly<Record<string, string | number>>) =>
      evidenceText(lang, key, vars),
  };
}
