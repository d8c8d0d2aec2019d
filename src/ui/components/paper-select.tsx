import { useI18n } from '../../i18n/i18n-context';
import type { Paper } from '../../report/pdf-writer';
import './pdf-controls.css';

/** A4 (the default) or US Letter, for any PDF the app makes. */
export function PaperSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Paper;
  onChange: (paper: Paper) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('results.paper')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value === 'letter' ? 'letter' : 'a4')}
      >
        <option value="a4">{t('results.paperA4')}</option>
        <option value="letter">{t('results.paperLetter')}</option>
      </select>
    </div>
  );
}
