// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import 'vitest-canvas-mock';
import { webcrypto } from 'node:crypto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunJob } from '../../../src/adapters/compute-evidence';
import { runEvidenceJob } from '../../../src/adapters/evidence-job';
import { listCriteria } from '../../../src/core/rubric-index';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { EMPTY_STEP, type StepForm } from '../../../src/ui/wizard/step-form-schema';
import { WizardStep } from '../../../src/ui/wizard/wizard-step';
import { loadRubric } from '../../helpers/fixtures';

// jsdom's SubtleCrypto refuses its own File's bytes: Node's WebCrypto, as in share.test.tsx.
Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

// jsdom has no Worker: the job runs in the test's thread, the same code the worker runs.
vi.mock('../../../src/adapters/compute-evidence', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/adapters/compute-evidence')>();
  const inThread: RunJob = (job) => runEvidenceJob(job);
  return {
    ...actual,
    computeEvidence: (...[request, , signal]: Parameters<typeof actual.computeEvidence>) =>
      actual.computeEvidence(request, inThread, signal),
  };
});

const rubric = loadRubric('rubrics/ai-startup-founder.json');
const entries = listCriteria(rubric);
const ALGORITHMS = entries.findIndex((e) => e.fullId === 'differentiation.algorithms');

/**
 * 600 items, 300 positive ("1"). The model gets 270 positives and 270
 * negatives right; the baseline 240 and 240. By hand: the model's precision
 * and recall are 270 / 300 = 0.9, so F1 = 0.9; the baseline's F1 = 0.8; the
 * gain is 0.1, 10 points, far above zero on 600 items.
 */
function csv(rightPerClass: number): string {
  const rows = Array.from({ length: 600 }, (_, i) => {
    const label = i < 300 ? 1 : 0;
    const right = i % 300 < rightPerClass;
    return `${label},${right ? label : 1 - label}`;
  });
  return `label,prediction\n${rows.join('\n')}\n`;
}

function renderStep(lang: Lang = 'en', initial: StepForm = EMPTY_STEP) {
  const onChange = vi.fn<(values: StepForm) => void>();
  const entry = entries[ALGORITHMS]!;
  render(
    <I18nProvider lang={lang}>
      <WizardStep
        entry={entry}
        index={ALGORITHMS}
        total={entries.length}
        sectionIndex={2}
        sectionSize={6}
        stage="seed"
        initial={initial}
        returnToReview={false}
        onChange={onChange}
        onBack={vi.fn()}
        onContinue={vi.fn()}
      />
    </I18nProvider>,
  );
  return { onChange, user: userEvent.setup() };
}

afterEach(cleanup);

describe('adding model evidence on the algorithm step', () => {
  it('computes the card from chosen CSVs, suggests level 4, and records it verified only on Accept', async () => {
    const { onChange, user } = renderStep();
    await user.click(await screen.findByRole('button', { name: 'Add model evidence' }));
    await user.upload(
      screen.getByLabelText('Model’s predictions (CSV)'),
      new File([csv(270)], 'model.csv', { type: 'text/csv' }),
    );
    await user.upload(
      screen.getByLabelText(/Baseline’s predictions \(CSV\)/),
      new File([csv(240)], 'baseline.csv', { type: 'text/csv' }),
    );
    await user.type(screen.getByLabelText('Task'), 'Clause classification');
    await user.type(screen.getByLabelText('Held-out set'), 'Customer A test set');
    await user.click(screen.getByRole('button', { name: 'Compute the metrics' }));

    const card = await screen.findByTestId('metrics-card');
    const f1 = within(card).getByRole('row', { name: /^F1/ });
    expect(f1).toHaveTextContent('0.900');
    expect(f1).toHaveTextContent('0.800');
    expect(f1).toHaveTextContent('+10.0');
    expect(within(card).getByTestId('confusion-matrix')).toHaveTextContent('270');
    expect(screen.getByTestId('evidence-level')).toHaveTextContent(
      'They meet the measured thresholds up to level 4 · Customer-verified.',
    );
    // Nothing is chosen before the rater accepts.
    expect(screen.getAllByRole('radio', { checked: true })).toEqual([
      screen.getByRole('radio', { name: /Predicted classes or scores/ }),
    ]);
    expect(onChange).not.toHaveBeenCalled();

    await user.click(
      screen.getByRole('button', { name: 'Accept level 4 and mark the evidence verified' }),
    );
    const values = onChange.mock.lastCall![0];
    expect(values.value).toBe(4);
    expect(values.evidence).toBe('verified');
    expect(values.modelEvidence).toHaveLength(1);
    expect(values.modelEvidence[0]).toMatchObject({
      task: 'Clause classification',
      heldOut: 'Customer A test set',
      kind: 'classification',
      n: 600,
      keyMetric: 'f1',
      positive: '1',
      suggestedLevel: 4,
      accepted: true,
      files: [
        { role: 'predictions', name: 'model.csv' },
        { role: 'baseline', name: 'baseline.csv' },
      ],
    });
    expect(values.modelEvidence[0]!.metrics.f1!.value).toBe(0.9);
    expect(values.modelEvidence[0]!.deltas!.f1!.value).toBe(0.1);
    expect(values.modelEvidence[0]!.deltas!.f1!.low).toBeGreaterThan(0);
    expect(
      await screen.findByText(/Level 4 is chosen and the answer’s evidence is marked verified/),
    ).toHaveFocus();
    expect(screen.getByTestId('recorded-evidence')).toHaveTextContent(
      'Clause classification: F1 0.900',
    );
    const levelGroup = screen.getByRole('group', { name: /Which level best describes/ });
    expect(within(levelGroup).getAllByRole('radio')[3]).toBeChecked();
    expect(screen.getByRole('radio', { name: /^verified/ })).toBeChecked();

    // The rater moves the answer to level 2: the figures stay, but no longer back it as accepted.
    await user.click(within(levelGroup).getAllByRole('radio')[1]!);
    const moved = onChange.mock.lastCall![0];
    expect(moved.value).toBe(2);
    expect(moved.modelEvidence[0]).toMatchObject({ suggestedLevel: 4, accepted: false });
    expect(moved.modelEvidence[0]!.metrics.f1!.value).toBe(0.9);
  });

  it('records the figures alone, leaving the level and the evidence tag as they were', async () => {
    const { onChange, user } = renderStep();
    await user.click(await screen.findByRole('button', { name: 'Add model evidence' }));
    await user.upload(
      screen.getByLabelText('Model’s predictions (CSV)'),
      new File([csv(270)], 'model.csv'),
    );
    await user.type(screen.getByLabelText('Task'), 'T');
    await user.type(screen.getByLabelText('Held-out set'), 'H');
    await user.click(screen.getByRole('button', { name: 'Compute the metrics' }));
    // Without a baseline, not even level 2 (a baseline scored on the same items) holds.
    expect(await screen.findByTestId('evidence-level')).toHaveTextContent(
      'They meet no level’s threshold.',
    );
    expect(screen.queryByRole('button', { name: /^Accept/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Record the figures only' }));
    const values = onChange.mock.lastCall![0];
    expect([values.value, values.evidence]).toEqual([null, null]);
    expect(values.modelEvidence[0]).toMatchObject({ suggestedLevel: null, accepted: false });
  });

  it('lists what is wrong with a file, in Chinese, and asks for the names first', async () => {
    const { user } = renderStep('zh');
    await user.click(await screen.findByRole('button', { name: '添加模型证据' }));
    await user.click(screen.getByRole('button', { name: '计算指标' }));
    expect(screen.getByLabelText('模型的预测结果（CSV）')).toHaveFocus();
    expect(screen.getByText('请填写任务名称')).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('模型的预测结果（CSV）'),
      new File(['label,score\n1,0.9\n0,high\n'], 'bad.csv'),
    );
    await user.type(screen.getByLabelText('任务'), '分类');
    await user.type(screen.getByLabelText('留出集'), '测试集');
    await user.click(screen.getByRole('button', { name: '计算指标' }));
    expect(await screen.findByTestId('problem-list')).toHaveTextContent(
      'bad.csv:3: score: 分数“high”不是数字',
    );
  });
});
