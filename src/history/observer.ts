import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';
import type { ChartObservation, ChartObserver } from '../upstream/index.js';
import { readChart } from './charts.js';
import { addDays, utcDayOf } from './days.js';
import { lacksMovement, withMovement } from './movement.js';
import type { SnapshotRecorder } from './recorder.js';
import { readDay } from './snapshots.js';

/**
 * The gateway's chart observer: every fresh chart answer is queued as today's snapshot, and where the
 * upstream gave no rank movement (TikTok One) it is derived from the previous UTC day's snapshot.
 */
export class HistoryObserver implements ChartObserver {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly recorder: SnapshotRecorder,
  ) {}

  async enrich({ endpoint, params, data }: ChartObservation): Promise<unknown> {
    const reading = readChart(endpoint, params, data);
    if (!reading) return data;
    const now = this.clock.now();
    const day = utcDayOf(now);
    let answer = data;
    if (reading.entries.length > 0 && lacksMovement(endpoint, data, reading)) {
      const previous = await readDay(this.db, reading.key.key, addDays(day, -1));
      if (previous) answer = withMovement(endpoint, data, reading, previous);
    }
    // An empty answer (an uncovered country, a window past the end) is nothing to remember.
    if (reading.entries.length > 0) this.recorder.record({ reading, day, capturedAt: now });
    return answer;
  }
}
