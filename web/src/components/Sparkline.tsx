import { sparklinePath } from '../lib/response-view.js';
import { formatDay, formatNumber } from '../lib/format.js';

/**
 * An inline curve with its last point marked; hovering shows every value (the SVG title) and the
 * label carries the range for screen readers. `time` values are Unix seconds, or positions.
 */
export function Sparkline({
  points,
  width = 120,
  height = 32,
  timed = true,
  invert = false,
}: {
  points: readonly { time: number; value: number }[];
  width?: number;
  height?: number;
  timed?: boolean;
  /** Ranks: 1 is best, so lower values are drawn higher. */
  invert?: boolean;
}) {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const first = points[0]!;
  const last = points.at(-1)!;
  const at = (p: { time: number }) => (timed ? formatDay(p.time) : `#${p.time}`);
  const label = `${points.length} points from ${formatNumber(first.value)} (${at(first)}) to ${formatNumber(last.value)} (${at(last)}); low ${formatNumber(min)}, high ${formatNumber(max)}`;
  const span = max - min || 1;
  const drawn = invert ? points.map((p) => ({ time: p.time, value: -p.value })) : points;
  const lastY = height - 3 - ((invert ? max - last.value : last.value - min) / span) * (height - 4);
  return (
    <svg className="spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{points.map((p) => `${at(p)}: ${formatNumber(p.value)}`).join('\n')}</title>
      <path d={sparklinePath(drawn, width - 4, height - 2)} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={points.length > 1 ? width - 4 : (width - 4) / 2} cy={lastY} r="2.5" fill="currentColor" />
    </svg>
  );
}
