export { openStore, dialectOf, describeDatabase, newerDatabaseMessage, type Store, type StoreDialect } from './connect.js';
export { holdServeLock, type ServeLock } from './serve-lock.js';
export { sqliteBatch, type BatchJob } from './batch-job.js';
export type * from './database.js';
