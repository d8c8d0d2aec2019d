import { capIndexOf, type DealBreakerAnswers, type DealBreakerFlag } from './deal-breakers';
import type { Rubric } from './schema';
import { stageRelativeScore, type StageReading } from './stage-expectation';
import type { Stage } from './vocabulary';

/** What scoring needs beyond the answers; both optional, so old callers score as before. */
export interface ScoringContext {
  stage?: Stage;
  dealBreakers?: DealBreakerAnswers;
  /**
   * False when only the scores are wanted (aggregating a deal's raters, where
   * a pipeline scores thousands): the evidence range, the stage reading, the
   * verdict, the levers, the robustness check (which scores every answer
   * moved a level), the to-verify list and strengths and weaknesses are then
   * left empty. Default true.
   */
  findings?: boolean;
}

/** Which number a verdict band is looked up with: the overall score, or its stage reading. */
export type VerdictBasis = 'score' | 'stage';

/** How a verdict is read: which number, and the deal-breakers' cap (a band index). */
export interface VerdictRule {
  read: (overall: number) => number;
  basis: VerdictBasis;
  capIndex: number | null;
}

/**
 * The same rule serves the verdict and every "what if" of the robustness
 * check: a moved answer changes the score, not the stage bar or the deal-breakers.
 */
export function verdictRuleOf(
  rubric: Rubric,
  stage: StageReading | null,
  flags: readonly DealBreakerFlag[],
): VerdictRule {
  return {
    read: stage === null ? (n) => n : (n) => stageRelativeScore(n, stage.bar, stage.line),
    basis: stage === null ? 'score' : 'stage',
    capIndex: capIndexOf(rubric, flags),
  };
}
