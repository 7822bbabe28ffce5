export { envelope } from './envelope.js';
export { ApiError, ERRORS, STATUS_MESSAGES, type ErrorCode } from './errors.js';
