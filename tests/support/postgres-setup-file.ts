import { afterAll } from 'vitest';
import { closeTestDatabases } from './test-database.js';

// Per test file of the postgres project: drop the databases its tests did not close themselves.
afterAll(async () => {
  await closeTestDatabases();
});
