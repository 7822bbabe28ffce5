export { openStore, dialectOf, type Store, type StoreDialect } from './connect.js';
export type * from './database.js';
