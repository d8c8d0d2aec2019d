// @vitest-environment jsdom
import 'vitest-canvas-mock';
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentStore } from '../../../src/adapters/assessment-store';
import { summarize } from '../../../src/core/assessment-summary';
import { newDraft } from '../../../src/core/draft';
import { scoreAssessmentFile } from '../../../src/core/score-assessment-file';
import type { Assessment } from '../../../src/core/schema';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { formatScore } from '../../../src/i18n/t';
import ResultsScreen from '../../../src/ui/results/results-screen';
import { answers, loadExample, makeAssessment, tinyRubric } from '../../helpers/fixtures';

const example = loadExample;

/** Eight of twelve answered: the last four criteria left out. */
function incomplete(): Assessment {
  const a = example();
  const kept = Object.entries(a.answers).slice(0, 8);
  return { ...a, id: 'incomplete', answers: Object.fromEntries(kept) };
}

/** Regulation at level 1, below its knock-out line. */
function flagged(): Assessment {
  const a = example();
  return {
    ...a,
    id: 'flagged',
    answers: {
      ...a.answers,
      'market.team': { value: 1, evidence: 'verified', notes: '', facts: [] },
    },
  };
}

function show(assessment: Assessment, lang: Lang = 'en', others: Assessment[] = []) {
  const draft = {
    ...newDraft(assessment, '2026-11-29T12:00:00.000Z'),
    position: { screen: 'results' as const },
  };
  render(
    <I18nProvider lang={lang}>
      <ResultsScreen
        draft={draft}
        others={others.map((o) => summarize(newDraft(o, '2026-11-29T12:00:00.000Z'), 'hash'))}
        store={storeOf(others)}
        onReview={() => {}}
        onAnswerDealBreakers={() => {}}
        onReplace={() => {}}
        onHome={() => {}}
      />
    </I18nProvider>,
  );
  return scoreAssessmentFile(assessment);
}

/** The little of the store the overlay reads: the chosen assessment's answers on its rubric. */
function storeOf(others: Assessment[]): AssessmentStore {
  const stand = {
    assessmentsOf: async (summaries: readonly { id: string }[]) =>
      summaries.flatMap((s) => others.filter((o) => o.id === s.id)),
  };
  return stand as unknown as AssessmentStore;
}

beforeAll(() => {
  // chart.js sizes charts with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

describe('the results screen shows the core’s numbers', () => {
  it('for a complete assessment: overall, range, verdict, sections, levers, lists', () => {
    // The example backs every rating; one high rating taken on belief fills the to-verify list.
    const assessment = example();
    assessment.answers['differentiation.experience']!.evidence = 'assumed';
    const results = show(assessment);
    expect(results.toVerify.map((c) => c.id)).toEqual(['differentiation.experience']);
    expect(screen.getByTestId('overall-score')).toHaveTextContent(
      `${formatScore(results.overall!)} / 100`,
    );
    expect(screen.getByTestId('overall-range')).toHaveTextContent(
      `${formatScore(results.range![0])}–${formatScore(results.range![1])}`,
    );
    expect(screen.getByTestId('verdict')).toHaveTextContent(results.verdict!.band.label.en);
    for (const section of results.sections) {
      expect(screen.getByTestId(`section-${section.id}`)).toHaveTextContent(
        formatScore(section.score!),
      );
    }
    expect(screen.queryByTestId('coverage')).toBeNull();
    expect(screen.queryByTestId('red-flags')).toBeNull();

    const levers = within(screen.getByTestId('levers')).getAllByRole('listitem');
    expect(levers).toHaveLength(3);
    results.levers.forEach((lever, i) => {
      expect(levers[i]).toHaveTextContent(lever.name.en);
      expect(levers[i]).toHaveTextContent(`+${formatScore(lever.gain)} points`);
      expect(levers[i]).toHaveTextContent(lever.nextLevel.descriptor.en);
    });
    const listed = (id: string) =>
      within(screen.getByTestId(id))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(listed('strengths')).toEqual(
      results.strengths.map((c) => `${c.name.en} ${formatScore(c.percent)}`),
    );
    expect(listed('weaknesses')).toEqual(
      results.weaknesses.map((c) => `${c.name.en} ${formatScore(c.percent)}`),
    );
    expect(listed('to-verify')).toEqual(
      results.toVerify.map((c) => `${c.name.en} ${formatScore(c.percent)}`),
    );
  });

  it('says when the verdict is on a knife-edge, naming the moves that change it', () => {
    // Tiny rubric, overall 63.9 ("mid"): x up adds 7.5 and z up 9.6, each reaching "high" at 70;
    // the largest fall (−7.5) leaves 56.4, still "mid" (hand-computed in score-assessment.test.ts).
    show(
      makeAssessment(
        tinyRubric(),
        answers({
          'alpha.x': [4, 'assumed'],
          'alpha.y': [3, 'estimated'],
          'alpha.z': [2, 'verified'],
          'beta.p': [5, 'verified'],
          'beta.q': [1, 'assumed'],
        }),
      ),
    );
    expect(screen.getByTestId('robustness')).toHaveTextContent(
      'The verdict is on a knife-edge: it changes if X moves up a level (to High), or Z moves up a level (to High).',
    );
  });

  it('says when the verdict holds', () => {
    // Every answer at its top: 100; the largest single fall (z from 10 to 2) leaves 90.4, still "high".
    show(
      makeAssessment(
        tinyRubric(),
        answers({
          'alpha.x': [5, 'verified'],
          'alpha.y': [5, 'verified'],
          'alpha.z': [10, 'verified'],
          'beta.p': [5, 'verified'],
          'beta.q': [5, 'verified'],
        }),
      ),
    );
    expect(screen.getByTestId('robustness')).toHaveTextContent(
      'The verdict holds if any single answer moves one level up or down.',
    );
  });

  it('for an incomplete one: says it is a draft, and how much is answered', () => {
    const results = show(incomplete());
    expect(screen.getByTestId('coverage')).toHaveTextContent('8 of 12 answered — draft');
    expect(screen.getByTestId('overall-score')).toHaveTextContent(formatScore(results.overall!));
    expect(screen.getByTestId('section-differentiation')).toHaveTextContent('(2 of 6 answered)');
  });

  it('for one with a red flag: red flags first, and the capped verdict', () => {
    const results = show(flagged());
    const flags = screen.getByTestId('red-flags');
    expect(flags).toHaveTextContent('Team strength');
    expect(
      flags.compareDocumentPosition(screen.getByTestId('overall-score')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(results.verdict?.capped).toBe(true);
    expect(screen.getByTestId('verdict')).toHaveTextContent(results.verdict!.band.label.en);
    expect(screen.getByText('(capped by a red flag)')).toBeInTheDocument();
  });

  it('when every answer scores the same: nothing stands out, and no criterion is both', () => {
    const a = example();
    // Every criterion at its third level of five: 50 % each.
    const even = Object.fromEntries(
      Object.entries(a.answers).map(([id, answer]) => [id, { ...answer, value: 3 }]),
    );
    const results = show({ ...a, id: 'even', answers: even });
    expect(results.evenPercent).toBe(50);
    expect(screen.getByTestId('nothing-stands-out')).toHaveTextContent(
      'Nothing stands out: every answered criterion scores 50.0.',
    );
    expect(screen.queryByTestId('strengths')).toBeNull();
    expect(screen.queryByTestId('weaknesses')).toBeNull();
  });

  it('in Chinese, with the same numbers', () => {
    const results = show(incomplete(), 'zh');
    expect(screen.getByTestId('coverage')).toHaveTextContent('已回答 8/12 项 —— 草稿');
    expect(screen.getByTestId('verdict')).toHaveTextContent(results.verdict!.band.label.zh);
    expect(screen.getByRole('heading', { name: '最能提升分数的行动' })).toBeInTheDocument();
  });
});

describe('radar charts', () => {
  it('are named images with a data table alternative', async () => {
    const results = show(example());
    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(3);
    expect(charts[0]).toHaveAccessibleName(
      expect.stringContaining('Radar chart, Market prospects'),
    );
    const toggle = screen.getAllByRole('button', { name: 'Show as a table' })[2]!;
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table', { name: 'All 12 criteria' });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(header.at(-1)).toBe('Against Seed');
    const rows = within(table).getAllByRole('row').slice(1);
    // The example at seed, by docs/scoring.md's worked example: answer against expected level.
    const standings = [
      'At the expectation (expected: level 3)',
      'Behind by 1 level (expected: level 3)',
      'Behind by 1 level (expected: level 3)',
      'Ahead by 2 levels (expected: level 2)',
      'At the expectation (expected: level 3)',
      'At the expectation (expected: level 3)',
      'Ahead by 1 level (expected: level 2)',
      'Ahead by 1 level (expected: level 2)',
      'At the expectation (expected: level 3)',
      'At the expectation (expected: level 2)',
      'Ahead by 1 level (expected: level 2)',
      'Ahead by 2 levels (expected: level 2)',
    ];
    const marks = { At: '●', Behind: '▼', Ahead: '▲' } as const;
    expect(rows.map((r) => r.textContent)).toEqual(
      results.criteria.map((c, i) => {
        const words = standings[i]!;
        const mark = marks[words.split(' ')[0] as keyof typeof marks];
        return `${c.name.en}${formatScore(c.percent!)}${mark} ${words}`;
      }),
    );
  });

  it('overlay another saved assessment, with a table of differences', async () => {
    const other = {
      ...example(),
      id: 'last-month',
      evaluator: { name: 'Partner Zhang', role: 'investor' as const },
    };
    other.answers = {
      ...other.answers,
      'market.demand': { value: 2, evidence: 'verified', notes: '', facts: [] },
    };
    show(example(), 'en', [other]);
    await userEvent.selectOptions(screen.getByLabelText('Overlay on the charts'), 'last-month');
    const table = await screen.findByTestId('compare-table');
    const demand = within(table).getByRole('row', { name: /Market demand/ });
    // Level v of 1–5 here is 100·(v − 1)/4 %, against level 2 (25 %) there.
    const here = (100 * (example().answers['market.demand']!.value - 1)) / 4;
    expect(demand).toHaveTextContent(
      `Market demand${formatScore(here)}25.0+${formatScore(here - 25)}`,
    );
    expect(screen.getAllByRole('img')[0]).toHaveAccessibleName(
      expect.stringContaining(`Market demand ${formatScore(here)} / 25.0`),
    );
  });
});
