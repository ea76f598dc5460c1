import { randomBytes } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.js';

/**
 * Security headers on every response: pages, fragments, errors and static files alike.
 * Scripts only from our origin or carrying this request's nonce; no inline script, no eval
 * (which is also why we never use htmx's hx-on / js: features).
 */
export function securityHeaders(opts: { secure: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    const h = c.res.headers;
    h.set(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ].join('; '),
    );
    h.set('X-Content-Type-Options', 'nosniff');
    // A route may ask for less (the client view sends no referrer at all), never for more.
    if (!h.has('Referrer-Policy')) h.set('Referrer-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('X-Frame-Options', 'DENY');
    if (opts.secure) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
}
