import type { Assessment, Lang } from '../core/schema';
import type { Results } from '../core/score-assessment';
import { formatScore, t } from '../i18n/t';

/** The human-readable report of `cli score`, in the chosen language. */
export function formatResults(
  file: string,
  assessment: Assessment,
  results: Results,
  lang: Lang,
): string {
  const lines: string[] = [
    `${file}: ${assessment.company.name} · ${assessment.evaluator.name} (${assessment.evaluator.role})`,
  ];
  if (results.overall === null || results.range === null || results.verdict === null) {
    lines.push(`  ${t(lang, 'cli.noAnswers')}`);
    return lines.join('\n');
  }
  const coverage = t(lang, 'cli.coverage', {
    answered: results.answeredCount,
    total: results.totalCount,
  });
  lines.push(
    `  ${t(lang, 'cli.overall')}: ${formatScore(results.overall)} (${t(lang, 'cli.range')} ${formatScore(results.range[0])}–${formatScore(results.range[1])})${results.complete ? '' : ` · ${coverage} · ${t(lang, 'cli.draft')}`}`,
    `  ${t(lang, 'cli.verdict')}: ${results.verdict.band.label[lang]}${results.verdict.capped ? ` (${t(lang, 'cli.verdictCapped')})` : ''}`,
  );
  if (results.redFlags.length > 0) {
    lines.push(`  ${t(lang, 'cli.redFlags')}:`);
    for (const flag of results.redFlags) {
      lines.push(
        `    ! ${t(lang, 'cli.redFlag', { name: flag.name[lang], value: flag.value, knockoutBelow: flag.knockoutBelow })}`,
      );
    }
  }
  lines.push(`  ${t(lang, 'cli.sections')}:`);
  for (const section of results.sections) {
    lines.push(
      `    ${section.name[lang]}: ${section.score === null ? t(lang, 'cli.unanswered') : formatScore(section.score)}`,
    );
  }
  lines.push(`  ${t(lang, 'cli.criteria')}:`);
  for (const c of results.criteria) {
    const detail =
      c.percent === null || c.level === null || c.evidence === null
        ? t(lang, 'cli.unanswered')
        : `${formatScore(c.percent)} · ${c.levelNumber}/${c.levelCount} ${c.level.label[lang]} · ${t(lang, `evidence.${c.evidence}`)}`;
    lines.push(`    ${c.redFlag ? '!' : ' '} ${c.name[lang]}: ${detail}`);
  }
  lines.push(`  ${t(lang, 'cli.levers')}:`);
  for (const lever of results.levers) {
    lines.push(
      `    ${t(lang, 'cli.lever', { name: lever.name[lang], gain: formatScore(lever.gain), action: lever.nextLevel.descriptor[lang] })}`,
    );
  }
  const list = (
    key: 'cli.strengths' | 'cli.weaknesses' | 'cli.toVerify',
    items: Results['strengths'],
  ) => {
    if (items.length > 0)
      lines.push(
        `  ${t(lang, key)}: ${items.map((c) => `${c.name[lang]} ${formatScore(c.percent)}`).join(', ')}`,
      );
  };
  list('cli.strengths', results.strengths);
  list('cli.weaknesses', results.weaknesses);
  list('cli.toVerify', results.toVerify);
  const changes = results.robustness.changes.map(
    (c) => `${c.name[lang]} ${t(lang, `direction.${c.direction}`)} → ${c.band.label[lang]}`,
  );
  lines.push(
    `  ${results.robustness.robust ? t(lang, 'cli.robust') : t(lang, 'cli.fragile', { list: changes.join(', ') })}`,
  );
  return lines.join('\n');
}
