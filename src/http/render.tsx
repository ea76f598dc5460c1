import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from './env.js';
import { addVary, wantsFragment } from './htmx.js';

/**
 * Renders a full page, or only `fragment` when htmx asked for a partial swap. Pages include their
 * fragments as ordinary components, so both paths render the same markup.
 */
export function render(
  c: Context<AppEnv>,
  page: () => JSX.Element,
  opts: { fragment?: () => JSX.Element; status?: ContentfulStatusCode } = {},
) {
  const status = opts.status ?? 200;
  const body = opts.fragment && wantsFragment(c) ? String(opts.fragment()) : '<!doctype html>' + String(page());
  const res = c.html(body, status);
  addVary(c);
  return res;
}
