import type { CollectRun, CollectTargetView } from './console-api.js';
import { formatTime, plural } from './format.js';

/** How often the operator page asks again while a collection runs. */
export const RUN_POLL_MS = 1_000;

/** A collection run in words: what is happening now, or how the last one ended. */
export function runInWords(run: CollectRun): string {
  const counts = `${run.done} of ${plural(run.total, 'chart')} done, ${run.failed} failed`;
  if (run.running) return `Collecting: ${counts}.`;
  if (run.finished_at !== null) return `Last run finished ${formatTime(run.finished_at)}: ${counts}.`;
  return 'No collection has run since the server started.';
}

/** The share of a run that is done, 0–1, for the progress bar; 0 for a run with nothing to do. */
export function runShare(run: CollectRun): number {
  return run.total > 0 ? Math.min(1, run.done / run.total) : 0;
}

/** The path of a target's DELETE: its label URL-encoded (`hashtag%3AUS%3A7`). */
export function targetPath(target: Pick<CollectTargetView, 'label'>): string {
  return `operator/collect/${encodeURIComponent(target.label)}`;
}

/** Why a target has no Remove button that works, or null when it can be removed here. */
export function removalBlocked(target: Pick<CollectTargetView, 'origin'>): string | null {
  return target.origin === 'setting' ? 'Listed in the COLLECT setting: remove it there and restart the server.' : null;
}

/** The `POST operator/collect` body: empty country and period left out, so the chart's defaults apply. */
export function targetBody(draft: { chart: string; country_code: string; period: string }): Record<string, unknown> {
  const body: Record<string, unknown> = { chart: draft.chart };
  if (draft.country_code.trim() !== '') body.country_code = draft.country_code.trim();
  const period = draft.period.trim();
  if (period !== '') body.period = /^\d+$/.test(period) ? Number(period) : period;
  return body;
}
