import { paginate } from '../chart.js';
import { ok, type Answer } from '../envelope.js';
import { csv, intParam, oneOf, paging, str } from '../query.js';
import { rng } from '../random.js';
import { KEYWORDS } from '../vocab.js';

/** Keyword insights (`script/keyword/list`, docs/upstreams.md § Operations, § Item shapes), total 500. */

const PAGE_MAX = 50;
const ORDER_BY = ['post', 'post_change', 'ctr', 'cvr', 'cpa', 'cost', 'impression', 'play_six_rate', 'like', 'share', 'comment'] as const;
type OrderBy = (typeof ORDER_BY)[number];

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** `script/keyword/list`: `data.keyword_list`, `data.pagination{page,size,total,has_more}`. */
export function keywordList(q: URLSearchParams): Answer {
  const { page, limit } = paging(q, PAGE_MAX);
  const period = oneOf(intParam(q, 'period', 7), [7, 30, 120], 7);
  const orderBy = oneOf<OrderBy>((str(q, 'order_by') ?? 'post') as OrderBy, ORDER_BY, 'post');
  const ascending = str(q, 'order_type') === 'asc';
  const search = (str(q, 'keyword') ?? '').toLowerCase();
  const key = [
    'keyword-chart',
    period,
    str(q, 'country_code')?.toUpperCase() ?? '',
    csv(q, 'industry').sort().join(','),
    csv(q, 'objective').sort().join(','),
    str(q, 'keyword_type') ?? '',
  ].join('|');
  const items = KEYWORDS.filter((k) => k.includes(search)).map((keyword) => {
    const r = rng(key, keyword);
    const post = Math.round(10 ** (1.5 + r.next() * 3) * (period / 7) ** 0.7);
    const impression = post * r.int(2000, 40_000);
    const like = Math.round(impression * (0.005 + r.next() * 0.03));
    return {
      keyword,
      post,
      post_change: round(r.next() * 300 - 60, 2),
      ctr: round(0.2 + r.next() * 2.5, 2),
      cvr: round(r.next() * 15, 2),
      cpa: round(1 + r.next() * 60, 2),
      cost: round(post * (20 + r.next() * 400), 2),
      impression,
      like,
      share: Math.round(like * (0.02 + r.next() * 0.1)),
      comment: Math.round(like * (0.01 + r.next() * 0.05)),
      play_six_rate: round(5 + r.next() * 40, 2),
      video_list: Array.from({ length: 5 }, () => `7${r.int(3, 5)}${r.digits(17)}`),
    };
  });
  items.sort((a, b) => (ascending ? a[orderBy] - b[orderBy] : b[orderBy] - a[orderBy]));
  const { slice, hasMore } = paginate(items, page, limit);
  return ok({ keyword_list: slice, pagination: { page, size: limit, total: items.length, has_more: hasMore } });
}
