/**
 * Where a user-supplied value (`?next=`, a hidden `next` field, the replay action, a Referer) may
 * send the browser. The answer is always a path on our own site, or `/` when in doubt.
 *
 * Checking the text ("starts with / but not //") is not enough: browsers strip tabs and newlines
 * from URLs and read `\` as `/`, so `/\t/evil.example` or `/%09%5Cevil.example` (once some
 * layer decodes it) leave the site. So the value is parsed as a URL against the public origin,
 * and also refused when it (or any percent-decoded form of it) holds anything a browser, proxy
 * or header parser might read differently from us: control or invisible formatting characters,
 * backslashes, a second leading slash. Refusing too much costs a worker one click on the home
 * page; refusing too little sends them to a phishing copy of the sign-in page.
 */

/** Longer than any path the app makes (ids, a few query parameters); longer is not ours. */
export const MAX_REDIRECT_TARGET_LENGTH = 2048;

const FALLBACK = '/';

// Raw input: only printable ASCII other than space and backslash. Paths we hand out ourselves
// are already percent-encoded, so this loses nothing real; an unencoded unicode character is
// refused rather than guessed at (lookalike slashes, bidi overrides).
const PLAIN_URL_TEXT = /^[\x21-\x5B\x5D-\x7E]+$/;

// After decoding: C0/C1 controls (tab, CR, LF, NUL ...), Unicode format characters (zero-width,
// bidi overrides), line/paragraph separators and the backslash.
const UNSAFE_DECODED = /[\p{Cc}\p{Cf}\u2028\u2029\\]/u;

// A decoded form must not start like a scheme-relative URL either (`/%2F%2Fevil` -> `///evil`).
const HOST_LIKE_START = /^\/[/\\]/;

/** The path (+ query + fragment) to go to, or `/` when `value` could lead anywhere else. */
export function redirectTarget(value: string | null | undefined, publicOrigin: string): string {
  return checkedPath(value, publicOrigin) ?? FALLBACK;
}

/** Whether `value` is exactly a target `redirectTarget` would accept unchanged. */
export function isRedirectTarget(value: string | null | undefined, publicOrigin: string): value is string {
  return typeof value === 'string' && checkedPath(value, publicOrigin) === value;
}

/**
 * The path of a full URL on one of our own origins (a Referer header), checked like any target;
 * `/` for anything else, including a Referer from another site or one that does not parse.
 */
export function sameOriginPath(url: string | null | undefined, ownOrigins: readonly string[], publicOrigin: string): string {
  if (!url || url.length > MAX_REDIRECT_TARGET_LENGTH) return FALLBACK;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return FALLBACK;
  }
  if (!ownOrigins.includes(parsed.origin)) return FALLBACK;
  return redirectTarget(parsed.pathname + parsed.search, publicOrigin);
}

function checkedPath(value: string | null | undefined, publicOrigin: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_REDIRECT_TARGET_LENGTH) return null;
  if (!PLAIN_URL_TEXT.test(value)) return null;
  if (!value.startsWith('/') || HOST_LIKE_START.test(value)) return null;
  if (!decodedFormsAreSafe(value)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(publicOrigin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  // What we hand on is the parser's normalised form, so the check and the use see the same URL.
  const path = url.pathname + url.search + url.hash;
  return HOST_LIKE_START.test(path) ? null : path;
}

/**
 * Percent-decodes the value layer by layer (a proxy or a second parser may decode once more
 * than we do) and checks every layer. A malformed escape in the value itself is refused (we will
 * not guess); in a deeper layer it only means that layer is plain text (`?q=50%25` -> `50%`).
 */
function decodedFormsAreSafe(value: string): boolean {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return round > 0;
    }
    if (UNSAFE_DECODED.test(decoded) || HOST_LIKE_START.test(decoded)) return false;
    if (decoded === current) return true;
    current = decoded;
  }
  // Still changing after four rounds: nothing we generate is encoded that deeply.
  return false;
}
