import { useState } from 'react';
import { downloadFile } from '../../adapters/download-file';
import { downloadBundle } from '../../adapters/export-files';
import type { PipelineDeal } from '../../core/pipeline';
import type { Assessment } from '../../core/schema';
import type { Lang } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';
import { PaperSelect } from '../components/paper-select';
import type { Paper } from '../../report/pdf-writer';
import { SharePanel } from '../share/share-panel';

/** What a deal can be turned into: a PDF for the partners' meeting, a file, a private link. */
export function DealExports({
  deal,
  assessments,
  lang,
}: {
  deal: PipelineDeal;
  /** The raters' whole assessments, notes and all: what the files and the link carry. */
  assessments: Assessment[];
  lang: Lang;
}) {
  const { t } = useI18n();
  const [paper, setPaper] = useState<Paper>('a4');
  const [status, setStatus] = useState<string | null>(null);
  const view = deal.view;

  const downloadPdf = async () => {
    if (view === null) return;
    setStatus(t('results.pdfWorking'));
    try {
      const [{ createDealReport }, { browserFontReader }] = await Promise.all([
        import('../../report/deal-report'),
        import('../../adapters/font-reader'),
      ]);
      const report = await createDealReport({
        view,
        assessments,
        company: deal.company,
        lang,
        paper,
        readFont: browserFontReader(import.meta.env.BASE_URL),
        now: new Date(),
      });
      downloadFile(report.bytes, report.fileName, 'application/pdf');
      setStatus(
        [
          t('results.pdfReady', { file: report.fileName }),
          report.missing.length > 0
            ? t('results.pdfMissing', { chars: report.missing.join(' ') })
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (error) {
      setStatus(
        t('results.pdfFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <section className="deal-extras no-print" aria-labelledby="deal-extras-title">
      <h2 id="deal-extras-title">{t('deals.extrasTitle')}</h2>
      <div className="pdf-controls">
        <PaperSelect id="deal-paper" value={paper} onChange={setPaper} />
        <button type="button" className="button primary" onClick={() => void downloadPdf()}>
          {t('deals.downloadPdf')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => downloadBundle(assessments, deal.company || deal.key)}
        >
          {t('deals.exportDeal')}
        </button>
      </div>
      <p role="status" className="pdf-status" data-testid="deal-pdf-status">
        {status}
      </p>
      <SharePanel content={{ kind: 'deal', assessments }} />
    </section>
  );
}
