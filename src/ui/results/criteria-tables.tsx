import type { CriterionResult, Results } from '../../core/score-results';
import type { Rubric } from '../../core/schema';
import type { Stage } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';
import { aside } from '../../i18n/punctuation';
import { STANDING_MARKS, standingText } from '../../i18n/standing-text';
import { formatScore } from '../../i18n/t';
import './results-stage.css';

interface Props {
  results: Results;
  rubric: Rubric;
  stage: Stage;
  /** Ticked facts per criterion id, from the answers. */
  factCounts: Readonly<Record<string, number>>;
}

/**
 * One table per section: each answer's level, score, evidence, facts and
 * standing against the stage (a column only when the rubric states stage
 * expectations: a 1.0.0 rubric has none).
 */
export function CriteriaTables({ results, rubric, stage, factCounts }: Props) {
  const { t, local } = useI18n();
  const stageName = t(`stage.${stage}`);
  const staged = rubric.sections.some((s) => s.criteria.some((c) => c.expected !== undefined));
  const labels = {
    level: t('results.colLevel'),
    score: t('results.colScore'),
    evidence: t('results.colEvidence'),
    facts: t('results.colFacts'),
    standing: t('results.colStanding', { stage: stageName }),
  };
  return (
    <section className="criteria-tables" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('results.criteriaTitle')}</h2>
      {rubric.sections.map((section) => (
        <div key={section.id}>
          <table className="criteria-table" data-testid={`criteria-${section.id}`}>
            <caption>
              {staged
                ? t('results.criteriaCaption', { section: local(section.name), stage: stageName })
                : local(section.name)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('results.criterion')}</th>
                <th scope="col">{labels.level}</th>
                <th scope="col" className="number">
                  {labels.score}
                </th>
                <th scope="col">{labels.evidence}</th>
                <th scope="col" className="number">
                  {labels.facts}
                </th>
                {staged && <th scope="col">{labels.standing}</th>}
              </tr>
            </thead>
            <tbody>
              {results.criteria
                .filter((c) => c.sectionId === section.id)
                .map((c) => (
                  <tr key={c.id} className={c.redFlag ? 'danger' : undefined}>
                    <th scope="row">{local(c.name)}</th>
                    <td data-label={labels.level}>
                      {c.level === null
                        ? t('results.notAnswered')
                        : `${t('step.levelOf', { level: c.levelNumber ?? 0, count: c.levelCount })} · ${local(c.level.label)}`}
                    </td>
                    <td className="number" data-label={labels.score}>
                      {c.percent === null ? '—' : formatScore(c.percent)}
                    </td>
                    <td data-label={labels.evidence}>
                      {c.evidence === null ? '—' : t(`evidence.${c.evidence}`)}
                    </td>
                    <td className="number" data-label={labels.facts}>
                      {c.answered ? (factCounts[c.id] ?? 0) : '—'}
                    </td>
                    {staged && (
                      <td data-label={labels.standing}>
                        <Standing criterion={c} />
                      </td>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** "▲ Ahead by 1 level (expected: level 3)": the mark repeats the words, never replaces them. */
export function Standing({ criterion }: { criterion: CriterionResult }) {
  const { t, lang } = useI18n();
  const standing = criterion.stage;
  if (standing === null) {
    return criterion.answered ? (
      <span className="standing-none">{t('standing.none')}</span>
    ) : (
      <>—</>
    );
  }
  return (
    <span className={`standing standing-${standing.standing}`} data-standing={standing.standing}>
      <span aria-hidden="true" className="standing-mark">
        {STANDING_MARKS[standing.standing]}
      </span>{' '}
      {standingText(lang, standing)}
      <span className="standing-expected">
        {aside(lang, t('standing.expectedLevel', { level: standing.expectedLevelNumber }))}
      </span>
    </span>
  );
}
