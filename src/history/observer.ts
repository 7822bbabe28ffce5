import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AnyEndpoint } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';
import type { ChartObservation, ChartObserver } from '../upstream/index.js';
import { readChart } from './charts.js';
import { addDays, utcDayOf } from './days.js';
import { lacksMovement, withMovement } from './movement.js';
import type { SnapshotRecorder } from './recorder.js';
import { readDay } from './snapshots.js';

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  return schema instanceof z.ZodObject ? schema.shape : undefined;
}

/**
 * Whether the endpoint's response schema gives the items of its chart list `rank_diff_type`: only
 * those answers may carry derived movement (README.md § Trend history). A Top Ads list or a video chart
 * is stored as a chart, but its items document no movement and get none.
 */
function documentsMovement(endpoint: AnyEndpoint, list: string): boolean {
  const outer = shapeOf(endpoint.responseSchema);
  const items = (endpoint.envelope === 'double' ? shapeOf(outer?.data) : outer)?.[list];
  return items instanceof z.ZodArray && shapeOf(items.element)?.rank_diff_type !== undefined;
}

/**
 * The gateway's chart observer: every fresh chart answer is queued as today's snapshot, and where the
 * upstream gave no rank movement (TikTok One) on a chart whose schema has it, it is derived from the
 * previous UTC day's snapshot.
 */
export class HistoryObserver implements ChartObserver {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly recorder: SnapshotRecorder,
  ) {}

  async enrich({ endpoint, params, data, ...served }: ChartObservation): Promise<unknown> {
    const reading = readChart(endpoint, params, data, served);
    if (!reading) return data;
    const now = this.clock.now();
    const day = utcDayOf(now);
    let answer = data;
    if (reading.entries.length > 0 && documentsMovement(endpoint, reading.spec.list) && lacksMovement(endpoint, data, reading)) {
      const previous = await readDay(this.db, reading.key, addDays(day, -1));
      if (previous) answer = withMovement(endpoint, data, reading, previous);
    }
    // An empty answer (an uncovered country, a window past the end) is nothing to remember.
    if (reading.entries.length > 0) this.recorder.record({ reading, day, capturedAt: now });
    return answer;
  }
}
