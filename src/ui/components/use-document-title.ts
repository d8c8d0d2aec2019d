import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n-context';

/** Sets the tab title; with an error it starts "Error:" / "错误：", as screen-reader users expect. */
export function useDocumentTitle(title: string, hasError = false): void {
  const { t } = useI18n();
  const full = `${hasError ? t('title.errorPrefix') : ''}${title} — Moatscore`;
  useEffect(() => {
    document.title = full;
  }, [full]);
}
