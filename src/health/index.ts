export { checkReadiness, type ReadinessReport, type CheckResult } from './readiness.js';
export { registerHealthRoutes } from './routes.js';
