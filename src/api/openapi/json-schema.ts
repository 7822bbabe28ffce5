import { z } from 'zod';

/** A JSON Schema (draft 2020-12) object as zod emits it. */
export type JsonSchema = Record<string, unknown>;

const SAFE_MIN = Number.MIN_SAFE_INTEGER;
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

// zod writes ±(2^53−1) bounds on every `.int()`, which say nothing a reader needs, and types integer
// literals (the envelopes' `code`) as `number`.
function tidy(ctx: { jsonSchema: JsonSchema }): void {
  const s = ctx.jsonSchema;
  if (s.minimum === SAFE_MIN) delete s.minimum;
  if (s.maximum === SAFE_MAX) delete s.maximum;
  if (s.type === 'number' && Number.isInteger(s.const)) s.type = 'integer';
}

// `input` leaves objects open (no `additionalProperties: false`): the upstream may add fields.
const OPTIONS = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', override: tidy } as const;

/** One zod schema as a self-contained JSON Schema, without `$schema`. */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
  return rest;
}

/**
 * Named zod schemas as JSON Schemas that reference each other by `#/components/schemas/<name>`
 * wherever one named schema is used inside another.
 */
export function toNamedJsonSchemas(named: ReadonlyMap<string, z.ZodType>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
    out[id] = rest;
  }
  return out;
}
