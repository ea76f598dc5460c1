import type { Migration } from 'kysely';
import * as accounts from './20261122T1000_accounts.js';

// Every migration, in order. Migrations are immutable once landed: add a new file, never edit one.
export const migrations: Record<string, Migration> = {
  '20261122T1000_accounts': accounts,
};
