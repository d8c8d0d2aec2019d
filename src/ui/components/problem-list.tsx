import type { Problem } from '../../core/problems';
import { useI18n } from '../../i18n/i18n-context';
import { moreProblems, problemLine } from '../../i18n/problem-text';

/** Enough to fix the first ones; a hostile file may hold a hundred thousand. */
export const SHOWN_PROBLEMS = 20;

/** The first problems, one a line (`file: path: what`), and how many more there are. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { lang } = useI18n();
  const hidden = problems.length - SHOWN_PROBLEMS;
  return (
    <ul className="problem-list" data-testid="problem-list">
      {problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
        <li key={i}>{problemLine(problem, lang)}</li>
      ))}
      {hidden > 0 && <li className="problem-more">{moreProblems(hidden, lang)}</li>}
    </ul>
  );
}
