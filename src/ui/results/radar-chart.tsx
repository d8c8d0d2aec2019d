import {
  Filler,
  Legend,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  Chart as ChartJS,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import type { ReactNode } from 'react';
import { Radar } from 'react-chartjs-2';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore } from '../../i18n/t';
import { SERIES_STYLES, type RadarSeries } from './radar-series';
import { wrapLabel } from '../../i18n/wrap-label';
import './radar-chart.css';
import { TableAlternative } from '../components/table-alternative';

// Only the parts a radar needs: chart.js/auto would bring every chart type.
ChartJS.register(
  RadarController,
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Tooltip,
  Legend,
);

const FONT_FAMILY: Record<'en' | 'zh', string> = {
  en: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  zh: "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
};

interface Props {
  title: string;
  axes: { id: string; label: string }[];
  series: RadarSeries[];
  /** An extra column of the data table: each axis's standing against the stage. */
  markers?: { title: string; cells: Readonly<Record<string, ReactNode>> };
}

/**
 * A radar on a fixed 0–100 scale, with its data as a table for anyone who
 * cannot read the chart (a toggle keeps the page short).
 */
export function RadarChart({ title, axes, series, markers }: Props) {
  const { t, lang } = useI18n();
  const value = (s: RadarSeries, id: string) => s.percents[id] ?? null;

  const data: ChartData<'radar', (number | null)[], string[]> = {
    labels: axes.map((a) => wrapLabel(a.label)),
    datasets: series.map((s, i) => {
      const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
      return {
        label: s.label,
        data: axes.map((a) => value(s, a.id)),
        borderColor: style.color,
        backgroundColor: style.fill,
        borderDash: [...style.dash],
        borderWidth: 2,
        pointStyle: style.point,
        pointRadius: 4,
        pointBackgroundColor: style.color,
        fill: i === 0,
        spanGaps: true,
      };
    }),
  };
  const font = { family: FONT_FAMILY[lang] };
  const options: ChartOptions<'radar'> = {
    responsive: true,
    // The container sets the size (a square); chart.js fills it.
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { left: 8, right: 8, top: 4, bottom: 4 } },
    scales: {
      r: {
        min: 0,
        max: 100,
        ticks: {
          stepSize: 25,
          backdropColor: 'transparent',
          color: '#4a535e',
          font: { ...font, size: 10 },
        },
        pointLabels: { color: '#1b1f24', font: { ...font, size: axes.length > 6 ? 11 : 13 } },
        grid: { color: '#c9d0d8' },
        angleLines: { color: '#c9d0d8' },
      },
    },
    plugins: {
      legend: {
        display: series.length > 1,
        position: 'bottom',
        labels: { usePointStyle: true, font },
      },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${formatScore(item.raw === null ? null : Number(item.raw))}`,
        },
      },
    },
  };
  const summary = axes
    .map((a) => `${a.label} ${series.map((s) => formatScore(value(s, a.id))).join(' / ')}`)
    .join(', ');

  return (
    <figure className="radar">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div className="radar-canvas">
        <Radar
          data={data}
          options={options}
          role="img"
          aria-label={`${t('results.radarLabel', { title })}: ${summary}`}
        />
      </div>
      <TableAlternative
        caption={title}
        showLabel={t('results.showTable')}
        hideLabel={t('results.hideTable')}
      >
        <thead>
          <tr>
            <th scope="col">{t('results.criterion')}</th>
            {series.map((s, i) => (
              <th scope="col" key={i}>
                {s.label}
              </th>
            ))}
            {markers !== undefined && <th scope="col">{markers.title}</th>}
          </tr>
        </thead>
        <tbody>
          {axes.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.label}</th>
              {series.map((s, i) => (
                <td key={i}>{formatScore(value(s, a.id))}</td>
              ))}
              {markers !== undefined && (
                <td className="marker-cell">{markers.cells[a.id] ?? '—'}</td>
              )}
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </figure>
  );
}
