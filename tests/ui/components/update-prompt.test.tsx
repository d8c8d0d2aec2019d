// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { UpdatePrompt } from '../../../src/ui/components/update-prompt';

afterEach(cleanup);

function show(lang: Lang, props: { visible: boolean; applying?: boolean }) {
  let clicks = 0;
  render(
    <I18nProvider lang={lang}>
      <UpdatePrompt
        visible={props.visible}
        applying={props.applying ?? false}
        onReload={() => (clicks += 1)}
      />
    </I18nProvider>,
  );
  return { clicks: () => clicks };
}

describe('the new-version prompt', () => {
  it('says a new version is ready and reloads only on a click', async () => {
    const prompt = show('en', { visible: true });
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('A new version of Moatscore is ready.');
    expect(prompt.clicks()).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(prompt.clicks()).toBe(1);
  });

  it('speaks Chinese', () => {
    show('zh', { visible: true });
    expect(screen.getByRole('status')).toHaveTextContent('Moatscore 的新版本已准备好。');
    expect(screen.getByRole('button', { name: '重新加载以更新' })).toBeEnabled();
  });

  it('keeps an empty live region while hidden, so the notice is announced when it appears', () => {
    show('en', { visible: false });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('cannot be clicked twice while the new version takes over', () => {
    show('en', { visible: true, applying: true });
    expect(screen.getByRole('button', { name: 'Reload to update' })).toBeDisabled();
  });
});
