import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareKeys, decodeCursor, descendingDay, encodeCursor, entityTag, issuesOf, noneMatch, pageOf } from '../../src/api/logic.js';
import { addressAllowed, formatAllowList, parseAllowList, plainAddress } from '../../src/api/addresses.js';
import { formatScopes, parseScopes, scopeProblem } from '../../src/api/scopes.js';
import { messagesFor } from '../../src/i18n/index.js';

describe('cursors', () => {
  it('round-trip a key, and refuse anything not made with the same shape', () => {
    const c = encodeCursor([-20261101, -7]);
    expect(decodeCursor(c, ['number', 'number'])).toEqual([-20261101, -7]);
    expect(decodeCursor(c, ['number'])).toBeNull();
    expect(decodeCursor(encodeCursor(['x', 1]), ['number', 'number'])).toBeNull();
    for (const bad of ['', 'not base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1.5]').toString('base64url'), 'x'.repeat(201)])
      expect(decodeCursor(bad, ['number']), bad).toBeNull();
  });

  it('page a sorted list strictly after the key, so an item added meanwhile is neither skipped nor repeated', () => {
    const items = [5, 4, 3, 2, 1].map((id) => ({ id }));
    const key = (i: { id: number }) => [-i.id];
    const first = pageOf(items, key, null, 2);
    expect(first.items.map((i) => i.id)).toEqual([5, 4]);
    const second = pageOf(items, key, decodeCursor(first.nextCursor!, ['number']), 2);
    expect(second.items.map((i) => i.id)).toEqual([3, 2]);
    const last = pageOf(items, key, decodeCursor(second.nextCursor!, ['number']), 2);
    expect(last).toEqual({ items: [{ id: 1 }], nextCursor: null });
    expect(pageOf(items, key, null, 5).nextCursor).toBeNull();
  });

  it('orders days newest first through descendingDay, and compares keys part by part', () => {
    expect(descendingDay('2026-11-02')).toBeLessThan(descendingDay('2026-11-01'));
    expect(compareKeys([1, 2], [1, 3])).toBe(-1);
    expect(compareKeys(['b'], ['a'])).toBe(1);
    expect(compareKeys([1, 1], [1, 1])).toBe(0);
  });
});

describe('entity tags', () => {
  it('are equal for equal bodies and matched by If-None-Match, weak or strong, in a list or *', () => {
    const tag = entityTag('{"a":1}');
    expect(entityTag('{"a":1}')).toBe(tag);
    expect(entityTag('{"a":2}')).not.toBe(tag);
    expect(noneMatch(tag, tag)).toBe(true);
    expect(noneMatch(`W/${tag}`, tag)).toBe(true);
    expect(noneMatch(`"other", ${tag}`, `W/${tag}`)).toBe(true);
    expect(noneMatch('*', tag)).toBe(true);
    expect(noneMatch('"other"', tag)).toBe(false);
    expect(noneMatch(undefined, tag)).toBe(false);
  });
});

describe('refused values in words', () => {
  it('name each field with its path and say what is wrong in the caller’s language', () => {
    const schema = z.strictObject({ members: z.array(z.object({ birthYear: z.number() })), name: z.string().min(1) });
    const result = schema.safeParse({ members: [{ birthYear: 'x' }], name: '', extra: 1 });
    expect(result.success).toBe(false);
    const issues = issuesOf(result.error!, 'json', messagesFor('fr'));
    expect(issues).toEqual([
      { in: 'body', name: 'members.0.birthYear', code: 'invalid_type', detail: 'members.0.birthYear n’a pas le type attendu, ou manque.' },
      { in: 'body', name: 'name', code: 'too_small', detail: 'name est trop court ou trop petit.' },
      { in: 'body', name: 'extra', code: 'unrecognized_keys', detail: 'extra n’est pas un champ de cette demande.' },
    ]);
  });
});

describe('IP allow-lists', () => {
  it('read addresses and ranges, IPv4 and IPv6, and say which lines are not', () => {
    const { entries, bad } = parseAllowList('10.0.0.0/8\n 192.0.2.7 \n2001:db8::/32, ::ffff:198.51.100.1\nintranet\n10.0.0.0/40\n1.2.3.4/8/9');
    expect(formatAllowList(entries)).toBe('10.0.0.0/8\n192.0.2.7\n2001:db8::/32\n198.51.100.1');
    expect(bad).toEqual(['intranet', '10.0.0.0/40', '1.2.3.4/8/9']);
  });

  it('let in only the listed addresses (an IPv4 address seen through IPv6 counts as itself); no list lets in everyone', () => {
    const list = '10.0.0.0/8\n2001:db8::1';
    expect(addressAllowed(list, '10.1.2.3')).toBe(true);
    expect(addressAllowed(list, '::ffff:10.1.2.3')).toBe(true);
    expect(addressAllowed(list, '11.0.0.1')).toBe(false);
    expect(addressAllowed(list, '2001:db8::1')).toBe(true);
    expect(addressAllowed(list, '2001:db8::2')).toBe(false);
    expect(addressAllowed(list, null)).toBe(false);
    expect(addressAllowed(null, null)).toBe(true);
    expect(addressAllowed('', '203.0.113.9')).toBe(true);
    expect(plainAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
  });
});

describe('scopes', () => {
  it('are written in one order, unknown words set apart', () => {
    expect(formatScopes(['catalogue:read', 'households:read'])).toBe('households:read catalogue:read');
    expect(parseScopes('catalogue:read  admin households:read')).toEqual({ scopes: ['households:read', 'catalogue:read'], unknown: ['admin'] });
  });

  it('refuse combinations an administrator may not grant', () => {
    expect(scopeProblem([])).toBe('none');
    expect(scopeProblem(['households:write'])).toBe('writeNeedsRead');
    expect(scopeProblem(['households:read', 'documents:read'])).toBe('documentsNeedRemarks');
    expect(scopeProblem(['households:read', 'documents:read', 'remarks:read'])).toBeNull();
  });
});
