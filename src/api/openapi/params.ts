import type { AnyEndpoint, ParamDef } from '../../catalog/index.js';

/** A catalog param as the web app's Playground and Docs read it. */
export interface CatalogParamJson {
  name: string;
  in: 'query';
  type: ParamDef['type'];
  required: boolean;
  default?: unknown;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  /** True when out-of-range values are clamped into [minimum, maximum] instead of rejected. */
  clamp: boolean;
  pattern?: string;
  maxLength?: number;
  example?: string;
  description: string;
  aliases: readonly string[];
  /** Validated, then not applied upstream. */
  ignored: boolean;
  /** Optional, but the Playground starts with the example filled. */
  prefill: boolean;
}

/** The params of an endpoint in catalog order, for catalog.json. */
export function catalogParams(endpoint: AnyEndpoint): CatalogParamJson[] {
  return Object.entries(endpoint.params).map(([name, d]) => ({
    name,
    in: 'query',
    type: d.type,
    required: d.required,
    default: d.default,
    enum: d.enum,
    minimum: d.minimum,
    maximum: d.maximum,
    clamp: d.clamp ?? false,
    pattern: d.pattern,
    maxLength: d.maxLength,
    example: d.example,
    description: d.description,
    aliases: d.aliases ?? [],
    ignored: d.ignored ?? false,
    prefill: d.prefill ?? false,
  }));
}

function typedExample(d: ParamDef, raw: string): unknown {
  if (d.type === 'integer') return Number(raw);
  if (d.type === 'boolean') return raw === 'true' || raw === '1';
  if (d.type === 'csv') return raw.split(',');
  return raw;
}

// Catalog descriptions already state clamps, aliases and ignoring; only the CSV rules are added here.
function describe(d: ParamDef): string {
  return d.type === 'csv' ? `${d.description} Comma-separated; items are trimmed, de-duplicated and sorted.` : d.description;
}

function schemaOf(d: ParamDef): Record<string, unknown> {
  const scalar: Record<string, unknown> = {
    type: d.type === 'csv' ? 'string' : d.type,
    ...(d.enum !== undefined && { enum: d.enum }),
    ...(d.minimum !== undefined && { minimum: d.minimum }),
    ...(d.maximum !== undefined && { maximum: d.maximum }),
    ...(d.pattern !== undefined && { pattern: d.pattern }),
    ...(d.maxLength !== undefined && { maxLength: d.maxLength }),
  };
  if (d.type === 'csv') return { type: 'array', items: scalar };
  return { ...scalar, ...(d.default !== undefined && { default: d.default }) };
}

/** One catalog param as an OpenAPI Parameter Object; CSV params are `form` arrays without explode. */
export function openApiParam(name: string, d: ParamDef): Record<string, unknown> {
  return {
    name,
    in: 'query',
    required: d.required,
    description: describe(d),
    schema: schemaOf(d),
    ...(d.type === 'csv' && { style: 'form', explode: false }),
    ...(d.example !== undefined && { example: typedExample(d, d.example) }),
    ...(d.clamp && { 'x-clamp': { minimum: d.minimum, maximum: d.maximum } }),
    ...(d.aliases?.length && { 'x-aliases': d.aliases }),
    ...(d.ignored && { 'x-ignored': true }),
  };
}

/** `{param: {minimum, maximum}}` for the clamped params of an endpoint (`x-clamp`). */
export function clampsOf(endpoint: AnyEndpoint): Record<string, { minimum: number; maximum: number }> {
  const out: Record<string, { minimum: number; maximum: number }> = {};
  for (const [name, d] of Object.entries(endpoint.params)) {
    if (d.clamp && d.minimum !== undefined && d.maximum !== undefined) out[name] = { minimum: d.minimum, maximum: d.maximum };
  }
  return out;
}
