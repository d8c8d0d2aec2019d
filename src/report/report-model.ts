import type { Assessment } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { scoreAssessmentFile } from '../core/score-assessment-file';
import { type Results } from '../core/score-results';
import { aside } from '../i18n/punctuation';
import { formatScore, t, LOCALES } from '../i18n/t';
import { answerRows, formatWeight, type AnswerRow } from './answer-rows';
import { evidenceAppendix, type EvidenceAppendix } from './evidence-appendix';
import { rubricAppendix, type RubricAppendix } from './rubric-texts';
import {
  dealBreakerText,
  verdictText,
  type DealBreakerText,
  type VerdictText,
} from './report-verdict';

export interface RadarModel {
  title: string;
  axes: string[];
  /** Percent per axis, null when unanswered. */
  values: (number | null)[];
}

/**
 * Everything the PDF says, as plain strings in the chosen language: the PDF
 * module only lays it out, and tests can read it without opening a PDF.
 */
export interface ReportModel {
  lang: Lang;
  /** "Label: value" in English, "标签：值" in Chinese. */
  pair: (label: string, value: string) => string;
  /** " (aside)" in English, "（旁注）" in Chinese. */
  aside: (text: string) => string;
  /** Between items of a run-on list: "; " or "；". */
  separator: string;
  meta: { title: string; subject: string; author: string; keywords: string };
  /** The line above the company name on the cover. */
  kicker: string;
  company: string;
  facts: [label: string, value: string][];
  overall: string;
  outOf: string;
  range: string;
  verdict: string;
  /** Against what the verdict reads, what caps it, and its stage reading. */
  verdictText: VerdictText;
  dealBreakers: DealBreakerText;
  verdictDescription: string | null;
  draftNote: string | null;
  sectionScores: [name: string, score: string][];
  robustness: string;
  radars: RadarModel[];
  redFlags: string[];
  levers: { title: string; action: string }[];
  strengths: string[];
  weaknesses: string[];
  /** Said instead of both lists when every answer scores the same. */
  nothingStandsOut: string | null;
  toVerify: string[];
  sections: { title: string; summary: string; rows: AnswerRow[] }[];
  appendix: RubricAppendix;
  /** The answers' model evidence, when any answer carries some. */
  evidence: EvidenceAppendix | null;
  labels: Record<
    | 'charts'
    | 'findings'
    | 'redFlags'
    | 'levers'
    | 'strengths'
    | 'weaknesses'
    | 'toVerify'
    | 'none'
    | 'appendix'
    | 'sectionScores'
    | 'overall'
    | 'verdict'
    | 'dealBreakers'
    | 'openDealBreakers'
    | 'factsTicked',
    string
  >;
  columns: Record<
    | 'criterion'
    | 'weight'
    | 'level'
    | 'percent'
    | 'points'
    | 'evidence'
    | 'notes'
    | 'descriptor'
    | 'stage',
    string
  >;
  footer: string;
  pageLabel: (page: number, pages: number) => string;
}

export function buildReportModel(
  assessment: Assessment,
  lang: Lang,
  generatedAt: Date,
): ReportModel {
  // With the company's stage and the deal-breaker answers, as the results screen scores it.
  const results: Results = scoreAssessmentFile(assessment);
  const tr = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t(lang, key, vars);
  const { rubric, company, evaluator } = assessment;
  const companyName = company.name.trim() === '' ? tr('report.unnamed') : company.name;
  const date = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(generatedAt);
  const rubricName = tr('report.rubricVersion', {
    name: rubric.name[lang],
    version: rubric.version,
  });

  const facts: [string, string][] = [
    [tr('report.company'), companyName],
    ...(company.sector.trim() === ''
      ? []
      : [[tr('report.sector'), company.sector] as [string, string]]),
    [tr('report.stage'), tr(`stage.${company.stage}`)],
    [tr('report.evaluator'), `${evaluator.name} (${tr(`role.${evaluator.role}`)})`],
    [tr('report.date'), date],
    [tr('report.rubric'), rubricName],
  ];

  const changes = results.robustness.changes;
  const moves = changes
    .slice(0, 3)
    .map((c) =>
      tr(`results.move.${c.direction}`, { name: c.name[lang], verdict: c.band.label[lang] }),
    )
    .join(tr('results.listSeparator'));
  const robustness =
    results.verdict === null
      ? ''
      : changes.length === 0
        ? tr('results.robust')
        : tr('results.fragile', {
            list:
              moves +
              (changes.length > 3 ? tr('results.andMore', { count: changes.length - 3 }) : ''),
          });

  return {
    lang,
    pair: (label, value) => (lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`),
    aside: (text) => aside(lang, text),
    separator: tr('report.factSeparator'),
    meta: {
      title: `${tr('report.title')}: ${companyName}`,
      subject: tr('report.subject', { company: companyName, rubric: rubric.name[lang] }),
      author: evaluator.name,
      keywords: 'Moatscore',
    },
    kicker: tr('report.title'),
    company: companyName,
    facts,
    overall: formatScore(results.overall),
    outOf: tr('report.outOf'),
    range:
      results.range === null
        ? ''
        : tr('report.range', {
            low: formatScore(results.range[0]),
            high: formatScore(results.range[1]),
          }),
    verdict: results.verdict?.band.label[lang] ?? '—',
    verdictText: verdictText(results, rubric, lang),
    dealBreakers: dealBreakerText(results, rubric, lang),
    verdictDescription: results.verdict?.band.description?.[lang] ?? null,
    draftNote: results.complete
      ? null
      : tr('report.draft', { answered: results.answeredCount, total: results.totalCount }),
    sectionScores: results.sections.map((s) => [s.name[lang], formatScore(s.score)]),
    robustness,
    radars: [
      ...rubric.sections.map((section) => {
        const inSection = results.criteria.filter((c) => c.sectionId === section.id);
        return {
          title: section.name[lang],
          axes: inSection.map((c) => c.name[lang]),
          values: inSection.map((c) => c.percent),
        };
      }),
      {
        title: tr('report.allCriteria', { count: results.totalCount }),
        axes: results.criteria.map((c) => c.name[lang]),
        values: results.criteria.map((c) => c.percent),
      },
    ],
    redFlags: results.redFlags.map((flag) => {
      const c = results.criteria.find((x) => x.id === flag.id);
      return tr('report.redFlag', {
        name: flag.name[lang],
        level: c?.levelNumber ?? flag.value,
        label: c?.level?.label[lang] ?? '',
      });
    }),
    levers: results.levers.map((lever) => ({
      title: tr('report.lever', { name: lever.name[lang], points: formatScore(lever.gain) }),
      action: tr('report.leverAction', {
        label: lever.nextLevel.label[lang],
        action: lever.nextLevel.descriptor[lang],
      }),
    })),
    strengths: results.strengths.map((c) => `${c.name[lang]} · ${formatScore(c.percent)}`),
    weaknesses: results.weaknesses.map((c) => `${c.name[lang]} · ${formatScore(c.percent)}`),
    nothingStandsOut:
      results.evenPercent === null
        ? null
        : tr('findings.nothingStandsOut', { percent: formatScore(results.evenPercent) }),
    toVerify: results.toVerify.map((c) => `${c.name[lang]} · ${formatScore(c.percent)}`),
    sections: rubric.sections.map((section) => {
      const sectionResult = results.sections.find((s) => s.id === section.id);
      return {
        title: tr('report.answers', { section: section.name[lang] }),
        summary: tr('report.sectionTotal', {
          score: formatScore(sectionResult?.score ?? null),
          weight: formatWeight(section.weight),
        }),
        rows: answerRows(results, assessment, section.id, lang),
      };
    }),
    appendix: rubricAppendix(rubric, lang),
    evidence: evidenceAppendix(assessment, lang),
    labels: {
      charts: tr('report.charts'),
      findings: tr('report.findings'),
      redFlags: tr('report.redFlags'),
      levers: tr('report.levers'),
      strengths: tr('report.strengths'),
      weaknesses: tr('report.weaknesses'),
      toVerify: tr('report.toVerify'),
      none: tr('report.none'),
      appendix: tr('report.appendix'),
      sectionScores: tr('report.sectionScores'),
      overall: tr('report.overall'),
      verdict: tr('report.verdict'),
      dealBreakers: tr('report.dealBreakers'),
      openDealBreakers: tr('report.openDealBreakers'),
      factsTicked: tr('report.factsTicked'),
    },
    columns: {
      criterion: tr('report.col.criterion'),
      weight: tr('report.col.weight'),
      level: tr('report.col.level'),
      percent: tr('report.col.percent'),
      points: tr('report.col.points'),
      evidence: tr('report.col.evidence'),
      notes: tr('report.col.notes'),
      descriptor: tr('report.col.descriptor'),
      stage: tr('report.col.stage', { stage: tr(`stage.${company.stage}`) }),
    },
    footer: tr('report.confidential', { company: companyName }),
    pageLabel: (page, pages) => tr('report.page', { page, pages }),
  };
}
