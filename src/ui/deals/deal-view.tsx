import { readBlindChoice, writeBlindChoice } from '../../adapters/blind-choice';
import { useEffect, useState, type ReactNode } from 'react';
import type { AssessmentStore } from '../../adapters/assessment-store';
import type { Assessment } from '../../core/schema';
import type { PipelineDeal } from '../../core/pipeline';
import { listCriteria } from '../../core/rubric-index';
import { useI18n } from '../../i18n/i18n-context';
import { dealBreakerLines } from '../../i18n/deal-breaker-lines';
import { problemText } from '../../i18n/problem-text';
import { formatScore, signed } from '../../i18n/t';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { RadarChart } from '../results/radar-chart';
import { SERIES_STYLES, type RadarSeries } from '../results/radar-series';
import { DealEvidence } from './deal-evidence';
import { DealExports } from './deal-exports';
import '../results/results.css';
import './deals.css';
import '../components/rows.css';

interface Props {
  deal: PipelineDeal;
  /** Where the raters' whole assessments (notes and all) are read for export. */
  store: AssessmentStore;
  onBack: () => void;
  onOpen: (id: string) => void;
  /** In team mode: counts, blind scoring and revealing, from the server. */
  teamStatus?: ReactNode;
}

/** One deal: every rater's view side by side, where they differ, and how far they agree. */
export function DealView({ deal, store, onBack, onOpen, teamStatus = null }: Props) {
  const { t, lang, local } = useI18n();
  const [viewer, setViewer] = useState<string | null>(() => readBlindChoice(deal.key));
  const [whole, setWhole] = useState<Assessment[] | null>(null);
  useEffect(() => {
    let live = true;
    void store
      .readMany(deal.assessments.map((a) => a.id))
      .then((drafts) => live && setWhole(drafts.map((d) => d.assessment)));
    return () => {
      live = false;
    };
  }, [store, deal.assessments]);
  useDocumentTitle(`${deal.company} · ${t('deals.dealTitle')}`);
  const view = deal.view;
  const name = deal.company || deal.key;

  if (view === null) {
    return (
      <div className="deal">
        <PageHeading caption={t('deals.dealTitle')}>{name}</PageHeading>
        {teamStatus}
        {deal.problem !== null && (
          <p className="banner banner-warning">{problemText(deal.problem, lang)}</p>
        )}
        <button type="button" className="button secondary" onClick={onBack}>
          {t('deals.back')}
        </button>
      </div>
    );
  }

  const viewerRater = teamStatus === null ? view.raters.find((r) => r.id === viewer) : undefined;
  // Blind scoring: until the viewer's own assessment is complete, the others' answers stay hidden.
  const blind = viewerRater !== undefined && !viewerRater.complete;
  const visible = (raterId: string) => !blind || raterId === viewer;
  const shownRaters = view.raters.filter((r) => visible(r.id));
  const series: RadarSeries[] = shownRaters.slice(0, SERIES_STYLES.length).map((r) => ({
    label: `${r.name} (${t(`role.${r.role}`)})`,
    percents: Object.fromEntries(r.results.criteria.map((c) => [c.id, c.percent])),
  }));
  const hasFounder =
    view.raters.some((r) => r.role === 'founder') && view.raters.some((r) => r.role !== 'founder');

  return (
    <div className="deal">
      <PageHeading caption={t('deals.dealTitle')}>{name}</PageHeading>
      {teamStatus}
      <div className="actions">
        <button type="button" className="button secondary small" onClick={onBack}>
          {t('deals.back')}
        </button>
      </div>

      {/* With a team server, blind scoring is the server's: nothing hidden reaches this browser. */}
      {teamStatus === null && (
        <section className="blind" aria-labelledby="blind-title">
          <h2 id="blind-title">{t('deals.blindTitle')}</h2>
          <div className="field">
            <label htmlFor="blind-viewer">{t('deals.viewingAs')}</label>
            <p className="hint" id="blind-hint">
              {t('deals.blindHint')}
            </p>
            <select
              id="blind-viewer"
              aria-describedby="blind-hint"
              value={viewer ?? ''}
              onChange={(event) => {
                const next = event.target.value === '' ? null : event.target.value;
                setViewer(next);
                writeBlindChoice(deal.key, next);
              }}
            >
              <option value="">{t('deals.notBlind')}</option>
              {view.raters.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({t(`role.${r.role}`)})
                </option>
              ))}
            </select>
          </div>
          {blind && (
            <p className="banner banner-info" data-testid="blind-note">
              {t('deals.blindOn', {
                name: viewerRater.name,
                answered: viewerRater.results.answeredCount,
                total: viewerRater.results.totalCount,
              })}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="raters-title">
        <h2 id="raters-title">{t('deals.ratersTitle', { count: view.raters.length })}</h2>
        <ul className="library-list">
          {view.raters.map((r) => {
            return (
              <li key={r.id} className="library-row rater-row">
                <span aria-hidden="true" />
                <div className="library-main">
                  <strong>{r.name}</strong>
                  <span className="meta">
                    {t(`role.${r.role}`)} ·{' '}
                    {r.complete
                      ? t('library.complete')
                      : t('library.partial', {
                          answered: r.results.answeredCount,
                          total: r.results.totalCount,
                        })}
                  </span>
                </div>
                <div className="library-score">
                  <span className="library-overall">
                    {visible(r.id) ? formatScore(r.results.overall) : t('deals.hidden')}
                  </span>
                </div>
                <div className="library-actions">
                  <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                    {t('deals.openRater', { name: r.name })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {!blind && (
        <section className="deal-summary" aria-labelledby="deal-score-title">
          <h2 id="deal-score-title">{t('deals.summaryTitle')}</h2>
          <p className="overall-value" data-testid="deal-overall">
            {formatScore(view.overall)}
            <span className="overall-max"> / 100</span>
          </p>
          <p data-testid="deal-alpha">
            {t('deals.alphaLine', { alpha: view.alpha === null ? '—' : view.alpha.toFixed(2) })}{' '}
            {t(`deal.agreement.${view.agreement}`)}
          </p>
          {view.disagreements.length > 0 && (
            <p>{t('deals.disagreementCount', { count: view.disagreements.length })}</p>
          )}
          {view.dealBreakers.length > 0 && (
            <p className="danger" data-testid="deal-breakers">
              {t('deals.dealBreakers', {
                list: dealBreakerLines(view, lang).join(t('punct.semicolon')),
              })}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t('deals.criteriaTitle')}</h2>
        <div className="table-scroll">
          <table className="deal-table" data-testid="deal-table">
            <caption className="visually-hidden">{t('deals.criteriaCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.criterion')}</th>
                {!blind && (
                  <>
                    <th scope="col">{t('deals.mean')}</th>
                    <th scope="col">{t('deals.median')}</th>
                    <th scope="col">{t('deals.range')}</th>
                  </>
                )}
                {view.raters.map((r) => (
                  <th scope="col" key={r.id}>
                    {r.name}
                  </th>
                ))}
                {hasFounder && !blind && <th scope="col">{t('deals.founderGap')}</th>}
              </tr>
            </thead>
            <tbody>
              {view.criteria.map((c) => (
                <tr
                  key={c.id}
                  className={c.disagreement && !blind ? 'disagree' : undefined}
                  data-testid="deal-criterion"
                >
                  <th scope="row">
                    {local(c.name)}
                    {c.disagreement && !blind && (
                      <span className="disagree-note">
                        {t('deals.differ', { levels: c.levelSpread })}
                      </span>
                    )}
                  </th>
                  {!blind && (
                    <>
                      <td className="number">{formatScore(c.mean)}</td>
                      <td className="number">{formatScore(c.median)}</td>
                      <td className="number">
                        {c.min === null
                          ? '—'
                          : `${formatScore(c.min)}–${formatScore(c.max ?? c.min)}`}
                      </td>
                    </>
                  )}
                  {view.raters.map((r, i) => (
                    <td className="number" key={r.id}>
                      {visible(r.id) ? (
                        formatScore(c.values[i])
                      ) : (
                        <span className="hidden-value">{t('deals.hidden')}</span>
                      )}
                    </td>
                  ))}
                  {hasFounder && !blind && <td className="number">{signed(c.founderGap)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {hasFounder && !blind && <p className="hint">{t('deals.founderGapHint')}</p>}
      </section>

      <section className="charts" aria-labelledby="deal-charts-title">
        <h2 id="deal-charts-title">{t('deals.ratersOverlay')}</h2>
        {view.raters.length > SERIES_STYLES.length && (
          <p className="hint">{t('deals.firstRaters', { count: SERIES_STYLES.length })}</p>
        )}
        <div className="chart-grid">
          {view.rubric.sections.map((section) => (
            <RadarChart
              key={section.id}
              title={local(section.name)}
              axes={listCriteria(view.rubric)
                .filter((e) => e.section.id === section.id)
                .map((e) => ({ id: e.fullId, label: local(e.criterion.name) }))}
              series={series}
            />
          ))}
        </div>
      </section>

      {!blind && whole !== null && <DealEvidence rubric={view.rubric} assessments={whole} />}
      {!blind && whole !== null && <DealExports deal={deal} assessments={whole} lang={lang} />}
    </div>
  );
}
