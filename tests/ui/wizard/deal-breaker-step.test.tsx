// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DealBreakerAnswer, Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { DealBreakerStep } from '../../../src/ui/wizard/deal-breaker-step';
import { stagedRubric } from '../../helpers/staged-rubric';

/*
 * stagedRubric's deal-breakers: "ip" (Is all IP assigned to the company?) walks away on
 * "no" and caps at the lowest band, Low; "runway" (Is runway under 3 months?) walks away
 * on "yes" and caps at Mid.
 */
const rubric = stagedRubric();

function renderStep({
  answers = {} as Record<string, DealBreakerAnswer>,
  lang = 'en' as Lang,
  focusQuestion = undefined as string | undefined,
  returnToReview = false,
} = {}) {
  const onAnswer = vi.fn<(id: string, answer: DealBreakerAnswer | null) => void>();
  const onContinue = vi.fn();
  const onBack = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <DealBreakerStep
        questions={rubric.dealBreakers!}
        bands={rubric.bands}
        answers={answers}
        returnToReview={returnToReview}
        focusQuestion={focusQuestion}
        onAnswer={onAnswer}
        onBack={onBack}
        onContinue={onContinue}
      />
    </I18nProvider>,
  );
  return { onAnswer, onContinue, onBack, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the deal-breaker step', () => {
  it('asks each question as a yes/no radio group described by why it matters', () => {
    renderStep();
    expect(screen.getByRole('heading', { level: 1, name: 'Deal-breakers' })).toHaveFocus();
    expect(document.title).toBe('Deal-breakers — Moatscore');
    const ip = screen.getByRole('group', { name: /Is all IP assigned to the company\?/ });
    expect(ip).toHaveAccessibleDescription('Why it matters: Unassigned IP.');
    expect(
      within(ip)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['yes', 'no']);
    expect(within(ip).getByRole('radio', { name: 'Yes' })).not.toBeChecked();
    expect(screen.getByRole('group', { name: /Is runway under 3 months\?/ })).toBeVisible();
    expect(screen.getByText('Deal-breakers · 0 of 2 answered')).toBeInTheDocument();
  });

  it('saves each answer at once, and can clear one', async () => {
    const { user, onAnswer } = renderStep();
    const ip = screen.getByRole('group', { name: /Is all IP assigned/ });
    await user.click(within(ip).getByRole('radio', { name: 'No' }));
    expect(onAnswer).toHaveBeenLastCalledWith('ip', 'no');
    cleanup();
    const again = renderStep({ answers: { ip: 'no' } });
    await again.user.click(screen.getByRole('button', { name: /Clear the answer/ }));
    expect(again.onAnswer).toHaveBeenLastCalledWith('ip', null);
  });

  it('says which answers cap the verdict, and at which band', () => {
    renderStep({ answers: { ip: 'no', runway: 'yes' } });
    const ip = screen.getByRole('group', { name: /Is all IP assigned/ });
    const runway = screen.getByRole('group', { name: /Is runway under 3 months/ });
    expect(within(ip).getByRole('radio', { name: 'No' })).toBeChecked();
    expect(ip).toHaveTextContent('This answer caps the verdict at “Low”.');
    expect(runway).toHaveTextContent('This answer caps the verdict at “Mid”.');
    expect(screen.getByText('Deal-breakers · 2 of 2 answered')).toBeInTheDocument();
    cleanup();
    // The other answers walk nobody away.
    renderStep({ answers: { ip: 'yes', runway: 'no' } });
    expect(screen.queryByText(/This answer caps the verdict/)).toBeNull();
  });

  it('continues to the review, or goes back, by its buttons', async () => {
    const { user, onContinue, onBack } = renderStep();
    await user.click(screen.getByRole('button', { name: 'Continue to review' }));
    expect(onContinue).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledTimes(1);
    cleanup();
    renderStep({ returnToReview: true });
    expect(screen.getByRole('button', { name: 'Save and return to review' })).toBeVisible();
  });

  it('gives focus to the question a Change link asked for', () => {
    renderStep({ answers: { runway: 'no' }, focusQuestion: 'runway' });
    const runway = screen.getByRole('group', { name: /Is runway under 3 months/ });
    expect(within(runway).getByRole('radio', { name: 'No' })).toHaveFocus();
  });

  it('speaks Chinese', () => {
    renderStep({ lang: 'zh', answers: { ip: 'no' } });
    expect(screen.getByRole('heading', { level: 1, name: '一票否决项' })).toBeVisible();
    const ip = screen.getByRole('group', { name: /知识产权是否已全部归属公司？/ });
    expect(within(ip).getByRole('radio', { name: '否' })).toBeChecked();
    expect(ip).toHaveTextContent('按此作答，结论最高为“低”。');
    expect(screen.getByText('一票否决项 · 已回答 1/2 题')).toBeInTheDocument();
  });
});
