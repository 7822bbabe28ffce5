import { lazy, Suspense, useMemo, useState, useId } from 'react';
import { chartsOf, pointCount, type MoversChart } from '../lib/chart-data.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { Sparkline } from './Sparkline.js';

/* uPlot and its styles load with the first chart shown, not with the Playground. */
const LineChartView = lazy(() => import('./LineChart.js').then((m) => ({ default: m.LineChartView })));

function Movers({ chart }: { chart: MoversChart }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={chart.title}>
      <table className="movers">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Name</th>
            <th scope="col">Change</th>
            <th scope="col">Rank by day</th>
            <th scope="col">Metric</th>
            <th scope="col">Growth</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((r, i) => (
            <tr key={`${r.name}-${i}`}>
              <td>{formatNumber(r.rank)}</td>
              <td>{r.name}</td>
              <td className={r.rankChange === null || r.rankChange === 0 ? '' : r.rankChange > 0 ? 'status-ok' : 'status-err'}>
                {r.rankChange === null ? (r.previousRank === null ? 'new' : '—') : r.rankChange > 0 ? `▲ ${r.rankChange}` : r.rankChange < 0 ? `▼ ${-r.rankChange}` : '='}
                {r.previousRank !== null && <span className="hint"> (was {r.previousRank})</span>}
              </td>
              <td>{r.sparkline.length > 0 && <Sparkline points={r.sparkline.map((value, t) => ({ time: t + 1, value }))} timed={false} invert />}</td>
              <td>{formatNumber(r.metric)}</td>
              <td>{r.metricGrowth === null ? '—' : formatPercent(r.metricGrowth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The Chart tab: every chart the body holds, one at a time; a figure says how many points it drew. */
export function ChartView({ body }: { body: unknown }) {
  const charts = useMemo(() => chartsOf(body), [body]);
  const [index, setIndex] = useState(0);
  const id = useId();
  if (charts.length === 0) return <p className="hint">This response has no curve, history or movers list to chart.</p>;
  const chart = charts[Math.min(index, charts.length - 1)]!;
  return (
    <div>
      {charts.length > 1 && (
        <div className="row field">
          <label htmlFor={id}>Chart</label>
          <select id={id} value={index} onChange={(e) => setIndex(Number(e.target.value))} style={{ width: 'auto', maxWidth: '100%' }}>
            {charts.map((c, i) => (
              <option key={i} value={i}>{c.title}</option>
            ))}
          </select>
        </div>
      )}
      <figure className="chart" data-testid="chart" data-points={pointCount(chart)} data-kind={chart.kind} data-inverted={chart.kind === 'lines' && chart.invert}>
        <figcaption>{chart.title}</figcaption>
        {chart.kind === 'movers' ? (
          <Movers chart={chart} />
        ) : (
          <Suspense fallback={<p className="hint">Drawing the chart…</p>}>
            <LineChartView chart={chart} />
          </Suspense>
        )}
      </figure>
    </div>
  );
}
