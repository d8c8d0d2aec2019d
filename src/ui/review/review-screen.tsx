import type { DraftRecord } from '../../core/draft-record';
import { levelIndexOf, listCriteria } from '../../core/rubric-index';
import { useI18n } from '../../i18n/i18n-context';
import { EvidenceLines } from '../components/evidence-lines';
import { PageHeading } from '../components/page-heading';
import { DealBreakerAnswers } from './deal-breaker-answers';
import './review.css';
import { useDocumentTitle } from '../components/use-document-title';
import './review.css';

interface Props {
  draft: DraftRecord;
  onChange: (index: number) => void;
  /** Opens the deal-breaker questions at the one to change. */
  onChangeDealBreaker: (id: string) => void;
  onBack: () => void;
  onFinish: () => void;
}

/** Every answer on one page, each with a Change link that comes back here. */
export function ReviewScreen({ draft, onChange, onChangeDealBreaker, onBack, onFinish }: Props) {
  const { t, local } = useI18n();
  const { assessment } = draft;
  const entries = listCriteria(assessment.rubric);
  const answered = entries.filter((e) => Object.hasOwn(assessment.answers, e.fullId)).length;
  useDocumentTitle(t('review.title'));

  return (
    <div className="review">
      <PageHeading caption={assessment.company.name}>{t('review.title')}</PageHeading>
      {answered < entries.length && (
        <div className="banner banner-info" role="status">
          {t('review.incomplete', { answered, total: entries.length })}
        </div>
      )}
      {assessment.rubric.sections.map((section) => (
        <section key={section.id} aria-labelledby={`review-${section.id}`}>
          <h2 id={`review-${section.id}`}>{local(section.name)}</h2>
          <dl className="summary-list">
            {entries
              .filter((e) => e.section.id === section.id)
              .map((entry) => {
                const answer = Object.hasOwn(assessment.answers, entry.fullId)
                  ? assessment.answers[entry.fullId]
                  : undefined;
                const levelIndex =
                  answer === undefined ? -1 : levelIndexOf(entry.criterion, answer.value);
                const level = entry.criterion.levels[levelIndex];
                const name = local(entry.criterion.name);
                return (
                  <div className="summary-row" key={entry.fullId}>
                    <dt>{name}</dt>
                    <dd>
                      {answer === undefined || level === undefined ? (
                        <span className="unanswered">{t('review.notAnswered')}</span>
                      ) : (
                        <>
                          <span className="answer-level">
                            {t('step.levelOf', {
                              level: levelIndex + 1,
                              count: entry.criterion.levels.length,
                            })}{' '}
                            · {local(level.label)}
                          </span>
                          <span className={`tag evidence-${answer.evidence}`}>
                            {t(`evidence.${answer.evidence}`)}
                          </span>
                          {answer.facts.length > 0 && (
                            <span className="answer-facts">
                              {t('review.factsTicked', { count: answer.facts.length })}
                            </span>
                          )}
                          {answer.notes !== '' && (
                            <span className="answer-notes">{answer.notes}</span>
                          )}
                          <EvidenceLines
                            criterion={entry.criterion}
                            evidence={answer.modelEvidence}
                          />
                        </>
                      )}
                    </dd>
                    <dd className="summary-action">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onChange(entry.order)}
                      >
                        {answer === undefined ? t('review.answer') : t('review.change')}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
      <DealBreakerAnswers assessment={assessment} onChange={onChangeDealBreaker} />
      <div className="actions">
        <button
          type="button"
          className="button primary"
          onClick={onFinish}
          disabled={answered === 0}
        >
          {t('review.finish')}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('step.back')}
        </button>
      </div>
    </div>
  );
}
