import { useEffect, useMemo, useState } from 'react';
import type { AssessmentStore } from '../../adapters/assessment-store';
import type { TeamDeal, TeamResult } from '../../adapters/team-api';
import type { AssessmentSummary } from '../../core/assessment-summary';
import type { Assessment } from '../../core/schema';
import { Loading } from '../components/loading';
import { downloadCsv } from '../../adapters/export-files';
import { SearchField } from '../components/search-field';
import { ShowMore } from '../components/show-more';
import { ServerOnlyDeals } from './server-only-deals';
import {
  buildPipeline,
  sortPipeline,
  type PipelineDeal,
  type PipelineSort,
} from '../../core/pipeline';
import { pipelineToCsv } from '../../core/pipeline-csv';
import { listCriteria } from '../../core/rubric-index';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore, LOCALES } from '../../i18n/t';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { RadarChart } from '../results/radar-chart';
import { SERIES_STYLES, type RadarSeries } from '../results/radar-series';
import { DealView } from './deal-view';
import { DealTeamStatus } from '../team/deal-team-status';
import './deals.css';
import '../components/rows.css';

/** At most this many deals overlay on one radar: beyond it, lines blur together. */
export const MAX_OVERLAY = SERIES_STYLES.length;
export const PIPELINE_PAGE = 50;

/** In team mode: the deals as the server lists them, and revealing one (owners). */
export interface DealsTeam {
  deals: ReadonlyMap<string, TeamDeal>;
  canReveal: boolean;
  onReveal: (deal: string) => Promise<TeamResult<null>>;
  /** Starts an assessment of a deal the server lists and this device has none of. */
  onScore: (deal: { key: string; name: string }) => void;
}

interface Props {
  summaries: readonly AssessmentSummary[];
  store: AssessmentStore;
  onOpen: (id: string) => void;
  team: DealsTeam | null;
}

/**
 * The pipeline: deals ranked, filtered, compared; and one deal in depth. It
 * aggregates the library's summaries (answers without notes), not its bodies.
 */
export default function DealsScreen({ summaries, store, onOpen, team }: Props) {
  const { t, lang, local } = useI18n();
  const locale = LOCALES[lang];
  const [sort, setSort] = useState<PipelineSort>('overall');
  const [search, setSearch] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [overlay, setOverlay] = useState<readonly string[]>([]);
  const [openKey, setOpenKey] = useState<string | null>(null);
  // A fund's whole pipeline is hundreds of deals: rows come a page at a time.
  const [limit, setLimit] = useState(PIPELINE_PAGE);
  useDocumentTitle(t('deals.title'));

  const [assessments, setAssessments] = useState<Assessment[] | null>(null);
  useEffect(() => {
    let live = true;
    void store.assessmentsOf(summaries).then((found) => live && setAssessments(found));
    return () => {
      live = false;
    };
  }, [store, summaries]);
  const pipeline = useMemo(() => buildPipeline(assessments ?? []), [assessments]);
  const needle = search.trim().toLocaleLowerCase(locale);
  const shown = sortPipeline(
    pipeline.filter(
      (d) =>
        (needle === '' ||
          d.company.toLocaleLowerCase(locale).includes(needle) ||
          d.key.includes(needle)) &&
        (!onlyFlagged || (d.view?.redFlags.length ?? 0) > 0),
    ),
    sort,
    locale,
  );
  if (assessments === null) return <Loading />;
  const opened = pipeline.find((d) => d.key === openKey);
  if (opened !== undefined) {
    const teamDeal = team?.deals.get(opened.key);
    return (
      <DealView
        deal={opened}
        store={store}
        onBack={() => setOpenKey(null)}
        onOpen={onOpen}
        teamStatus={
          team === null || teamDeal === undefined ? null : (
            <DealTeamStatus
              company={opened.company || opened.key}
              deal={teamDeal}
              canReveal={team.canReveal}
              onReveal={() => team.onReveal(opened.key)}
            />
          )
        }
      />
    );
  }

  const toggleOverlay = (key: string) =>
    setOverlay((current) =>
      current.includes(key)
        ? current.filter((k) => k !== key)
        : current.length >= MAX_OVERLAY
          ? current
          : [...current, key],
    );
  const overlaid = overlay
    .map((key) => pipeline.find((d) => d.key === key))
    .filter((d): d is PipelineDeal => d?.view !== null && d !== undefined);
  const base = overlaid[0]?.view;
  const comparable = overlaid.filter((d) => d.view?.rubric.id === base?.rubric.id);
  const series: RadarSeries[] = comparable.map((d) => ({
    label: d.company || d.key,
    percents: Object.fromEntries(d.view!.criteria.map((c) => [c.id, c.mean])),
  }));
  const sortButton = (column: PipelineSort, label: string) => (
    <th
      scope="col"
      aria-sort={sort === column ? (column === 'company' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => {
          setSort(column);
          setLimit(PIPELINE_PAGE);
        }}
      >
        {label}
      </button>
    </th>
  );

  return (
    <div className="deals">
      <PageHeading>{t('deals.title')}</PageHeading>
      <p className="lead">{t('deals.lead')}</p>
      <div className="library-toolbar">
        <SearchField
          id="deal-search"
          label={t('deals.search')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setLimit(PIPELINE_PAGE);
          }}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={onlyFlagged}
            onChange={(event) => {
              setOnlyFlagged(event.target.checked);
              setLimit(PIPELINE_PAGE);
            }}
          />
          {t('deals.onlyFlagged')}
        </label>
        <button
          type="button"
          className="button secondary small"
          disabled={shown.length === 0}
          onClick={() => downloadCsv(pipelineToCsv(shown), 'pipeline')}
        >
          {t('deals.exportCsv')}
        </button>
      </div>

      {shown.length === 0 ? (
        <p className="empty">{pipeline.length === 0 ? t('deals.empty') : t('library.noMatch')}</p>
      ) : (
        <div className="table-scroll">
          <table className="pipeline-table" data-testid="pipeline">
            <caption className="visually-hidden">{t('deals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                {sortButton('company', t('deals.company'))}
                {sortButton('overall', t('deals.overall'))}
                {(shown[0]?.view?.sections ?? []).map((s) => (
                  <th scope="col" key={s.id}>
                    {local(s.name)}
                  </th>
                ))}
                {sortButton('redFlags', t('deals.redFlags'))}
                {sortButton('coverage', t('deals.coverage'))}
                {sortButton('raters', t('deals.raters'))}
                {sortButton('alpha', t('deals.alpha'))}
                <th scope="col">{t('deals.overlay')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((deal, i) => {
                const view = deal.view;
                return (
                  <tr key={deal.key} data-testid="pipeline-row">
                    <td>{i + 1}</td>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setOpenKey(deal.key)}
                      >
                        {deal.company || deal.key}
                      </button>
                      {deal.problem !== null && (
                        <span className="meta danger"> {t('deals.mixedRubrics')}</span>
                      )}
                    </th>
                    <td className="number">{formatScore(view?.overall)}</td>
                    {(shown[0]?.view?.sections ?? []).map((s) => (
                      <td className="number" key={s.id}>
                        {formatScore(view?.sections.find((x) => x.id === s.id)?.score)}
                      </td>
                    ))}
                    <td className={`number${(view?.redFlags.length ?? 0) > 0 ? ' danger' : ''}`}>
                      {view?.redFlags.length ?? '—'}
                    </td>
                    <td className="number">
                      {view === null ? '—' : `${Math.round(view.coverage * 100)}%`}
                    </td>
                    <td className="number">{deal.assessments.length}</td>
                    <td className="number">
                      {view?.alpha === null || view === null ? '—' : view.alpha.toFixed(2)}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={overlay.includes(deal.key)}
                        disabled={
                          view === null ||
                          (!overlay.includes(deal.key) && overlay.length >= MAX_OVERLAY)
                        }
                        onChange={() => toggleOverlay(deal.key)}
                        aria-label={t('deals.overlayNamed', { name: deal.company || deal.key })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > limit && (
        <ShowMore
          status={t('deals.showing', { shown: limit, total: shown.length })}
          label={t('deals.showMore', { count: Math.min(PIPELINE_PAGE, shown.length - limit) })}
          onMore={() => setLimit((n) => n + PIPELINE_PAGE)}
        />
      )}
      {shown.length > 0 && <p className="hint">{t('deals.overlayHint', { max: MAX_OVERLAY })}</p>}
      {team !== null && (
        <ServerOnlyDeals
          deals={[...team.deals.values()].filter((d) => !pipeline.some((p) => p.key === d.key))}
          onScore={team.onScore}
        />
      )}

      {base !== undefined && base !== null && series.length > 0 && (
        <section className="charts" aria-labelledby="overlay-title">
          <h2 id="overlay-title">{t('deals.overlayTitle')}</h2>
          {comparable.length < overlaid.length && (
            <p className="banner banner-warning">{t('deals.overlayOtherRubric')}</p>
          )}
          <div className="chart-grid">
            {base.rubric.sections.map((section) => (
              <RadarChart
                key={section.id}
                title={local(section.name)}
                axes={listCriteria(base.rubric)
                  .filter((e) => e.section.id === section.id)
                  .map((e) => ({ id: e.fullId, label: local(e.criterion.name) }))}
                series={series}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
