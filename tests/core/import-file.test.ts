import { describe, expect, it } from 'vitest';
import { serializeAssessment } from '../../src/core/assessment-file';
import { parseImportText, serializeBundle } from '../../src/core/import-file';
import { migrateAssessment, MIGRATIONS } from '../../src/core/migrations/migrate-assessment';
import { v1ToV2 } from '../../src/core/migrations/v1-to-v2';
import type { Assessment } from '../../src/core/schema';
import { problemLines } from '../../src/i18n/problem-text';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { answers, makeAssessment, readJson, tinyRubric } from '../helpers/fixtures';

const rubric = tinyRubric();
const fixtures = (): Assessment[] => [
  makeAssessment(
    rubric,
    answers({
      'alpha.x': [4, 'verified', '中文笔记：三家银行签了意向书 🚀'],
      'beta.q': [1, 'assumed'],
    }),
    { id: 'a1' },
  ),
  makeAssessment(
    rubric,
    answers({ 'alpha.y': [2, 'estimated', `${'很长的备注。'.repeat(800)}\n"quoted", commas`] }),
    {
      id: 'a2',
      company: { name: '深湖智能 ⚡ / "Lake"', stage: 'growth', sector: '金融 · AI' },
    },
  ),
  makeAssessment(rubric, {}, { id: 'a3', company: { name: '', stage: 'idea', sector: '' } }),
];

describe('round trip', () => {
  it('gives back every fixture unchanged, alone and in a bundle', () => {
    for (const assessment of fixtures()) {
      const single = parseImportText(serializeAssessment(assessment));
      expect(single).toEqual({ ok: true, assessments: [assessment] });
    }
    const bundle = parseImportText(serializeBundle(fixtures(), '2026-11-29T12:00:00.000Z'));
    expect(bundle).toEqual({ ok: true, assessments: fixtures() });
  });

  it('reads back the shipped example', () => {
    const result = parseImportText(JSON.stringify(readJson('examples/deeplake-ai.json')));
    expect(result.ok).toBe(true);
  });
});

describe('migrations', () => {
  const v1 = (): Record<string, unknown> => {
    const file = JSON.parse(serializeAssessment(fixtures()[1]!)) as Record<string, unknown>;
    delete file.deal;
    return { ...file, version: 1 };
  };

  it('has one step for every old version', () => {
    for (let version = 1; version < ASSESSMENT_VERSION; version += 1)
      expect(MIGRATIONS[version]).toBeTypeOf('function');
  });

  it('takes version 1 to 2 by giving the file the deal key of its company', () => {
    expect(v1ToV2(v1())).toMatchObject({ version: 2, deal: '深湖智能-lake' });
    expect(migrateAssessment(v1())).toMatchObject({ ok: true, value: { deal: '深湖智能-lake' } });
    const parsed = parseImportText(JSON.stringify(v1()));
    expect(parsed.ok && parsed.assessments[0]?.deal).toBe('深湖智能-lake');
  });

  it('migrating twice equals migrating once', () => {
    const once = migrateAssessment(v1());
    if (!once.ok) throw new Error('migration failed');
    expect(migrateAssessment(once.value)).toEqual(once);
  });
});

/** Each bad file, what its message must say, and where. */
const valid = () =>
  JSON.parse(serializeAssessment(fixtures()[0]!)) as Record<string, unknown> & {
    answers: Record<string, Record<string, unknown>>;
    rubric: Record<string, unknown>;
  };
const corpus: { name: string; text: () => string; says: RegExp }[] = [
  {
    name: 'truncated.json',
    text: () => serializeAssessment(fixtures()[0]!).slice(0, 300),
    says: /^not valid JSON/,
  },
  {
    name: 'not-json.json',
    text: () => 'PK\u0003\u0004 this is a zip',
    says: /^not valid JSON/,
  },
  { name: 'empty.json', text: () => '   ', says: /^the file is empty$/ },
  {
    name: 'wrong-type.json',
    text: () => JSON.stringify({ ...valid(), company: { name: 42, stage: 'seed', sector: '' } }),
    says: /^company\.name: expected text, found 42$/,
  },
  {
    name: 'out-of-range.json',
    text: () => {
      const file = valid();
      file.answers['alpha.x']!.value = 9;
      return JSON.stringify(file);
    },
    says: /^answers\.alpha\.x\.value: 9 is out of range/,
  },
  {
    name: 'unknown-rubric.json',
    text: () => JSON.stringify({ ...valid(), rubric: { id: 'who-knows' } }),
    says: /^rubric\.version: is missing \(expected text\)/m,
  },
  {
    name: 'unknown-criterion.json',
    text: () => {
      const file = valid();
      file.answers['market.demand'] = { value: 1, evidence: 'verified', notes: '' };
      return JSON.stringify(file);
    },
    says: /^answers\.market\.demand: no criterion "market\.demand" in the rubric "tiny"/,
  },
  {
    name: 'newer.json',
    text: () => JSON.stringify({ ...valid(), version: ASSESSMENT_VERSION + 1 }),
    says: /^version: written by a newer Moatscore/,
  },
  {
    name: 'deep.json',
    text: () => `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    says: /nested more than 40 levels/,
  },
  {
    name: 'proto.json',
    text: () =>
      serializeAssessment(fixtures()[0]!).replace(
        '"answers": {',
        '"answers": {"__proto__": {"isAdmin": true},',
      ),
    says: /^answers\.__proto__: the key "__proto__" is not allowed/,
  },
  {
    name: 'constructor.json',
    text: () =>
      JSON.stringify({
        ...valid(),
        company: {
          name: 'x',
          stage: 'seed',
          sector: '',
          constructor: { prototype: { polluted: 1 } },
        },
      }),
    says: /^company\.constructor: the key "constructor" is not allowed/,
  },
  {
    name: 'bad-bundle.json',
    text: () => {
      const bundle = JSON.parse(serializeBundle(fixtures(), 'now')) as {
        assessments: ReturnType<typeof valid>[];
      };
      bundle.assessments[0]!.answers['alpha.x']!.value = 4.5;
      return JSON.stringify(bundle);
    },
    says: /^assessments\[0\]\.answers\.alpha\.x\.value: 4\.5 is out of range/,
  },
  {
    name: 'other-format.json',
    text: () => JSON.stringify({ format: 'excalidraw', version: 2 }),
    says: /^format: expected "moatscore\.assessment", found "excalidraw"/,
  },
];

describe('bad files', () => {
  it.each(corpus)(
    '$name is refused with its own message, in English and Chinese',
    ({ text, says }) => {
      const parsed = parseImportText(text());
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(problemLines(parsed.problems, 'en')).toMatch(says);
      // Every problem has its Chinese wording, every placeholder filled.
      const zh = problemLines(parsed.problems, 'zh');
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );
});
