import { levelIndexOf, listCriteria } from '../core/rubric-index';
import type { Assessment, Rubric } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { evidenceLineWithTask } from '../i18n/evidence-text';
import { t } from '../i18n/t';

/**
 * The deal's model evidence as table rows, criterion by criterion in rubric
 * order, a row per rater's evaluation: criterion, rater, and the same line the
 * deal view shows (task, key metric, gain, held-out set, level). Empty when no
 * rater recorded any.
 */
export function dealEvidenceRows(
  rubric: Rubric,
  assessments: readonly Assessment[],
  lang: Lang,
): string[][] {
  return listCriteria(rubric).flatMap(({ fullId, criterion }) =>
    assessments.flatMap((a) => {
      const evidence = Object.hasOwn(a.answers, fullId) ? a.answers[fullId]?.modelEvidence : [];
      return (evidence ?? []).map((e) => [
        criterion.name[lang],
        `${a.evaluator.name} (${t(lang, `role.${a.evaluator.role}`)})`,
        evidenceLineWithTask(
          e,
          lang,
          e.suggestedLevel === null ? null : levelIndexOf(criterion, e.suggestedLevel) + 1,
        ),
      ]);
    }),
  );
}
