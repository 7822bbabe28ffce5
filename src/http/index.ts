export { envelope } from './envelope.js';
export { ApiError, ERRORS, STATUS_MESSAGES, type ErrorCode } from './errors.js';
export { followConnections, type ConnectionDrain } from './drain.js';
