import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricsRequest } from '../../../src/core/metrics/compute-metrics';
import type { MetricsReport } from '../../../src/core/metrics/metrics-report';

const file = (name: string, text: string) => ({ name, text });
const quick = { seed: 3, resamples: 200 };

function report(request: MetricsRequest): MetricsReport {
  const outcome = computeMetrics({ bootstrap: quick, ...request });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}

function problems(request: MetricsRequest) {
  const outcome = computeMetrics({ bootstrap: quick, ...request });
  if (outcome.ok) throw new Error('expected problems');
  return outcome.problems.map(({ source, line, path, code }) => ({
    file: source,
    line: line ?? null,
    column: path === '(root)' ? null : path,
    code,
  }));
}

const table = (text: string, extra: Partial<Extract<MetricsRequest, { kind: 'table' }>> = {}) =>
  ({ kind: 'table', file: file('m.csv', text), ...extra }) as const;

describe('computeMetrics on classification files', () => {
  it('scores two unnamed classes with the second in sorted order as positive', () => {
    // ham < spam, so spam is positive. TP 1 (line 2), FN 1 (line 3), FP 1 (line 5), TN 2.
    const r = report(table('label,prediction\nspam,spam\nspam,ham\nham,ham\nham,spam\nham,ham\n'));
    expect(r.kind).toBe('classification');
    expect(r.positive).toEqual({ label: 'spam', rule: 'sorted' });
    // accuracy 3/5; precision 1/2; recall 1/2; F1 = 2·1 / (2 + 1 + 1) = 1/2
    expect(r.values).toEqual({ accuracy: 0.6, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.classification!.confusion).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(r.intervals.f1).not.toBeNull();
  });

  it('uses macro averages for three classes and names the classes never predicted', () => {
    // a→a, b→a, c→c, c→c: b is never predicted. Per class P/R/F1:
    // a 1/2, 1, 2/3; b undefined→0, 0, 0; c 1, 1, 1 → macro P = 1.5/3, R = 2/3, F1 = (2/3 + 1)/3 = 5/9
    const r = report(table('label,prediction\na,a\nb,a\nc,c\nc,c\n'));
    expect(r.positive).toBeNull();
    expect(r.values.precision).toBeCloseTo(0.5, 15);
    expect(r.values.recall).toBeCloseTo(2 / 3, 15);
    expect(r.values.f1).toBeCloseTo(5 / 9, 15);
    expect(r.notes).toContainEqual({ code: 'never-predicted', classes: ['b'] });
  });
});

describe('computeMetrics on score files', () => {
  const text = 'Label,Score\n1,0.9\n0,0.5\n1,0.5\n0,0.2\n1,0.3\n0,0.7\n';
  it('calls a score at or above the threshold positive, and ranks all scores for the AUC', () => {
    const r = report(table(text));
    // ≥ 0.5: lines 2, 3, 4, 7 → TP 2 (0.9, 0.5), FP 2 (0.5, 0.7), FN 1 (0.3), TN 1 (0.2)
    expect(r.values.accuracy).toBe(3 / 6);
    expect(r.values.precision).toBe(2 / 4);
    expect(r.values.recall).toBe(2 / 3);
    // pairs: 0.9 beats 3; 0.5 beats 0.2, ties 0.5 (½); 0.3 beats 0.2 → (3 + 1.5 + 1) / 9
    expect(r.values.auc).toBe(5.5 / 9);
    expect(r.threshold).toBe(0.5);
    const strict = report(table(text, { threshold: 0.6 }));
    // ≥ 0.6: TP 1 (0.9), FP 1 (0.7) → precision 1/2, recall 1/3
    expect([strict.values.precision, strict.values.recall]).toEqual([0.5, 1 / 3]);
  });

  it('says the AUC is undefined with one class, and leaves it null', () => {
    const r = report(table('label,score\n1,0.9\n1,0.4\n'));
    expect(r.values.auc).toBeNull();
    expect(r.intervals.auc).toBeNull();
    expect(r.roc).toBeNull();
    expect(r.notes).toContainEqual({ code: 'auc-undefined', missing: 'negative' });
  });

  it('gives each difference against a baseline with its interval; zero against itself', () => {
    const self = report(table(text, { baseline: file('b.csv', text) }));
    for (const d of Object.values(self.delta!)) expect(d).toEqual({ value: 0, low: 0, high: 0 });
    const weaker = 'label,score\n1,0.4\n0,0.5\n1,0.5\n0,0.2\n1,0.3\n0,0.7\n';
    const r = report(table(text, { baseline: file('b.csv', weaker) }));
    // the baseline moves line 2 from 0.9 to 0.4: its AUC is (1 + ½ + 1·1 + 1) / 9 → pairs:
    // 0.4 beats 0.2; 0.5 beats 0.2, ties 0.5; 0.3 beats 0.2 → (1 + 1.5 + 1) / 9 = 3.5/9
    expect(r.baseline!.auc).toBe(3.5 / 9);
    expect(r.delta!.auc!.value).toBeCloseTo(2 / 9, 15);
    expect(r.delta!.auc!.low).toBeLessThanOrEqual(r.delta!.auc!.high);
  });

  it('returns plain data that survives structured cloning (a Web Worker message)', () => {
    const r = report(table(text));
    expect(structuredClone(r)).toEqual(r);
  });
});

describe('computeMetrics on cross-validation files', () => {
  it('pools the rows, and gives each metric’s mean and sample sd over folds', () => {
    // fold 1: 1 of 2 right (0.5); fold 2: 2 of 2 (1.0); fold 3: 3 of 4 (0.75).
    // mean 0.75; sd = √((0.25² + 0.25² + 0²) / (3 − 1)) = 0.25; pooled 6 of 8 = 0.75
    const text = 'fold,label,prediction\n1,a,a\n1,b,a\n2,a,a\n2,b,b\n3,a,a\n3,b,b\n3,a,a\n3,b,a\n';
    const r = report(table(text));
    expect(r.kind).toBe('cross-validation');
    expect(r.values.accuracy).toBe(0.75);
    expect(r.folds!.perFold.map((f) => [f.fold, f.n, f.values.accuracy])).toEqual([
      ['1', 2, 0.5],
      ['2', 2, 1],
      ['3', 4, 0.75],
    ]);
    expect(r.folds!.summary.accuracy!.mean).toBe(0.75);
    expect(r.folds!.summary.accuracy!.sd).toBeCloseTo(0.25, 15);
  });

  it('compares with a baseline of the same rows and folds, and refuses one whose folds differ', () => {
    const model = 'fold,label,prediction\n1,a,a\n1,b,b\n2,a,a\n2,b,a\n';
    const base = 'fold,label,prediction\n1,a,b\n1,b,b\n2,a,a\n2,b,a\n';
    // model 3 of 4 right, baseline 2 of 4: the pooled accuracy difference is 0.25
    const r = report(table(model, { baseline: file('b.csv', base) }));
    expect(r.delta!.accuracy!.value).toBe(0.25);
    const shifted = 'fold,label,prediction\n1,a,a\n2,b,b\n2,a,a\n2,b,a\n';
    expect(problems(table(model, { baseline: file('b.csv', shifted) }))).toEqual([
      { file: 'b.csv', line: 3, column: 'fold', code: 'metrics.baselineFold' },
    ]);
  });

  it('leaves a fold’s undefined AUC out of the mean, says so, and has no sd for one fold', () => {
    const r = report(table('fold,label,score\nA,1,0.9\nA,0,0.1\nB,1,0.8\nB,1,0.7\n'));
    expect(r.folds!.summary.auc).toEqual({ mean: 1, sd: null, folds: 1 });
    expect(r.notes).toContainEqual({ code: 'fold-undefined', metric: 'auc', folds: ['B'] });
  });
});

describe('computeMetrics on text', () => {
  it('gives sacreBLEU’s corpus BLEU, and the difference against a baseline candidate', () => {
    const refs = [
      file('ref1.txt', 'The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n'),
      file(
        'ref2.txt',
        'The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n',
      ),
    ];
    const candidate = file(
      'hyp.txt',
      "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n",
    );
    const r = report({ kind: 'text', references: refs, candidate, baseline: refs[0]! });
    expect(r.n).toBe(3);
    expect(Math.abs(r.values.bleu! - 48.530827)).toBeLessThan(1e-6);
    // The first reference, as a candidate, matches itself in full: BLEU 100.
    expect(r.baseline!.bleu).toBeCloseTo(100, 10);
    expect(r.delta!.bleu!.value).toBe(r.values.bleu! - r.baseline!.bleu!);
    expect(report({ kind: 'text', references: [candidate], candidate }).values.bleu).toBeCloseTo(
      100,
      10,
    );
  });
});

describe('malformed files: file, line and problem', () => {
  it.each([
    ['', { line: null, column: null, code: 'file.empty' }],
    ['label,prediction\n', { line: 1, column: null, code: 'metrics.noRows' }],
    ['label,pred\na,a\n', { line: 1, column: null, code: 'metrics.noOutputColumn' }],
    ['y,prediction\na,a\n', { line: 1, column: null, code: 'metrics.noLabelColumn' }],
    [
      'label,prediction,score\na,a,1\n',
      { line: 1, column: null, code: 'metrics.predictionAndScore' },
    ],
    ['label,label,score\na,a,1\n', { line: 1, column: null, code: 'metrics.duplicateColumn' }],
    [
      'label,prediction\ncat,cat\ndog,dgo\n',
      { line: 3, column: 'prediction', code: 'metrics.unknownPrediction' },
    ],
    ['label,score\n1,0.5\n0,high\n', { line: 3, column: 'score', code: 'metrics.notANumber' }],
    ['label,score\n1,0.5\n,0.2\n', { line: 3, column: 'label', code: 'metrics.emptyValue' }],
    [
      'label,score\na,1\nb,2\nc,3\n',
      { line: null, column: 'label', code: 'metrics.tooManyClasses' },
    ],
    ['label,score\n1,0.5\n0\n', { line: 3, column: null, code: 'metrics.fieldCount' }],
  ])('%j', (text, expected) => {
    expect(problems(table(text))[0]).toEqual({ file: 'm.csv', ...expected });
  });

  it('refuses a baseline whose rows do not pair up, pointing at the baseline’s line', () => {
    const model = 'label,score\n1,0.9\n0,0.1\n';
    const check = (baseline: string) =>
      problems(table(model, { baseline: file('b.csv', baseline) }));
    expect(check('label,score\n1,0.5\n')).toEqual([
      { file: 'b.csv', line: null, column: null, code: 'metrics.baselineLength' },
    ]);
    expect(check('label,score\n1,0.5\n1,0.5\n')).toEqual([
      { file: 'b.csv', line: 3, column: 'label', code: 'metrics.baselineLabel' },
    ]);
    expect(check('label,prediction\n1,1\n0,0\n')).toEqual([
      { file: 'b.csv', line: 1, column: null, code: 'metrics.baselineKind' },
    ]);
    expect(check('label,score\n1,x\n0,0.1\n')).toEqual([
      { file: 'b.csv', line: 2, column: 'score', code: 'metrics.notANumber' },
    ]);
  });

  it('refuses a positive class that is not a label, and a threshold that is not finite', () => {
    expect(problems(table('label,score\n1,0.9\n0,0.1\n', { positive: 'yes' }))[0]!.code).toBe(
      'metrics.unknownPositive',
    );
    expect(problems(table('label,score\n1,0.9\n', { threshold: NaN }))[0]!.code).toBe(
      'metrics.badThreshold',
    );
  });

  it('refuses text files of different lengths, and an empty candidate', () => {
    const ref = file('ref.txt', 'a b c\nd e f\n');
    expect(
      problems({ kind: 'text', references: [ref], candidate: file('hyp.txt', 'a b c\n') }),
    ).toEqual([{ file: 'ref.txt', line: 2, column: null, code: 'metrics.lineCount' }]);
    expect(problems({ kind: 'text', references: [ref], candidate: file('hyp.txt', '') })).toEqual([
      { file: 'hyp.txt', line: null, column: null, code: 'file.empty' },
    ]);
    expect(problems({ kind: 'text', references: [], candidate: ref })[0]!.code).toBe(
      'metrics.noReferences',
    );
  });
});
