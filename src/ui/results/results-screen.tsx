import type { DraftRecord } from '../../core/draft-record';
import { scoreAssessment } from '../../core/score-assessment';
import { formatScore } from '../../i18n/t';
import { useI18n } from '../../i18n/i18n-context';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';

interface Props {
  draft: DraftRecord;
  onReview: () => void;
  onHome: () => void;
}

export function ResultsScreen({ draft, onReview, onHome }: Props) {
  const { t, local } = useI18n();
  const { assessment } = draft;
  const results = scoreAssessment(assessment.rubric, assessment.answers);
  useDocumentTitle(t('results.title'));
  return (
    <div className="results">
      <PageHeading caption={assessment.company.name}>{t('results.title')}</PageHeading>
      {results.overall !== null && results.verdict !== null && (
        <p className="overall" data-testid="overall-score">
          <span className="overall-label">{t('results.overall')}</span>{' '}
          <span className="overall-value">{formatScore(results.overall)}</span>{' '}
          <span className="verdict">{local(results.verdict.band.label)}</span>
        </p>
      )}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onReview}>
          {t('results.review')}
        </button>
        <button type="button" className="button secondary" onClick={onHome}>
          {t('results.home')}
        </button>
      </div>
    </div>
  );
}
