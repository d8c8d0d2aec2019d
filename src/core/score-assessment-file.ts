import type { Assessment } from './schema';
import { scoreAssessment } from './score-assessment';
import { type Results } from './score-results';
import type { ScoringContext } from './verdict-rule';

/**
 * Scores an assessment with everything it carries: its answers, its
 * company's stage and its deal-breaker answers. Screens, reports and the
 * command line should score files through this, so a verdict always reads
 * against the stage and the deal-breakers.
 */
export function scoreAssessmentFile(
  assessment: Assessment,
  options: Pick<ScoringContext, 'findings'> = {},
): Results {
  return scoreAssessment(assessment.rubric, assessment.answers, {
    stage: assessment.company.stage,
    dealBreakers: assessment.dealBreakers,
    ...options,
  });
}
