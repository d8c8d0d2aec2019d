import { downloadFile } from '../../adapters/download-file';
import { serializeBundle } from '../../core/import-file';
import type { PipelineDeal } from '../../core/pipeline';
import type { Lang } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import { reportFileName } from '../../report/file-name';

/** What a deal can be turned into: a file of all its assessments. */
export function DealExtras({ deal }: { deal: PipelineDeal; lang: Lang }) {
  const { t } = useI18n();
  return (
    <section className="deal-extras no-print" aria-labelledby="deal-extras-title">
      <h2 id="deal-extras-title">{t('deals.extrasTitle')}</h2>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            downloadFile(
              new TextEncoder().encode(serializeBundle(deal.assessments, new Date().toISOString())),
              reportFileName(deal.company || deal.key, new Date(), 'json'),
              'application/json',
            )
          }
        >
          {t('deals.exportDeal')}
        </button>
      </div>
    </section>
  );
}
