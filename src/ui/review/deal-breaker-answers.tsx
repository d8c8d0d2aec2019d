import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';

interface Props {
  assessment: Assessment;
  onChange: (id: string) => void;
}

/** The deal-breaker answers on the review page, each with a Change link to its question. */
export function DealBreakerAnswers({ assessment, onChange }: Props) {
  const { t, local } = useI18n();
  const questions = assessment.rubric.dealBreakers ?? [];
  if (questions.length === 0) return null;
  return (
    <section className="deal-breaker-answers" aria-labelledby="review-deal-breakers">
      <h2 id="review-deal-breakers">{t('review.dealBreakers')}</h2>
      <dl className="summary-list" data-testid="review-deal-breakers">
        {questions.map((question) => {
          const answer = Object.hasOwn(assessment.dealBreakers, question.id)
            ? assessment.dealBreakers[question.id]
            : undefined;
          return (
            <div className="summary-row" key={question.id}>
              <dt>{local(question.question)}</dt>
              <dd>
                {answer === undefined ? (
                  <span className="unanswered">{t('review.notAnswered')}</span>
                ) : (
                  <>
                    <span className="answer-level">{t(`dealBreakers.${answer}`)}</span>
                    {answer === question.walkAwayWhen && (
                      <span className="tag danger">{t('review.walkAway')}</span>
                    )}
                  </>
                )}
              </dd>
              <dd className="summary-action">
                <button type="button" className="link-button" onClick={() => onChange(question.id)}>
                  {answer === undefined ? t('review.answer') : t('review.change')}
                  <span className="visually-hidden"> {local(question.question)}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
