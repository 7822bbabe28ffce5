import { ulid } from '../ids.js';

/** Prefixed ULIDs: sortable by time, and the prefix says what an id names. */
export const newAccountId = (): string => `acc_${ulid()}`;
export const newKeyId = (): string => `key_${ulid()}`;
