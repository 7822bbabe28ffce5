import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, schemaSource } from './schema-source.js';

// `npm run generate`: rewrites the client's types from the catalog.
const target = fileURLToPath(new URL(`../${SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, await schemaSource());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
