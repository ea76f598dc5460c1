import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ownOrigins } from '../../src/config.js';

describe('loadConfig', () => {
  it('has working defaults for a first start', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databasePath).toMatch(/data\/sociale-balans\.sqlite$/);
    expect(c.publicOrigin).toBe('http://localhost:3000');
    expect(c.publicOriginExplicit).toBe(false);
    expect(c.secure).toBe(false);
    expect(c.sessionIdleMs).toBe(30 * 60_000);
    expect(c.sessionAbsoluteMs).toBe(10 * 3_600_000);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_PATH: '/data/x.sqlite',
      PUBLIC_ORIGIN: 'https://balans.ocmw.be/',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databasePath: '/data/x.sqlite',
      publicOrigin: 'https://balans.ocmw.be',
      secure: true,
      trustProxy: true,
      logLevel: 'warn',
      sessionIdleMs: 15 * 60_000,
      sessionAbsoluteMs: 8 * 3_600_000,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number between 1 and 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be at most 65535/],
    [{ PUBLIC_ORIGIN: 'balans.ocmw.be' }, /^Configuration error: PUBLIC_ORIGIN must be an http\(s\) origin/],
    [{ PUBLIC_ORIGIN: 'https://balans.ocmw.be/app' }, /^Configuration error: PUBLIC_ORIGIN must be an origin without path/],
    [{ TRUST_PROXY: 'maybe' }, /^Configuration error: TRUST_PROXY must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL must be one of/],
    [{ SESSION_IDLE_MINUTES: '1' }, /^Configuration error: SESSION_IDLE_MINUTES must be at least 5/],
    [{ SMTP_URL: 'http://mail' }, /^Configuration error: SMTP_URL must be an smtp/],
    [{ DATABASE_URL: 'mysql://db/balans' }, /^Configuration error: DATABASE_URL must be a postgres:\/\/ URL/],
    [{ MIGRATION_DATABASE_URL: 'postgres://owner@db/balans' }, /^Configuration error: MIGRATION_DATABASE_URL is set without DATABASE_URL/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('selects PostgreSQL with DATABASE_URL, migrating through MIGRATION_DATABASE_URL when given; SQLite without', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, migrationDatabaseUrl: undefined });
    expect(loadConfig({ DATABASE_URL: 'postgres://balans@db.example/balans', MIGRATION_DATABASE_URL: 'postgresql://owner@db.example/balans' })).toMatchObject({
      databaseUrl: 'postgres://balans@db.example/balans',
      migrationDatabaseUrl: 'postgresql://owner@db.example/balans',
    });
  });

  it('without PUBLIC_ORIGIN counts the loopback names at our port as our own origins; with it, only that one', () => {
    expect(ownOrigins(loadConfig({ PORT: '8080' }))).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080']);
    const set = loadConfig({ PUBLIC_ORIGIN: 'https://balans.ocmw.be/' });
    expect(set.publicOriginExplicit).toBe(true);
    expect(ownOrigins(set)).toEqual(['https://balans.ocmw.be']);
    // Set to the default value on purpose: then it is meant, and nothing else is accepted.
    expect(ownOrigins(loadConfig({ PUBLIC_ORIGIN: 'http://localhost:3000' }))).toEqual(['http://localhost:3000']);
  });
});
