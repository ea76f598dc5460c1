import { randomBytes } from 'node:crypto';
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { encodeBase32NoPadding } from '@oslojs/encoding';
import { renderSVG } from 'uqr';

/** RFC 6238 TOTP, 30-second steps, 6 digits: what every authenticator app understands. */
export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;

export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function totpUri(key: Uint8Array, accountName: string): string {
  return createTOTPKeyURI('Sociale Balans', accountName, key, TOTP_PERIOD_S, TOTP_DIGITS);
}

/** The key as people type it into an app by hand, in groups of four. */
export function totpKeyForHumans(key: Uint8Array): string {
  return encodeBase32NoPadding(key)
    .match(/.{1,4}/g)!
    .join(' ');
}

/** The QR code as an SVG string, rendered on the server (no script, works in print). */
export function totpQrSvg(uri: string): string {
  return renderSVG(uri, { border: 2, pixelSize: 4 });
}

export function counterAt(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_S);
}

export function totpAt(key: Uint8Array, now: number): string {
  return generateHOTP(key, BigInt(counterAt(now)), TOTP_DIGITS);
}

/**
 * Accepts the code of the current step or one step either side (clock drift of a phone), and only
 * for steps after the last accepted one, so an observed code cannot be replayed.
 * Returns the accepted step, or null.
 */
export function verifyTotp(key: Uint8Array, code: string, now: number, lastUsedCounter: number | null): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const current = counterAt(now);
  for (const counter of [current, current - 1, current + 1]) {
    if (lastUsedCounter !== null && counter <= lastUsedCounter) continue;
    if (verifyHOTP(key, BigInt(counter), TOTP_DIGITS, clean)) return counter;
  }
  return null;
}
