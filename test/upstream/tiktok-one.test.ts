import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseParams, type AnyEndpoint } from '../../src/catalog/index.js';
import { popularTrendHashtagDetail } from '../../src/catalog/trends/popular-trend-hashtag-detail.js';
import { popularTrendHashtag } from '../../src/catalog/trends/popular-trend-hashtag.js';
import { popularTrendVideo } from '../../src/catalog/trends/popular-trend-video.js';
import { ManualClock } from '../../src/clock.js';
import { createTikTokOneSource, type Source } from '../../src/upstream/index.js';

/**
 * The TikTok One adapter against fixtures in the shapes TikTok One was observed to send
 * (docs/upstreams.md § TikTok One), served as raw JSON text by a tiny local server so bare
 * 19-digit ids reach the parser exactly as written.
 */

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let seen: Seen[] = [];
/** The next answers, by path (without the leading slash); a missing path answers 404. */
let answers: Record<string, { status?: number; type?: string; text: string }> = {};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname.slice(1);
      seen.push({ method: req.method ?? '', path, query: url.searchParams, headers: req.headers, body });
      const answer = answers[path];
      if (!answer) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
        return;
      }
      res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json' }).end(answer.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen = [];
  answers = {};
});

const OK = '"BaseResp":{"StatusCode":0,"StatusMessage":""}';
const LIST = 'CreativeOne/KnowledgeAPI/GetHashtagList';

function source(cookies: string[] = []): Source {
  return createTikTokOneSource({
    baseUrl: `${base}/`,
    usBaseUrl: `${base}/us/`,
    cookies,
    retries: 0,
    backoff: () => 0,
    timeoutMs: 1_000,
    clock: new ManualClock(Date.UTC(2026, 6, 20)),
    pageCacheTtlMs: 0,
  });
}

function params(endpoint: AnyEndpoint, query: Record<string, string>): Record<string, unknown> {
  const parsed = parseParams(endpoint, query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}

/** A hashtag item as TikTok One writes it without `agw-js-conv`: bare numbers, 19-digit id included. */
const BARE_ITEM =
  '{"hashtagID":7400795988650459167,"hashtagName":"fixture","industryIDs":[23000000000],' +
  '"popularityCurve":[{"timestamp":1784246400,"value":63.03},{"timestamp":1784332800,"value":100}],' +
  '"publishCnt":34639,"rankIndex":21,"topCreators":[{"handleName":"creator"}],"vv":29712825}';

/** The same item with `agw-js-conv: str`: int64 fields as strings. */
const STRING_ITEM =
  '{"hashtagID":"7400795988650459168","hashtagName":"fixture2","industryIDs":[22000000000],' +
  '"popularityCurve":[{"timestamp":"1784246400","value":7.5}],' +
  '"publishCnt":"34639","rankIndex":"22","topCreators":[{"handleName":"creator2"}],"vv":"29712825"}';

describe('TikTok One hashtag list', () => {
  it('keeps bare 19-digit ids exact, turns counts into numbers and scales the curve to 0–1', async () => {
    answers[LIST] = { text: `{${OK},"items":[${BARE_ITEM},${STRING_ITEM}],"pagination":{"page":1,"limit":20,"totalCount":2,"hasMore":false}}` };
    const s = source();
    const result = await s.fetch(popularTrendHashtag, params(popularTrendHashtag, { country_code: 'US', limit: '5' }));
    await s.close();
    expect(result.ok).toBe(true);
    const data = (result as { data: any }).data;
    expect(data.data.pagination).toEqual({ page: 1, size: 5, total: 2, has_more: false });
    expect(data.data.list[0]).toEqual({
      hashtag_id: '7400795988650459167',
      hashtag_name: 'fixture',
      country_info: { id: 'US', value: 'United States', label: 'US' },
      industry_info: { id: 23000000000, value: 'News & Entertainment', label: 'label_23000000000' },
      trend: [
        { time: 1784246400, value: 0.63 },
        { time: 1784332800, value: 1 },
      ],
      creators: [{ nick_name: 'creator' }],
      publish_cnt: 34639,
      video_views: 29712825,
      rank: 21,
    });
    expect(data.data.list[1]).toMatchObject({ hashtag_id: '7400795988650459168', publish_cnt: 34639, rank: 22, trend: [{ value: 0.08 }] });
  });

  it('leaves out the current UTC day\'s curve point: the day so far, not a fall at the end', async () => {
    // The source's clock is 2026-07-20; 1784419200 is 2026-07-19, 1784505600 is 2026-07-20.
    const withToday = BARE_ITEM.replace(
      '{"timestamp":1784332800,"value":100}',
      '{"timestamp":1784332800,"value":100},{"timestamp":1784419200,"value":0},{"timestamp":1784505600,"value":12.5}',
    );
    answers[LIST] = { text: `{${OK},"items":[${withToday}],"pagination":{"page":1,"limit":20,"totalCount":1,"hasMore":false}}` };
    const s = source();
    const result = await s.fetch(popularTrendHashtag, params(popularTrendHashtag, { country_code: 'US' }));
    await s.close();
    expect((result as { data: any }).data.data.list[0].trend).toEqual([
      { time: 1784246400, value: 0.63 },
      { time: 1784332800, value: 1 },
      { time: 1784419200, value: 0 },
    ]);
  });

  it('sends the web app\'s headers, agw-js-conv and an integer industryID, unsigned', async () => {
    answers[LIST] = { text: `{${OK},"items":[],"pagination":{"page":1,"limit":20,"totalCount":0,"hasMore":false}}` };
    const s = source(['sessionid=abc; csrftoken=tok1', 'sessionid=def; csrftoken=tok2']);
    await s.fetch(popularTrendHashtag, params(popularTrendHashtag, { country_code: 'GB', industry_id: '22000000000', period: '30' }));
    await s.fetch(popularTrendHashtag, params(popularTrendHashtag, { country_code: 'FR' }));
    await s.close();
    const [first, second] = seen;
    expect(first?.method).toBe('POST');
    expect(first?.headers).toMatchObject({
      'agw-js-conv': 'str',
      'content-type': 'application/json',
      accept: 'application/json',
      origin: 'https://ads.tiktok.com',
      cookie: 'sessionid=abc; csrftoken=tok1',
      'x-csrftoken': 'tok1',
    });
    expect(first?.headers['user-agent']).toMatch(/Chrome\//);
    expect(first?.headers['user-agent']).not.toMatch(/Headless/);
    expect(first?.headers).not.toHaveProperty('user-sign');
    expect(JSON.parse(first?.body ?? '')).toEqual({ timeRange: 30, countryCode: 'GB', page: 1, limit: 20, industryID: 22000000000 });
    expect(second?.headers['x-csrftoken']).toBe('tok2');
  });

  it('windows over 20-item pages: limit 30 on page 2 reads upstream pages 2 and 3', async () => {
    const page = (n: number) =>
      `{${OK},"items":[${Array.from({ length: 20 }, (_, i) => BARE_ITEM.replace('"rankIndex":21', `"rankIndex":${(n - 1) * 20 + i + 1}`)).join(',')}],` +
      `"pagination":{"page":${n},"limit":20,"totalCount":100,"hasMore":true}}`;
    const s = source(['sessionid=abc; csrftoken=tok']);
    // One answer per path: the fixture server cannot tell pages apart, so it serves page-shaped items.
    answers[LIST] = { text: page(2) };
    const result = await s.fetch(popularTrendHashtag, params(popularTrendHashtag, { country_code: 'US', page: '2', limit: '30' }));
    await s.close();
    expect(seen.map((r) => JSON.parse(r.body).page).sort()).toEqual([2, 3]);
    const data = (result as { data: any }).data;
    expect(data.data.list).toHaveLength(30);
    expect(data.data.pagination).toEqual({ page: 2, size: 30, total: 100, has_more: true });
  });
});

describe('TikTok One failures', () => {
  const flagship = () => params(popularTrendHashtag, { country_code: 'US' });

  it.each([
    ['InvalidLogin', { text: `{"BaseResp":{"StatusCode":38001001,"StatusMessage":"InvalidLogin"}}` }, { kind: 'unavailable', detail: 'login_required' }],
    ['InvalidRequest (HTTP 400)', { status: 400, text: '{"code":"InvalidRequest","message":"industryID unknown"}' }, { kind: 'bad_response', detail: 'invalid_request', message: 'industryID unknown' }],
    ['HTTP 403', { status: 403, type: 'text/plain', text: 'Access Denied' }, { kind: 'unavailable', detail: 'blocked' }],
    ['an HTML page', { type: 'text/html', text: '<html><body>verify you are human</body></html>' }, { kind: 'unavailable', detail: 'blocked' }],
    ['a 5xx', { status: 502, text: 'bad gateway' }, { kind: 'bad_response', detail: 'upstream_error' }],
    ['another StatusCode', { text: '{"BaseResp":{"StatusCode":5,"StatusMessage":"busy"}}' }, { kind: 'bad_response', detail: 'upstream_error' }],
  ])('classifies %s', async (_, answer, failure) => {
    answers[LIST] = answer;
    const s = source();
    const result = await s.fetch(popularTrendHashtag, flagship());
    await s.close();
    expect(result).toMatchObject({ ok: false, failure });
  });

  it('treats a missing path (HTTP 404) as deprecated, so the next source serves', async () => {
    const s = source();
    expect(await s.fetch(popularTrendHashtag, flagship())).toMatchObject({ ok: false, failure: { kind: 'unavailable', detail: 'deprecated' } });
    await s.close();
  });

  it('refuses an answer off the contract instead of passing it on', async () => {
    answers[LIST] = { text: `{${OK},"items":[{"hashtagID":"1","hashtagName":"x"}],"pagination":{"page":1,"limit":20,"totalCount":1,"hasMore":false}}` };
    const s = source();
    expect(await s.fetch(popularTrendHashtag, flagship())).toMatchObject({ ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch' } });
    await s.close();
  });

  it('says a connection refused is connect_failed', async () => {
    const s = createTikTokOneSource({ baseUrl: 'http://127.0.0.1:9/', usBaseUrl: 'http://127.0.0.1:9/', retries: 0, timeoutMs: 500 });
    expect(await s.fetch(popularTrendHashtag, flagship())).toMatchObject({ ok: false, failure: { kind: 'unavailable', detail: 'connect_failed' } });
    await s.close();
  });
});

describe('TikTok One hashtag detail and videos', () => {
  it('resolves the name through the list, then asks the detail by id as a string', async () => {
    answers[LIST] = { text: `{${OK},"items":[${BARE_ITEM}],"pagination":{"page":1,"limit":20,"totalCount":1,"hasMore":false}}` };
    answers['CreativeOne/KnowledgeAPI/GetHashtagDetail'] = {
      text:
        `{${OK},"hashtagID":7400795988650459167,"hashtagName":"fixture","publishCnt":"34639","vv":"29712825","timeRange":7,` +
        '"countryCode":"US","industryIDs":[23000000000],"popularityCurve":[{"timestamp":"1784246400","value":50}],' +
        '"ageProfile":[{"ageLevel":"3","vvPercent":"37.26"}],"representativeCountryProfile":[{"countryCode":"US","countryTgiScore":150.2}],' +
        '"videoList":[{"itemID":7383227119714238469,"vid":"v","coverURL":"https://example.test/c.jpg","videoURL":{"default":"https://example.test/v.mp4"}}]}',
    };
    const s = source(['sessionid=abc; csrftoken=tok']);
    const result = await s.fetch(popularTrendHashtagDetail, params(popularTrendHashtagDetail, { hashtag_name: '#Fixture', country_code: 'US' }));
    await s.close();
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ hashtagID: '7400795988650459167', timeRange: 7, countryCode: 'US' });
    const info = (result as { data: any }).data.data.info;
    expect(info).toMatchObject({
      hashtag_id: '7400795988650459167',
      video_url: 'https://www.tiktok.com/tag/fixture',
      trend: [{ time: 1784246400, value: 0.5 }],
      audience_ages: [{ age_level: 3, score: 37 }],
      related_items: [{ item_id: '7383227119714238469', cover_uri: 'https://example.test/c.jpg' }],
    });
    expect((result as { data: any }).data.request_id).toMatch(/^20260720[0-9]{6}[0-9A-F]{20}$/);
  });

  it('reads the period end from the overview and keeps 19-digit item ids exact', async () => {
    answers['us/CreativeOne/Report/GetTopContentsOverview'] = { text: `{${OK},"lastDailyEndTimestamp":1784246400,"lastWeeklyEndTimestamp":1783900800,"lastMonthlyEndTimestamp":1782864000}` };
    answers['us/CreativeOne/Report/CreativeCenterGetTopContentsList'] = {
      text:
        `{${OK},"entityInfos":[{"itemInfo":{"itemID":7383227119714238469,"authorID":6981234567890123456,"creatorID":6981234567890123457,` +
        '"title":"t","coverURL":"https://example.test/c.jpg","coverURLList":[],"videoURL":"https://example.test/v","createTime":1784000000,"contentType":1},' +
        '"itemAuthorInfo":{"handlerName":"sam","nickName":"Sam","avatarURI":"https://example.test/a.jpg","bio":""},"itemAuthorMetrics":{"followers":10},' +
        '"itemMetrics":{"videoViews":5,"videoViewsLifeTime":6,"organicVideoViews":4,"organicVideoViewsLifeTime":5,"engagementRate":0.1,"sixSecondsVTR":0.2},' +
        '"contentTags":[{"contentLabelID":11002,"contentLabelName":"Beauty"}]}],"pagination":{"page":1,"limit":20,"totalCount":100,"hasMore":true,"pageCount":5}}',
    };
    const s = source();
    const result = await s.fetch(popularTrendVideo, params(popularTrendVideo, { country_code: 'US', period: '30' }));
    await s.close();
    expect(seen.map((r) => r.path)).toEqual(['us/CreativeOne/Report/GetTopContentsOverview', 'us/CreativeOne/Report/CreativeCenterGetTopContentsList']);
    expect(Object.fromEntries(seen[1]?.query ?? [])).toEqual({
      periodDimension: '5',
      periodEndTimestamp: '1782864000',
      orderByMetric: '1',
      countryCode: 'US',
      contentLabelIDs: '',
      organicOnly: 'false',
      page: '1',
      limit: '20',
    });
    const data = (result as { data: any }).data.data;
    expect(data.videos[0]).toEqual({
      id: '7383227119714238469',
      item_id: '7383227119714238469',
      item_url: 'https://www.tiktok.com/@sam/video/7383227119714238469',
      title: 't',
      cover: 'https://example.test/c.jpg',
      country_code: 'US',
      region: 'United States',
    });
    // A short page ends what can be reached, whatever totalCount says.
    expect(data.pagination).toEqual({ page: 1, limit: 20, total_count: 1, has_more: false });
  });
});
