import type { Assessment } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { capCauseOf, type CapCause } from '../core/cap-cause';
import type { Results } from '../core/score-results';
import { standingText } from '../i18n/standing-text';
import { formatScore, t, type MessageKey } from '../i18n/t';

const CAP_NOTES: Record<CapCause, MessageKey> = {
  'red-flag': 'cli.verdictCapped',
  'deal-breaker': 'cli.verdictCappedDealBreaker',
  both: 'cli.verdictCappedBoth',
};

/** The human-readable report of `cli score`, in the chosen language, one string a line. */
export function formatResults(
  file: string,
  assessment: Assessment,
  results: Results,
  lang: Lang,
): string[] {
  const colon = t(lang, 'punct.colon');
  /** A colon that ends a heading line, with no space after it. */
  const heading = (key: Parameters<typeof t>[1]) => `${t(lang, key)}${colon.trimEnd()}`;
  const comma = t(lang, 'punct.comma');
  const labelled = (key: Parameters<typeof t>[1], value: string) =>
    `${t(lang, key)}${colon}${value}`;
  const { company, evaluator } = assessment;
  const lines: string[] = [
    `${file}${colon}${company.name} · ${evaluator.name}${paren(t(lang, `role.${evaluator.role}`), lang)}`,
  ];
  if (results.overall === null || results.range === null || results.verdict === null) {
    lines.push(`  ${t(lang, 'cli.noAnswers')}`);
    return lines;
  }
  const coverage = t(lang, 'cli.coverage', {
    answered: results.answeredCount,
    total: results.totalCount,
  });
  const range = `${t(lang, 'cli.range')} ${formatScore(results.range[0])}–${formatScore(results.range[1])}`;
  const reading = results.stage;
  const stageName = reading === null ? '' : t(lang, `stage.${reading.stage}`);
  // What the verdict reads against and what caps it, in one aside: "(read against Seed; capped by …)".
  const cap = capCauseOf(results);
  const asides = [
    reading !== null && results.verdict.basis === 'stage'
      ? t(lang, 'cli.readAgainstStage', { stage: stageName })
      : null,
    cap === null ? null : t(lang, CAP_NOTES[cap]),
  ].filter((aside) => aside !== null);
  lines.push(
    `  ${labelled('cli.overall', formatScore(results.overall))}${paren(range, lang)}${results.complete ? '' : ` · ${coverage} · ${t(lang, 'cli.draft')}`}`,
    `  ${labelled('cli.verdict', results.verdict.band.label[lang])}${asides.length > 0 ? paren(asides.join(t(lang, 'punct.semicolon')), lang) : ''}`,
  );
  if (reading !== null) {
    const stageRange = `${t(lang, 'cli.range')} ${formatScore(reading.range[0])}–${formatScore(reading.range[1])}`;
    lines.push(
      `  ${t(lang, 'cli.stageReading')}${paren(stageName, lang)}${colon}${formatScore(reading.score)}${paren(stageRange, lang)}`,
      `    ${t(lang, 'cli.stageDetail', { bar: formatScore(reading.bar), line: formatScore(reading.line), ahead: reading.ahead.length, at: reading.at.length, behind: reading.behind.length })}`,
    );
  }
  const questions = assessment.rubric.dealBreakers ?? [];
  if (questions.length > 0) {
    const open = results.unansweredDealBreakers.length;
    lines.push(
      results.dealBreakers.length === 0
        ? `  ${labelled('cli.dealBreakers', t(lang, 'cli.dealBreakersClear'))}`
        : `  ${heading('cli.dealBreakers')}`,
    );
    for (const flag of results.dealBreakers) {
      lines.push(
        `    ! ${t(lang, 'cli.dealBreaker', { question: flag.question[lang], answer: t(lang, `answer.${flag.answer}`), band: flag.capBand.label[lang] })}`,
      );
    }
    if (open > 0) lines.push(`    ${t(lang, 'cli.dealBreakersOpen', { count: open })}`);
  }
  if (results.redFlags.length > 0) {
    lines.push(`  ${heading('cli.redFlags')}`);
    for (const flag of results.redFlags) {
      lines.push(
        `    ! ${t(lang, 'cli.redFlag', { name: flag.name[lang], value: flag.value, knockoutBelow: flag.knockoutBelow })}`,
      );
    }
  }
  lines.push(`  ${heading('cli.sections')}`);
  for (const section of results.sections) {
    const shown = section.score === null ? t(lang, 'cli.unanswered') : formatScore(section.score);
    lines.push(`    ${section.name[lang]}${colon}${shown}`);
  }
  lines.push(`  ${heading('cli.criteria')}`);
  for (const c of results.criteria) {
    const detail =
      c.percent === null || c.level === null || c.evidence === null
        ? t(lang, 'cli.unanswered')
        : `${formatScore(c.percent)} · ${c.levelNumber}/${c.levelCount} ${c.level.label[lang]} · ${t(lang, `evidence.${c.evidence}`)}${c.stage === null ? '' : ` · ${standingText(lang, c.stage)}${paren(t(lang, 'standing.expectedLevel', { level: c.stage.expectedLevelNumber }), lang)}`}`;
    lines.push(`    ${c.redFlag ? '!' : ' '} ${c.name[lang]}${colon}${detail}`);
  }
  lines.push(`  ${heading('cli.levers')}`);
  for (const lever of results.levers) {
    lines.push(
      `    ${t(lang, 'cli.lever', { name: lever.name[lang], gain: formatScore(lever.gain), action: lever.nextLevel.descriptor[lang] })}`,
    );
  }
  const list = (
    key: 'cli.strengths' | 'cli.weaknesses' | 'cli.toVerify',
    items: Results['strengths'],
  ) => {
    if (items.length > 0) {
      const shown = items.map((c) => `${c.name[lang]} ${formatScore(c.percent)}`).join(comma);
      lines.push(`  ${labelled(key, shown)}`);
    }
  };
  if (results.evenPercent !== null) {
    lines.push(
      `  ${t(lang, 'findings.nothingStandsOut', { percent: formatScore(results.evenPercent) })}`,
    );
  }
  list('cli.strengths', results.strengths);
  list('cli.weaknesses', results.weaknesses);
  list('cli.toVerify', results.toVerify);
  const changes = results.robustness.changes.map(
    (c) => `${c.name[lang]} ${t(lang, `direction.${c.direction}`)} → ${c.band.label[lang]}`,
  );
  lines.push(
    `  ${results.robustness.robust ? t(lang, 'cli.robust') : t(lang, 'cli.fragile', { list: changes.join(comma) })}`,
  );
  return lines;
}

/** An aside in brackets as each language writes it: ` (x)`, or `（x）` with no space. */
export function paren(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}
