// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { webcrypto } from 'node:crypto';
import { CompressionStream, DecompressionStream } from 'node:stream/web';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShareLink, type ShareContent } from '../../../src/adapters/share-link';
import type { Assessment } from '../../../src/core/schema';
import type { Lang } from '../../../src/core/vocabulary';
import type { ImportOutcome } from '../../../src/adapters/import-assessments';
import { I18nProvider } from '../../../src/i18n/i18n-context';
import { ShareImport } from '../../../src/ui/share/share-import';
import { SharePanel } from '../../../src/ui/share/share-panel';
import { answers, makeAssessment, tinyRubric } from '../../helpers/fixtures';

// jsdom has neither WebCrypto's subtle nor compression streams: take Node's.
if (globalThis.crypto?.subtle === undefined) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
globalThis.CompressionStream ??=
  CompressionStream as unknown as typeof globalThis.CompressionStream;
globalThis.DecompressionStream ??=
  DecompressionStream as unknown as typeof globalThis.DecompressionStream;

const downloads = vi.hoisted(() => ({ calls: [] as [Uint8Array, string, string][] }));
vi.mock('../../../src/adapters/download-file', () => ({
  downloadFile: (bytes: Uint8Array, name: string, type: string) =>
    downloads.calls.push([bytes, name, type]),
}));

const BASE = 'https://moatscore.example/';
const rubric = tinyRubric();

const deal = (): Assessment[] => [
  makeAssessment(rubric, answers({ 'alpha.x': [4, 'verified', '三家银行 🚀'] }), {
    id: 'r1',
    company: { name: '深湖智能 DeepLake', stage: 'seed', sector: '' },
    evaluator: { name: 'Li Wei', role: 'investor' },
  }),
  makeAssessment(rubric, answers({ 'alpha.x': [2, 'assumed'], 'beta.q': [1, 'estimated'] }), {
    id: 'r2',
    company: { name: 'DeepLake AI', stage: 'seed', sector: '' },
    evaluator: { name: 'Zhang Min', role: 'advisor' },
  }),
];

const fragmentOf = (url: string) => url.slice(url.indexOf('#'));

function renderImport(
  fragment: string,
  {
    lang = 'en' as Lang,
    existing = [] as string[],
    outcome = { kind: 'saved', count: 2 } as ImportOutcome,
  } = {},
) {
  const onImport = vi.fn<(assessments: Assessment[]) => Promise<ImportOutcome>>(
    async () => outcome,
  );
  const onDismiss = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <ShareImport
        fragment={fragment}
        existingIds={new Set(existing)}
        onImport={onImport}
        onDismiss={onDismiss}
      />
    </I18nProvider>,
  );
  return { onImport, onDismiss, user: userEvent.setup() };
}

afterEach(() => {
  cleanup();
  downloads.calls.length = 0;
});

describe('opening a share link', () => {
  it('shows what the link holds, and imports only on "Import"', async () => {
    const assessments = deal();
    const link = await createShareLink(BASE, { kind: 'deal', assessments });
    const { onImport, user } = renderImport(fragmentOf(link.url), { existing: ['r2'] });

    expect(screen.getByRole('status')).toHaveTextContent('Decrypting in this browser');
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Shared with you: a deal of 2 assessments',
    });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Nothing has been saved yet/)).toBeInTheDocument();

    const items = screen.getAllByTestId('share-item');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('heading', { level: 2 })).toHaveTextContent(
      '深湖智能 DeepLake',
    );
    expect(items[0]).toHaveTextContent('Li Wei · Investor');
    expect(items[0]).toHaveTextContent('1 of 5 answered');
    expect(items[0]).not.toHaveTextContent('added as a copy');
    expect(within(items[1]!).getByRole('heading', { level: 2 })).toHaveTextContent('DeepLake AI');
    expect(items[1]).toHaveTextContent('Zhang Min · Advisor');
    expect(items[1]).toHaveTextContent('2 of 5 answered');
    expect(items[1]).toHaveTextContent('it will be added as a copy');

    expect(onImport).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport.mock.calls[0]![0]).toEqual(assessments);
  });

  it('says exactly why nothing was imported when storage is full, and lets the user try again', async () => {
    const link = await createShareLink(BASE, { kind: 'deal', assessments: deal() });
    const used = 9.6 * 1024 * 1024;
    const { onImport, user } = renderImport(fragmentOf(link.url), {
      outcome: { kind: 'refused', trouble: 'quota', usage: { used, quota: 10 * 1024 * 1024 } },
    });
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    const outcome = await screen.findByTestId('import-outcome');
    expect(outcome).toHaveAttribute('role', 'alert');
    expect(outcome).toHaveTextContent(
      "Nothing was imported: the browser's storage is full (uses 9.6 MB of 10 MB). Free space or export first.",
    );
    expect(screen.queryByText(/Import done/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).toHaveBeenCalledTimes(2);
  });

  it('lets the user decline: nothing is imported', async () => {
    const link = await createShareLink(BASE, { kind: 'assessment', assessments: [deal()[0]!] });
    const { onImport, onDismiss, user } = renderImport(fragmentOf(link.url));
    await screen.findByRole('heading', { name: 'Shared with you: one assessment' });
    await user.click(screen.getByRole('button', { name: "Don't import" }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onImport).not.toHaveBeenCalled();
  });

  it('says a tampered link is damaged, offers no Import, and imports nothing', async () => {
    const link = await createShareLink(BASE, { kind: 'deal', assessments: deal() });
    const fragment = fragmentOf(link.url);
    const at = fragment.length - 30;
    const tampered = `${fragment.slice(0, at)}${fragment[at] === 'A' ? 'B' : 'A'}${fragment.slice(at + 1)}`;
    const { onImport, onDismiss, user } = renderImport(tampered);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The key does not match: the link was changed, cut short or mistyped.',
    );
    expect(alert).toHaveTextContent('Nothing was imported.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'This link cannot be opened',
    );
    expect(document.title).toMatch(/^Error: /);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(screen.queryByText('深湖智能 DeepLake')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onImport).not.toHaveBeenCalled();
  });

  it('says a cut-short link is incomplete', async () => {
    const link = await createShareLink(BASE, { kind: 'deal', assessments: deal() });
    const fragment = fragmentOf(link.url);
    renderImport(fragment.slice(0, fragment.indexOf('.', 12) - 5));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The link is incomplete or damaged.',
    );
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('names the field when the content is not a valid assessment', async () => {
    const hostile = makeAssessment(rubric, answers({ 'alpha.x': [9, 'verified'] }), {
      id: 'bad',
    });
    const link = await createShareLink(BASE, { kind: 'assessment', assessments: [hostile] });
    renderImport(fragmentOf(link.url));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('not a valid assessment');
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'assessments[0].answers.alpha.x.value: 9 is out of range',
    );
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('speaks Chinese', async () => {
    const link = await createShareLink(BASE, { kind: 'deal', assessments: deal() });
    renderImport(fragmentOf(link.url), { lang: 'zh' });
    await screen.findByRole('heading', { level: 1, name: '分享给你的项目：共 2 份评估' });
    expect(screen.getByText(/尚未保存任何内容/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入' })).toBeInTheDocument();
    expect(screen.getAllByTestId('share-item')[1]).toHaveTextContent('已回答 2 项，共 5 项');
  });
});

describe('creating a share link', () => {
  function renderPanel(content: ShareContent) {
    render(
      <I18nProvider lang="en">
        <SharePanel content={content} baseUrl={BASE} />
      </I18nProvider>,
    );
    return userEvent.setup();
  }

  it('shows the link, says the link is the data, and copies it', async () => {
    const user = renderPanel({ kind: 'assessment', assessments: [deal()[0]!] });
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create a private link' }));
    const input = await screen.findByRole('textbox', { name: 'Private link' });
    const url = (input as HTMLInputElement).value;
    expect(url.startsWith(`${BASE}#share=v1.`)).toBe(true);
    expect(input).toHaveAttribute('readonly');
    const warning = screen.getByTestId('share-warning');
    expect(warning).toHaveTextContent('The link is the data.');
    expect(warning).toHaveTextContent('Anyone who has this link can open and read');
    expect(warning).toHaveTextContent('the server never sees it');
    expect(warning).toHaveTextContent('only through a channel you trust');

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(screen.getByRole('status')).toHaveTextContent('Link copied.');
  });

  it('selects the link for a manual copy when the clipboard refuses', async () => {
    const user = renderPanel({ kind: 'assessment', assessments: [deal()[0]!] });
    await user.click(screen.getByRole('button', { name: 'Create a private link' }));
    const input = await screen.findByRole('textbox', { name: 'Private link' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(input).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('press Ctrl+C');
  });

  it('says when this browser cannot encrypt, and offers a file', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    try {
      const user = renderPanel({ kind: 'assessment', assessments: [deal()[0]!] });
      await user.click(screen.getByRole('button', { name: 'Create a private link' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'This browser cannot encrypt here',
      );
      await user.click(screen.getByRole('button', { name: 'Download a file instead' }));
      expect(downloads.calls).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('offers a file when the link would be too long', async () => {
    let seed = 11;
    const noise = () =>
      Array.from({ length: 400 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return String.fromCharCode(0x4e00 + (seed % 2000));
      }).join('');
    const many = Array.from({ length: 40 }, (_, i) =>
      makeAssessment(rubric, answers({ 'alpha.x': [3, 'estimated', noise()] }), {
        id: `rater-${i}`,
        company: { name: 'DeepLake AI', stage: 'seed', sector: '' },
      }),
    );
    const user = renderPanel({ kind: 'deal', assessments: many });
    await user.click(screen.getByRole('button', { name: 'Create a private link' }));
    const box = await screen.findByTestId('share-too-long');
    expect(box).toHaveTextContent(
      /The link would be too long \(about \d+ KB; links work up to 8 KB\)/,
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download a file instead' }));
    expect(downloads.calls).toHaveLength(1);
    const [bytes, name, type] = downloads.calls[0]!;
    expect(name).toMatch(/^moatscore-deeplake-ai-\d{4}-\d\d-\d\d\.json$/);
    expect(type).toBe('application/json');
    const file = JSON.parse(new TextDecoder().decode(bytes)) as { assessments: unknown[] };
    expect(file.assessments).toHaveLength(40);
  });
});
