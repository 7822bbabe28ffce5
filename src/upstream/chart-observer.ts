import type { AnyEndpoint } from '../catalog/index.js';
import type { UpstreamAccess } from './source.js';
/** One fresh upstream answer for a catalog operation, before it is cached, with the adapter and access that served it. */
export interface ChartObservation { endpoint: AnyEndpoint; params: Record<string, unknown>; adapter: string; access: UpstreamAccess; data: unknown }
/** Sees every fresh upstream answer and may enrich it (history derives rank movement here). */
export interface ChartObserver { enrich(observation: ChartObservation): Promise<unknown> }
