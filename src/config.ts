import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from environment variables (12-factor), validated once at start.
 * A bad value must stop the process with one line that names the variable: the people who run
 * this are small municipal IT teams reading a systemd journal, not developers reading a stack trace.
 */
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

const intInRange = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number between ${min} and ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );

/** An http(s) origin without path or query. */
function originSchema(what: string, example: string) {
  return z.url({ protocol: /^https?$/, error: `must be ${what} such as ${example}` }).refine(
    (v) => {
      try {
        const u = new URL(v);
        return u.pathname === '/' && !u.search;
      } catch {
        return true;
      }
    },
    { error: `must be an origin without path, e.g. ${example}` },
  );
}

const envSchema = z.object({
  PORT: intInRange(1, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1, { error: 'must not be empty' }).default('./data/sociale-balans.sqlite'),
  // Set: PostgreSQL at this address instead of the SQLite file (shared deployments, src/db/postgres.ts).
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL such as postgres://balans@db.example/balans' }).optional(),
  // Set: migrations run as this (owner) role, and the app's role (DATABASE_URL) gets data rights only.
  MIGRATION_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL such as postgres://balans_owner@db.example/balans' })
    .optional(),
  PUBLIC_ORIGIN: originSchema('an http(s) origin', 'https://balans.ocmw.be').optional(),
  CLIENT_ORIGIN: originSchema('an http(s) origin for clients', 'https://vragen.ocmw.be').optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be one of debug, info, warn, error, silent' }).default('info'),
  SESSION_IDLE_MINUTES: intInRange(5, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: intInRange(1, 24 * 7).default(10),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  WEB_PROCESSES: z.union([z.literal('auto'), intInRange(1, 16)], { error: 'must be auto or a whole number between 1 and 16' }).default('auto'),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file at databasePath (docs/decisions/017-postgresql.md). */
  databaseUrl: string | undefined;
  /**
   * MIGRATION_DATABASE_URL: the same PostgreSQL database as the owner of its tables. Set, the app
   * migrates through it and connects as DATABASE_URL's role, which may read and write rows but not
   * change the schema (src/db/migrate.ts). Unset, DATABASE_URL does both (development, one role).
   */
  migrationDatabaseUrl: string | undefined;
  publicOrigin: string;
  /**
   * CLIENT_ORIGIN: the address clients open their one-time links on, exposing only the client view
   * (/client/, see README "Client links"). Unset: no links, only hand-over on the worker's screen.
   */
  clientOrigin: string | undefined;
  /** PUBLIC_ORIGIN was set. Without it the origin is a guess, and `ownOrigins` is lenient. */
  publicOriginExplicit: boolean;
  secure: boolean;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** How many processes serve requests (one per core by default, at most 4); see src/server.ts. */
  webProcesses: number;
  /**
   * An identity provider may be configured with an http:// issuer (src/sso/). Never from the
   * environment: only tests turn it on, for the provider they start on a loopback port.
   */
  ssoAllowHttpIssuer: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as "not set", so `PORT=` in a unit file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const given = cleaned[name];
    throw new ConfigError(`Configuration error: ${name} ${issue.message}${given !== undefined ? ` (got "${given}")` : ''}`);
  }
  const e = parsed.data;
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError('Configuration error: MIGRATION_DATABASE_URL is set without DATABASE_URL (it is for PostgreSQL only)');
  }
  const publicOrigin = (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH === ':memory:' ? ':memory:' : path.resolve(e.DATABASE_PATH),
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    publicOrigin,
    clientOrigin: e.CLIENT_ORIGIN?.replace(/\/$/, ''),
    publicOriginExplicit: e.PUBLIC_ORIGIN !== undefined,
    secure: publicOrigin.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    webProcesses: e.WEB_PROCESSES === 'auto' ? Math.min(4, os.availableParallelism()) : e.WEB_PROCESSES,
    ssoAllowHttpIssuer: false,
  };
}

/**
 * The origins our own pages are served from, for the CSRF origin check and for trusting a Referer.
 * With PUBLIC_ORIGIN set, exactly that one. Without it (the demo, a first try on one's own PC)
 * the default `http://localhost:PORT` is a guess, and a browser pointed at `http://127.0.0.1:PORT`
 * or `http://[::1]:PORT` reaches the very same server: those loopback names at our port are ours
 * too. Never other hosts: which names reach a server on a network is only known when configured.
 */
export function ownOrigins(config: Pick<Config, 'publicOrigin' | 'publicOriginExplicit' | 'port'>): string[] {
  if (config.publicOriginExplicit) return [config.publicOrigin];
  const loopback = ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${config.port}`);
  return [...new Set([config.publicOrigin, ...loopback])];
}

/** A configuration for tests: in-memory database, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), ...overrides };
}
