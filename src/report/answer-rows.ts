import type { Assessment } from '../core/schema';
import type { CriterionResult, Results } from '../core/score-results';
import type { Lang } from '../core/vocabulary';
import { formatScore, t } from '../i18n/t';
import { factTexts } from './rubric-texts';

/** One answer as a row of its section's table. */
export interface AnswerRow {
  criterion: string;
  weight: string;
  level: string;
  percent: string;
  points: string;
  evidence: string;
  notes: string;
  /** The ticked checklist facts, in the report's language. */
  facts: string[];
  /** Against the company's stage: "Ahead +1 (expects 2)", or "—". */
  stage: string;
  redFlag: boolean;
}

/** A section's answers as the PDF's table rows, in rubric order. */
export function answerRows(
  results: Results,
  assessment: Assessment,
  sectionId: string,
  lang: Lang,
): AnswerRow[] {
  return results.criteria
    .filter((c) => c.sectionId === sectionId)
    .map((c) => ({
      criterion: c.name[lang],
      weight: `${formatWeight(c.weight)}%`,
      level:
        c.level === null
          ? t(lang, 'report.notAnswered')
          : `${c.levelNumber}/${c.levelCount} · ${c.level.label[lang]}`,
      percent: c.percent === null ? '—' : formatScore(c.percent),
      points: c.weightedPoints === null ? '—' : c.weightedPoints.toFixed(2),
      evidence: c.evidence === null ? '—' : t(lang, `evidence.${c.evidence}`),
      notes: c.notes,
      facts: factTexts(assessment, c.id, lang),
      stage: stageCell(c, lang),
      redFlag: c.redFlag,
    }));
}

/** Short, for a narrow column: "Ahead +1 (expects 2)", "At (expects 3)", "Behind −1 (expects 3)". */
function stageCell(c: CriterionResult, lang: Lang): string {
  if (c.stage === null) return '—';
  const standing =
    c.stage.standing === 'at'
      ? t(lang, 'report.standing.at')
      : t(lang, `report.standing.${c.stage.standing}`, { count: Math.abs(c.stage.gap) });
  return t(lang, 'report.standing', {
    standing,
    expected: t(lang, 'report.expects', { level: c.stage.expectedLevelNumber }),
  });
}

export function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(2).replace(/0+$/, '');
}
