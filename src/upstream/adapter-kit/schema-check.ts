import type { AnyEndpoint } from '../../catalog/index.js';
import type { UpstreamResult } from '../source.js';

/**
 * An adapter's answer checked against the endpoint's response schema, so nothing off-contract reaches a
 * caller: a mismatch becomes `schema_mismatch` naming the first offending path; a failure passes through.
 */
export function checkAgainstSchema(endpoint: AnyEndpoint, result: UpstreamResult): UpstreamResult {
  if (!result.ok) return result;
  const checked = endpoint.responseSchema.safeParse(result.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
    return { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message: `${endpoint.operationId} ${where}` } };
  }
  return { ok: true, data: checked.data, ...(result.headers ? { headers: result.headers } : {}) };
}
