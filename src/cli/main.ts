import { pathToFileURL } from 'node:url';
import { parseAssessment } from '../core/assessment-file';
import { problem, type Problem } from '../core/problems';
import { summarizeResults } from '../core/results-summary';
import { parseJsonSafely } from '../core/safe-json';
import { type Assessment } from '../core/schema';
import { LANGS, type Lang } from '../core/vocabulary';
import { scoreAssessmentFile } from '../core/score-assessment-file';
import { validateRubric } from '../core/validate-rubric';
import { aggregateDeal } from '../core/aggregate-deal';
import { summarizeDeal } from '../core/deal-summary';
import { formatDeal } from './format-deal';
import { problemLine } from '../i18n/problem-text';
import { t } from '../i18n/t';
import { createReport } from '../report/create-report';
import { PAPERS, type Paper } from '../report/pdf-writer';
import {
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  InputError,
  nodeIo,
  readFontFile,
  type CliIo,
} from './cli-io';
import { formatResults } from './format-results';
import { printJson, printLines } from './terminal-output';
import { METRICS_USAGE, METRICS_VALUED_FLAGS, metricsCommand } from './metrics-command';
import { choice, parseArgs, rejectUnknownFlags, UsageError, type ParsedArgs } from './parse-args';

export const USAGE = `Usage:
  moatscore score FILE... [--json] [--lang en|zh]   score assessment files
  moatscore validate RUBRIC... [--lang en|zh]       check rubric files
  moatscore deal FILE... [--json] [--lang en|zh]     aggregate raters of one company
  moatscore report FILE [--out report.pdf] [--lang en|zh] [--paper a4|letter]
                                                    write the PDF report
${METRICS_USAGE}

Exit codes: 0 success, 1 invalid input (details on stderr), 2 usage error.
Text from files is printed with control characters escaped (\\n, \\u001b, \\u202e).`;

const VALUED_FLAGS = new Set(['lang', 'out', 'paper', ...METRICS_VALUED_FLAGS]);

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, VALUED_FLAGS);
    if (args.flags.has('help') || args.command === 'help') {
      io.out(USAGE);
      return EXIT_OK;
    }
    switch (args.command) {
      case 'score':
        return scoreCommand(args, io);
      case 'validate':
        return validateCommand(args, io);
      case 'deal':
        return dealCommand(args, io);
      case 'report':
        return await reportCommand(args, io);
      case 'metrics':
        return metricsCommand(args, io);
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`moatscore: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function requireFiles(args: ParsedArgs, what: string): void {
  if (args.files.length === 0) throw new UsageError(`${args.command} needs at least one ${what}`);
}

function scoreCommand(args: ParsedArgs, io: CliIo): number {
  rejectUnknownFlags(args.flags, ['json', 'lang']);
  const lang: Lang = choice(args.flags, 'lang', LANGS, 'en');
  const json = args.flags.has('json');
  requireFiles(args, 'assessment file');
  let exit = EXIT_OK;
  for (const file of args.files) {
    const assessment = readAssessment(file, io, lang);
    if (assessment === null) {
      exit = EXIT_INVALID;
      continue;
    }
    // With the company's stage and the deal-breaker answers, as the app and the PDF score it.
    const results = scoreAssessmentFile(assessment);
    if (json) printJson(io, { file, ...summarizeResults(results, lang) });
    else printLines(io, formatResults(file, assessment, results, lang));
  }
  return exit;
}

function validateCommand(args: ParsedArgs, io: CliIo): number {
  rejectUnknownFlags(args.flags, ['lang']);
  const lang: Lang = choice(args.flags, 'lang', LANGS, 'en');
  requireFiles(args, 'rubric file');
  let exit = EXIT_OK;
  for (const file of args.files.flatMap((arg) => io.expand(arg))) {
    if (file.endsWith('.schema.json')) {
      printLines(io, [`${file}: ${t(lang, 'cli.skippedSchema')}`]);
      continue;
    }
    const text = readOrReport(file, io, lang);
    if (text === null) {
      exit = EXIT_INVALID;
      continue;
    }
    const json = parseJsonSafely(text);
    const checked = json.ok ? validateRubric(json.value) : json;
    if (!checked.ok) {
      printProblems(io, file, checked.problems, lang);
      exit = EXIT_INVALID;
      continue;
    }
    const sections = checked.value.sections.length;
    const criteria = checked.value.sections.reduce((n, s) => n + s.criteria.length, 0);
    printLines(io, [`${file}: ${t(lang, 'cli.valid', { sections, criteria })}`]);
  }
  return exit;
}

function dealCommand(args: ParsedArgs, io: CliIo): number {
  rejectUnknownFlags(args.flags, ['json', 'lang']);
  const lang: Lang = choice(args.flags, 'lang', LANGS, 'en');
  if (args.files.length === 0)
    throw new UsageError('deal needs the assessment files of one company');
  const assessments: Assessment[] = [];
  let invalid = false;
  for (const file of args.files) {
    const assessment = readAssessment(file, io, lang);
    if (assessment === null) invalid = true;
    else assessments.push(assessment);
  }
  if (invalid) return EXIT_INVALID;
  const deals = [...new Set(assessments.map((a) => a.deal))];
  if (deals.length > 1) {
    const list = deals.map((d) => `"${d}"`).join(', ');
    printProblems(io, 'moatscore', [problem('(root)', 'deal.mixedDeals', { deals: list })], lang);
    return EXIT_INVALID;
  }
  const deal = aggregateDeal(assessments);
  if (!deal.ok) {
    printProblems(io, 'moatscore', [deal.problem], lang);
    return EXIT_INVALID;
  }
  if (args.flags.has('json')) printJson(io, { deal: deals[0], ...summarizeDeal(deal.value) });
  else printLines(io, formatDeal(deal.value, lang));
  return EXIT_OK;
}

async function reportCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  rejectUnknownFlags(args.flags, ['out', 'lang', 'paper']);
  const lang: Lang = choice(args.flags, 'lang', LANGS, 'en');
  const paper: Paper = choice(args.flags, 'paper', PAPERS, 'a4');
  if (args.files.length !== 1) throw new UsageError('report needs exactly one assessment file');
  const file = args.files[0] as string;
  const assessment = readAssessment(file, io, lang);
  if (assessment === null) return EXIT_INVALID;
  const report = await createReport({
    assessment,
    lang,
    paper,
    readFont: readFontFile,
    now: new Date(),
  });
  const out = args.flags.get('out');
  const target = typeof out === 'string' ? out : report.fileName;
  try {
    io.write(target, report.bytes);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printProblems(io, error.path, [error.problem], lang);
    return EXIT_INVALID;
  }
  const size = (report.bytes.length / 1024).toFixed(1);
  printLines(io, [`${target}: ${t(lang, 'cli.written', { pages: report.pages, size })}`]);
  if (report.missing.length > 0) {
    printLines(
      io,
      [`${file}: ${t(lang, 'cli.missingGlyphs', { list: report.missing.join(' ') })}`],
      'err',
    );
  }
  return EXIT_OK;
}

function readOrReport(file: string, io: CliIo, lang: Lang): string | null {
  try {
    return io.readText(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printProblems(io, error.path, [error.problem], lang);
    return null;
  }
}

function readAssessment(file: string, io: CliIo, lang: Lang): Assessment | null {
  const text = readOrReport(file, io, lang);
  if (text === null) return null;
  const parsed = parseAssessment(text);
  if (parsed.ok) return parsed.value;
  printProblems(io, file, parsed.problems, lang);
  return null;
}

function printProblems(io: CliIo, source: string, problems: readonly Problem[], lang: Lang): void {
  printLines(
    io,
    problems.map((p) => problemLine(p, lang, source)),
    'err',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
