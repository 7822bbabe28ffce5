import type { DeliveryView } from './console-api.js';
import { formatTime } from './format.js';

/** A delivery's status in the log's words. */
export const DELIVERY_STATUS_WORDS: Readonly<Record<DeliveryView['status'], string>> = { pending: 'Retrying', delivered: 'Delivered', failed: 'Failed' };

/** How a (test) delivery went, in one sentence: the receiver's answer, and what happens next. */
export function deliveryInWords(d: Pick<DeliveryView, 'status' | 'last_status_code' | 'last_error' | 'attempts' | 'next_attempt_at'>): string {
  const answer = d.last_status_code !== null ? `HTTP ${d.last_status_code}` : 'no answer';
  if (d.status === 'delivered') return `Delivered: your endpoint answered ${answer}.`;
  // The server's error starts with the status when there was one ("HTTP 500: …").
  const why = d.last_error ?? answer;
  if (d.status === 'pending') {
    return d.attempts === 0 ? 'Queued: it is sent within a minute.' : `Not delivered yet (${why}); next try ${formatTime(d.next_attempt_at)}.`;
  }
  return `Failed (${why}) after ${d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`}.`;
}
