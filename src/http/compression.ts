import { compress } from 'hono/compress';

/**
 * gzip for HTML, CSS, JS, JSON and SVG answers when the browser accepts it (the 120 KB balance
 * editor travels as ~7 KB). Node runs the compression on its thread pool, off the event loop.
 *
 * BREACH: a compressed page that reflects attacker-chosen input and also holds a secret that stays
 * the same across requests leaks that secret through the compressed length. Our pages hold no
 * CSRF token (the origin check needs none), and the per-response values (CSP nonce, editor token)
 * change with every answer, so they cannot be guessed byte by byte. The few pages that do show a
 * lasting secret (two-step verification key, recovery codes, one-time links) are rendered with
 * `secret: true` (src/http/render.tsx), which sends `Cache-Control: no-store, no-transform` and
 * keeps them uncompressed, here and in any proxy that honours no-transform.
 * Static files are gzipped once at start instead (src/http/static-assets.ts).
 */
export const compression = compress({ encoding: 'gzip', threshold: 1024 });

/** Cache-Control for a page that shows a secret: never stored, never compressed or transformed. */
export const SECRET_PAGE_CACHE_CONTROL = 'no-store, no-transform';
