import type { DealBreakerFlag } from './deal-breakers';
import type { Band, DealBreaker, Level, LocalizedText } from './schema';
import type { CriterionStanding, StageReading } from './stage-expectation';
import type { VerdictBasis } from './verdict-rule';
import type { Evidence } from './vocabulary';

/* What scoring an assessment gives (docs/scoring.md): computed, never stored. */

export interface CriterionResult {
  id: string;
  sectionId: string;
  criterionId: string;
  name: LocalizedText;
  /** Weight within its section, as written in the rubric. */
  weight: number;
  answered: boolean;
  value: number | null;
  level: Level | null;
  /** 1-based level number, e.g. 3 of 5. */
  levelNumber: number | null;
  levelCount: number;
  percent: number | null;
  evidence: Evidence | null;
  notes: string;
  /** This criterion's share of the overall score (0–1) among the answered ones. */
  share: number;
  /** Points this answer adds to the overall score; they sum to the overall. */
  weightedPoints: number | null;
  redFlag: boolean;
  /** Against the company's stage; null without a stage or an expectation. */
  stage: CriterionStanding | null;
}

export interface SectionResult {
  id: string;
  name: LocalizedText;
  weight: number;
  score: number | null;
  weightedMean: number | null;
  answeredCount: number;
  totalCount: number;
}

export interface RedFlag {
  id: string;
  name: LocalizedText;
  value: number;
  knockoutBelow: number;
}

export interface Lever {
  id: string;
  name: LocalizedText;
  /** Overall points gained by moving this answer one level up. */
  gain: number;
  nextLevel: Level;
}

export interface VerdictChange {
  id: string;
  name: LocalizedText;
  direction: 'up' | 'down';
  band: Band;
}

export interface Verdict {
  band: Band;
  /** True when a red flag or a deal-breaker held the verdict at or below `uncapped`. */
  capped: boolean;
  /** The band the score alone reaches, before any cap. */
  uncapped: Band;
  basis: VerdictBasis;
}

export interface RankedCriterion {
  id: string;
  name: LocalizedText;
  percent: number;
}

export interface Results {
  overall: number | null;
  range: [number, number] | null;
  weightedMean: number | null;
  coverage: number;
  complete: boolean;
  answeredCount: number;
  totalCount: number;
  verdict: Verdict | null;
  sections: SectionResult[];
  criteria: CriterionResult[];
  redFlags: RedFlag[];
  levers: Lever[];
  toVerify: RankedCriterion[];
  robustness: { robust: boolean; changes: VerdictChange[] };
  strengths: RankedCriterion[];
  /** Every answered criterion scores this percent: nothing stands out (null when they differ). */
  evenPercent: number | null;
  weaknesses: RankedCriterion[];
  /** The assessment read against its stage; the verdict uses it when present. */
  stage: StageReading | null;
  /** Deal-breakers answered the walk-away way: each caps the verdict. */
  dealBreakers: DealBreakerFlag[];
  unansweredDealBreakers: DealBreaker[];
}
