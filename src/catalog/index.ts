export { endpoints, findEndpoint } from './endpoints.js';
export { parseParams, canonicalForm, type RawQuery, type ParamError, type ParseResult, type CanonicalRequest } from './parse.js';
export type { EndpointDefinition, AnyEndpoint, EndpointGroup, ParamDefs, ParsedParams, UpstreamAdapter, Retirement } from './types.js';
export type { ParamDef, ParamType } from './params.js';
export { isCountryCode, countryName } from './countries.js';
export { TREND_INDUSTRIES, TREND_COUNTRIES } from './industries.js';
export { sharedSchemas } from './schemas.js';
export { ANALYSIS_METRICS } from './top-ads/top-ads-analysis.js';
export { TOP_ADS_STATIC_FILTERS } from './top-ads/top-ads-filters.js';
