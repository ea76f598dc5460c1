import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import type { Messages } from '../i18n/index.js';
import type { ProblemType } from './problem-types.js';

// Errors of the API (/api/...) are JSON problem documents (RFC 9457), in the caller's language
// (Accept-Language), never a stack trace or an HTML page. Every kind has a stable `type` URI that
// points at its explanation on the API's reference page (/api/reference#problem-<kind>).

export { PROBLEM_TYPES, type ProblemType } from './problem-types.js';

/** Paths whose errors are problem documents rather than pages. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The API's calls (not its description pages): no session, no CSRF origin check, Bearer tokens only. */
export function isApiCallPath(path: string): boolean {
  return path.startsWith('/api/v1/') || path === '/api/v1' || path.startsWith('/api/oauth/');
}

export function problemTypeUri(origin: string, type: ProblemType): string {
  return `${origin}/api/reference#problem-${type}`;
}

export interface ProblemOptions {
  /** Replaces the kind's general explanation with one about this occurrence. */
  detail?: string;
  /** Extension members (RFC 9457 §3.2), e.g. `errors` of a validation problem. */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function problem<E extends AppEnv>(c: Context<E>, status: number, type: ProblemType, opts: ProblemOptions = {}): Response {
  const t: Messages = c.get('t');
  const text = t.api.problems[type];
  const body = {
    type: problemTypeUri(c.get('deps').config.publicOrigin, type),
    title: text.title,
    status,
    detail: opts.detail ?? text.detail,
    // The request id the logs and the audit log carry: what an integrator quotes to the administrator.
    instance: `urn:sociale-balans:request:${c.get('requestId')}`,
    ...opts.extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/problem+json',
      'Content-Language': t.meta.lang,
      'Cache-Control': 'no-store',
      ...opts.headers,
    },
  });
}
