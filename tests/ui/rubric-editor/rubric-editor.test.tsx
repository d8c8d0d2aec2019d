// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../../src/adapters/download-file';
import type { Rubric } from '../../../src/core/schema';
import type { Lang } from '../../../src/core/vocabulary';
import { validateRubric } from '../../../src/core/validate-rubric';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import RubricEditor from '../../../src/ui/rubric-editor/rubric-editor';
import { loadRubric, repoPath } from '../../helpers/fixtures';

vi.mock('../../../src/adapters/download-file', () => ({ downloadFile: vi.fn() }));

const preset = loadRubric('rubrics/ai-startup-investor.json');
/** What a caller passes when cloning a preset: a copy with its own id. */
const clone = (): Rubric => ({ ...structuredClone(preset), id: 'my-fund' });
const market = preset.sections[0]!;
const marketNames = market.criteria.map((c) => c.name.en);
/** The sum of the market weights with the first (market demand) replaced by `typed`. */
const marketSumWith = (typed: number) =>
  market.criteria.slice(1).reduce((sum, c) => sum + c.weight, typed);

function renderEditor({ lang = 'en' as Lang, initial = clone() } = {}) {
  const onSave = vi.fn<(rubric: Rubric) => void>();
  const onCancel = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <RubricEditor initial={initial} onSave={onSave} onCancel={onCancel} />
    </I18nProvider>,
  );
  return { onSave, onCancel, user: userEvent.setup() };
}

const problems = () => screen.getByTestId('rubric-problems');
const saveButton = () => screen.getByRole('button', { name: 'Save rubric' });
const section = (id: string) => screen.getByTestId(`section-${id}`);
const weightGroup = (id: string) =>
  within(section(id)).getByRole('group', { name: /^Criterion weights in / });
const pairwisePanel = (id: string) => within(section(id)).getByTestId('pairwise-panel');

afterEach(() => {
  cleanup();
  vi.mocked(downloadFile).mockClear();
});

describe('the rubric editor', () => {
  it('starts valid, with every sum at 100 and Save enabled', () => {
    renderEditor();
    expect(screen.getByRole('heading', { level: 1, name: 'Edit rubric' })).toHaveFocus();
    expect(problems()).toHaveAttribute('role', 'status');
    expect(problems()).toHaveAttribute('aria-live', 'polite');
    expect(problems()).toHaveTextContent('No problems: the rubric is ready to save.');
    expect(saveButton()).toBeEnabled();
    expect(screen.getAllByTestId('weight-sum').map((sum) => sum.textContent)).toEqual([
      'Sum: 100 / 100',
      'Sum: 100 / 100',
      'Sum: 100 / 100',
    ]);
  });

  it('shows the new sum and a problem naming the section when a weight changes, and Normalise fixes it', async () => {
    const { user, onSave } = renderEditor();
    const input = within(weightGroup('market')).getByLabelText('Market demand weight');
    await user.clear(input);
    await user.type(input, '15');

    const sum = within(weightGroup('market')).getByTestId('weight-sum');
    expect(marketSumWith(15)).toBe(85);
    expect(sum).toHaveTextContent('Sum: 85 / 100 (must be 100)');
    expect(sum).toHaveClass('rubric-editor-sum-off');
    expect(problems()).toHaveTextContent(
      'criterion weights in section "market" sum to 85, expected 100',
    );
    expect(within(problems()).getByText('sections[0](market).criteria')).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
    await user.click(saveButton());
    expect(onSave).not.toHaveBeenCalled();

    await user.click(
      within(weightGroup('market')).getByRole('button', { name: 'Normalise to 100' }),
    );
    expect(sum).toHaveTextContent('Sum: 100 / 100');
    expect(sum).not.toHaveClass('rubric-editor-sum-off');
    // 15, 10, 10, 5, 5, 40 of 85, in hundredths, by largest remainder: the floors
    // 1764, 1176, 1176, 588, 588, 4705 leave 3 to give, to the remainders .88 (40),
    // .71 (15) and the first .47 (10).
    expect(
      within(weightGroup('market'))
        .getAllByRole('textbox')
        .map((box) => (box as HTMLInputElement).value),
    ).toEqual(['17.65', '11.77', '11.76', '5.88', '5.88', '47.06']);
    expect(problems()).toHaveTextContent('No problems');
    expect(saveButton()).toBeEnabled();
  });

  it('normalises the section weights too', async () => {
    const { user } = renderEditor();
    const group = screen.getByRole('group', { name: 'Section weights' });
    const input = within(group).getByLabelText('Market prospects weight');
    await user.clear(input);
    await user.type(input, '110');
    // The other section keeps its weight: 110 + 40 = 150, and 110 / 150 = 73.33 %.
    expect(preset.sections[1]!.weight).toBe(40);
    expect(within(group).getByTestId('weight-sum')).toHaveTextContent('Sum: 150 / 100');
    expect(problems()).toHaveTextContent('section weights sum to 150, expected 100');
    await user.click(within(group).getByRole('button', { name: 'Normalise to 100' }));
    expect(within(group).getByTestId('weight-sum')).toHaveTextContent('Sum: 100 / 100');
    expect(input).toHaveValue('73.33');
    expect(saveButton()).toBeEnabled();
  });

  it('saves a rubric that passes validateRubric, with the edited Chinese names and nothing else changed', async () => {
    const { user, onSave } = renderEditor();
    const name = screen.getByRole('textbox', { name: 'Name 中文' });
    await user.clear(name);
    await user.type(name, '我的基金评分表');

    const demand = screen.getByTestId('criterion-demand');
    await user.click(within(demand).getByText('Market demand'));
    expect(demand).toHaveAttribute('open');
    const criterionName = within(demand).getByRole('textbox', { name: 'Criterion name 中文' });
    await user.clear(criterionName);
    await user.type(criterionName, '真实需求');

    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(validateRubric(saved).ok).toBe(true);
    const expected = clone();
    expected.name.zh = '我的基金评分表';
    expected.sections[0]!.criteria[0]!.name.zh = '真实需求';
    expect(saved).toEqual(expected);
  });

  it('derives weights from a consistent set of pairwise comparisons and applies them', async () => {
    const { user } = renderEditor();
    const panel = pairwisePanel('market');
    await user.click(within(panel).getByText('Derive weights from pairwise comparisons'));
    expect(panel).toHaveAttribute('open');
    // Comparisons of a judge who weighs the six criteria 4 : 2 : 2 : 1 : 1 : 4.
    const w = [4, 2, 2, 1, 1, 4];
    for (let i = 0; i < w.length; i++) {
      for (let j = i + 1; j < w.length; j++) {
        const ratio = w[i]! / w[j]!;
        const select = within(panel).getByRole('combobox', {
          name: `${marketNames[i]} compared with ${marketNames[j]}`,
        });
        await user.selectOptions(select, ratio >= 1 ? String(ratio) : `1/${1 / ratio}`);
      }
    }
    expect(within(panel).getByTestId('consistency-ratio')).toHaveTextContent(
      'Consistency ratio: 0.000 (up to 0.10 is acceptable)',
    );
    expect(within(panel).queryByText(/Inconsistent/)).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Apply these weights' }));
    const values = within(weightGroup('market'))
      .getAllByRole('textbox')
      .map((box) => Number((box as HTMLInputElement).value));
    expect(values).toEqual([28.57, 14.29, 14.29, 7.14, 7.14, 28.57]);
    expect(Math.round(values.reduce((a, b) => a + b, 0) * 100)).toBe(10_000);
    expect(within(weightGroup('market')).getByTestId('weight-sum')).toHaveTextContent(
      'Sum: 100 / 100',
    );
    expect(within(panel).getByText(/^Applied/)).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
  });

  it('warns when the pairwise comparisons contradict each other', async () => {
    const { user } = renderEditor();
    const panel = pairwisePanel('market');
    await user.click(within(panel).getByText('Derive weights from pairwise comparisons'));
    const pick = (i: number, j: number, value: string) =>
      user.selectOptions(
        within(panel).getByRole('combobox', {
          name: `${marketNames[i]} compared with ${marketNames[j]}`,
        }),
        value,
      );
    // A ≫ B, B ≫ C, yet C ≫ A.
    await pick(0, 1, '9');
    await pick(1, 2, '9');
    await pick(0, 2, '1/9');
    const ratio = Number(
      /Consistency ratio: ([\d.]+)/.exec(
        within(panel).getByTestId('consistency-ratio').textContent ?? '',
      )?.[1],
    );
    expect(ratio).toBeGreaterThan(0.1);
    expect(within(panel).getByText(/^Inconsistent: revisit the comparisons/)).toBeInTheDocument();
    // The option texts read as a sentence about the pair.
    const select = within(panel).getByRole('combobox', {
      name: `${marketNames[0]} compared with ${marketNames[1]}`,
    });
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent(
      `${marketNames[0]}: extremely more important (9)`,
    );
    expect(within(select).getAllByRole('option').at(-1)).toHaveTextContent(
      `${marketNames[1]}: extremely more important (1/9)`,
    );
  });

  it('refuses a broken rubric file, naming it, and keeps the editor as it was', async () => {
    const { user } = renderEditor();
    const name = screen.getByRole('textbox', { name: 'Name English' });
    await user.clear(name);
    await user.type(name, 'Kept');
    const input = screen.getByLabelText('Import a rubric file');

    await user.upload(
      input,
      new File(['{"id": "half'], 'broken.json', { type: 'application/json' }),
    );
    const errors = await screen.findByTestId('rubric-import-errors');
    expect(errors).toHaveAttribute('role', 'alert');
    expect(errors).toHaveTextContent('broken.json was not imported');
    expect(errors).toHaveTextContent(/broken\.json: not valid JSON/);
    expect(name).toHaveValue('Kept');

    const bad = clone();
    bad.sections[1]!.weight = 30;
    await user.upload(
      input,
      new File([JSON.stringify(bad)], 'weights.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByText(
        new RegExp(`weights\\.json: sections: section weights sum to ${market.weight + 30}`),
      ),
    ).toBeInTheDocument();
    expect(name).toHaveValue('Kept');
    expect(
      within(screen.getByRole('group', { name: 'Section weights' })).getByLabelText(
        'Differentiation weight',
      ),
    ).toHaveValue(String(preset.sections[1]!.weight));
  });

  it('replaces the editor state with a valid imported rubric', async () => {
    const { user, onSave } = renderEditor();
    const founder = readFileSync(repoPath('rubrics/ai-startup-founder.json'), 'utf8');
    await user.upload(
      screen.getByLabelText('Import a rubric file'),
      new File([founder], 'ai-startup-founder.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/Imported ai-startup-founder\.json/)).toBeInTheDocument();
    expect(screen.queryByTestId('rubric-import-errors')).toBeNull();
    expect(screen.getByLabelText('Id')).toHaveValue('ai-startup-founder');
    await user.click(saveButton());
    expect(onSave.mock.calls[0]![0]).toEqual(loadRubric('rubrics/ai-startup-founder.json'));
  });

  it('exports the rubric as <id>.json', async () => {
    const { user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloadFile).toHaveBeenCalledTimes(1);
    const [bytes, fileName, type] = vi.mocked(downloadFile).mock.calls[0]!;
    expect(fileName).toBe('my-fund.json');
    expect(type).toBe('application/json');
    const exported: unknown = JSON.parse(new TextDecoder().decode(bytes));
    expect(exported).toEqual(clone());
  });

  it('links each problem to its field, opening the criterion it is in', async () => {
    const { user } = renderEditor();
    const demand = screen.getByTestId('criterion-demand');
    await user.click(within(demand).getByText('Market demand'));
    const question = within(demand).getByRole('textbox', { name: 'Guiding question 中文' });
    await user.clear(question);
    await user.click(within(demand).getByText('Market demand'));
    expect(demand).not.toHaveAttribute('open');
    expect(within(demand).getByText('1 problem')).toBeInTheDocument();

    await user.click(
      within(problems()).getByRole('link', {
        name: 'sections[0](market).criteria[0](demand).question.zh',
      }),
    );
    expect(demand).toHaveAttribute('open');
    expect(within(demand).getByRole('textbox', { name: 'Guiding question 中文' })).toHaveFocus();
  });

  it('takes a knock-out, and refuses one outside the levels', async () => {
    const { user, onSave } = renderEditor();
    const competition = screen.getByTestId('criterion-competition');
    await user.click(within(competition).getByText('Competitors'));
    const knockout = within(competition).getByLabelText('Knock out below level value');
    await user.type(knockout, '9');
    expect(problems()).toHaveTextContent('knockoutBelow 9 must be above the lowest level (1)');
    expect(saveButton()).toBeDisabled();
    await user.clear(knockout);
    await user.type(knockout, '2');
    await user.click(saveButton());
    expect(onSave.mock.calls[0]![0].sections[0]!.criteria[1]!.knockoutBelow).toBe(2);
  });

  it('edits the measured-evidence thresholds of each level, and refuses an impossible one', async () => {
    const { user, onSave } = renderEditor();
    const algorithms = screen.getByTestId('criterion-algorithms');
    await user.click(within(algorithms).getByText('Algorithm optimization'));
    const level = (n: number) =>
      within(algorithms).getByRole('group', { name: new RegExp(`^Level ${n} `) });
    const shows = (n: number) =>
      within(level(n)).getByRole('checkbox', { name: /Model evidence can show this level/ });

    // Level 4 asks a gain of 5 points, as the preset says: raised to 7.
    const gain = within(level(4)).getByLabelText('Gain over the baseline, at least (points)');
    expect(gain).toHaveValue('5');
    await user.clear(gain);
    await user.type(gain, '-2');
    expect(problems()).toHaveTextContent('evidenceThreshold.delta');
    expect(saveButton()).toBeDisabled();
    await user.clear(gain);
    await user.type(gain, '7');

    // Level 5 gains a threshold (any key metric, F1 at least 85 points); level 2 loses its own.
    expect(shows(5)).not.toBeChecked();
    await user.click(shows(5));
    expect(within(level(5)).getByRole('checkbox', { name: 'F1' })).toBeChecked();
    await user.type(within(level(5)).getByLabelText('Key metric, at least (points, 0–100)'), '85');
    await user.click(shows(2));
    expect(within(level(2)).queryByLabelText('Held-out items, at least')).toBeNull();

    await user.click(saveButton());
    const saved = onSave.mock.calls[0]![0];
    expect(validateRubric(saved).ok).toBe(true);
    const levels = saved.sections[1]!.criteria.find((c) => c.id === 'algorithms')!.levels;
    expect(levels[3]!.evidenceThreshold).toEqual({
      ...preset.sections[1]!.criteria.find((c) => c.id === 'algorithms')!.levels[3]!
        .evidenceThreshold,
      delta: 7,
    });
    expect(levels[4]!.evidenceThreshold).toEqual({
      metrics: ['accuracy', 'precision', 'recall', 'f1', 'auc', 'bleu'],
      min: 85,
    });
    expect(levels[1]!.evidenceThreshold).toBeUndefined();
  });

  it('cancels at once when nothing changed, and asks first when something did', async () => {
    const first = renderEditor();
    await first.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(first.onCancel).toHaveBeenCalledTimes(1);
    cleanup();

    const { user, onCancel } = renderEditor();
    await user.type(screen.getByRole('textbox', { name: 'Name English' }), '!');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).not.toHaveBeenCalled();
    expect(
      screen.getByRole('group', { name: 'Discard your changes to this rubric?' }),
    ).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('textbox', { name: 'Name English' })).toHaveValue(`${preset.name.en}!`);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('speaks Chinese', async () => {
    const { user } = renderEditor({ lang: 'zh' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('编辑评分表');
    expect(problems()).toHaveTextContent('没有问题');
    const group = within(section('market')).getByRole('group', {
      name: `「${market.name.zh}」中的评估项权重`,
    });
    const input = within(group).getByLabelText(`「${market.criteria[0]!.name.zh}」权重`);
    await user.clear(input);
    await user.type(input, '5');
    expect(within(group).getByTestId('weight-sum')).toHaveTextContent(
      `合计：${marketSumWith(5)} / 100（必须为 100）`,
    );
    expect(screen.getByRole('button', { name: '保存评分表' })).toBeDisabled();
    expect(within(group).getByRole('button', { name: '归一化为 100' })).toBeEnabled();
  });
});
