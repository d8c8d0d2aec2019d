// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDraft } from '../../src/core/draft';
import type { Assessment } from '../../src/core/schema';
import { I18nProvider } from '../../src/i18n/i18n-context';
import { ModelEvidenceSection } from '../../src/ui/components/evidence-lines';
import { DealEvidence } from '../../src/ui/deals/deal-evidence';
import { ReviewScreen } from '../../src/ui/review/review-screen';
import { answers, makeAssessment, tinyRubric } from '../helpers/fixtures';
import { sampleEvidence } from '../helpers/model-evidence';

/*
 * sampleEvidence: F1 0.87 (0.84–0.90), a gain of 0.052 (0.031 to 0.074), accepted
 * at value 4. On alpha.x (values 1–5) that is level 4; on alpha.z (values 0, 2, 10)
 * the value 10 is its third level.
 */
const LINE =
  'Contract clause classification: F1 0.870 (0.840–0.900), +5.2 points over the baseline (3.1 to 7.4) on held-out set “Customer A, March test set”';

function assessment(name: string): Assessment {
  const base = makeAssessment(
    tinyRubric(),
    answers({ 'alpha.x': [4, 'verified'], 'alpha.z': [10, 'estimated'], 'beta.p': [2, 'assumed'] }),
    { id: name, evaluator: { name, role: 'investor' } },
  );
  base.answers['alpha.x']!.modelEvidence = [sampleEvidence()];
  base.answers['alpha.z']!.modelEvidence = [
    sampleEvidence({ suggestedLevel: 10, accepted: false, deltas: null, task: 'Summaries' }),
  ];
  return base;
}

afterEach(cleanup);

describe('model evidence on the screens that show answers', () => {
  it('lists each criterion’s evaluations in the results, naming the level by its number', () => {
    render(
      <I18nProvider lang="en">
        <ModelEvidenceSection assessment={assessment('Ann')} />
      </I18nProvider>,
    );
    const section = screen.getByTestId('model-evidence');
    expect(within(section).getByRole('heading', { name: 'Model evidence' })).toBeInTheDocument();
    expect(section).toHaveTextContent(`${LINE} (level 4 accepted)`);
    expect(section).toHaveTextContent(
      'Summaries: F1 0.870 (0.840–0.900) on held-out set “Customer A, March test set” (supports level 3, not accepted)',
    );
    expect(within(section).queryByText('P')).toBeNull();
  });

  it('shows nothing in the results when no answer carries evidence', () => {
    const plain = makeAssessment(tinyRubric(), answers({ 'alpha.x': [4, 'verified'] }));
    render(
      <I18nProvider lang="en">
        <ModelEvidenceSection assessment={plain} />
      </I18nProvider>,
    );
    expect(screen.queryByTestId('model-evidence')).toBeNull();
  });

  it('puts the line under its answer in the review, in Chinese', () => {
    render(
      <I18nProvider lang="zh">
        <ReviewScreen
          draft={newDraft(assessment('Ann'), '2026-11-29T12:00:00.000Z')}
          onChange={vi.fn()}
          onChangeDealBreaker={vi.fn()}
          onBack={vi.fn()}
          onFinish={vi.fn()}
        />
      </I18nProvider>,
    );
    const row = screen.getByText('项目x', { selector: 'dt' }).closest('.summary-row')!;
    expect(row).toHaveTextContent(
      'Contract clause classification：F1 0.870（0.840–0.900），较基线 +5.2 个百分点（3.1 至 7.4），留出集“Customer A, March test set”（已采纳第 4 级）',
    );
  });

  it('gives each rater’s evaluations in the deal view, by criterion', () => {
    render(
      <I18nProvider lang="en">
        <DealEvidence rubric={tinyRubric()} assessments={[assessment('Ann'), assessment('Bo')]} />
      </I18nProvider>,
    );
    const section = screen.getByTestId('deal-evidence');
    const x = within(section).getByText('X', { selector: 'dt' }).parentElement!;
    expect(x).toHaveTextContent(`Ann (Investor)${LINE}`);
    expect(x).toHaveTextContent(`Bo (Investor)${LINE}`);
  });
});
