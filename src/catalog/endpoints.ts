import { popularTrendHashtag } from './trends/popular-trend-hashtag.js';
import type { AnyEndpoint } from './types.js';

/** Every public endpoint, in contract §4 order. The one list everything else is derived from. */
export const endpoints: readonly AnyEndpoint[] = [popularTrendHashtag];

const byOperationId = new Map(endpoints.map((e) => [e.operationId, e]));

/** Looks an endpoint up by its operation id. */
export function findEndpoint(operationId: string): AnyEndpoint | undefined {
  return byOperationId.get(operationId);
}
