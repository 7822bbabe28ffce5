import type { AnyEndpoint, UpstreamAdapter } from '../catalog/index.js';

const ADAPTERS: readonly UpstreamAdapter[] = ['creative-center', 'tiktok-one'];

/**
 * The operator's override of the catalog's source order, from `UPSTREAM_SOURCES`
 * (docs/upstreams.md § Source routing): a global preference and per-operation lists.
 */
export interface SourceOrder {
  /** Adapters to use, in order, for every operation that declares at least one of them. */
  global?: readonly UpstreamAdapter[];
  /** Exactly these adapters, in this order, for the named operation. */
  perOperation: Readonly<Record<string, readonly UpstreamAdapter[]>>;
}

function adapterList(text: string, where: string): UpstreamAdapter[] | string {
  const names = text.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) return `${where}: empty adapter name`;
  const unknown = names.find((n) => !(ADAPTERS as readonly string[]).includes(n));
  if (unknown !== undefined) return `${where}: unknown adapter "${unknown}" (adapters: ${ADAPTERS.join(', ')})`;
  if (new Set(names).size !== names.length) return `${where}: an adapter is named twice`;
  return names as UpstreamAdapter[];
}

/**
 * Parses `UPSTREAM_SOURCES`: entries separated by `;`, each either `adapter[,adapter…]` (the global
 * preference) or `<operation id>=adapter[,adapter…]` (that operation only; one adapter pins it).
 * Returns the order, or a sentence saying what is wrong.
 */
export function parseSourceOrder(text: string, endpoints: readonly AnyEndpoint[]): { ok: true; order: SourceOrder } | { ok: false; message: string } {
  const perOperation: Record<string, readonly UpstreamAdapter[]> = {};
  let global: UpstreamAdapter[] | undefined;
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) {
      if (global) return { ok: false, message: 'more than one global list (entries without "<operation id>=")' };
      const list = adapterList(entry, `"${entry}"`);
      if (typeof list === 'string') return { ok: false, message: list };
      global = list;
      continue;
    }
    const operationId = entry.slice(0, eq).trim();
    const endpoint = endpoints.find((e) => e.operationId === operationId);
    if (!endpoint) return { ok: false, message: `unknown operation id "${operationId}", e.g. ${endpoints[0]?.operationId ?? ''}` };
    if (perOperation[operationId]) return { ok: false, message: `${operationId} is listed twice` };
    const list = adapterList(entry.slice(eq + 1), operationId);
    if (typeof list === 'string') return { ok: false, message: list };
    const foreign = list.find((a) => !endpoint.sources.includes(a));
    if (foreign !== undefined) {
      return { ok: false, message: `${operationId} cannot be served by ${foreign} (its sources: ${endpoint.sources.join(', ')})` };
    }
    perOperation[operationId] = list;
  }
  return { ok: true, order: global ? { global, perOperation } : { perOperation } };
}

/**
 * The adapters an operation tries, in order: its own override, else the global preference narrowed to
 * what the operation declares (an operation declaring none of them keeps its catalog order), else the
 * catalog order.
 */
export function sourcesFor(endpoint: AnyEndpoint, order?: SourceOrder): readonly UpstreamAdapter[] {
  const own = order?.perOperation[endpoint.operationId];
  if (own) return own;
  const preferred = order?.global?.filter((a) => endpoint.sources.includes(a)) ?? [];
  return preferred.length > 0 ? preferred : endpoint.sources;
}
