export { checkReadiness, type ReadinessReport, type CheckResult, type UpstreamSummary } from './readiness.js';
export { registerHealthRoutes } from './routes.js';
