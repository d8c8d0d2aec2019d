import type { DraftRecord, Position } from './draft-record';
import type { Answers, Assessment, LocalizedText, Rubric } from './schema';
import { scoreAssessmentFile } from './score-assessment-file';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, type DealBreakerAnswer } from './vocabulary';

/**
 * What the library, the start screen and the deals pipeline need of a saved
 * assessment, kept apart from its body: about a kilobyte, where the body with
 * its notes is many and its rubric snapshot a hundred more. Lists read only
 * these; a body is read when the assessment is opened.
 */
export interface AssessmentSummary {
  summaryVersion: typeof SUMMARY_VERSION;
  id: string;
  savedAt: string;
  position: Position['screen'];
  createdAt: string;
  updatedAt: string;
  deal: string;
  company: Assessment['company'];
  evaluator: Assessment['evaluator'];
  rubric: { hash: string; id: string; version: string; name: LocalizedText };
  /**
   * The answers without their notes, ticked facts or model evidence: enough
   * to score and aggregate again. Facts (half a summary's size, read back on
   * every start) and evidence (a few kilobytes with its ROC curve) are read
   * from the body by the screens that show them. Summaries written before
   * facts were left out still read as they are.
   */
  answers: Answers;
  dealBreakers: Record<string, DealBreakerAnswer>;
  overall: number | null;
  verdict: { band: { id: string; label: LocalizedText }; capped: boolean } | null;
  answeredCount: number;
  totalCount: number;
  coverage: number;
}

/** Bumped when the summary's shape changes: older summaries are made again from their bodies. */
export const SUMMARY_VERSION = 1;

export function summarize(record: DraftRecord, rubricHash: string): AssessmentSummary {
  const { assessment } = record;
  const results = scoreAssessmentFile(assessment);
  const answers: Answers = {};
  for (const [id, answer] of Object.entries(assessment.answers)) {
    answers[id] = {
      value: answer.value,
      evidence: answer.evidence,
      notes: '',
      facts: [],
    };
  }
  return {
    summaryVersion: SUMMARY_VERSION,
    id: assessment.id,
    savedAt: record.savedAt,
    position: record.position.screen,
    createdAt: assessment.createdAt,
    updatedAt: assessment.updatedAt,
    deal: assessment.deal,
    company: assessment.company,
    evaluator: assessment.evaluator,
    rubric: {
      hash: rubricHash,
      id: assessment.rubric.id,
      version: assessment.rubric.version,
      name: assessment.rubric.name,
    },
    answers,
    dealBreakers: assessment.dealBreakers,
    overall: results.overall,
    verdict:
      results.verdict === null
        ? null
        : {
            band: { id: results.verdict.band.id, label: results.verdict.band.label },
            capped: results.verdict.capped,
          },
    answeredCount: results.answeredCount,
    totalCount: results.totalCount,
    coverage: results.coverage,
  };
}

/**
 * The assessment a summary stands for, notes and evidence left out, on its rubric: what
 * aggregating a deal or overlaying a chart needs, without reading the bodies.
 */
export function assessmentOfSummary(summary: AssessmentSummary, rubric: Rubric): Assessment {
  return {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    id: summary.id,
    deal: summary.deal,
    company: summary.company,
    evaluator: summary.evaluator,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
    rubric,
    answers: summary.answers,
    dealBreakers: summary.dealBreakers,
  };
}

/**
 * A cheap check of a summary read back from storage (written by this code,
 * but storage can be edited by hand or by an older version): anything off
 * and the summary is made again from the body.
 */
export function isCurrentSummary(value: unknown): value is AssessmentSummary {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<AssessmentSummary>;
  return (
    s.summaryVersion === SUMMARY_VERSION &&
    typeof s.id === 'string' &&
    typeof s.savedAt === 'string' &&
    typeof s.updatedAt === 'string' &&
    typeof s.deal === 'string' &&
    typeof s.company?.name === 'string' &&
    typeof s.evaluator?.name === 'string' &&
    typeof s.rubric?.hash === 'string' &&
    typeof s.answers === 'object' &&
    s.answers !== null &&
    typeof s.answeredCount === 'number' &&
    typeof s.totalCount === 'number'
  );
}
