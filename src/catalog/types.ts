import type { z } from 'zod';
import type { ParamDef } from './params.js';

/** Groups shown in docs, the Playground filter and OpenAPI tags (docs/api-contract.md § Endpoints). */
export type EndpointGroup = 'Trends' | 'Top Ads' | 'Keywords';

/** The upstream adapters an operation can be served by (docs/upstreams.md § Source routing). */
export type UpstreamAdapter = 'creative-center' | 'tiktok-one';

/** Why an operation has no live upstream any more: when, and what changed. */
export interface Retirement {
  /** ISO date from which TikTok stopped serving it, e.g. `2026-06`. */
  since: string;
  /** One sentence naming what changed, shown in the 503 and in the docs. */
  reason: string;
}

export type ParamDefs = Record<string, ParamDef<any>>;

/** The typed, canonical params of an endpoint after parsing. */
export type ParsedParams<P extends ParamDefs> = {
  [K in keyof P]: P[K] extends ParamDef<infer T> ? (P[K]['required'] extends true ? T : T | undefined) : never;
};

/**
 * One catalog endpoint: everything the gateway, OpenAPI, docs, Playground, snippets and simulator
 * checks derive from (docs/architecture.md § The catalog drives everything). Adding an endpoint means writing one of these plus an upstream mapping.
 */
export interface EndpointDefinition<P extends ParamDefs = ParamDefs> {
  /** Path under `/api/v1`, e.g. `/tiktok/popular-trend/hashtag`. */
  path: string;
  /** Path without the leading slash, slashes turned into dashes (docs/api-contract.md § Endpoints). */
  operationId: string;
  group: EndpointGroup;
  summary: string;
  description: string;
  platform: 'TikTok';
  params: P;
  /** Query names that are refused with a hint instead of ignored (top-ads/detail's `id`). */
  rejectedParams?: Readonly<Record<string, string>>;
  /** Default credit cost; the operator's configuration may override it. */
  creditCost: number;
  cacheTtlSeconds: number;
  /** The upstream operation(s) serving this endpoint, for docs and `x-upstream`. */
  upstream: readonly string[];
  /** `history`: answered from Trendlens's stored charts (src/history), never from an upstream. */
  servedFrom?: 'history';
  /**
   * The adapters that can serve this endpoint, in the order they are tried; the operator may reorder
   * or pin them with `UPSTREAM_SOURCES` (docs/upstreams.md § Source routing).
   */
  sources: readonly UpstreamAdapter[];
  /** Set when TikTok no longer serves the data: the route stays and answers 503 `upstream_retired`. */
  retired?: Retirement;
  /** `double`: data is the upstream envelope `{code,msg,data}`; `single`: data is the payload (meta). */
  envelope: 'double' | 'single';
  responseSchemaName: string;
  /** Schema of the outer envelope's `data` on a 2xx. */
  responseSchema: z.ZodType;
  /** A sample outer-envelope `data`, validated against `responseSchema` by the tests. */
  sample: unknown;
  /** "Response behaviour" notes for the docs (docs/api-contract.md § Docs and OpenAPI). */
  notes: readonly string[];
}

/** Erased form used where endpoints of every shape are handled alike. */
export type AnyEndpoint = EndpointDefinition<ParamDefs>;
