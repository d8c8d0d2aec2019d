import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Problem } from '../../core/problems';
import { useI18n } from '../../i18n/i18n-context';
import { problemText } from '../../i18n/problem-text';
import { fieldId, pathKeys, problemTarget } from './rubric-form';

/**
 * Moves focus to the field a problem is about, opening the criterion (and any
 * <details>) it is in first: the focus waits until that criterion has rendered.
 */
export function useProblemFocus(
  base: string,
  openCriterion: (section: number, criterion: number) => void,
): (path: string) => void {
  const pending = useRef<string | null>(null);
  const [request, setRequest] = useState(0);

  useEffect(() => {
    const path = pending.current;
    if (path === null) return;
    pending.current = null;
    const target = problemTarget(base, path, (id) => document.getElementById(id) !== null);
    const element = target === null ? null : document.getElementById(target);
    if (element === null) return;
    for (let node = element.parentElement; node !== null; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) node.open = true;
    }
    element.focus();
  }, [request, base]);

  return useCallback(
    (path: string) => {
      const [first, s, second, c] = pathKeys(path);
      if (first === 'sections' && second === 'criteria' && typeof s === 'number') {
        if (typeof c === 'number') openCriterion(s, c);
      }
      pending.current = path;
      setRequest((n) => n + 1);
    },
    [openCriterion],
  );
}

/** Problems per criterion ("s.c"), for its collapsed summary. */
export function problemsPerCriterion(problems: readonly Problem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const [first, s, second, c] = pathKeys(problem.path);
    if (first === 'sections' && second === 'criteria' && typeof c === 'number') {
      const key = `${s}.${c}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

interface Props {
  id: string;
  base: string;
  problems: readonly Problem[];
  onFocusProblem: (path: string) => void;
}

/** The live check of the rubric: "valid", or each problem linked to its field. */
export function RubricProblems({ id, base, problems, onFocusProblem }: Props) {
  const { t, lang } = useI18n();
  const valid = problems.length === 0;
  return (
    <div
      id={id}
      role="status"
      aria-live="polite"
      tabIndex={-1}
      className={`rubric-editor-status${valid ? ' rubric-editor-status-ok' : ''}`}
      data-testid="rubric-problems"
    >
      {valid ? (
        <p>{t('editor.valid')}</p>
      ) : (
        <>
          <p className="rubric-editor-status-title">
            {problems.length === 1
              ? t('editor.problemsOne')
              : t('editor.problemsMany', { count: problems.length })}
          </p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>
                <a
                  href={`#${fieldId(base, pathKeys(problem.path))}`}
                  onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                    event.preventDefault();
                    onFocusProblem(problem.path);
                  }}
                >
                  <code>{problem.path}</code>
                </a>
                : {problemText(problem, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
