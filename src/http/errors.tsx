import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorPage } from '../../views/errors/ErrorPage.js';
import type { AppEnv } from './env.js';
import { addVary, wantsFragment } from './htmx.js';
import { ui } from './ui.js';
import { isApiPath, problem, type ProblemType } from './problem.js';

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'tooLarge' | 'badRequest' | 'server';

const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  notFound: 404,
  forbidden: 403,
  csrf: 403,
  tooLarge: 413,
  badRequest: 400,
  server: 500,
};

const API_PROBLEM: Record<ErrorKind, ProblemType> = {
  notFound: 'not-found',
  forbidden: 'forbidden',
  csrf: 'forbidden',
  tooLarge: 'too-large',
  badRequest: 'bad-request',
  server: 'server-error',
};

/**
 * Error responses in the user's language, never with a stack trace. An htmx partial request gets
 * just the message (htmx 4 swaps error responses too); everything else the full page.
 */
export function renderError<E extends AppEnv>(c: Context<E>, kind: ErrorKind) {
  // The API (/api/...) answers the same errors as JSON problem documents (RFC 9457): the one way
  // every error there looks, whichever code found it (households/scoped.ts's 404 included).
  if (isApiPath(c.req.path)) return problem(c, statusOf[kind], API_PROBLEM[kind]);
  const t = c.get('t');
  const text = {
    notFound: [t.errors.notFoundTitle, t.errors.notFoundBody],
    forbidden: [t.errors.forbiddenTitle, t.errors.forbiddenBody],
    csrf: [t.errors.csrfTitle, t.errors.csrfBody],
    tooLarge: [t.errors.tooLargeTitle, t.errors.tooLargeBody],
    badRequest: [t.errors.badRequestTitle, t.errors.badRequestBody],
    server: [t.errors.serverErrorTitle, t.errors.serverErrorBody],
  }[kind] as [string, string];
  const requestId = kind === 'server' ? c.get('requestId') : undefined;
  // A refused origin is most often a person on the right server under another name (an IP
  // number, 127.0.0.1 instead of localhost): name the address that works and link to it.
  const publicOrigin = kind === 'csrf' ? c.get('deps')?.config.publicOrigin : undefined;
  const hint = publicOrigin ? t.errors.csrfAddress(publicOrigin) : undefined;
  const home = publicOrigin ? `${publicOrigin}/` : '/';
  c.header('Cache-Control', 'no-store');
  const status = statusOf[kind];
  if (wantsFragment(c)) {
    const res = c.html(
      <div class="alert alert--error" role="alert">
        <p>
          <strong>{text[0]}</strong> {text[1]} {requestId && <code>{requestId}</code>}
        </p>
        {hint && <p>{hint}</p>}
      </div>,
      status,
    );
    addVary(c);
    return res;
  }
  const res = c.html('<!doctype html>' + <ErrorPage ui={ui(c)} title={text[0]} body={text[1]} requestId={requestId} hint={hint} home={home} />, status);
  addVary(c);
  return res;
}
