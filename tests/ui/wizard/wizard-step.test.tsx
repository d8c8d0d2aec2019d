// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listCriteria } from '../../../src/core/rubric-index';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { EMPTY_STEP, type StepForm } from '../../../src/ui/wizard/step-form-schema';
import { WizardStep } from '../../../src/ui/wizard/wizard-step';
import { loadRubric } from '../../helpers/fixtures';

const rubric = loadRubric('rubrics/ai-startup-founder.json');
const entries = listCriteria(rubric);

function renderStep({ index = 2, lang = 'en' as Lang, initial = EMPTY_STEP } = {}) {
  const onChange = vi.fn<(values: StepForm) => void>();
  const onContinue = vi.fn();
  const onBack = vi.fn();
  const entry = entries[index]!;
  render(
    <I18nProvider lang={lang}>
      <WizardStep
        entry={entry}
        index={index}
        total={entries.length}
        sectionIndex={index % 6}
        sectionSize={6}
        stage="seed"
        initial={initial}
        returnToReview={false}
        onChange={onChange}
        onBack={onBack}
        onContinue={onContinue}
      />
    </I18nProvider>,
  );
  return { entry, onChange, onContinue, onBack, user: userEvent.setup() };
}

afterEach(cleanup);

describe('a wizard step', () => {
  it('shows where the user is, the guiding question, and focuses the heading', () => {
    const { entry } = renderStep();
    expect(screen.getByText('Market prospects · 3 of 6')).toBeInTheDocument();
    expect(screen.getByText(entry.criterion.question.en)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(document.title).toBe(
      `${entry.criterion.name.en} · Market prospects · 3 of 6 — Moatscore`,
    );
  });

  it('offers the five levels as one radio group named by its legend, with descriptors', () => {
    const { entry } = renderStep();
    const group = screen.getByRole('group', {
      name: `Which level best describes ${entry.criterion.name.en}?`,
    });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(radios[3]).toHaveAccessibleDescription(entry.criterion.levels[3]!.descriptor.en);
  });

  it('on an empty Continue shows an error summary that takes focus, and an "Error:" title', async () => {
    const { user, onContinue } = renderStep();
    await user.type(screen.getByLabelText(/Notes/), 'keep me');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Choose the level that best matches the evidence',
      'Say how well this rating is backed: verified, estimated or assumed',
    ]);
    expect(document.title).toMatch(/^Error: /);
    expect(onContinue).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Notes/)).toHaveValue('keep me');
  });

  it('moves focus to the field from the summary link', async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('link', { name: /Choose the level/ }));
    expect(screen.getAllByRole('radio')[0]).toHaveFocus();
  });

  it('reports every change at once and continues when the step is complete', async () => {
    const { user, onChange, onContinue, entry } = renderStep();
    await user.click(
      screen.getByRole('radio', { name: new RegExp(entry.criterion.levels[3]!.label.en) }),
    );
    await user.click(screen.getByRole('radio', { name: /verified/i }));
    await user.type(screen.getByLabelText(/Notes/), 'ok');
    expect(onChange).toHaveBeenLastCalledWith({
      value: 4,
      evidence: 'verified',
      notes: 'ok',
      facts: [],
      modelEvidence: [],
    });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('starts from saved values', () => {
    const { entry } = renderStep({
      initial: { value: 2, evidence: 'assumed', notes: 'saved note', facts: [], modelEvidence: [] },
    });
    const checked = screen.getAllByRole('radio', { checked: true });
    // Exactly the saved level (value 2 is the second level) and the saved evidence.
    expect(checked).toHaveLength(2);
    expect(checked[0]).toHaveAccessibleName(new RegExp(entry.criterion.levels[1]!.label.en));
    expect(checked[1]).toHaveAccessibleName(/assumed/i);
    expect(screen.getByLabelText(/Notes/)).toHaveValue('saved note');
  });

  it('speaks Chinese, with the Chinese error title', async () => {
    const { user, entry } = renderStep({ lang: 'zh' });
    expect(screen.getByText('市场前景 · 第 3 项，共 6 项')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(entry.criterion.name.zh);
    await user.click(screen.getByRole('button', { name: '继续' }));
    await screen.findByRole('alert');
    expect(document.title).toMatch(/^错误：/);
  });
});
