import type { EndpointDefinition, ParamDefs } from './types.js';

/** Derives the operation id from the path (docs/api-contract.md § Endpoints) so the two can never disagree. */
export function defineEndpoint<P extends ParamDefs>(
  def: Omit<EndpointDefinition<P>, 'operationId' | 'platform'>,
): EndpointDefinition<P> {
  return { ...def, operationId: def.path.slice(1).replaceAll('/', '-'), platform: 'TikTok' };
}
