import { describe, expect, it } from 'vitest';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { summarize } from '../../src/core/assessment-summary';
import { newDraft } from '../../src/core/draft';
import { migrateAssessment } from '../../src/core/migrations/migrate-assessment';
import { v3ToV4 } from '../../src/core/migrations/v3-to-v4';
import type { ModelEvidence } from '../../src/core/schema';
import { ASSESSMENT_VERSION, MAX_MODEL_EVIDENCE } from '../../src/core/vocabulary';
import { problemText } from '../../src/i18n/problem-text';
import { answers, makeAssessment, tinyRubric } from '../helpers/fixtures';
import { sampleEvidence } from '../helpers/model-evidence';

const plain = makeAssessment(
  tinyRubric(),
  answers({ 'alpha.x': [4, 'verified', 'a note'], 'beta.q': [2, 'assumed'] }),
);
const withEvidence = makeAssessment(tinyRubric(), {
  ...plain.answers,
  'alpha.x': { ...plain.answers['alpha.x']!, modelEvidence: [sampleEvidence()] },
});

type FileValue = Record<string, unknown> & {
  answers: Record<string, Record<string, unknown> & { modelEvidence?: Record<string, unknown>[] }>;
};
const fileOf = (text: string) => JSON.parse(text) as FileValue;

/** Each problem in English and in Chinese, with its path and code. */
function refusals(file: unknown) {
  const parsed = parseAssessment(JSON.stringify(file));
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems.map((p) => ({
    path: p.path,
    code: p.code,
    en: problemText(p, 'en'),
    zh: problemText(p, 'zh'),
  }));
}

/** The written file with the first evidence record of alpha.x changed. */
function withRecord(change: (record: Record<string, unknown>) => void): FileValue {
  const file = fileOf(serializeAssessment(withEvidence));
  change(file.answers['alpha.x']!.modelEvidence![0]!);
  return file;
}

describe('assessment file version 4', () => {
  it('is the current version', () => {
    expect(ASSESSMENT_VERSION).toBe(4);
  });

  it('migrates a version 3 file by its version number alone: nothing else changes', () => {
    const v3 = { ...fileOf(serializeAssessment(plain)), version: 3 };
    const migrated = v3ToV4(v3);
    expect(migrated).toEqual({ ...v3, version: 4 });
    const once = migrateAssessment(v3);
    if (!once.ok) throw new Error('migration failed');
    expect(migrateAssessment(once.value)).toEqual(once);
  });

  it('reads a version 3 file unchanged otherwise, and writes no evidence key for it', () => {
    const text = serializeAssessment(plain);
    const v3Text = text.replace('"version": 4,', '"version": 3,');
    expect(v3Text).not.toBe(text);
    const parsed = parseAssessment(v3Text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(serializeAssessment(parsed.value)).toBe(text);
    expect(text).not.toContain('modelEvidence');
  });

  it('writes model evidence after the facts, every key in a fixed order, and reads it back byte for byte', () => {
    // Built with its keys in reverse order: the file's order must not depend on it.
    const reversed = Object.fromEntries(
      Object.entries(sampleEvidence()).reverse(),
    ) as ModelEvidence;
    const shuffled = makeAssessment(tinyRubric(), {
      ...plain.answers,
      'alpha.x': { ...plain.answers['alpha.x']!, modelEvidence: [reversed] },
    });
    const text = serializeAssessment(shuffled);
    expect(text).toBe(serializeAssessment(withEvidence));
    const answer = fileOf(text).answers['alpha.x']!;
    expect(Object.keys(answer)).toEqual(['value', 'evidence', 'notes', 'facts', 'modelEvidence']);
    expect(Object.keys(answer.modelEvidence![0]!)).toEqual([
      'task',
      'heldOut',
      'kind',
      'n',
      'folds',
      'keyMetric',
      'metrics',
      'deltas',
      'positive',
      'threshold',
      'bootstrap',
      'roc',
      'files',
      'computedAt',
      'suggestedLevel',
      'accepted',
    ]);
    expect(Object.keys(answer.modelEvidence![0]!.metrics as object)).toEqual([
      'accuracy',
      'f1',
      'auc',
    ]);
    const parsed = parseAssessment(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(serializeAssessment(parsed.value)).toBe(text);
    expect(parsed.value.answers['alpha.x']?.modelEvidence).toEqual([sampleEvidence()]);
  });

  it('writes no evidence key for an empty list', () => {
    const empty = makeAssessment(tinyRubric(), {
      ...plain.answers,
      'alpha.x': { ...plain.answers['alpha.x']!, modelEvidence: [] },
    });
    expect(serializeAssessment(empty)).toBe(serializeAssessment(plain));
  });

  it('refuses an empty task name and an overlong held-out set name, in English and Chinese', () => {
    expect(
      refusals(
        withRecord((r) => {
          r.task = '   ';
          r.heldOut = 'x'.repeat(201);
        }),
      ),
    ).toEqual([
      {
        path: 'answers.alpha.x.modelEvidence[0].task',
        code: 'text.empty',
        en: 'is empty',
        zh: '为空',
      },
      {
        path: 'answers.alpha.x.modelEvidence[0].heldOut',
        code: 'text.tooLong',
        en: 'is 201 characters long; the limit is 200',
        zh: '长度为 201 个字符，上限为 200',
      },
    ]);
  });

  it('refuses more evidence records, ROC points or files than the caps, and unknown keys', () => {
    const many = fileOf(serializeAssessment(withEvidence));
    const record = many.answers['alpha.x']!.modelEvidence![0]!;
    many.answers['alpha.x']!.modelEvidence = Array.from(
      { length: MAX_MODEL_EVIDENCE + 1 },
      () => record,
    );
    expect(refusals(many).map((p) => [p.path, p.code])).toEqual([
      ['answers.alpha.x.modelEvidence', 'list.tooLong'],
    ]);
    const longRoc = withRecord((r) => {
      const points = Array.from({ length: 102 }, (_, i) => i / 101);
      r.roc = { fpr: points, tpr: points };
    });
    expect(refusals(longRoc).map((p) => [p.path, p.code, p.en])).toEqual([
      [
        'answers.alpha.x.modelEvidence[0].roc.fpr',
        'list.tooLong',
        'has 102 entries; the limit is 101',
      ],
      [
        'answers.alpha.x.modelEvidence[0].roc.tpr',
        'list.tooLong',
        'has 102 entries; the limit is 101',
      ],
    ]);
    const extra = withRecord((r) => {
      r.rows = [['1', '0.9']];
    });
    expect(refusals(extra).map((p) => [p.path, p.code, p.zh])).toEqual([
      ['answers.alpha.x.modelEvidence[0]', 'keys.unknown', '含有本格式不认识的键："rows"'],
    ]);
  });

  it('refuses a digest that is not SHA-256 hex, a metric it does not know, and a negative count', () => {
    const found = refusals(
      withRecord((r) => {
        r.files = [{ role: 'predictions', name: 'model.csv', sha256: 'not-a-digest' }];
        r.metrics = {
          f1: { value: 0.8, low: 0.7, high: 0.9 },
          mcc: { value: 0.5, low: 0, high: 1 },
        };
        r.n = -3;
      }),
    ).map((p) => [p.path, p.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['answers.alpha.x.modelEvidence[0].files[0].sha256', 'value.invalid'],
        ['answers.alpha.x.modelEvidence[0].metrics', 'keys.unknown'],
        ['answers.alpha.x.modelEvidence[0].n', 'number.notAbove'],
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('refuses a suggested level that is not a level of the criterion, and accepting no level', () => {
    expect(
      refusals(
        withRecord((r) => {
          r.suggestedLevel = 7;
        }),
      ),
    ).toEqual([
      {
        path: 'answers.alpha.x.modelEvidence[0].suggestedLevel',
        code: 'evidence.notALevel',
        en: '7 is not a level of "alpha.x": must be one of 1, 2, 3, 4, 5',
        zh: '7 不是“alpha.x”的等级：只能是 1, 2, 3, 4, 5 之一',
      },
    ]);
    expect(
      refusals(
        withRecord((r) => {
          r.suggestedLevel = null;
        }),
      ),
    ).toEqual([
      {
        path: 'answers.alpha.x.modelEvidence[0].accepted',
        code: 'evidence.acceptedWithoutLevel',
        en: 'is accepted, but the evidence suggests no level',
        zh: '标记为已采纳，但这份证据没有对应的等级',
      },
    ]);
  });
});

describe('library summaries', () => {
  it('leave model evidence out, as they leave notes out: they stay about a kilobyte', () => {
    const now = '2026-11-29T11:00:00.000Z';
    const summary = summarize(newDraft(withEvidence, now), 'hash');
    expect(summary.answers['alpha.x']).toEqual({
      value: 4,
      evidence: 'verified',
      notes: '',
      facts: [],
    });
    expect(JSON.stringify(summary)).not.toContain('modelEvidence');
  });
});
