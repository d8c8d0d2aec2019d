// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamDeal } from '../../../src/adapters/team-api';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { ServerOnlyDeals } from '../../../src/ui/deals/server-only-deals';

afterEach(cleanup);

const deal = (key: string, name: string, raters: number | null, submitted: number | null) =>
  ({
    key,
    name,
    createdAt: '2026-11-30T00:00:00.000Z',
    revealedAt: null,
    raters,
    submitted,
    othersVisible: false,
  }) satisfies TeamDeal;

function show(deals: TeamDeal[], lang: Lang = 'en') {
  const onScore = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <ServerOnlyDeals deals={deals} onScore={onScore} />
    </I18nProvider>,
  );
  return { onScore, user: userEvent.setup() };
}

describe('deals the team server lists and this device has not scored', () => {
  it('lists each with how many raters submitted, and starts scoring the one chosen', async () => {
    const { onScore, user } = show([
      deal('deeplake-ai', 'DeepLake AI', 3, 1),
      deal('acme-ai', 'Acme AI', 2, 0),
    ]);
    const items = screen.getAllByTestId('server-only-deal');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('DeepLake AI');
    expect(items[0]).toHaveTextContent('1 of 3 raters submitted');
    await user.click(within(items[1]!).getByRole('button', { name: 'Score Acme AI' }));
    expect(onScore).toHaveBeenCalledWith({ key: 'acme-ai', name: 'Acme AI' });
  });

  it('names a deal without a name by its key, leaves out counts a founder is not told, and shows nothing for none', async () => {
    const { onScore, user } = show([deal('x-1', '', null, null)], 'zh');
    const item = screen.getByTestId('server-only-deal');
    expect(item).not.toHaveTextContent('位评估人');
    await user.click(within(item).getByRole('button', { name: '为 x-1 评分' }));
    expect(onScore).toHaveBeenCalledWith({ key: 'x-1', name: 'x-1' });
    cleanup();
    show([]);
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
