import type { z } from 'zod';
import type { ParamDef } from './params.js';

/** Groups shown in docs, the Playground filter and OpenAPI tags (docs/api-contract.md § Endpoints). */
export type EndpointGroup = 'Trends' | 'Top Ads' | 'Keywords';

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
