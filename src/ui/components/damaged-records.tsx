import type { DamagedRecord } from '../../adapters/assessment-db';
import { downloadFile } from '../../adapters/download-file';
import { useI18n } from '../../i18n/i18n-context';
import { problemLine } from '../../i18n/problem-text';

/**
 * Saved records that could not be read, each with its first problem and a
 * download of its text as it is stored (it is never written over).
 */
export default function DamagedRecords({ damaged }: { damaged: readonly DamagedRecord[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="damaged-records">
      {damaged.map((record) => {
        const first = record.problems[0];
        return (
          <li key={record.key} data-testid="damaged-row">
            <code>{record.key}</code>
            {first !== undefined && <>: {problemLine(first, lang)}</>}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                downloadFile(
                  new TextEncoder().encode(record.text),
                  `${record.key}.json`,
                  'application/json',
                )
              }
            >
              {t('library.downloadDamaged')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
