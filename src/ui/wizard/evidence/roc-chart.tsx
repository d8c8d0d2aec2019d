import {
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { ModelEvidence } from '../../../core/schema';
import { useEvidenceText } from './use-evidence-text';
import '../../results/radar-chart.css';
import { TableAlternative } from '../../components/table-alternative';

// Only what a line on two linear axes needs: chart.js/auto would bring every chart type.
ChartJS.register(LineController, LinearScale, PointElement, LineElement, Tooltip, Legend);

interface Props {
  roc: NonNullable<ModelEvidence['roc']>;
  auc: string;
}

/**
 * The ROC curve (true against false positive rate, both 0–1) with the chance
 * diagonal, and its points as a table for anyone who cannot read the chart.
 */
export default function RocChart({ roc, auc }: Props) {
  const { et } = useEvidenceText();
  const points = roc.fpr.map((x, i) => ({ x, y: roc.tpr[i]! }));
  const data: ChartData<'line', { x: number; y: number }[]> = {
    datasets: [
      {
        label: et('roc.model'),
        data: points,
        borderColor: '#1d4e89',
        backgroundColor: '#1d4e89',
        borderWidth: 2,
        pointRadius: points.length > 30 ? 0 : 3,
        stepped: false,
      },
      {
        label: et('roc.chance'),
        data: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        borderColor: '#4a535e',
        borderDash: [6, 4],
        borderWidth: 1,
        pointRadius: 0,
      },
    ],
  };
  const axis = (title: string) => ({
    type: 'linear' as const,
    min: 0,
    max: 1,
    ticks: { stepSize: 0.2, color: '#4a535e' },
    grid: { color: '#c9d0d8' },
    title: { display: true, text: title, color: '#1b1f24' },
  });
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    scales: { x: axis(et('roc.x')), y: axis(et('roc.y')) },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item) => `${(item.parsed.x ?? 0).toFixed(3)}, ${(item.parsed.y ?? 0).toFixed(3)}`,
        },
      },
    },
  };

  return (
    <figure className="roc-chart" data-testid="roc-chart">
      <figcaption>
        <h4>{et('roc.title', { auc })}</h4>
      </figcaption>
      <div className="roc-canvas">
        <Line
          data={data}
          options={options}
          role="img"
          aria-label={et('roc.label', { count: points.length, auc })}
        />
      </div>
      <TableAlternative
        caption={et('roc.title', { auc })}
        showLabel={et('roc.show')}
        hideLabel={et('roc.hide')}
      >
        <thead>
          <tr>
            <th scope="col">{et('roc.point')}</th>
            <th scope="col">{et('roc.x')}</th>
            <th scope="col">{et('roc.y')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{point.x.toFixed(3)}</td>
              <td>{point.y.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </figure>
  );
}
