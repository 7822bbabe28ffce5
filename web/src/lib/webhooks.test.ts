import { describe, expect, it } from 'vitest';
import { deliveryInWords } from './webhooks.js';

const d = { status: 'delivered' as const, last_status_code: 200, last_error: null, attempts: 1, next_attempt_at: null };

describe('deliveryInWords', () => {
  it("names the receiver's answer", () => {
    expect(deliveryInWords(d)).toBe('Delivered: your endpoint answered HTTP 200.');
  });
  it('says when it is retried', () => {
    expect(deliveryInWords({ ...d, status: 'pending', last_status_code: 500, last_error: 'HTTP 500: busy', next_attempt_at: '2026-12-02T10:00:30Z' })).toMatch(
      /^Not delivered yet \(HTTP 500: busy\); next try .+ UTC\.$/,
    );
    expect(deliveryInWords({ ...d, status: 'pending', last_status_code: null, attempts: 0 })).toBe('Queued: it is sent within a minute.');
  });
  it('says why it failed without an answer', () => {
    expect(deliveryInWords({ ...d, status: 'failed', last_status_code: null, last_error: 'connect ECONNREFUSED', attempts: 3 })).toBe('Failed (connect ECONNREFUSED) after 3 attempts.');
  });
});
