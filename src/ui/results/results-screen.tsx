import { LOCALES } from '../../i18n/t';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AssessmentStore } from '../../adapters/assessment-store';
import type { AssessmentSummary } from '../../core/assessment-summary';
import type { Assessment } from '../../core/schema';
import type { DraftRecord } from '../../core/draft-record';
import { listCriteria } from '../../core/rubric-index';
import { scoreAssessmentFile } from '../../core/score-assessment-file';
import type { Results } from '../../core/score-results';
import { useI18n } from '../../i18n/i18n-context';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { ModelEvidenceSection } from '../components/evidence-lines';
import { ComparePanel } from './compare-panel';
import { CriteriaTables, Standing } from './criteria-tables';
import { Levers, Robustness, StrengthsAndWeaknesses, ToVerify } from './findings';
import { OpenDealBreakers, RedFlags } from './flags';
import { PdfDownload } from './pdf-download';
import { SharePanel } from '../share/share-panel';
import { RadarChart } from './radar-chart';
import { seriesOf } from './radar-series';
import { RescorePanel } from './rescore-panel';
import { ScoreSummary } from './score-summary';
import './results.css';
import { StageReading } from './stage-reading';

interface Props {
  draft: DraftRecord;
  /** Other saved assessments, offered for the compare overlay. */
  others: readonly AssessmentSummary[];
  /** Where the chosen one's answers are read (null: nothing saved to compare with). */
  store: AssessmentStore | null;
  onReview: () => void;
  /** Opens the deal-breaker questions, for the ones still open. */
  onAnswerDealBreakers: () => void;
  /** Replaces the open assessment: a re-score under a newer preset, or its undo. */
  onReplace: (assessment: Assessment) => void;
  onHome: () => void;
  /** Where the assessment stands with the team, in team mode (given the results, for completeness). */
  team?: (results: Results) => ReactNode;
  /** A teammate's work, or submitted (final): shown, never changed. */
  readOnly?: boolean;
}

/** Everything here is derived from the core's results: nothing is scored twice. */
export default function ResultsScreen({
  draft,
  others,
  store,
  onReview,
  onAnswerDealBreakers,
  onReplace,
  onHome,
  team,
  readOnly = false,
}: Props) {
  const { t, local, lang } = useI18n();
  const { assessment } = draft;
  // With the company's stage and the deal-breaker answers: the verdict reads against both.
  const results = useMemo(() => scoreAssessmentFile(assessment), [assessment]);
  const [compareId, setCompareId] = useState<string | null>(null);
  useDocumentTitle(`${t('results.title')} · ${assessment.company.name}`);

  const ids = useMemo(
    () => new Set(listCriteria(assessment.rubric).map((e) => e.fullId)),
    [assessment.rubric],
  );
  const candidates = others.filter(
    (d) => d.id !== assessment.id && Object.keys(d.answers).some((id) => ids.has(id)),
  );
  const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' });
  const labelOf = (a: Pick<Assessment, 'evaluator' | 'updatedAt'>) =>
    `${a.evaluator.name} · ${date.format(new Date(a.updatedAt))}`;
  const compared = useComparedAssessment(store, candidates, compareId);
  const other =
    compared === null ? null : { label: labelOf(compared), results: scoreAssessmentFile(compared) };
  const series = [
    seriesOf(labelOf(assessment), results),
    ...(other === null ? [] : [seriesOf(other.label, other.results)]),
  ];
  const axesOf = (sectionId?: string) =>
    results.criteria
      .filter((c) => sectionId === undefined || c.sectionId === sectionId)
      .map((c) => ({ id: c.id, label: local(c.name) }));
  const stageName = t(`stage.${assessment.company.stage}`);
  // The radar tables carry this assessment's standing against the stage, when the rubric has one.
  const markers = results.criteria.some((c) => c.stage !== null)
    ? {
        title: t('results.colStanding', { stage: stageName }),
        cells: Object.fromEntries(results.criteria.map((c) => [c.id, <Standing criterion={c} />])),
      }
    : undefined;
  const stageBand = assessment.rubric.bands.find((b) => b.id === assessment.rubric.stageBand);
  const factCounts = Object.fromEntries(
    Object.entries(assessment.answers).map(([id, answer]) => [id, answer.facts.length]),
  );

  return (
    <div className="results">
      <PageHeading
        caption={`${assessment.company.name} · ${assessment.evaluator.name} (${t(`role.${assessment.evaluator.role}`)}) · ${local(assessment.rubric.name)}`}
      >
        {t('results.title')}
      </PageHeading>
      <RedFlags results={results} />
      <ScoreSummary results={results} />
      <StageReading
        results={results}
        bandLabel={stageBand === undefined ? '' : local(stageBand.label)}
      />
      {team?.(results)}
      {!readOnly && <OpenDealBreakers results={results} onAnswer={onAnswerDealBreakers} />}
      {!readOnly && <RescorePanel assessment={assessment} onReplace={onReplace} />}
      <PdfDownload assessment={assessment} />
      <Robustness results={results} />
      <Levers results={results} />
      <CriteriaTables
        results={results}
        rubric={assessment.rubric}
        stage={assessment.company.stage}
        factCounts={factCounts}
      />
      <ModelEvidenceSection assessment={assessment} />

      <section className="charts" aria-labelledby="charts-title">
        <h2 id="charts-title">{t('results.charts')}</h2>
        <div className="chart-grid">
          {assessment.rubric.sections.map((section) => (
            <RadarChart
              key={section.id}
              title={local(section.name)}
              axes={axesOf(section.id)}
              series={series}
              markers={markers}
            />
          ))}
          <RadarChart
            title={t('results.allCriteria', { count: results.totalCount })}
            axes={axesOf()}
            series={series}
            markers={markers}
          />
        </div>
      </section>

      <StrengthsAndWeaknesses results={results} />
      <ToVerify results={results} />
      <SharePanel content={{ kind: 'assessment', assessments: [assessment] }} />
      <ComparePanel
        candidates={candidates}
        selectedId={compareId}
        onSelect={setCompareId}
        results={results}
        other={other}
      />

      <div className="actions no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('results.print')}
        </button>
        {!readOnly && (
          <button type="button" className="button secondary" onClick={onReview}>
            {t('results.review')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onHome}>
          {t('results.home')}
        </button>
      </div>
    </div>
  );
}

/** The assessment chosen for the overlay, read from the store (its answers suffice: no notes). */
function useComparedAssessment(
  store: AssessmentStore | null,
  candidates: readonly AssessmentSummary[],
  id: string | null,
): Assessment | null {
  const [loaded, setLoaded] = useState<Assessment | null>(null);
  const summary = candidates.find((c) => c.id === id) ?? null;
  useEffect(() => {
    let live = true;
    if (store === null || summary === null) return;
    void store.assessmentsOf([summary]).then(([found]) => live && setLoaded(found ?? null));
    return () => {
      live = false;
    };
  }, [store, summary]);
  return summary !== null && loaded?.id === summary.id ? loaded : null;
}
