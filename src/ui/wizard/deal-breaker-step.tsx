import { useEffect } from 'react';
import type { Band, DealBreaker } from '../../core/schema';
import { DEAL_BREAKER_ANSWERS, type DealBreakerAnswer } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import './deal-breakers.css';

interface Props {
  questions: readonly DealBreaker[];
  /** The rubric's bands: a walk-away answer says which one it caps the verdict at. */
  bands: readonly Band[];
  answers: Readonly<Record<string, DealBreakerAnswer>>;
  returnToReview: boolean;
  /** A question a Change link asked for: it takes focus instead of the heading. */
  focusQuestion?: string;
  onAnswer: (id: string, answer: DealBreakerAnswer | null) => void;
  onBack: () => void;
  onContinue: () => void;
}

const answerOf = (answers: Props['answers'], id: string) =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

/**
 * The rubric's deal-breakers, after the criteria and before the review: each
 * a yes/no radio group with why it matters. Every answer is saved at once; a
 * question may stay open (the results list it as a to-do), or be cleared.
 */
export function DealBreakerStep({
  questions,
  bands,
  answers,
  returnToReview,
  focusQuestion,
  onAnswer,
  onBack,
  onContinue,
}: Props) {
  const { t, local } = useI18n();
  const title = t('dealBreakers.title');
  useDocumentTitle(title);
  const answered = questions.filter((q) => answerOf(answers, q.id) !== undefined).length;

  // After the heading took focus (a child's effect runs first), move it to the question asked for.
  useEffect(() => {
    if (focusQuestion === undefined) return;
    const group = document.getElementById(`db-${focusQuestion}`);
    const radio =
      group?.querySelector<HTMLInputElement>('input:checked') ??
      group?.querySelector<HTMLInputElement>('input');
    radio?.focus();
  }, [focusQuestion]);

  return (
    <form
      className="wizard-step deal-breaker-step"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onContinue();
      }}
    >
      <div className="step-progress">
        <p className="caption" id="step-position">
          {t('dealBreakers.progress', { answered, total: questions.length })}
        </p>
      </div>
      <PageHeading focusKey="deal-breakers">{title}</PageHeading>
      <p className="question">{t('dealBreakers.lead')}</p>
      <ol className="deal-breaker-list">
        {questions.map((question, i) => {
          const answer = answerOf(answers, question.id);
          const capBand = bands.find((b) => b.id === question.capBand) ?? bands[0];
          const walksAway = answer !== undefined && answer === question.walkAwayWhen;
          const n = i + 1;
          return (
            <li key={question.id}>
              <fieldset
                id={`db-${question.id}`}
                className={`deal-breaker${walksAway ? ' walks-away' : ''}`}
                aria-describedby={`db-${question.id}-why`}
              >
                <legend>
                  <span className="visually-hidden">
                    {t('dealBreakers.questionNumber', { n, total: questions.length })}:{' '}
                  </span>
                  {local(question.question)}
                </legend>
                <p className="hint" id={`db-${question.id}-why`}>
                  <strong>{t('dealBreakers.why')}</strong> {local(question.explanation)}
                </p>
                <div className="yes-no">
                  {DEAL_BREAKER_ANSWERS.map((option) => (
                    <label
                      key={option}
                      className="evidence-choice yes-no-choice"
                      htmlFor={`db-${question.id}-${option}`}
                    >
                      <input
                        type="radio"
                        id={`db-${question.id}-${option}`}
                        name={`db-${question.id}`}
                        value={option}
                        checked={answer === option}
                        onChange={() => onAnswer(question.id, option)}
                      />
                      <span className="evidence-name">{t(`dealBreakers.${option}`)}</span>
                    </label>
                  ))}
                </div>
                <div aria-live="polite">
                  {walksAway && capBand !== undefined && (
                    <p className="walk-away-note">
                      {t('dealBreakers.walkAway', { band: local(capBand.label) })}
                    </p>
                  )}
                </div>
                {answer !== undefined && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onAnswer(question.id, null)}
                  >
                    {t('dealBreakers.clear')}
                    <span className="visually-hidden">
                      {' '}
                      ({t('dealBreakers.questionNumber', { n, total: questions.length })})
                    </span>
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="submit" className="button primary">
          {returnToReview ? t('step.saveAndReview') : t('step.continueToReview')}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('step.back')}
        </button>
      </div>
    </form>
  );
}
