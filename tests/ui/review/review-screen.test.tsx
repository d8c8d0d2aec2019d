// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDraft } from '../../../src/core/draft';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { ReviewScreen } from '../../../src/ui/review/review-screen';
import { makeAssessment } from '../../helpers/fixtures';
import { stagedRubric } from '../../helpers/staged-rubric';

const assessment = makeAssessment(
  stagedRubric(),
  {
    'alpha.x': { value: 2, evidence: 'verified', notes: '', facts: ['x1a', 'x1b', 'x2a'] },
    'alpha.y': { value: 3, evidence: 'estimated', notes: 'y note', facts: [] },
  },
  { dealBreakers: { ip: 'no' } },
);

function show(lang: Lang = 'en') {
  const onChange = vi.fn();
  const onChangeDealBreaker = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <ReviewScreen
        draft={newDraft(assessment, '2026-11-29T12:00:00.000Z')}
        onChange={onChange}
        onChangeDealBreaker={onChangeDealBreaker}
        onBack={() => {}}
        onFinish={() => {}}
      />
    </I18nProvider>,
  );
  return { onChange, onChangeDealBreaker, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the review', () => {
  it('shows how many facts were ticked for an answer', () => {
    show();
    const row = (name: string) =>
      screen
        .getAllByRole('term')
        .find((dt) => dt.textContent === name)!
        .closest('.summary-row');
    expect(row('X')).toHaveTextContent('Facts ticked: 3');
    expect(row('Y')).toHaveTextContent('y note');
    expect(row('Y')).not.toHaveTextContent('Facts ticked');
  });

  it('lists every deal-breaker answer, open ones too, each with its Change link', async () => {
    const { user, onChangeDealBreaker } = show();
    const list = screen.getByTestId('review-deal-breakers');
    const rows = within(list)
      .getAllByRole('term')
      .map((dt) => dt.closest('.summary-row')!.textContent);
    expect(rows).toEqual([
      'Is all IP assigned to the company?Nocaps the verdictChange Is all IP assigned to the company?',
      'Is runway under 3 months?Not answeredAnswer Is runway under 3 months?',
    ]);
    await user.click(within(list).getByRole('button', { name: /^Answer.*runway/ }));
    expect(onChangeDealBreaker).toHaveBeenLastCalledWith('runway');
    await user.click(within(list).getByRole('button', { name: /^Change.*IP assigned/ }));
    expect(onChangeDealBreaker).toHaveBeenLastCalledWith('ip');
  });

  it('speaks Chinese', () => {
    show('zh');
    expect(screen.getByRole('heading', { name: '一票否决项' })).toBeVisible();
    expect(screen.getByText('已勾选事实：3 项')).toBeVisible();
  });
});
