// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listCriteria } from '../../../src/core/rubric-index';
import type { Lang, Stage } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { EMPTY_STEP, type StepForm } from '../../../src/ui/wizard/step-form-schema';
import { WizardStep } from '../../../src/ui/wizard/wizard-step';
import { stagedRubric } from '../../helpers/staged-rubric';

/*
 * stagedRubric's alpha.x: five levels, checklists x1a x1b · x2a x2b · x3a x3b x3c ·
 * x4a x4b · x5a x5b (each fact's text is "fact <id>"), and seed expects level 3.
 */
const entry = listCriteria(stagedRubric()).find((e) => e.fullId === 'alpha.x')!;

function renderStep({ lang = 'en' as Lang, stage = 'seed' as Stage, initial = EMPTY_STEP } = {}) {
  const onChange = vi.fn<(values: StepForm) => void>();
  const onContinue = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <WizardStep
        entry={entry}
        index={0}
        total={5}
        sectionIndex={0}
        sectionSize={3}
        stage={stage}
        initial={initial}
        returnToReview={false}
        onChange={onChange}
        onBack={() => {}}
        onContinue={onContinue}
      />
    </I18nProvider>,
  );
  return { onChange, onContinue, user: userEvent.setup() };
}

const tick = async (user: ReturnType<typeof userEvent.setup>, ...ids: string[]) => {
  for (const id of ids) await user.click(screen.getByRole('checkbox', { name: `fact ${id}` }));
};
const suggestion = () => screen.getByTestId('suggestion');
const levelRadios = () =>
  within(screen.getByRole('group', { name: 'Which level best describes X?' })).getAllByRole(
    'radio',
  );

afterEach(cleanup);

describe('the evidence checklist on a wizard step', () => {
  it('lists every level’s facts as labelled checkboxes in a group per level', () => {
    renderStep();
    const checklist = screen.getByRole('group', { name: /What can you show\?/ });
    expect(checklist).toHaveAccessibleDescription(/Levels build on each other/);
    const levels = within(checklist).getAllByRole('group');
    expect(levels.map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Level 1 · x L1 0 of 2 ticked',
      'Level 2 · x L2 0 of 2 ticked',
      'Level 3 · x L3 0 of 3 ticked',
      'Level 4 · x L4 0 of 2 ticked',
      'Level 5 · x L5 0 of 2 ticked',
    ]);
    expect(
      within(levels[2]!)
        .getAllByRole('checkbox')
        .map((c) => c.getAttribute('value')),
    ).toEqual(['x3a', 'x3b', 'x3c']);
    expect(suggestion()).toHaveTextContent('Suggested level: none yet.');
    expect(within(suggestion()).queryByRole('button')).toBeNull();
  });

  it('suggests the highest level whose facts, and all below, are ticked, without choosing it', async () => {
    const { user, onChange } = renderStep();
    await tick(user, 'x1a');
    expect(suggestion()).toHaveTextContent('Suggested level: none yet.');
    await tick(user, 'x1b');
    expect(suggestion()).toHaveTextContent('Suggested level: 1 · x L1');
    await tick(user, 'x2a', 'x2b', 'x3a', 'x3b');
    // Level 3 still has x3c open: the suggestion stays at 2.
    expect(suggestion()).toHaveTextContent('Suggested level: 2 · x L2');
    // Facts above the gap point at evidence to check, not at a higher level.
    await tick(user, 'x4a', 'x4b');
    expect(suggestion()).toHaveTextContent('Suggested level: 2 · x L2');
    expect(screen.getByRole('group', { name: /Level 4 · x L4/ })).toHaveTextContent(
      '2 of 2 ticked',
    );
    // Nothing was chosen for the rater.
    expect(levelRadios().filter((r) => (r as HTMLInputElement).checked)).toEqual([]);
    expect(onChange).toHaveBeenLastCalledWith({
      value: null,
      evidence: null,
      notes: '',
      facts: ['x1a', 'x1b', 'x2a', 'x2b', 'x3a', 'x3b', 'x4a', 'x4b'],
      modelEvidence: [],
    });
  });

  it('chooses the suggested level only when the rater applies it, then says they agree', async () => {
    const { user, onChange } = renderStep();
    await tick(user, 'x1a', 'x1b', 'x2a', 'x2b');
    await user.click(within(suggestion()).getByRole('button', { name: 'Choose level 2' }));
    expect(levelRadios()[1]).toBeChecked();
    // The button is gone; focus is on the level it chose, not lost.
    expect(levelRadios()[1]).toHaveFocus();
    expect(onChange).toHaveBeenLastCalledWith({
      value: 2,
      evidence: null,
      notes: '',
      facts: ['x1a', 'x1b', 'x2a', 'x2b'],
      modelEvidence: [],
    });
    expect(suggestion()).toHaveTextContent('This is the level you chose.');
    expect(within(suggestion()).queryByRole('button')).toBeNull();
    // The rater may still choose another level; the suggestion says so and offers its own again.
    await user.click(levelRadios()[3]!);
    expect(suggestion()).toHaveTextContent('Suggested level: 2 · x L2 You chose level 4.');
    expect(within(suggestion()).getByRole('button', { name: 'Choose level 2' })).toBeVisible();
  });

  it('announces the suggestion as it changes', async () => {
    const { user } = renderStep();
    const status = within(suggestion()).getByRole('status');
    await tick(user, 'x1a', 'x1b');
    expect(status).toHaveTextContent('Suggested level: 1 · x L1');
  });

  it('starts from the facts already ticked, keeping them when a level and evidence are chosen', async () => {
    const { user, onChange, onContinue } = renderStep({
      initial: {
        value: null,
        evidence: null,
        notes: '',
        facts: ['x1a', 'x1b', 'x2a'],
        modelEvidence: [],
      },
    });
    expect(screen.getByRole('checkbox', { name: 'fact x2a' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'fact x2b' })).not.toBeChecked();
    expect(suggestion()).toHaveTextContent('Suggested level: 1 · x L1');
    await user.click(levelRadios()[0]!);
    await user.click(screen.getByRole('radio', { name: /verified/i }));
    expect(onChange).toHaveBeenLastCalledWith({
      value: 1,
      evidence: 'verified',
      notes: '',
      facts: ['x1a', 'x1b', 'x2a'],
      modelEvidence: [],
    });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it('shows the level the company’s stage expects, on the step and on its card', () => {
    renderStep({ stage: 'seed' });
    expect(screen.getByTestId('stage-expectation')).toHaveTextContent(
      'Expected at Seed: level 3 · x L3',
    );
    expect(levelRadios()[2]).toHaveAccessibleName(/x L3 Expected at Seed/);
    cleanup();
    // Growth expects level 5 of x.
    renderStep({ stage: 'growth' });
    expect(screen.getByTestId('stage-expectation')).toHaveTextContent(
      'Expected at Growth: level 5 · x L5',
    );
  });

  it('speaks Chinese', async () => {
    const { user } = renderStep({ lang: 'zh' });
    expect(screen.getByRole('group', { name: /能拿出哪些证据/ })).toBeInTheDocument();
    expect(screen.getByTestId('stage-expectation')).toHaveTextContent(
      '种子轮的预期：第 3 级 · x 第3级',
    );
    await user.click(screen.getByRole('checkbox', { name: '事实 x1a' }));
    await user.click(screen.getByRole('checkbox', { name: '事实 x1b' }));
    expect(suggestion()).toHaveTextContent('建议等级：第 1 级 · x 第1级');
    expect(within(suggestion()).getByRole('button', { name: '选择第 1 级' })).toBeVisible();
  });
});
