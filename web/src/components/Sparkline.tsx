import { sparklinePath, type TrendPoint } from '../lib/response-view.js';

/** A small inline trend curve; the label carries the numbers for screen readers. */
export function Sparkline({ points, width = 80, height = 20 }: { points: readonly TrendPoint[]; width?: number; height?: number }) {
  const first = points[0]?.value;
  const last = points.at(-1)?.value;
  return (
    <svg className="spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Trend over ${points.length} points, from ${first} to ${last}`}>
      <path d={sparklinePath(points, width, height)} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
