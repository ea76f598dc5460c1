import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The balance editor's token says "this save comes from the same opened editor as the one that
// saved this cell last", which lets a stale revision through (the editor's own earlier save still
// under way) instead of calling it a conflict. So it must be something only the server can make:
// a random nonce with an HMAC over (session, balance, nonce) under the server secret. A missing,
// empty, forged, other-session or other-balance token does not verify and counts as another editor.

const NONCE_BYTES = 12;
const MAC_BYTES = 16;
/** base64url lengths of the two parts, joined by a dot: 16 + 1 + 22 characters. */
const TOKEN = /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/;

function mac(key: Buffer, sessionId: string, balanceId: number, nonce: string): Buffer {
  return createHmac('sha256', key).update(`balance-editor\n${sessionId}\n${balanceId}\n${nonce}`).digest().subarray(0, MAC_BYTES);
}

export function issueEditorToken(key: Buffer, sessionId: string, balanceId: number): string {
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  return `${nonce}.${mac(key, sessionId, balanceId, nonce).toString('base64url')}`;
}

/** The posted token when the server issued it for this session and balance, else null. */
export function verifiedEditorToken(key: Buffer, sessionId: string | null, balanceId: number, posted: string): string | null {
  if (!sessionId || !TOKEN.test(posted)) return null;
  const [nonce, given] = posted.split('.') as [string, string];
  const expected = mac(key, sessionId, balanceId, nonce);
  const actual = Buffer.from(given, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? posted : null;
}
