import type { Operation } from '../operation.js';
import { keywordOperations } from './keywords.js';
import { topAdsOperations } from './top-ads.js';
import { trendOperations } from './trends.js';

/** Every catalog endpoint's upstream mapping, keyed by operation id (docs/api-contract.md § Endpoints). */
export const operations: Readonly<Record<string, Operation>> = {
  ...trendOperations,
  ...topAdsOperations,
  ...keywordOperations,
};
