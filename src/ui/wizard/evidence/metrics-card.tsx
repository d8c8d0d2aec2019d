import type { MetricsReport } from '../../../core/metrics/metrics-report';
import { inPoints, metricsOf } from '../../../core/model-evidence';
import type { ModelEvidence } from '../../../core/schema';
import type { EvidenceMetric } from '../../../core/vocabulary';
import { formatFigure, formatGain, formatPoints, metricName } from '../../../i18n/evidence-text';
import { LOCALES } from '../../../i18n/t';
import { useEvidenceText } from './use-evidence-text';

interface Props {
  evidence: ModelEvidence;
  /** The live report: the confusion matrix is shown, not kept in the file. */
  report: MetricsReport;
}

/**
 * The figures of one evaluation: each metric with its 95 % interval, the
 * baseline's value and the gain with its paired interval; the confusion
 * matrix of classification.
 */
export function MetricsCard({ evidence, report }: Props) {
  const { et, lang } = useEvidenceText();
  const metrics = metricsOf(evidence.metrics);
  const withBaseline = evidence.deltas !== null;
  const interval = (metric: EvidenceMetric, low: number | null, high: number | null) =>
    low === null || high === null
      ? '—'
      : `${formatFigure(metric, low)}–${formatFigure(metric, high)}`;
  const facts = [
    evidence.positive === null ? null : et('card.positive', { label: evidence.positive }),
    evidence.threshold === null ? null : et('card.threshold', { threshold: evidence.threshold }),
    evidence.folds === null ? null : et('card.folds', { folds: evidence.folds }),
    et(evidence.deltas === null ? 'card.bootstrap' : 'card.bootstrapPaired', evidence.bootstrap),
  ].filter((fact) => fact !== null);

  return (
    <div className="metrics-card" data-testid="metrics-card">
      <h3>{et('card.title', { task: evidence.task })}</h3>
      <p className="metrics-facts">
        {et('card.items', {
          n: evidence.n.toLocaleString(LOCALES[lang]),
          heldOut: evidence.heldOut,
          kind: et(`kind.${evidence.kind}`),
        })}
      </p>
      <ul className="metrics-facts">
        {facts.map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="metrics-table">
          <caption className="visually-hidden">
            {et('card.caption', { heldOut: evidence.heldOut })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{et('card.metric')}</th>
              <th scope="col" className="number">
                {et('card.value')}
              </th>
              <th scope="col" className="number">
                {et('card.interval')}
              </th>
              {withBaseline && (
                <>
                  <th scope="col" className="number">
                    {et('card.baseline')}
                  </th>
                  <th scope="col" className="number">
                    {et('card.difference')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {metrics.map((metric) => {
              const figure = evidence.metrics[metric]!;
              const gain = evidence.deltas?.[metric];
              const base = gain === undefined ? null : figure.value - gain.value;
              const points = (x: number | null) =>
                x === null ? '—' : formatPoints(inPoints(metric, x));
              return (
                <tr
                  key={metric}
                  className={metric === evidence.keyMetric ? 'key-metric' : undefined}
                >
                  <th scope="row">{metricName(lang, metric)}</th>
                  <td className="number">{formatFigure(metric, figure.value)}</td>
                  <td className="number">{interval(metric, figure.low, figure.high)}</td>
                  {withBaseline && (
                    <>
                      <td className="number">{base === null ? '—' : formatFigure(metric, base)}</td>
                      <td className="number">
                        {gain === undefined
                          ? '—'
                          : et('card.gain', {
                              gain: formatGain(inPoints(metric, gain.value)),
                              low: points(gain.low),
                              high: points(gain.high),
                            })}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfusionMatrix report={report} />
    </div>
  );
}

/** Rows: the true label; columns: the prediction (or score ≥ threshold). */
function ConfusionMatrix({ report }: { report: MetricsReport }) {
  const { et } = useEvidenceText();
  const c = report.classification;
  if (c === null) return null;
  return (
    <div className="table-scroll">
      {/* A paragraph, not a caption: a caption is as narrow as this small table. */}
      <p className="confusion-title" id="confusion-title">
        {et('card.confusion')}
      </p>
      <table
        className="confusion-table"
        data-testid="confusion-matrix"
        aria-labelledby="confusion-title"
      >
        <thead>
          <tr>
            <th scope="col">{et('card.label')}</th>
            {c.classes.map((name) => (
              <th scope="col" key={name} className="number">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.confusion.map((row, i) => (
            <tr key={c.classes[i]}>
              <th scope="row">{c.classes[i]}</th>
              {row.map((count, j) => (
                <td key={j} className="number">
                  {count.toLocaleString('en-US')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
