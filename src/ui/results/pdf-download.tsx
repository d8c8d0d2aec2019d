import { useState } from 'react';
import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import { PaperSelect } from '../components/paper-select';
import type { Paper } from '../../report/pdf-writer';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; file: string; missing: string[] }
  | { kind: 'failed'; reason: string };

/**
 * "Download PDF": jsPDF, the report code and the fonts load only on click
 * (the Chinese font once per browser, then from its cache).
 */
export function PdfDownload({ assessment }: { assessment: Assessment }) {
  const { t, lang } = useI18n();
  const [paper, setPaper] = useState<Paper>('a4');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const download = async () => {
    setStatus({ kind: 'working' });
    try {
      const [{ createReport }, { browserFontReader }, { downloadFile }] = await Promise.all([
        import('../../report/create-report'),
        import('../../adapters/font-reader'),
        import('../../adapters/download-file'),
      ]);
      const report = await createReport({
        assessment,
        lang,
        paper,
        readFont: browserFontReader(import.meta.env.BASE_URL),
        now: new Date(),
      });
      downloadFile(report.bytes, report.fileName, 'application/pdf');
      setStatus({ kind: 'done', file: report.fileName, missing: report.missing });
    } catch (error) {
      setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="pdf-download no-print" aria-labelledby="pdf-title">
      <h2 id="pdf-title" className="visually-hidden">
        {t('results.downloadPdf')}
      </h2>
      <div className="pdf-controls">
        <PaperSelect id="paper" value={paper} onChange={setPaper} />
        <button
          type="button"
          className="button primary"
          onClick={() => void download()}
          disabled={status.kind === 'working'}
        >
          {t('results.downloadPdf')}
        </button>
      </div>
      <div role="status" className="pdf-status" data-testid="pdf-status">
        {status.kind === 'working' && t('results.pdfWorking')}
        {status.kind === 'done' && t('results.pdfReady', { file: status.file })}
        {status.kind === 'done' && status.missing.length > 0 && (
          <p className="banner banner-warning">
            {t('results.pdfMissing', { chars: status.missing.join(' ') })}
          </p>
        )}
        {status.kind === 'failed' && (
          <p className="banner banner-warning">
            {t('results.pdfFailed', { reason: status.reason })}
          </p>
        )}
      </div>
    </section>
  );
}
