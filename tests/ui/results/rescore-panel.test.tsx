// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { readFileSync } from 'node:fs';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAssessment } from '../../../src/core/assessment-file';
import type { Assessment } from '../../../src/core/schema';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { RescorePanel } from '../../../src/ui/results/rescore-panel';
import { loadExample, repoPath } from '../../helpers/fixtures';
import { sampleEvidence } from '../../helpers/model-evidence';

/** The example as it shipped before: a 1.0.0 snapshot of the founder preset (see rescore.test.ts). */
function oldExample(): Assessment {
  const parsed = parseAssessment(
    readFileSync(repoPath('tests/fixtures/deeplake-ai-v2-rubric-1.0.0.json'), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function show(assessment: Assessment, lang: Lang = 'en') {
  const onReplace = vi.fn<(assessment: Assessment) => void>();
  const view = render(
    <I18nProvider lang={lang}>
      <RescorePanel assessment={assessment} onReplace={onReplace} />
    </I18nProvider>,
  );
  return { onReplace, view, user: userEvent.setup() };
}

afterEach(cleanup);

describe('re-scoring an assessment made with an older preset version', () => {
  it('offers version 2.0.0, and shows what changes before anything is applied', async () => {
    const old = oldExample();
    const { user, onReplace } = show(old);
    const panel = await screen.findByTestId('rescore');
    expect(panel).toHaveTextContent(
      'This assessment was made with AI startup — founder self-assessment, version 1.0.0; version 2.0.0 is now shipped.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Re-score under version 2.0.0' }));
    expect(screen.getByRole('heading', { name: 'What changes under version 2.0.0' })).toHaveFocus();
    const table = screen.getByTestId('rescore-table');
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    // Market demand at level 4 of 1–5 in both versions: 75 %, no change in percent.
    expect(row('Market demand')).toHaveTextContent(
      /level 4 of 5 · 75\.0 · .*level 4 of 5 · 75\.0 · .*±0\.0/,
    );
    // Interpretability at level 2: 25 % in both.
    expect(row('Model interpretability')).toHaveTextContent(/level 2 of 5 · 25\.0/);
    // Overall by hand (rescore.test.ts): 1.0.0 weights give 65.0, 2.0.0 weights 68.5.
    expect(row('Overall score')).toHaveTextContent('65.068.5+3.5');
    expect(row('Verdict')).toBeInTheDocument();
    // 1.0.0 asked no deal-breakers; 2.0.0 asks six, left open rather than guessed.
    expect(panel).toHaveTextContent(
      'Version 2.0.0 asks 6 deal-breaker questions this assessment has not answered',
    );
    expect(panel).toHaveTextContent('Applying updates this assessment in place');
    expect(
      within(panel).getByRole('button', { name: 'Download the version 1.0.0 file' }),
    ).toBeVisible();
    expect(onReplace).not.toHaveBeenCalled();
  });

  it('lists model evidence whose supported level moves, and an acceptance withdrawn', async () => {
    const old = oldExample();
    const id = 'differentiation.algorithms';
    // Accepted as backing level 5 under 1.0.0, which stated no thresholds.
    const evidence = sampleEvidence({ suggestedLevel: 5, accepted: true });
    const withEvidence: Assessment = {
      ...old,
      answers: {
        ...old.answers,
        [id]: { ...old.answers[id]!, value: 5, modelEvidence: [evidence] },
      },
    };
    const { user } = show(withEvidence);
    const panel = await screen.findByTestId('rescore');
    await user.click(within(panel).getByRole('button', { name: 'Re-score under version 2.0.0' }));
    const item = within(panel).getByText(new RegExp(evidence.task));
    // F1 gain 5.2 points (3.1 to 7.4) meets 2.0.0's level 4, not 5.
    expect(item).toHaveTextContent(/supported level 5, now level 4; its acceptance is withdrawn/);
  });

  it('applies only on confirmation, in place, and can be undone', async () => {
    const old = oldExample();
    const { user, onReplace } = show(old);
    const panel = await screen.findByTestId('rescore');
    await user.click(within(panel).getByRole('button', { name: 'Re-score under version 2.0.0' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onReplace).not.toHaveBeenCalled();
    await user.click(within(panel).getByRole('button', { name: 'Re-score under version 2.0.0' }));
    await user.click(screen.getByRole('button', { name: 'Apply: re-score under version 2.0.0' }));
    expect(onReplace).toHaveBeenCalledTimes(1);
    const applied = onReplace.mock.calls[0]![0];
    expect(applied.id).toBe(old.id);
    expect(applied.rubric.version).toBe('2.0.0');
    expect(applied.answers).toEqual(old.answers);
    expect(screen.getByRole('status')).toHaveTextContent('Re-scored under version 2.0.0.');
    expect(screen.getByRole('status')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onReplace).toHaveBeenLastCalledWith(old);
  });

  it('offers nothing for an assessment already on the shipped version', async () => {
    const { view } = show(loadExample());
    // Wait for the very preset load the offer waits for (it is cached), and the render after it.
    const { loadPreset } = await import('../../../src/catalog/rubric-catalog');
    await act(() => loadPreset('ai-startup-founder'));
    expect(view.container).toBeEmptyDOMElement();
    // The same wait is long enough for an older snapshot to show the offer.
    cleanup();
    show(oldExample());
    await act(() => loadPreset('ai-startup-founder'));
    expect(screen.getByTestId('rescore')).toBeVisible();
  });

  it('speaks Chinese', async () => {
    const { user } = show(oldExample(), 'zh');
    const panel = await screen.findByTestId('rescore');
    await user.click(within(panel).getByRole('button', { name: '按 2.0.0 版重新评分' }));
    expect(screen.getByRole('button', { name: '确认按 2.0.0 版重新评分' })).toBeVisible();
    expect(panel).toHaveTextContent('第 4/5 级 · 75.0');
  });
});
