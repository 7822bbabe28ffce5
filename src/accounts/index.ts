export { Accounts, AccountError, normaliseEmail, type Account } from './accounts.js';
export { ApiKeys, MAX_LIVE_KEYS, effectiveStatus, toKeyView, type KeyView, type IdentifiedKey, type Identification, type DeniedReason } from './api-keys.js';
export { generateApiKey, isWellFormedApiKey, hashApiKey, maskApiKey, API_KEY_PREFIX } from './api-key-format.js';
