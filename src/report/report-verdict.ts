import { capCauseOf, type CapCause } from '../core/cap-cause';
import type { Rubric } from '../core/schema';
import type { Results } from '../core/score-results';
import type { Lang } from '../core/vocabulary';
import { formatScore, t, type MessageKey } from '../i18n/t';

/** How the report states the verdict: against what, held down by what, and how final. */
export interface VerdictText {
  /** "Verdict", or "Verdict against Seed" when the band is read from the stage reading. */
  label: string;
  /** What caps it, when something does. */
  note: string | null;
  /** Said when deal-breaker questions are open. */
  provisional: string | null;
  /** The stage bar and reading, in one sentence; null when the verdict reads the plain score. */
  stageReading: string | null;
  stageCounts: string | null;
}

/** The deal-breakers as the report lists them. */
export interface DealBreakerText {
  /** Each walk-away answer: the question and its cap, then why it matters. */
  flags: { title: string; explanation: string }[];
  /** Said when the rubric asks questions and none is answered the walk-away way. */
  clear: string | null;
  open: string[];
}

const CAP_NOTES: Record<CapCause, MessageKey> = {
  'red-flag': 'report.capped',
  'deal-breaker': 'report.cappedDealBreaker',
  both: 'report.cappedBoth',
};

export function verdictText(results: Results, rubric: Rubric, lang: Lang): VerdictText {
  const reading = results.stage;
  const stage = reading === null ? '' : t(lang, `stage.${reading.stage}`);
  const againstStage = reading !== null && results.verdict?.basis === 'stage';
  const cap = capCauseOf(results);
  const band = rubric.bands.find((b) => b.id === rubric.stageBand);
  return {
    label: againstStage
      ? t(lang, 'report.verdictAgainstStage', { stage })
      : t(lang, 'report.verdict'),
    note: cap === null ? null : t(lang, CAP_NOTES[cap]),
    provisional:
      results.unansweredDealBreakers.length === 0
        ? null
        : t(lang, 'results.provisional', { count: results.unansweredDealBreakers.length }),
    stageReading:
      reading === null
        ? null
        : t(lang, 'report.stageReading', {
            stage,
            bar: formatScore(reading.bar),
            score: formatScore(reading.score),
            low: formatScore(reading.range[0]),
            high: formatScore(reading.range[1]),
            line: formatScore(reading.line),
            band: band?.label[lang] ?? '',
          }),
    stageCounts:
      reading === null
        ? null
        : t(lang, 'stageReading.counts', {
            ahead: reading.ahead.length,
            at: reading.at.length,
            behind: reading.behind.length,
          }),
  };
}

export function dealBreakerText(results: Results, rubric: Rubric, lang: Lang): DealBreakerText {
  const answered = (rubric.dealBreakers?.length ?? 0) - results.unansweredDealBreakers.length;
  return {
    flags: results.dealBreakers.map((flag) => ({
      title: t(lang, 'report.dealBreaker', {
        question: flag.question[lang],
        answer: t(lang, `answer.${flag.answer}`),
        band: flag.capBand.label[lang],
      }),
      explanation: flag.explanation[lang],
    })),
    clear:
      answered > 0 && results.dealBreakers.length === 0
        ? t(lang, 'report.dealBreakersClear', { count: answered })
        : null,
    open: results.unansweredDealBreakers.map((d) => d.question[lang]),
  };
}
