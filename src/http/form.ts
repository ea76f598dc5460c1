import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

export type FormFields = Record<string, string | string[]>;

/**
 * Reads an application/x-www-form-urlencoded or multipart body into plain strings.
 * Malformed encodings (a broken %-escape, a multipart body without its boundary) are a 400:
 * we refuse to guess what the user meant rather than save a mangled remark.
 */
export async function readForm(c: Context): Promise<FormFields> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const text = await c.req.text();
    const fields: FormFields = {};
    if (text === '') return fields;
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const rawKey = eq === -1 ? pair : pair.slice(0, eq);
      const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
      let key: string;
      let value: string;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
        value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
      } catch {
        throw new HTTPException(400, { message: 'malformed form encoding' });
      }
      add(fields, key, value);
    }
    return fields;
  }
  if (type.startsWith('multipart/form-data')) {
    let data: FormData;
    try {
      data = await c.req.raw.clone().formData();
    } catch {
      throw new HTTPException(400, { message: 'malformed multipart body' });
    }
    const fields: FormFields = {};
    for (const [key, value] of data.entries()) {
      if (typeof value === 'string') add(fields, key, value);
    }
    return fields;
  }
  throw new HTTPException(400, { message: 'unsupported form content type' });
}

function add(fields: FormFields, key: string, value: string) {
  const prev = fields[key];
  if (prev === undefined) fields[key] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else fields[key] = [prev, value];
}

/** First value of a field as a string ('' when absent). */
export function field(fields: FormFields, key: string): string {
  const v = fields[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/**
 * The revision a form was loaded with (optimistic locking). The server hands it out; anything
 * missing or unreadable can only be stale (-1), never "the first revision" — an absent field read
 * as 0 would match a record nobody saved yet and skip the conflict check.
 */
export function readRevision(fields: FormFields, name = 'revision'): number {
  const raw = field(fields, name);
  return /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}
