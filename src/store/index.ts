export { openStore, dialectOf, type Store, type StoreDialect } from './connect.js';
export { sqliteBatch, type BatchJob } from './batch-job.js';
export type * from './database.js';
