import { useId, useRef, useState } from 'react';
import { downloadBundle } from '../../adapters/export-files';
import { createShareLink, MAX_LINK_LENGTH, type ShareContent } from '../../adapters/share-link';
import { useI18n } from '../../i18n/i18n-context';
import './share.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'link'; url: string }
  | { kind: 'too-long'; length: number }
  /** `reason` null: this browser cannot encrypt here (no WebCrypto outside https://). */
  | { kind: 'failed'; reason: string | null };

type Copied = 'no' | 'yes' | 'manual';

/** WebCrypto exists only on secure pages (https:// or localhost). */
function canEncrypt(): boolean {
  return globalThis.crypto?.subtle !== undefined && typeof CompressionStream !== 'undefined';
}

/** The current page without query or fragment: where a share link opens the app. */
function appAddress(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/** Changes when what would be shared changes, even if the parent rebuilds `content` every render. */
function signatureOf(content: ShareContent): string {
  return JSON.stringify([content.kind, content.assessments.map((a) => [a.id, a.updatedAt])]);
}

/**
 * "Create a private link": the assessments, encrypted, in the link itself.
 * Says plainly that the link is the data; a link too long for chat tools
 * becomes a file download instead.
 */
export function SharePanel({ content, baseUrl }: { content: ShareContent; baseUrl?: string }) {
  const { t } = useI18n();
  const titleId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const signature = signatureOf(content);
  const [state, setState] = useState<{ signature: string; status: Status; copied: Copied }>({
    signature,
    status: { kind: 'idle' },
    copied: 'no',
  });
  // A link made for other content (an edit since, another selection) is never shown.
  const current =
    state.signature === signature
      ? state
      : { signature, status: { kind: 'idle' } as Status, copied: 'no' as Copied };
  const { status, copied } = current;
  const count = content.assessments.length;

  const create = async () => {
    if (!canEncrypt()) {
      setState({ signature, status: { kind: 'failed', reason: null }, copied: 'no' });
      return;
    }
    setState({ signature, status: { kind: 'working' }, copied: 'no' });
    try {
      const link = await createShareLink(baseUrl ?? appAddress(), content);
      setState({
        signature,
        status: link.tooLong
          ? { kind: 'too-long', length: link.length }
          : { kind: 'link', url: link.url },
        copied: 'no',
      });
    } catch (error) {
      setState({
        signature,
        status: { kind: 'failed', reason: error instanceof Error ? error.message : String(error) },
        copied: 'no',
      });
    }
  };

  const copy = async (url: string) => {
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ ...current, copied: 'yes' });
    } catch {
      input.current?.focus();
      input.current?.select();
      setState({ ...current, copied: 'manual' });
    }
  };

  const download = () =>
    downloadBundle(content.assessments, content.assessments[0]?.company.name ?? '');

  return (
    <section className="share-panel" aria-labelledby={titleId} data-testid="share-panel">
      <h2 id={titleId}>{t('share.title')}</h2>
      <p className="hint">
        {content.kind === 'deal' ? t('share.introDeal', { count }) : t('share.intro')}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => void create()}
          disabled={status.kind === 'working'}
        >
          {status.kind === 'link' ? t('share.createAgain') : t('share.create')}
        </button>
      </div>

      <div role="status" className="share-status">
        {status.kind === 'working' && <p>{t('share.working')}</p>}
        {status.kind === 'link' && copied === 'yes' && <p>{t('share.copied')}</p>}
        {status.kind === 'link' && copied === 'manual' && <p>{t('share.copyManual')}</p>}
      </div>

      {status.kind === 'link' && (
        <div className="share-result">
          <div className="field">
            <label htmlFor={inputId}>{t('share.linkLabel')}</label>
            <div className="share-link-row">
              <input
                ref={input}
                id={inputId}
                className="share-link-input"
                type="text"
                readOnly
                value={status.url}
                spellCheck={false}
                autoComplete="off"
                onFocus={(event) => event.currentTarget.select()}
              />
              <button
                type="button"
                className="button primary small"
                onClick={() => void copy(status.url)}
              >
                {t('share.copy')}
              </button>
            </div>
          </div>
          <div className="banner banner-warning share-warning" data-testid="share-warning">
            <p>
              <strong>{t('share.isData')}</strong>{' '}
              {content.kind === 'deal'
                ? t('share.anyoneDeal', { count })
                : t('share.anyoneAssessment')}
            </p>
            <p>{t('share.encrypted')}</p>
            <p>{t('share.trust')}</p>
          </div>
        </div>
      )}

      {status.kind === 'too-long' && (
        <div className="banner banner-info share-too-long" data-testid="share-too-long">
          <p>
            {t('share.tooLong', {
              size: Math.ceil(status.length / 1024),
              max: MAX_LINK_LENGTH / 1024,
            })}
          </p>
          <p>{t('share.fileInstead')}</p>
          <button type="button" className="button primary small" onClick={download}>
            {t('share.download')}
          </button>
        </div>
      )}

      {status.kind === 'failed' && (
        <div className="banner banner-warning share-failed" role="alert">
          <p>
            {status.reason === null
              ? t('share.cannotEncrypt')
              : t('share.failed', { reason: status.reason })}
          </p>
          <p>{t('share.fileInstead')}</p>
          <button type="button" className="button secondary small" onClick={download}>
            {t('share.download')}
          </button>
        </div>
      )}
    </section>
  );
}
