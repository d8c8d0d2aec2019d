import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseAssessment } from '../../src/core/assessment-file';
import { assessmentsToCsvLong, assessmentsToCsvWide, csvCell } from '../../src/core/csv-export';
import { listCriteria } from '../../src/core/rubric-index';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import { round1 } from '../../src/core/round1';
import { type Results } from '../../src/core/score-results';
import { type Assessment, type Rubric } from '../../src/core/schema';
import { LANGS, type Lang } from '../../src/core/vocabulary';
import { answers, makeAssessment, repoPath, tinyRubric } from '../helpers/fixtures';
import { sampleEvidence } from '../helpers/model-evidence';
import { stagedRubric } from '../helpers/staged-rubric';

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** Parses with a real CSV parser (csv-parse, RFC 4180) and checks the shape every export must have. */
function parseCsv(text: string): { header: string[]; records: Record<string, string>[] } {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
  const [header, ...body] = rows;
  if (header === undefined) throw new Error('no header row');
  expect(new Set(header).size).toBe(header.length);
  for (const row of body) expect(row).toHaveLength(header.length);
  const records = body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]!])));
  return { header, records };
}

/** How the export writes an optional score: rounded by the core's round1, empty when null. */
const shown = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(round1(n));

/** What a text cell should read back as: with a `'` before a formula's first character. */
const neutralised = (text: string) =>
  (FORMULA_STARTS as readonly string[]).includes(text.charAt(0)) ? `'${text}` : text;

const score = (a: Assessment): Results => scoreAssessmentFile(a);

function loadExample(): Assessment {
  const parsed = parseAssessment(readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** A tiny-rubric assessment answered out of rubric order, with alpha.y and beta.q unanswered. */
function partialTiny(): Assessment {
  return makeAssessment(
    tinyRubric(),
    answers({
      'beta.p': [4, 'assumed', 'p note'],
      'alpha.z': [2, 'estimated', '中文, "quoted", 🚀\nline two'],
      'alpha.x': [2, 'verified'],
    }),
    { id: 'tiny-partial' },
  );
}

/** The tiny rubric with alpha.z on a scale of 0, 1, 3, so its middle level is 33.33…%. */
function thirdsTiny(): Assessment {
  const rubric = structuredClone(tinyRubric());
  const z = rubric.sections[0]!.criteria[2]!;
  z.levels = z.levels.map((level, i) => ({ ...level, value: [0, 1, 3][i]! }));
  return makeAssessment(
    rubric,
    answers({ 'alpha.z': [1, 'assumed', 'a third'], 'beta.q': [3, 'estimated'] }),
    { id: 'tiny-thirds' },
  );
}

/** The tiny rubric with criterion alpha.x on a scale of -2 … 2, for negative numbers. */
function negativeRubric(): Rubric {
  const rubric = structuredClone(tinyRubric());
  const x = rubric.sections[0]!.criteria[0]!;
  x.levels = x.levels.map((level, i) => ({ ...level, value: i - 2 }));
  return rubric;
}

describe('csvCell', () => {
  it.each(FORMULA_STARTS)('prefixes text starting with %j by a single quote', (start) => {
    const text = `${start}SUM(A1:A2)`;
    const cell = csvCell(text);
    const parsed = parse(`${cell}\r\n`) as string[][];
    expect(parsed).toEqual([[`'${text}`]]);
  });

  it('leaves other text as it is, including formula characters after the first', () => {
    for (const text of ['SUM(1)', '1+1', 'a-b', '中文=', "'quoted already", 'x@y', 'a =1']) {
      expect(csvCell(text)).toBe(text);
    }
  });

  it('quotes a cell holding a comma, quote, CR or LF and doubles its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes numbers plainly, negative ones unprefixed, and null as an empty cell', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(43.3)).toBe('43.3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('assessmentsToCsvWide', () => {
  it('starts with a BOM, ends lines with CRLF and has one row per assessment', () => {
    const list = [partialTiny(), loadExample()];
    const text = assessmentsToCsvWide(list, 'en');
    const records = text.slice(1).split('\r\n');
    // No cell of these assessments holds a line break, so every break is a record end.
    expect(records).toHaveLength(list.length + 2);
    expect(records.at(-1)).toBe('');
    expect(records.join('')).not.toMatch(/[\r\n]/);
    expect(parseCsv(text).records.map((r) => r.id)).toEqual(list.map((a) => a.id));
  });

  it('has the identity columns, the stage reading and deal-breaker counts, then a score per section, value, percent, evidence and standing per criterion, then each deal-breaker', () => {
    const example = loadExample();
    const { header } = parseCsv(assessmentsToCsvWide([example], 'en'));
    expect(header).toEqual([
      'id',
      'deal',
      'company',
      'stage',
      'sector',
      'evaluator',
      'role',
      'rubric',
      'rubric_version',
      'created_at',
      'updated_at',
      'answered',
      'total',
      'overall',
      'range_low',
      'range_high',
      'verdict',
      'verdict_basis',
      'stage_bar',
      'stage_reading',
      'criteria_ahead',
      'criteria_at',
      'criteria_behind',
      'deal_breakers_flagged',
      'deal_breakers_unanswered',
      ...example.rubric.sections.map((s) => `${s.id}.score`),
      ...listCriteria(example.rubric).flatMap(({ fullId }) => [
        `${fullId}.value`,
        `${fullId}.percent`,
        `${fullId}.evidence`,
        `${fullId}.stage`,
      ]),
      ...(example.rubric.dealBreakers ?? []).map((d) => `deal_breaker.${d.id}`),
    ]);
  });

  it.each(LANGS)('gives back the core results rounded to one decimal (%s)', (lang: Lang) => {
    const list = [partialTiny(), thirdsTiny(), loadExample()];
    const { records } = parseCsv(assessmentsToCsvWide(list, lang));
    // Scores and percents with more than one decimal, so rounding is exercised.
    const tiny = score(list[0]!);
    expect(tiny.overall).not.toBe(round1(tiny.overall!));
    const third = score(list[1]!).criteria.find((c) => c.id === 'alpha.z')!.percent!;
    expect(third).not.toBe(round1(third));

    list.forEach((assessment, i) => {
      const record = records[i]!;
      const results = score(assessment);
      expect(record).toMatchObject({
        id: assessment.id,
        deal: neutralised(assessment.deal),
        company: neutralised(assessment.company.name),
        stage: assessment.company.stage,
        sector: neutralised(assessment.company.sector),
        evaluator: neutralised(assessment.evaluator.name),
        role: assessment.evaluator.role,
        rubric: assessment.rubric.id,
        rubric_version: assessment.rubric.version,
        created_at: assessment.createdAt,
        updated_at: assessment.updatedAt,
        answered: String(results.answeredCount),
        total: String(results.totalCount),
        overall: shown(results.overall),
        range_low: shown(results.range?.[0]),
        range_high: shown(results.range?.[1]),
        verdict: neutralised(results.verdict!.band.label[lang]),
      });
      expect(Number(record.overall)).toBe(round1(results.overall!));
      for (const section of results.sections) {
        expect(record[`${section.id}.score`]).toBe(shown(section.score));
      }
      for (const c of results.criteria) {
        expect(record[`${c.id}.value`]).toBe(c.value === null ? '' : String(c.value));
        expect(record[`${c.id}.percent`]).toBe(shown(c.percent));
        expect(record[`${c.id}.evidence`]).toBe(c.evidence ?? '');
      }
    });
  });

  it('leaves unanswered criteria and sections without answers empty', () => {
    const assessment = makeAssessment(tinyRubric(), answers({ 'alpha.x': [3, 'verified'] }));
    const [record] = parseCsv(assessmentsToCsvWide([assessment], 'en')).records;
    expect(record!['alpha.x.value']).toBe('3');
    for (const column of ['alpha.y.value', 'alpha.y.percent', 'alpha.y.evidence', 'beta.score']) {
      expect(record![column]).toBe('');
    }
  });

  it('lines up assessments from different rubrics on the union of their criteria, in order of first appearance', () => {
    const tiny = partialTiny();
    const example = loadExample();
    const { header, records } = parseCsv(assessmentsToCsvWide([tiny, example], 'zh'));
    const valueColumns = header.filter((name) => name.endsWith('.value'));
    expect(valueColumns).toEqual(
      [...listCriteria(tiny.rubric), ...listCriteria(example.rubric)].map(
        ({ fullId }) => `${fullId}.value`,
      ),
    );
    const [tinyRow, exampleRow] = records;
    for (const { fullId } of listCriteria(example.rubric)) {
      expect(tinyRow![`${fullId}.percent`]).toBe('');
      expect(exampleRow![`${fullId}.percent`]).not.toBe('');
    }
    for (const { fullId } of listCriteria(tiny.rubric)) {
      expect(exampleRow![`${fullId}.value`]).toBe('');
    }
  });

  it('writes negative level values as plain numbers', () => {
    const assessment = makeAssessment(negativeRubric(), answers({ 'alpha.x': [-2, 'verified'] }));
    const [record] = parseCsv(assessmentsToCsvWide([assessment], 'en')).records;
    expect(record!['alpha.x.value']).toBe('-2');
    expect(Number(record!['alpha.x.value'])).toBe(-2);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const first = assessmentsToCsvWide([partialTiny(), loadExample()], 'zh');
    expect(assessmentsToCsvWide([partialTiny(), loadExample()], 'zh')).toBe(first);
    expect(assessmentsToCsvWide(structuredClone([partialTiny(), loadExample()]), 'zh')).toBe(first);
  });

  it('writes only the header for no assessments', () => {
    const { header, records } = parseCsv(assessmentsToCsvWide([], 'en'));
    expect(header[0]).toBe('id');
    expect(records).toEqual([]);
  });
});

describe('stage and deal-breaker columns, against a hand-computed case', () => {
  /*
   * stagedRubric() at seed, answers x 4 · y 3 · z 2 · p 5 · q 1 (see
   * tests/core/stage-expectation.test.ts): T 63.9, bar 46.9, reading 59.2;
   * x, y, p one level ahead, z at, q behind. "ip" answered "no" caps at Low;
   * "runway" is left open.
   */
  const staged = () =>
    makeAssessment(
      stagedRubric(),
      {
        ...answers({
          'alpha.y': [3, 'estimated'],
          'alpha.z': [2, 'verified'],
          'beta.p': [5, 'verified'],
          'beta.q': [1, 'assumed'],
        }),
        'alpha.x': { value: 4, evidence: 'assumed', notes: '', facts: ['x1a', 'x1b', 'x2a'] },
      },
      { id: 'staged', dealBreakers: { ip: 'no' } },
    );

  it('writes the stage reading, the counts, each standing and each deal-breaker answer (wide)', () => {
    const [record] = parseCsv(assessmentsToCsvWide([staged()], 'en')).records;
    expect(record).toMatchObject({
      overall: '63.9',
      verdict: 'Low',
      verdict_basis: 'stage',
      stage_bar: '46.9',
      stage_reading: '59.2',
      criteria_ahead: '3',
      criteria_at: '1',
      criteria_behind: '1',
      deal_breakers_flagged: '1',
      deal_breakers_unanswered: '1',
      'alpha.x.stage': 'ahead',
      'alpha.y.stage': 'ahead',
      'alpha.z.stage': 'at',
      'beta.p.stage': 'ahead',
      'beta.q.stage': 'behind',
      'deal_breaker.ip': 'no',
      'deal_breaker.runway': '',
    });
  });

  it('writes the expected level, the standing and the ticked facts of each answer (long)', () => {
    const { records } = parseCsv(assessmentsToCsvLong([staged()], 'en'));
    expect(records.map((r) => [r.criterion, r.expected_level, r.stage, r.facts])).toEqual([
      ['alpha.x', '3', 'ahead', 'x1a x1b x2a'],
      ['alpha.y', '2', 'ahead', ''],
      ['alpha.z', '2', 'at', ''],
      ['beta.p', '4', 'ahead', ''],
      ['beta.q', '2', 'behind', ''],
    ]);
  });

  it('leaves the stage columns empty for a rubric without expectations', () => {
    const [record] = parseCsv(assessmentsToCsvWide([partialTiny()], 'en')).records;
    expect(record).toMatchObject({
      verdict_basis: 'score',
      stage_bar: '',
      stage_reading: '',
      'alpha.x.stage': '',
      deal_breakers_flagged: '0',
    });
  });
});

describe('assessmentsToCsvLong: model evidence', () => {
  const tiny = partialTiny();
  const recorded = sampleEvidence({ accepted: false, task: 'later, not accepted' });
  const withEvidence: Assessment = {
    ...tiny,
    answers: {
      ...tiny.answers,
      // Two evaluations: the accepted one backs the answer, though recorded first.
      'alpha.x': { ...tiny.answers['alpha.x']!, modelEvidence: [sampleEvidence(), recorded] },
      // Level values 0, 2, 10: the suggested value 10 is the third level.
      'alpha.z': {
        ...tiny.answers['alpha.z']!,
        modelEvidence: [sampleEvidence({ suggestedLevel: 10, accepted: false, deltas: null })],
      },
    },
  };
  const rows = () => parseCsv(assessmentsToCsvLong([withEvidence], 'en')).records;
  const row = (id: string) => rows().find((r) => r.criterion === id)!;

  it('gives the accepted evaluation, its F1 and interval, and the gain in points', () => {
    // F1 0.87 (0.84–0.9); a gain of 0.052 (0.031 to 0.074) is 5.2 points (3.1 to 7.4).
    expect(row('alpha.x')).toMatchObject({
      evidence_count: '2',
      evidence_task: 'Contract clause classification',
      evidence_held_out: 'Customer A, March test set',
      evidence_metric: 'f1',
      evidence_value: '0.87',
      evidence_low: '0.84',
      evidence_high: '0.9',
      evidence_gain_points: '5.2',
      evidence_gain_low: '3.1',
      evidence_gain_high: '7.4',
      evidence_items: '1200',
      evidence_level: '4',
      evidence_accepted: 'yes',
    });
  });

  it('names the level by its number, leaves the gain empty without a baseline, and counts none elsewhere', () => {
    expect(row('alpha.z')).toMatchObject({
      evidence_count: '1',
      evidence_gain_points: '',
      evidence_level: '3',
      evidence_accepted: 'no',
    });
    expect(row('beta.p')).toMatchObject({
      evidence_count: '0',
      evidence_task: '',
      evidence_value: '',
    });
  });
});

describe('assessmentsToCsvWide: model evidence', () => {
  const tiny = partialTiny();
  const withEvidence: Assessment = {
    ...tiny,
    id: 'with-evidence',
    answers: {
      ...tiny.answers,
      'alpha.x': { ...tiny.answers['alpha.x']!, modelEvidence: [sampleEvidence()] },
    },
  };
  const without: Assessment = { ...tiny, id: 'without' };

  it('adds the backing evaluation per criterion that has one in any row, and nothing elsewhere', () => {
    const { header, records } = parseCsv(assessmentsToCsvWide([withEvidence, without], 'en'));
    const evidenceColumns = header.filter((h) => h.includes('.evidence_'));
    expect(evidenceColumns).toEqual([
      'alpha.x.evidence_metric',
      'alpha.x.evidence_value',
      'alpha.x.evidence_gain_points',
      'alpha.x.evidence_level',
      'alpha.x.evidence_accepted',
    ]);
    expect(records[0]).toMatchObject({
      'alpha.x.evidence_metric': 'f1',
      'alpha.x.evidence_value': '0.87',
      'alpha.x.evidence_gain_points': '5.2',
      'alpha.x.evidence_level': '4',
      'alpha.x.evidence_accepted': 'yes',
    });
    expect(records[1]).toMatchObject({
      'alpha.x.evidence_metric': '',
      'alpha.x.evidence_accepted': '',
    });
    // Without evidence anywhere, the table has no evidence columns at all.
    const plain = parseCsv(assessmentsToCsvWide([without], 'en')).header;
    expect(plain.some((h) => h.includes('.evidence_'))).toBe(false);
  });
});

describe('assessmentsToCsvLong', () => {
  it('has one row per answered criterion, in rubric order, per assessment', () => {
    const list = [partialTiny(), loadExample()];
    const { header, records } = parseCsv(assessmentsToCsvLong(list, 'en'));
    expect(header).toEqual([
      'assessment_id',
      'company',
      'evaluator',
      'role',
      'criterion',
      'criterion_name',
      'level',
      'value',
      'level_label',
      'percent',
      'evidence',
      'notes',
      'expected_level',
      'stage',
      'facts',
      'evidence_count',
      'evidence_task',
      'evidence_held_out',
      'evidence_metric',
      'evidence_value',
      'evidence_low',
      'evidence_high',
      'evidence_gain_points',
      'evidence_gain_low',
      'evidence_gain_high',
      'evidence_items',
      'evidence_level',
      'evidence_accepted',
    ]);
    const expected = list.flatMap((a) =>
      listCriteria(a.rubric)
        .filter(({ fullId }) => Object.hasOwn(a.answers, fullId))
        .map(({ fullId }) => [a.id, fullId]),
    );
    // partialTiny answers beta.p first; the export still follows the rubric.
    expect(Object.keys(list[0]!.answers)[0]).toBe('beta.p');
    expect(records.map((r) => [r.assessment_id, r.criterion])).toEqual(expected);
    expect(records.filter((r) => r.assessment_id === list[1]!.id)).toHaveLength(
      listCriteria(list[1]!.rubric).length,
    );
  });

  it.each(LANGS)('gives back each answer with its names, level and percent (%s)', (lang: Lang) => {
    const example = loadExample();
    example.answers['differentiation.algorithms']!.notes = '+4.1 F1 over the base model';
    const list = [partialTiny(), thirdsTiny(), example];
    const { records } = parseCsv(assessmentsToCsvLong(list, lang));
    const expected = list.flatMap((a) =>
      score(a)
        .criteria.filter((c) => c.answered)
        .map((c) => ({
          assessment_id: a.id,
          company: a.company.name,
          evaluator: a.evaluator.name,
          role: a.evaluator.role,
          criterion: c.id,
          criterion_name: c.name[lang],
          level: String(c.levelNumber),
          value: String(c.value),
          level_label: c.level!.label[lang],
          percent: shown(c.percent),
          evidence: c.evidence!,
          notes: neutralised(a.answers[c.id]!.notes),
          expected_level: c.stage === null ? '' : String(c.stage.expectedLevelNumber),
          stage: c.stage?.standing ?? '',
          facts: a.answers[c.id]!.facts.join(' '),
          // None of these answers carries model evidence.
          evidence_count: '0',
          ...Object.fromEntries(
            [
              'task',
              'held_out',
              'metric',
              'value',
              'low',
              'high',
              'gain_points',
              'gain_low',
              'gain_high',
              'items',
              'level',
              'accepted',
            ].map((name) => [`evidence_${name}`, '']),
          ),
        })),
    );
    expect(records).toEqual(expected);
    // A note starting with "+" (a measured gain) is neutralised like any other.
    expect(records.some((r) => (r.notes ?? '').startsWith("'+"))).toBe(true);
  });

  it('gives back notes exactly: Chinese, emoji, quotes, commas and line breaks', () => {
    const notes = [
      '签约三家银行的意向书，金额 ≈ ¥2,000 万',
      '🚀🧪 emoji, then "double quotes" and a lone " quote',
      'line one\nline two\r\nline three\rline four',
      '  leading and trailing spaces  ',
      '',
    ];
    const rubric = tinyRubric();
    const entries = listCriteria(rubric);
    expect(entries.length).toBeGreaterThanOrEqual(notes.length);
    const assessment = makeAssessment(
      rubric,
      answers(
        Object.fromEntries(
          notes.map((note, i) => {
            const { fullId, criterion } = entries[i]!;
            return [fullId, [criterion.levels[0]!.value, 'verified', note]];
          }),
        ),
      ),
    );
    const { records } = parseCsv(assessmentsToCsvLong([assessment], 'zh'));
    expect(records.map((r) => r.notes)).toEqual(notes);
  });

  it('writes negative level values as plain numbers', () => {
    const assessment = makeAssessment(negativeRubric(), answers({ 'alpha.x': [-1, 'verified'] }));
    const [record] = parseCsv(assessmentsToCsvLong([assessment], 'en')).records;
    expect(record!.value).toBe('-1');
    expect(record!.percent).toBe(shown(score(assessment).criteria[0]!.percent));
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(assessmentsToCsvLong([loadExample()], 'zh')).toBe(
      assessmentsToCsvLong([loadExample()], 'zh'),
    );
  });
});

describe('formula neutralisation in the exports', () => {
  const payload = (start: string) => `${start}HYPERLINK("http://x.test","a,b")`;

  it.each(FORMULA_STARTS)(
    'prefixes notes, company, sector and evaluator starting with %j by a single quote',
    (start) => {
      const text = payload(start);
      const assessment = makeAssessment(
        tinyRubric(),
        answers({ 'alpha.x': [2, 'verified', text] }),
        {
          company: { name: text, stage: 'seed', sector: text },
          evaluator: { name: text, role: 'investor' },
        },
      );
      const [wide] = parseCsv(assessmentsToCsvWide([assessment], 'en')).records;
      const [long] = parseCsv(assessmentsToCsvLong([assessment], 'en')).records;
      for (const value of [wide!.company, wide!.sector, wide!.evaluator]) {
        expect(value).toBe(`'${text}`);
      }
      for (const value of [long!.company, long!.evaluator, long!.notes]) {
        expect(value).toBe(`'${text}`);
      }
    },
  );

  it('leaves text starting with anything else unchanged', () => {
    for (const start of ['', ' ', 'a', '1', '中', "'", '"', '(']) {
      const text = payload(start);
      const assessment = makeAssessment(
        tinyRubric(),
        answers({ 'alpha.x': [2, 'verified', text] }),
        { company: { name: text, stage: 'seed', sector: text } },
      );
      const [wide] = parseCsv(assessmentsToCsvWide([assessment], 'en')).records;
      const [long] = parseCsv(assessmentsToCsvLong([assessment], 'en')).records;
      expect([wide!.company, wide!.sector, long!.company, long!.notes]).toEqual([
        text,
        text,
        text,
        text,
      ]);
    }
  });

  it('neutralises text that comes from the rubric too (level labels, verdicts)', () => {
    const rubric = structuredClone(tinyRubric());
    rubric.sections[0]!.criteria[0]!.levels[1]!.label.en = '=level';
    rubric.bands = rubric.bands.map((band) => ({ ...band, label: { en: '+band', zh: '@带' } }));
    const assessment = makeAssessment(rubric, answers({ 'alpha.x': [2, 'verified'] }));
    const [long] = parseCsv(assessmentsToCsvLong([assessment], 'en')).records;
    expect(long!.level_label).toBe("'=level");
    expect(parseCsv(assessmentsToCsvWide([assessment], 'en')).records[0]!.verdict).toBe("'+band");
    expect(parseCsv(assessmentsToCsvWide([assessment], 'zh')).records[0]!.verdict).toBe("'@带");
  });
});
