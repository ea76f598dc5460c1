import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Messages } from '../i18n/index.js';

// Pure helpers of the API: cursors, entity tags, and refused values in words. No db, no request.

export const DEFAULT_PAGE_SIZE = 25;

// ---------------------------------------------------------------- cursors

/**
 * A cursor is the sort key of the last item of a page, base64url-encoded JSON: opaque to the
 * caller, but not a secret (the caller already saw that item). A page after it starts strictly
 * after that key, so items added meanwhile are neither skipped nor repeated.
 */
export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key of a cursor made by encodeCursor with `shape` (its parts' types), or null. */
export function decodeCursor(text: string, shape: readonly ('string' | 'number')[]): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== shape.length) return null;
  const ok = value.every((v, i) => (shape[i] === 'number' ? Number.isSafeInteger(v) : typeof v === 'string' && v.length <= 100));
  return ok ? (value as CursorKey) : null;
}

/** Compares two keys part by part (numbers as numbers, strings as strings). */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/**
 * One page of an already sorted, complete list (a household's balances or GPMIs: a handful).
 * `keyOf` gives each item's sort key as it sorts ascending (negate for a descending order).
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => CursorKey,
  after: CursorKey | null,
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const rest = after ? items.filter((i) => compareKeys(keyOf(i), after) > 0) : [...items];
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rest.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A calendar day as a descending sort key: later days give smaller keys. */
export function descendingDay(day: string): number {
  return -Number(day.replaceAll('-', ''));
}

// ---------------------------------------------------------------- entity tags

/** A strong entity tag for a body: equal bodies, equal tags. */
export function entityTag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this tag (weak comparison, RFC 9110 §13.1.2). */
export function noneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const plain = (s: string) => s.trim().replace(/^W\//, '');
  return header.split(',').some((part) => plain(part) === '*' || plain(part) === plain(tag));
}

// ---------------------------------------------------------------- refused values

export type IssueLocation = 'path' | 'query' | 'header' | 'body';

export interface ApiIssue {
  in: IssueLocation;
  name: string;
  code: string;
  detail: string;
}

const LOCATIONS: Record<string, IssueLocation> = { param: 'path', query: 'query', header: 'header', json: 'body', form: 'body' };

/** zod's issues as the problem document's `errors`, each in the caller's language. */
export function issuesOf(error: z.ZodError, target: string, t: Messages): ApiIssue[] {
  const v = t.api.validation;
  const words: Record<string, string> = {
    invalid_type: v.invalid_type,
    too_small: v.too_small,
    too_big: v.too_big,
    invalid_format: v.invalid_format,
    invalid_value: v.invalid_value,
    unrecognized_keys: v.unrecognized_keys,
  };
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    const names = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || '(body)'];
    return names.map((name) => ({ in: LOCATIONS[target] ?? 'body', name, code: issue.code, detail: `${name} ${words[issue.code] ?? v.other}` }));
  });
}
