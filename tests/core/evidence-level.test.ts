import { describe, expect, it } from 'vitest';
import {
  levelSupportedByEvidence,
  thresholdConditions,
  type EvidenceFigures,
} from '../../src/core/evidence-level';
import { listCriteria } from '../../src/core/rubric-index';
import type { Criterion, Rubric } from '../../src/core/schema';
import { validateRubric } from '../../src/core/validate-rubric';
import { problemText } from '../../src/i18n/problem-text';
import { loadRubric, tinyRubric } from '../helpers/fixtures';

const PRESETS = ['rubrics/ai-startup-founder.json', 'rubrics/ai-startup-investor.json'];
const criterionOf = (rubric: Rubric, id: string): Criterion =>
  listCriteria(rubric).find((e) => e.fullId === id)!.criterion;

/** Figures as a file would give them: fractions for F1, BLEU on 0–100. */
function figures(
  n: number,
  gain: { value: number; low: number } | null,
  keyMetric: EvidenceFigures['keyMetric'] = 'f1',
): EvidenceFigures {
  const value = keyMetric === 'bleu' ? 30 : 0.87;
  return {
    keyMetric,
    n,
    metrics: { [keyMetric]: { value, low: value - 0.03, high: value + 0.03 } },
    deltas: gain === null ? null : { [keyMetric]: { ...gain, high: gain.value + 0.02 } },
  };
}

describe.each(PRESETS)('%s: the algorithm criterion’s thresholds', (file) => {
  const rubric = loadRubric(file);
  const algorithms = criterionOf(rubric, 'differentiation.algorithms');
  const supported = (evidence: EvidenceFigures) =>
    levelSupportedByEvidence(algorithms, evidence)?.value ?? null;

  it('state exactly what the descriptors say, in both languages', () => {
    const [l1, l2, l3, l4, l5] = algorithms.levels;
    expect(l1!.evidenceThreshold).toBeUndefined();
    expect(l2!.descriptor.en).toContain('with at least 500 test examples');
    expect(l2!.descriptor.zh).toContain('测试集至少 500 条样本');
    expect(l2!.descriptor.en).toContain(
      'the baseline (e.g. the untuned base model) has been scored',
    );
    expect(l2!.evidenceThreshold).toMatchObject({ minItems: 500, baseline: true });
    expect(l3!.descriptor.en).toContain(
      'beats the baseline on the key metric on the held-out test set',
    );
    expect(l3!.descriptor.zh).toContain('在独立测试集的关键指标上胜过基线');
    expect(l3!.evidenceThreshold).toMatchObject({ baseline: true, lowerBoundAboveZero: true });
    expect(l4!.descriptor.en).toContain(
      'the gain over the baseline is at least 5 points of F1 (or of the equivalent key metric)',
    );
    expect(l4!.descriptor.zh).toContain(
      '相对基线的提升至少达到 5 个百分点的 F1（或等效的关键指标）',
    );
    expect(l4!.evidenceThreshold).toMatchObject({ delta: 5 });
    // "at least 3 customers" and a release gate: nothing one evaluation file shows.
    expect(l5!.evidenceThreshold).toBeUndefined();
    // The key metrics level 1 names: accuracy, precision/recall, F1, AUC or BLEU.
    expect(l1!.descriptor.en).toContain('(accuracy, precision/recall, F1, AUC or BLEU)');
    for (const level of [l2, l3, l4])
      expect(level!.evidenceThreshold!.metrics).toEqual([
        'accuracy',
        'precision',
        'recall',
        'f1',
        'auc',
        'bleu',
      ]);
  });

  it('supports level 4 for a 5.2-point F1 gain whose interval (3.1 to 7.4) is above zero on 1,200 items', () => {
    expect(supported(figures(1200, { value: 0.052, low: 0.031 }))).toBe(4);
  });

  it('supports level 3 for a 4.1-point gain: above zero, below 5', () => {
    expect(supported(figures(1200, { value: 0.041, low: 0.012 }))).toBe(3);
  });

  it('supports level 2 when the gain’s interval reaches below zero, however large the gain', () => {
    expect(supported(figures(1200, { value: 0.06, low: -0.004 }))).toBe(2);
  });

  it('counts exactly 5 points as at least 5, and 4.99 as not', () => {
    expect(supported(figures(800, { value: 0.05, low: 0.01 }))).toBe(4);
    expect(supported(figures(800, { value: 0.0499, low: 0.01 }))).toBe(3);
  });

  it('supports nothing below 500 items or without a baseline, whatever the gain', () => {
    expect(supported(figures(499, { value: 0.2, low: 0.1 }))).toBeNull();
    expect(supported(figures(500, { value: 0.2, low: 0.1 }))).toBe(4);
    expect(supported(figures(5000, null))).toBeNull();
  });

  it('reads BLEU gains in BLEU points: +5.0 BLEU is 5 points, +0.06 BLEU is not', () => {
    expect(supported(figures(600, { value: 5, low: 2 }, 'bleu'))).toBe(4);
    expect(supported(figures(600, { value: 0.06, low: 0.01 }, 'bleu'))).toBe(3);
  });

  it('says which condition failed and what was found', () => {
    const l4 = algorithms.levels[3]!.evidenceThreshold!;
    expect(thresholdConditions(l4, figures(1200, { value: 0.041, low: 0.012 }))).toEqual([
      {
        kind: 'metric',
        met: true,
        metrics: ['accuracy', 'precision', 'recall', 'f1', 'auc', 'bleu'],
        found: 'f1',
      },
      { kind: 'baseline', met: true },
      { kind: 'delta', met: false, required: 5, found: expect.closeTo(4.1, 9) as number },
    ]);
  });
});

describe.each(PRESETS)('%s: the technology criterion’s threshold', (file) => {
  const technology = criterionOf(loadRubric(file), 'market.technology');

  it('is level 2’s working prototype on realistic inputs: any key metric measured, nothing above', () => {
    const l2 = technology.levels[1]!;
    expect(l2.descriptor.en).toContain(
      'a working prototype shows the technology doing the core task on realistic inputs',
    );
    expect(technology.levels.filter((l) => l.evidenceThreshold !== undefined)).toEqual([l2]);
    expect(levelSupportedByEvidence(technology, figures(40, null))?.value).toBe(2);
    expect(levelSupportedByEvidence(technology, figures(40, null, 'bleu'))?.value).toBe(2);
  });

  it('needs a figure for the key metric the rater named', () => {
    const noFigure: EvidenceFigures = { ...figures(40, null), keyMetric: 'auc' };
    expect(levelSupportedByEvidence(technology, noFigure)).toBeNull();
  });
});

describe('levelSupportedByEvidence on a rubric of its own', () => {
  /** The tiny rubric's alpha.x, with thresholds on levels 2 and 4 only. */
  function withThresholds(l2: object, l4: object): Criterion {
    const rubric = structuredClone(tinyRubric());
    const x = rubric.sections[0]!.criteria[0]!;
    x.levels[1]!.evidenceThreshold = { metrics: ['auc'], ...l2 };
    x.levels[3]!.evidenceThreshold = { metrics: ['auc'], ...l4 };
    return x;
  }
  const auc = (value: number): EvidenceFigures => ({
    keyMetric: 'auc',
    n: 100,
    metrics: { auc: { value, low: null, high: null } },
    deltas: null,
  });

  it('reads a minimum in points (AUC 0.80 is 80) and skips levels without a threshold', () => {
    const x = withThresholds({ min: 70 }, { min: 80 });
    expect(levelSupportedByEvidence(x, auc(0.8))?.value).toBe(4);
    expect(levelSupportedByEvidence(x, auc(0.79))?.value).toBe(2);
    expect(levelSupportedByEvidence(x, auc(0.69))).toBeNull();
  });

  it('stops at the first threshold missed, even when a higher one is met', () => {
    const x = withThresholds({ minItems: 1000 }, { min: 50 });
    expect(levelSupportedByEvidence(x, auc(0.9))).toBeNull();
  });

  it('gives no level for a key metric the threshold does not name, or a criterion without thresholds', () => {
    const x = withThresholds({ min: 10 }, { min: 20 });
    const f1: EvidenceFigures = {
      keyMetric: 'f1',
      n: 100,
      metrics: { f1: { value: 0.9, low: null, high: null } },
      deltas: null,
    };
    expect(levelSupportedByEvidence(x, f1)).toBeNull();
    expect(levelSupportedByEvidence(tinyRubric().sections[0]!.criteria[1]!, f1)).toBeNull();
  });
});

describe('evidence thresholds in a rubric file', () => {
  const problemsOf = (edit: (rubric: Rubric) => void) => {
    const rubric = structuredClone(tinyRubric());
    edit(rubric);
    const checked = validateRubric(rubric);
    if (checked.ok) throw new Error('expected problems');
    return checked.problems.map((p) => ({
      path: p.path,
      code: p.code,
      en: problemText(p, 'en'),
      zh: problemText(p, 'zh'),
    }));
  };
  const x = (rubric: Rubric) => rubric.sections[0]!.criteria[0]!;

  it('refuses a metric named twice, and a higher level asking for a smaller gain', () => {
    expect(
      problemsOf((rubric) => {
        x(rubric).levels[2]!.evidenceThreshold = { metrics: ['f1', 'auc', 'f1'], delta: 5 };
        x(rubric).levels[3]!.evidenceThreshold = { metrics: ['f1'], delta: 3 };
      }),
    ).toEqual([
      {
        path: 'sections[0](alpha).criteria[0](x).levels[2].evidenceThreshold.metrics[2]',
        code: 'rubric.thresholdMetricTwice',
        en: 'the metric "f1" is listed twice',
        zh: '指标“f1”列出了两次',
      },
      {
        path: 'sections[0](alpha).criteria[0](x).levels[3].evidenceThreshold.delta',
        code: 'rubric.thresholdFalls',
        en: 'delta 3 is below the 5 of a lower level: a higher level cannot ask for less',
        zh: 'delta 为 3，低于较低等级的 5：更高的等级不能要求更低',
      },
    ]);
  });

  it('refuses an unknown metric, no metric, a zero gain and a minimum above 100 points', () => {
    const found = problemsOf((rubric) => {
      x(rubric).levels[1]!.evidenceThreshold = JSON.parse(
        '{ "metrics": ["mcc"], "delta": 0, "min": 101 }',
      ) as never;
      x(rubric).levels[2]!.evidenceThreshold = { metrics: [] };
    }).map((p) => [p.path.replace('sections[0](alpha).criteria[0](x).', ''), p.code]);
    expect(found).toEqual([
      ['levels[1].evidenceThreshold.metrics[0]', 'value.notOneOf'],
      ['levels[1].evidenceThreshold.min', 'number.tooLarge'],
      ['levels[1].evidenceThreshold.delta', 'number.notAbove'],
      ['levels[2].evidenceThreshold.metrics', 'list.tooShort'],
    ]);
  });

  it('passes in both shipped presets', () => {
    for (const file of PRESETS) expect(validateRubric(loadRubric(file)).ok).toBe(true);
  });
});
