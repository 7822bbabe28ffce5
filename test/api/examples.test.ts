import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { endpoints, findEndpoint, type AnyEndpoint } from '../../src/catalog/index.js';
import { contractApp, get, type Reply } from '../support/endpoint-contract.js';

/**
 * Examples that work: every value the catalog documents (a param's example, an id in a sample) is
 * one the simulator knows, so whatever a reader copies from the Docs or the Playground's defaults
 * answers 200 in demo mode, with data, not an empty list or a 404.
 */

/** Both adapters, TikTok One with the operator's session, as the demo runs them. */
const { t, caller } = contractApp({ start: { tiktokOne: 'logged-in' } });

const url = (endpoint: AnyEndpoint) => `/api/v1${endpoint.path}`;

/**
 * Asks an operation in a world where it has a live source: the legacy one (the simulator's 2024 era,
 * which `contractApp` sets before each test) when Creative Center serves it, else 2026's TikTok One.
 */
function ask(endpoint: AnyEndpoint, search: string): Promise<Reply> {
  if (!endpoint.sources.includes('creative-center')) t.simulator.setEra('2026');
  return get(t, url(endpoint), search, caller);
}

function query(pairs: Record<string, string>): string {
  const search = new URLSearchParams(pairs).toString();
  return search === '' ? '' : `?${search}`;
}

/** The required params, each filled with its documented example (what the Playground pre-fills). */
function requiredExamples(endpoint: AnyEndpoint): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const [name, def] of Object.entries(endpoint.params)) {
    if (!def.required) continue;
    if (def.example === undefined) throw new Error(`${endpoint.operationId}: required ${name} has no example`);
    pairs[name] = def.example;
  }
  return pairs;
}

/** The payload of a 2xx, whichever envelope the endpoint uses. */
function payload(endpoint: AnyEndpoint, reply: Reply): Record<string, unknown> {
  return endpoint.envelope === 'double' ? reply.body.data.data : reply.body.data;
}

/** A 200 with schema-valid data whose lists, if it has any, are not all empty. */
function expectDataFor(endpoint: AnyEndpoint, reply: Reply): void {
  expect(reply.res.statusCode, JSON.stringify(reply.body)).toBe(200);
  expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
  const lists = Object.values(payload(endpoint, reply)).filter(Array.isArray);
  if (lists.length > 0) expect(lists.some((list) => list.length > 0)).toBe(true);
}

/**
 * One case per operation with its required examples, and one per optional param's example on top.
 * History's endpoints answer from charts an instance has stored, which a fresh one has not: their
 * examples are asked after fourteen collected days in test/api/history.test.ts.
 */
const cases = endpoints.filter((endpoint) => endpoint.servedFrom === undefined).flatMap((endpoint) => {
  const required = requiredExamples(endpoint);
  const optional = Object.entries(endpoint.params).filter(([, def]) => !def.required && def.example !== undefined);
  return [
    [endpoint.operationId, 'its required examples', endpoint, required] as const,
    ...optional.map(([name, def]) => [endpoint.operationId, `${name}=${def.example}`, endpoint, { ...required, [name]: def.example! }] as const),
  ];
});

describe('documented param examples', () => {
  it.each(cases)('%s answers %s with data', async (_, __, endpoint, pairs) => {
    expectDataFor(endpoint, await ask(endpoint, query(pairs)));
  });
});

/** Ids shown in a sample that another operation takes as its input. */
function sampleIds(operationId: string, pick: (data: any) => string[]): string[] {
  const sample = findEndpoint(operationId)!.sample as any;
  return pick(sample.data);
}

const SAMPLE_INPUTS: ReadonlyArray<readonly [from: string, to: string, param: string, ids: string[]]> = [
  ['tiktok-popular-trend-hashtag', 'tiktok-popular-trend-hashtag-detail', 'hashtag_name', sampleIds('tiktok-popular-trend-hashtag', (d) => d.list.map((h: any) => h.hashtag_name))],
  ['tiktok-popular-trend-hashtag-detail', 'tiktok-popular-trend-hashtag-detail', 'hashtag_name', sampleIds('tiktok-popular-trend-hashtag-detail', (d) => [d.info.hashtag_name])],
  ['tiktok-popular-trend-song', 'tiktok-popular-trend-song-detail', 'clip_id', sampleIds('tiktok-popular-trend-song', (d) => d.sound_list.map((s: any) => s.clip_id))],
  ['tiktok-popular-trend-song-detail', 'tiktok-popular-trend-song-detail', 'clip_id', sampleIds('tiktok-popular-trend-song-detail', (d) => [d.sound.clip_id])],
  ['tiktok-top-ads-list', 'tiktok-top-ads-detail', 'material_id', sampleIds('tiktok-top-ads-list', (d) => d.materials.map((m: any) => m.id))],
  ['tiktok-top-ads-detail', 'tiktok-top-ads-detail', 'material_id', sampleIds('tiktok-top-ads-detail', (d) => [d.id])],
  ['tiktok-top-ads-recommend', 'tiktok-top-ads-detail', 'material_id', sampleIds('tiktok-top-ads-recommend', (d) => d.materials.map((m: any) => m.id))],
  ['tiktok-top-ads-spotlight', 'tiktok-top-ads-detail', 'material_id', sampleIds('tiktok-top-ads-spotlight', (d) => d.materials.map((m: any) => m.id))],
];

describe('ids in the samples', () => {
  const idCases = SAMPLE_INPUTS.flatMap(([from, to, param, ids]) => ids.map((id) => [from, `${param}=${id}`, to, param, id] as const));

  it.each(idCases)("%s's sample %s answers on %s", async (_, __, to, param, id) => {
    const endpoint = findEndpoint(to)!;
    expectDataFor(endpoint, await ask(endpoint, query({ ...requiredExamples(endpoint), [param]: id })));
  });
});

/** Params whose values come from an option list another operation serves: [operation, param, list operation, list key]. */
const OPTION_LISTS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['tiktok-popular-trend-hashtag', 'industry_id', 'tiktok-popular-trend-country-industry-meta', 'industry'],
  ['tiktok-popular-trend-hashtag', 'country_code', 'tiktok-popular-trend-country-industry-meta', 'country'],
  ['tiktok-top-ads-list', 'country_code', 'tiktok-top-ads-filters', 'country'],
  ['tiktok-top-ads-list', 'industry', 'tiktok-top-ads-filters', 'industry'],
  ['tiktok-top-ads-list', 'objective', 'tiktok-top-ads-filters', 'objective'],
  ['tiktok-top-ads-list', 'ad_language', 'tiktok-top-ads-filters', 'ad_language'],
  ['tiktok-top-ads-list', 'pattern_label', 'tiktok-top-ads-filters', 'pattern_label'],
  ['tiktok-keyword-insights', 'industry', 'tiktok-top-ads-filters', 'industry'],
  ['tiktok-keyword-insights', 'objective', 'tiktok-top-ads-filters', 'objective'],
];

describe('examples taken from option lists', () => {
  it.each(OPTION_LISTS)('%s: the %s example is an id of %s %s', async (operationId, param, listOperationId, key) => {
    const example = findEndpoint(operationId)!.params[param]!.example!;
    const list = findEndpoint(listOperationId)!;
    const reply = await ask(list, '');
    const ids = (payload(list, reply)[key] as Array<{ id: unknown }>).map((item) => String(item.id));
    expect(ids).toContain(example);
  });
});

/** The README's `curl "$BASE/…"` examples, as [operation id, query]. */
function readmeExamples(): Array<readonly [string, string]> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/curl "\$BASE(\/[^"?]+)(\?[^"]*)?"/g)].map(([, path, search]) => {
    const endpoint = endpoints.find((e) => e.path === `/tiktok${path}`);
    if (!endpoint) throw new Error(`README example for an unknown path ${path}`);
    return [endpoint.operationId, search ?? ''] as const;
  });
}

describe('README examples', () => {
  const examples = readmeExamples();
  // History's examples need stored charts; test/api/history.test.ts asks them after collected days.
  const upstreamExamples = examples.filter(([id]) => findEndpoint(id)?.servedFrom === undefined);

  it('show every operation once', () => {
    expect(examples.map(([id]) => id).sort()).toEqual(endpoints.map((e) => e.operationId).sort());
  });

  it.each(upstreamExamples)('%s answers %s with data where a source serves it', async (id, search) => {
    const endpoint = findEndpoint(id)!;
    expectDataFor(endpoint, await ask(endpoint, search));
  });

  describe('in the default demo (2026, TikTok One logged in)', () => {
    const demo = contractApp({ start: { tiktokOne: 'logged-in' } });
    beforeEach(() => demo.t.simulator.setEra('2026'));

    it.each(upstreamExamples)('%s answers %s with data, or 503 upstream_retired when TikTok retired it', async (id, search) => {
      const endpoint = findEndpoint(id)!;
      const reply = await get(demo.t, url(endpoint), search, demo.caller);
      if (endpoint.retired) expect(reply.res.statusCode === 503 && reply.body.data.error, JSON.stringify(reply.body)).toBe('upstream_retired');
      else expectDataFor(endpoint, reply);
    });
  });
});
