import { useI18n } from '../../i18n/i18n-context';

interface Props {
  /** A new version waits (or is being applied) and the screen may show it. */
  visible: boolean;
  /** The user clicked: the page reloads once the new version has taken over. */
  applying: boolean;
  onReload: () => void;
}

/**
 * Announces a new version and applies it only when the user says so. The live
 * region stays in the page, so a screen reader hears the notice when it appears.
 */
export function UpdatePrompt({ visible, applying, onReload }: Props) {
  const { t } = useI18n();
  return (
    <div role="status" className="update-prompt-region">
      {visible && (
        <div className="banner banner-info update-prompt">
          <span>{t('update.ready')}</span>
          <button
            type="button"
            className="button primary small"
            disabled={applying}
            onClick={onReload}
          >
            {t('update.reload')}
          </button>
        </div>
      )}
    </div>
  );
}
