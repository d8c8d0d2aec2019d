import { describe, expect, it } from 'vitest';
import { readImportFiles } from '../../src/adapters/read-import-files';
import { assessmentFileValue, serializeAssessment } from '../../src/core/assessment-file';
import { MAX_IMPORT_BYTES, parseImportText, serializeBundle } from '../../src/core/import-file';
import { MAX_RUBRIC_TEXT_LENGTH } from '../../src/core/vocabulary';
import { validateRubric } from '../../src/core/validate-rubric';
import { problemLines } from '../../src/i18n/problem-text';
import { loadExample, makeAssessment, tinyRubric } from '../helpers/fixtures';

/* Regression corpus: files an attacker (or a broken exporter) would hand the import. */

const example = loadExample();
const fileOf = () => assessmentFileValue(example) as unknown as Record<string, unknown>;
const refusal = (text: string, lang: 'en' | 'zh' = 'en') => {
  const parsed = parseImportText(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return problemLines(parsed.problems, lang);
};

describe('hostile imports', () => {
  it('collects 130,000 invalid answers without overflowing the stack, each one counted', async () => {
    const answers: Record<string, unknown> = {};
    for (let i = 0; i < 130_000; i += 1) {
      answers[`market.bogus-${i}`] = { value: 1, evidence: 'verified', notes: '' };
    }
    const text = JSON.stringify({ ...fileOf(), answers });
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const bytes = new TextEncoder().encode(text);
    const read = await readImportFiles([
      { name: 'many.json', size: bytes.length, arrayBuffer: async () => bytes.buffer },
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(130_000);
    expect(read.problems[129_999]).toMatchObject({
      path: 'answers.market.bogus-129999',
      code: 'answer.unknownCriterion',
      source: 'many.json',
    });
  });

  it('refuses bundle versions that are not whole numbers from 1, and unknown bundle keys', () => {
    const bundle = JSON.parse(serializeBundle([example], 'x')) as Record<string, unknown>;
    for (const version of [-1, 0, 0.5, 2, '1', null]) {
      expect(refusal(JSON.stringify({ ...bundle, version }))).toMatch(
        /^version: this bundle's version \(.+\) is not one this Moatscore reads \(a whole number from 1 to 1\)$/,
      );
    }
    expect(refusal(JSON.stringify({ ...bundle, signedBy: 'ceo' }))).toBe(
      'has keys this format does not know: "signedBy"',
    );
  });

  it('caps every rubric text as notes are capped: a 10 MB description is refused', () => {
    const rubric = structuredClone(tinyRubric());
    rubric.description.en = 'x'.repeat(10 * 1024 * 1024);
    const checked = validateRubric(rubric);
    expect(checked.ok || problemLines(checked.problems, 'en')).toBe(
      `description.en: is ${10 * 1024 * 1024} characters long; the limit is ${MAX_RUBRIC_TEXT_LENGTH}`,
    );
    const inFile = JSON.stringify({ ...assessmentFileValue(makeAssessment(rubric, {})) });
    expect(refusal(inFile)).toMatch(/^rubric\.description\.en: is 10485760 characters long/);
  });

  it('says what it found when a value has the wrong type, not that it is missing', () => {
    const base = JSON.parse(serializeAssessment(example)) as Record<string, unknown>;
    const company = base.company as Record<string, unknown>;
    const withInfinity = JSON.stringify(base).replace(/"value":\s*(\d)/, () => '"value": 1e999');
    expect(refusal(withInfinity)).toMatch(/\.value: expected a number, found Infinity$/m);
    expect(refusal(JSON.stringify({ ...base, company: null }))).toBe(
      'company: expected an object, found null',
    );
    expect(refusal(JSON.stringify({ ...base, company: { ...company, name: 123 } }))).toBe(
      'company.name: expected text, found 123',
    );
    expect(refusal(JSON.stringify({ ...base, company: { ...company, name: 123 } }), 'zh')).toBe(
      'company.name: 应为文本，实际为 123',
    );
    const missing = { ...company };
    delete missing.name;
    expect(refusal(JSON.stringify({ ...base, company: missing }))).toBe(
      'company.name: is missing (expected text)',
    );
  });
});
