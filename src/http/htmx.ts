import type { Context } from 'hono';

/**
 * htmx 4 sends `HX-Request-Type: partial` when it will swap a part of the page and `full` when it
 * targets the body (boosted links, history). Only a partial request gets a fragment; anything
 * else (JS off, a new tab, a bookmark) gets the full page.
 */
export function wantsFragment(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-Request-Type') === 'partial';
}

export function isHtmx(c: Context): boolean {
  return c.req.header('HX-Request') === 'true';
}

/** Every HTML response can differ by these headers, so caches must key on them. */
export function addVary(c: Context): void {
  const existing = c.res.headers.get('Vary');
  const add = ['HX-Request', 'HX-Request-Type'];
  const all = new Set([...(existing ? existing.split(',').map((s) => s.trim()) : []), ...add]);
  c.res.headers.set('Vary', [...all].join(', '));
}

/**
 * After a successful non-GET. A plain form post (JS off) follows a 303 to the next page. An htmx
 * request must not: fetch would follow the redirect itself and swap the whole next page into the
 * small target, so htmx gets `HX-Redirect` (a real navigation) with a 204 instead.
 */
export function redirectAfterPost(c: Context, location: string) {
  location = boundedLocation(location);
  if (isHtmx(c)) {
    c.header('HX-Redirect', location);
    return c.body(null, 204);
  }
  return c.redirect(location, 303);
}

/** Longest Location / HX-Redirect we send. Proxies refuse answers with headers of a few kB (a 502). */
export const MAX_LOCATION_LENGTH = 1024;

/**
 * Last line of defence, after each route bounded its own values: a location that is still too
 * long loses its query and fragment (the path is built from ids), else becomes '/'. The action
 * that led here already happened; a shorter way back is better than a proxy error.
 */
export function boundedLocation(location: string): string {
  if (location.length <= MAX_LOCATION_LENGTH) return location;
  const path = location.split(/[?#]/, 1)[0]!;
  return path.length <= MAX_LOCATION_LENGTH ? path : '/';
}
