import type { Band, DealBreaker, LocalizedText, Rubric } from './schema';
import type { DealBreakerAnswer } from './vocabulary';

/** Deal-breaker id -> the answer given; an unanswered question is absent. */
export type DealBreakerAnswers = Readonly<Record<string, DealBreakerAnswer>>;

/** A deal-breaker answered the way investors walk away on. */
export interface DealBreakerFlag {
  id: string;
  question: LocalizedText;
  explanation: LocalizedText;
  answer: DealBreakerAnswer;
  /** The highest verdict band this answer allows. */
  capBand: Band;
}

function answerOf(answers: DealBreakerAnswers, id: string): DealBreakerAnswer | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** The rubric's deal-breakers answered the wrong way, in rubric order. */
export function dealBreakerFlags(rubric: Rubric, answers: DealBreakerAnswers): DealBreakerFlag[] {
  const lowest = rubric.bands[0] as Band;
  return (rubric.dealBreakers ?? []).flatMap((dealBreaker) => {
    const answer = answerOf(answers, dealBreaker.id);
    if (answer !== dealBreaker.walkAwayWhen) return [];
    const capBand = rubric.bands.find((band) => band.id === dealBreaker.capBand) ?? lowest;
    return [
      {
        id: dealBreaker.id,
        question: dealBreaker.question,
        explanation: dealBreaker.explanation,
        answer,
        capBand,
      },
    ];
  });
}

/** Questions nobody has answered yet: a verdict without them is provisional. */
export function unansweredDealBreakers(rubric: Rubric, answers: DealBreakerAnswers): DealBreaker[] {
  return (rubric.dealBreakers ?? []).filter((d) => answerOf(answers, d.id) === undefined);
}

/** Index of the lowest band any flag allows, or null when nothing caps the verdict. */
export function capIndexOf(rubric: Rubric, flags: readonly DealBreakerFlag[]): number | null {
  let cap: number | null = null;
  for (const flag of flags) {
    const index = rubric.bands.indexOf(flag.capBand);
    if (index >= 0 && (cap === null || index < cap)) cap = index;
  }
  return cap;
}
