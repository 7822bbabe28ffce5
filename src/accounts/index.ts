export { Accounts, AccountError, normaliseEmail, type Account } from './accounts.js';
export { ApiKeys, MAX_LIVE_KEYS, effectiveStatus, toKeyView, type KeyView, type KeyChange, type IdentifiedKey, type Identification, type DeniedReason } from './api-keys.js';
export { generateApiKey, isWellFormedApiKey, hashApiKey, maskApiKey, maskedKey, API_KEY_PREFIX } from './api-key-format.js';
export { Sessions, SESSION_COOKIE, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS, type Session } from './sessions.js';
export { hashPassword, verifyPassword, verifyAgainstDecoy, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './passwords.js';
export { connectRevocationBus } from './revocation-bus.js';
