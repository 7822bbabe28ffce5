import { pagedOperation, pick, type Operation } from '../operation.js';

/** Keywords group, endpoint 15 (docs/api-contract.md § Keywords, docs/upstreams.md § Operations). */
export const keywordOperations: Record<string, Operation> = {
  'tiktok-keyword-insights': pagedOperation({
    path: 'script/keyword/list',
    referer: 'inspiration/keyword-insights/pc/en',
    pageSize: 50,
    listKey: 'keyword_list',
    pagination: 'size',
    requestId: true,
    query: (p) =>
      pick(p, ['period', 'country_code', 'industry', 'objective', 'keyword_type', 'order_by', 'order_type', 'keyword']),
  }),
};
