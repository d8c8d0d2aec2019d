// @vitest-environment jsdom
import 'vitest-canvas-mock';
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newDraft } from '../../../src/core/draft';
import type { Assessment } from '../../../src/core/schema';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import ResultsScreen from '../../../src/ui/results/results-screen';
import { answers, makeAssessment, tinyRubric } from '../../helpers/fixtures';
import { stagedRubric } from '../../helpers/staged-rubric';

/*
 * stagedRubric() at seed (see tests/core/stage-expectation.test.ts): expectations
 * x 3 · y 2 · z 2 · p 4 · q 2; stage band "mid" (line 40); bands Low · Mid · High.
 * Answers x 4 · y 3 · z 2 (of 0, 2, 10) · p 5 · q 1: percents 75 · 50 · 20 · 100 · 0,
 * T = 0.6 · 56.5 + 0.4 · 75 = 63.9; expected percents 50 · 25 · 20 · 75 · 25, so the
 * bar B = 0.6 · 36.5 + 0.4 · 62.5 = 46.9; reading R = 40 + 60 · (63.9 − 46.9) / 53.1 = 59.2.
 * Standing: x, y, p one level ahead, z at, q one level behind.
 */
const caseA = (dealBreakers: Assessment['dealBreakers'] = {}) =>
  makeAssessment(
    stagedRubric(),
    answers({
      'alpha.x': [4, 'assumed'],
      'alpha.y': [3, 'estimated'],
      'alpha.z': [2, 'verified'],
      'beta.p': [5, 'verified'],
      'beta.q': [1, 'assumed'],
    }),
    { dealBreakers },
  );

function show(assessment: Assessment, lang: Lang = 'en') {
  const onAnswerDealBreakers = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <ResultsScreen
        draft={{
          ...newDraft(assessment, '2026-11-29T12:00:00.000Z'),
          position: { screen: 'results' },
        }}
        others={[]}
        store={null}
        onReview={() => {}}
        onAnswerDealBreakers={onAnswerDealBreakers}
        onReplace={() => {}}
        onHome={() => {}}
      />
    </I18nProvider>,
  );
  return { onAnswerDealBreakers };
}

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').at(-1)!.textContent);

describe('results against the stage', () => {
  it('reads the verdict from the stage reading, and says so', () => {
    show(caseA({ ip: 'yes', runway: 'no' }));
    expect(screen.getByTestId('overall-score')).toHaveTextContent('63.9 / 100');
    expect(screen.getByTestId('verdict-label')).toHaveTextContent('Verdict against Seed:');
    expect(screen.getByTestId('verdict')).toHaveTextContent('Mid');
    const reading = screen.getByTestId('stage-reading');
    expect(reading).toHaveTextContent('Against Seed');
    expect(reading).toHaveTextContent('Stage reading 59.2');
    expect(reading).toHaveTextContent('the bar counts as 40.0, where “Mid” begins');
    expect(reading).toHaveTextContent('Stage bar 46.9');
    expect(reading).toHaveTextContent('3 criteria ahead of the stage, 1 at it, 1 behind it.');
    expect(reading).toHaveTextContent('Behind: Q');
    expect(screen.queryByTestId('red-flags')).toBeNull();
    expect(screen.queryByTestId('open-deal-breakers')).toBeNull();
    expect(screen.queryByTestId('verdict-provisional')).toBeNull();
  });

  it('has a stage column in each section table', () => {
    show(caseA());
    const alpha = screen.getByTestId('criteria-alpha');
    expect(within(alpha).getAllByRole('columnheader').at(-1)).toHaveTextContent('Against Seed');
    expect(rowsOf('criteria-alpha')).toEqual([
      '▲ Ahead by 1 level (expected: level 3)',
      '▲ Ahead by 1 level (expected: level 2)',
      '● At the expectation (expected: level 2)',
    ]);
    expect(rowsOf('criteria-beta')).toEqual([
      '▲ Ahead by 1 level (expected: level 4)',
      '▼ Behind by 1 level (expected: level 2)',
    ]);
    // The mark repeats the words for sight; assistive technology reads the words alone.
    const mark = within(alpha).getAllByText('▲')[0]!;
    expect(mark).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('deal-breakers on the results', () => {
  it('lists a walk-away answer with the red flags, with why, and caps the verdict', () => {
    // "ip" answered "no" caps at the lowest band: Mid by the stage reading becomes Low.
    show(caseA({ ip: 'no', runway: 'no' }));
    expect(screen.getByTestId('verdict')).toHaveTextContent('Low');
    expect(screen.getByText('(capped by a deal-breaker)')).toBeInTheDocument();
    const flags = screen.getByTestId('red-flags');
    expect(within(flags).queryByTestId('knockouts')).toBeNull();
    const listed = within(within(flags).getByTestId('deal-breaker-flags')).getAllByRole('listitem');
    expect(listed.map((li) => li.textContent)).toEqual([
      'Is all IP assigned to the company? Answered “no”: caps the verdict at “Low”.Unassigned IP.',
    ]);
    expect(
      flags.compareDocumentPosition(screen.getByTestId('overall-score')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('caps only down to the answer’s band: runway caps at Mid, where the reading already is', () => {
    show(caseA({ ip: 'yes', runway: 'yes' }));
    expect(screen.getByTestId('verdict')).toHaveTextContent('Mid');
    expect(screen.getByTestId('deal-breaker-flags')).toHaveTextContent(
      'Answered “yes”: caps the verdict at “Mid”.',
    );
  });

  it('shows unanswered questions as a to-do and calls the verdict provisional', async () => {
    const { onAnswerDealBreakers } = show(caseA({ ip: 'yes' }));
    expect(screen.getByTestId('verdict-provisional')).toHaveTextContent(
      'Provisional until the deal-breaker questions are answered (1 open).',
    );
    const todo = screen.getByTestId('open-deal-breakers');
    expect(
      within(todo)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Is runway under 3 months?']);
    await userEvent.click(
      within(todo).getByRole('button', { name: 'Answer the deal-breaker questions' }),
    );
    expect(onAnswerDealBreakers).toHaveBeenCalledTimes(1);
  });

  it('names both causes when a knock-out and a deal-breaker cap the verdict', () => {
    // y at level 1 is below its knock-out (2): a red flag as well as the "ip" answer.
    const assessment = caseA({ ip: 'no', runway: 'no' });
    assessment.answers['alpha.y'] = { value: 1, evidence: 'verified', notes: '', facts: [] };
    show(assessment);
    expect(screen.getByText('(capped by a red flag and a deal-breaker)')).toBeInTheDocument();
    expect(screen.getByTestId('knockouts')).toHaveTextContent('Y');
    expect(screen.getByTestId('deal-breaker-flags')).toHaveTextContent('Is all IP assigned');
  });
});

describe('in Chinese', () => {
  it('uses the Chinese terms for the stage, the standing and the deal-breakers', () => {
    show(caseA({ ip: 'no' }), 'zh');
    expect(screen.getByTestId('verdict-label')).toHaveTextContent('对照种子轮的结论：');
    expect(screen.getByTestId('verdict')).toHaveTextContent('低');
    expect(screen.getByText('（因一票否决项被限定）')).toBeInTheDocument();
    expect(screen.getByTestId('stage-reading')).toHaveTextContent('阶段读数 59.2');
    expect(screen.getByTestId('stage-reading')).toHaveTextContent(
      '领先本阶段 3 项，持平 1 项，落后 1 项。',
    );
    expect(rowsOf('criteria-beta')).toEqual([
      '▲ 领先 1 级（预期第 4 级）',
      '▼ 落后 1 级（预期第 2 级）',
    ]);
    expect(screen.getByRole('heading', { name: '按否决方向作答的一票否决项' })).toBeVisible();
    expect(screen.getByTestId('deal-breaker-flags')).toHaveTextContent(
      '回答“否”：结论最高为“低”。',
    );
    expect(screen.getByRole('heading', { name: '待办：尚未回答的一票否决项' })).toBeVisible();
  });
});

describe('a rubric without stage expectations', () => {
  it('has no stage column, no stage reading, and a verdict read from the plain score', () => {
    // tiny.json itself: no expectations, no stage band, no deal-breakers.
    const plain = caseA();
    plain.rubric = tinyRubric();
    show(plain);
    expect(screen.getByTestId('verdict-label')).toHaveTextContent('Verdict:');
    expect(screen.queryByTestId('stage-reading')).toBeNull();
    const headers = within(screen.getByTestId('criteria-alpha'))
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Criterion', 'Level', 'Score', 'Evidence', 'Facts ticked']);
  });
});
