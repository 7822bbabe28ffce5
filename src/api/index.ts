export { buildApp, type AppOptions } from './app.js';
export { envelope } from './envelope.js';
export { ApiError, ERRORS, STATUS_MESSAGES, type ErrorCode } from './errors.js';
export type { Services, Mode } from './services.js';
export { API_PREFIX } from './v1/routes.js';
