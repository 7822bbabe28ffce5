import { useEffect, useRef, useState } from 'react';
import { labelIndexes, niceTicks } from '../lib/axis.js';
import { formatDay, formatNumber, formatShortDay, formatTicks } from '../lib/format.js';

const H = 200;
const PAD = { left: 44, right: 8, top: 8, bottom: 28 };

/** Bars per day with a y axis and date labels; each bar's title holds its exact numbers. */
export function BarChart({ days, label }: { days: readonly { date: string; value: number; detail: string }[]; label: string }) {
  // Drawn at the box's own width, so labels keep their size on any screen.
  const box = useRef<HTMLElement>(null);
  const [W, setW] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setW(Math.max(240, Math.round(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const max = Math.max(0, ...days.map((d) => d.value));
  const ticks = niceTicks(max);
  const tickLabels = formatTicks(ticks);
  const top = ticks.at(-1) ?? 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const shown = new Set(labelIndexes(days.length, Math.max(2, Math.floor(W / 90))));
  return (
    <figure className="bar-chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${label}: ${days.map((d) => `${formatDay(d.date)} ${formatNumber(d.value)}`).join(', ')}`}>
        {ticks.map((t, i) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="tick">{tickLabels[i]}</text>
          </g>
        ))}
        {days.map((d, i) => (
          <rect key={d.date} x={PAD.left + i * slot + slot * 0.15} width={slot * 0.7} y={y(d.value)} height={Math.max(0, PAD.top + plotH - y(d.value))} className="bar">
            <title>{`${formatDay(d.date)}: ${d.detail}`}</title>
          </rect>
        ))}
        {days.map((d, i) =>
          shown.has(i) ? (
            <text key={d.date} x={PAD.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" className="tick">
              {formatShortDay(d.date)}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
