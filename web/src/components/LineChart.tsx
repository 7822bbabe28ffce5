import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LineChart } from '../lib/chart-data.js';
import { DAY_TICK_STEPS, RANK_TICK_STEPS, rankRange } from '../lib/axis.js';
import { formatDay, formatNumber, formatShortDay, formatTicks } from '../lib/format.js';

const PALETTE_VARS = ['--accent', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6'];

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Counts changes of the page's colours: the theme toggle sets `data-theme` on <html>, and the system
 * scheme applies while none is chosen. uPlot paints a canvas with the colours read when it is made,
 * so a chart is made again on each change.
 */
function useColourChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const changed = () => setChanges((n) => n + 1);
    const theme = new MutationObserver(changed);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const system = window.matchMedia?.('(prefers-color-scheme: dark)');
    system?.addEventListener('change', changed);
    return () => {
      theme.disconnect();
      system?.removeEventListener('change', changed);
    };
  }, []);
  return changes;
}

/** A uPlot line chart: date or number x axis, hover values in the legend, rank drawn downwards. */
export function LineChartView({ chart }: { chart: LineChart }) {
  const box = useRef<HTMLDivElement>(null);
  const colourChanges = useColourChanges();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const fg = cssColor('--muted', '#4b5563');
    const grid = cssColor('--line', '#d1d5db');
    const xValue = (v: number) => (chart.xKind === 'time' ? formatDay(v) : `${chart.xLabel} ${formatNumber(v)}`);
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const step = chart.xKind === 'time' ? 86_400 : 1;
    const lone = chart.x.length > 0 && chart.x.every((v) => v === chart.x[0]) ? chart.x[0]! : null;
    const options: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: 260,
      scales: {
        // One point still gets an axis around it: a day either side for dates, one step for numbers.
        // uPlot widens a lone time point by itself first (by 86,400,000 of our seconds), so the lone x is taken from the data.
        x: { time: chart.xKind === 'time', range: (_u, min, max) => (lone !== null ? [lone - step, lone + step] : min === max ? [min - step, max + step] : [min, max]) },
        // Ranks are whole places from 1 down: no 0, no 0.5.
        y: chart.invert ? { dir: -1, range: (_u, min, max) => rankRange(min, max) } : {},
      },
      axes: [
        chart.xKind === 'time'
          ? // Daily points: ticks on whole days, labelled by day, never by hour.
            { ...axis, label: chart.xLabel, incrs: DAY_TICK_STEPS, space: 60, values: (_u, ticks) => ticks.map((t) => formatShortDay(new Date(t * 1000).toISOString())) }
          : { ...axis, label: chart.xLabel },
        {
          ...axis,
          label: chart.invert ? `${chart.yLabel} (1 = top)` : chart.yLabel,
          size: 60,
          ...(chart.invert ? { incrs: RANK_TICK_STEPS } : {}),
          values: (_u, ticks) => formatTicks(ticks),
        },
      ],
      series: [
        { label: chart.xLabel, value: (_u, v) => (v === null || v === undefined ? '—' : xValue(v)) },
        ...chart.series.map((s, i) => ({
          label: s.label,
          stroke: cssColor(PALETTE_VARS[i % PALETTE_VARS.length]!, '#0e7490'),
          width: 2,
          points: { show: true, size: 5 },
          spanGaps: chart.joinGaps,
          value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : formatNumber(v)),
        })),
      ],
      legend: { live: true },
      cursor: { focus: { prox: 16 } },
    };
    const plot = new uPlot(options, [chart.x, ...chart.series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: 260 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [chart, colourChanges]);
  const summary = chart.series
    .map((s) => `${s.label}: ${s.values.map((v, i) => `${chart.xKind === 'time' ? formatDay(chart.x[i]!) : chart.x[i]} ${v === null ? '—' : formatNumber(v)}`).join(', ')}`)
    .join('; ');
  return <div ref={box} className="uplot-box" role="img" aria-label={`${chart.title}. ${summary}`} />;
}
