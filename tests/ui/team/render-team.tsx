import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Lang } from '../../../src/core/vocabulary';
import { I18nProvider } from '../../../src/i18n/i18n-context';

/** A team component in one language, with a user to drive it. */
export function renderIn(lang: Lang, ui: ReactElement) {
  const user = userEvent.setup();
  const view = render(<I18nProvider lang={lang}>{ui}</I18nProvider>);
  const rerenderIn = (next: Lang, nextUi: ReactElement = ui) =>
    view.rerender(<I18nProvider lang={next}>{nextUi}</I18nProvider>);
  return { user, rerenderIn, ...view };
}
