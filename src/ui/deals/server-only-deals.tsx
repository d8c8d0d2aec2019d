import type { TeamDeal } from '../../adapters/team-api';
import { useTeamText } from '../../i18n/team-text';

interface Props {
  deals: readonly TeamDeal[];
  onScore: (deal: { key: string; name: string }) => void;
}

/**
 * Deals the team server lists that this device holds no assessment of: in
 * blind scoring a partner sees nobody else's work before submitting, so
 * without this list a deal nobody has opened here would not show at all.
 */
export function ServerOnlyDeals({ deals, onScore }: Props) {
  const t = useTeamText();
  if (deals.length === 0) return null;
  return (
    <section className="server-only-deals" aria-labelledby="server-only-title">
      <h2 id="server-only-title">{t('deals.serverOnlyTitle')}</h2>
      <ul>
        {deals.map((deal) => {
          const name = deal.name || deal.key;
          return (
            <li key={deal.key} data-testid="server-only-deal">
              <span className="server-only-name">{name}</span>{' '}
              {deal.raters !== null && (
                <span className="meta">
                  {t('deals.serverOnlyCounts', {
                    submitted: deal.submitted ?? 0,
                    raters: deal.raters,
                  })}
                </span>
              )}{' '}
              <button
                type="button"
                className="button secondary small"
                onClick={() => onScore({ key: deal.key, name })}
              >
                {t('deals.scoreDeal', { name })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
