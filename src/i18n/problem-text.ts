import { LOCALES } from './t';
import type { Problem, ProblemCode } from '../core/problems';
import type { Lang } from '../core/vocabulary';
import en from './problems.en.json';
import zh from './problems.zh.json';

interface ProblemWording {
  codes: Record<ProblemCode, string>;
  /** zod's names for what was expected ("number"), in words. */
  types: Record<string, string>;
  more: string;
}

/* Kept apart from the UI strings: only screens that show problems (and the CLI) load them. */
const WORDING: Record<Lang, ProblemWording> = { en, zh };

/** What is wrong, in `lang`, without where. */
export function problemText(problem: Problem, lang: Lang): string {
  const wording = WORDING[lang];
  const template = wording.codes[problem.code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(problem.params, name)) return whole;
    const value = String(problem.params[name]);
    return name === 'expected' && Object.hasOwn(wording.types, value)
      ? wording.types[value]!
      : value;
  });
}

/**
 * Where it is, as a person reads it: `file: path: what`, leaving out a path of
 * the whole file; a problem at a line of a text file reads `file:line: column: what`.
 */
export function problemLine(problem: Problem, lang: Lang, source = problem.source): string {
  const file = problem.line === undefined ? source : `${source ?? ''}:${problem.line}`;
  const where = [file, problem.path === '(root)' ? undefined : problem.path].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return [...where, problemText(problem, lang)].join(': ');
}

/** Several problems, one line each (the CLI's stderr, an error thrown at load). */
export function problemLines(problems: readonly Problem[], lang: Lang, source?: string): string {
  return problems.map((p) => problemLine(p, lang, source ?? p.source)).join('\n');
}

/** "and 99,980 more", for a list cut short. */
export function moreProblems(count: number, lang: Lang): string {
  return WORDING[lang].more.replace('{count}', count.toLocaleString(LOCALES[lang]));
}
