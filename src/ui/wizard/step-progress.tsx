import { useI18n } from '../../i18n/i18n-context';

interface Props {
  sectionName: string;
  sectionIndex: number;
  sectionSize: number;
  index: number;
  total: number;
}

/** "Market prospects · 3 of 6", and a bar for the whole wizard. */
export function StepProgress({ sectionName, sectionIndex, sectionSize, index, total }: Props) {
  const { t } = useI18n();
  return (
    <div className="step-progress">
      <p className="caption" id="step-position">
        {sectionName} · {t('step.ofTotal', { n: sectionIndex + 1, total: sectionSize })}
      </p>
      <progress
        max={total}
        value={index + 1}
        aria-label={t('step.overallProgress', { n: index + 1, total })}
      />
    </div>
  );
}
