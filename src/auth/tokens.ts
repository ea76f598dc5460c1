import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';

// Lowercase letters and digits without look-alikes (0/o, 1/l): readable if someone has to type
// a link handed over on paper. 32 symbols = 5 bits each.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** `chars` symbols of the alphabet above from `bytes` (5 bits of each byte), for a code derived from a key. */
export function tokenFromBytes(bytes: Uint8Array, chars: number): string {
  if (bytes.length < chars) throw new Error('not enough bytes for the token');
  let out = '';
  for (const b of bytes.subarray(0, chars)) out += ALPHABET[b >> 3];
  return out;
}

/** A random string with `chars` x 5 bits of entropy from the OS CSPRNG. */
export function randomToken(chars: number): string {
  const bytes = randomBytes(chars);
  let out = '';
  for (const b of bytes) out += ALPHABET[b >> 3];
  return out;
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Constant-time comparison of two hashes (timing must not reveal how many bytes matched). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/**
 * Tokens have the form `id.secret` (Lucia's design): the id finds the row, only a SHA-256 of the
 * secret is stored, so a leaked database or backup yields no usable session or link. The secret
 * has 26 x 5 = 130 bits; plain SHA-256 is enough for secrets of that strength (no slow hash needed).
 */
export function newIdAndSecret(): { id: string; secret: string; token: string; secretHash: Uint8Array } {
  const id = randomToken(16);
  const secret = randomToken(26);
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function splitToken(token: string): { id: string; secret: string } | null {
  const m = /^([a-z2-9]{16})\.([a-z2-9]{26})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}
