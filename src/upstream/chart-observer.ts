import type { AnyEndpoint } from '../catalog/index.js';
/** One fresh upstream answer for a catalog operation, before it is cached. */
export interface ChartObservation { endpoint: AnyEndpoint; params: Record<string, unknown>; adapter: string; data: unknown }
/** Sees every fresh upstream answer and may enrich it (history derives rank movement here). */
export interface ChartObserver { enrich(observation: ChartObservation): Promise<unknown> }
