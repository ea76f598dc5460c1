import { describe, expect, it } from 'vitest';
import { checked, leavesNoAdmin, pageCount, parseTeamRoles } from '../../src/admin/logic.js';
import { parseId, parsePage } from '../../src/http/params.js';

describe('admin form helpers', () => {
  it('parseId accepts only plain positive integers', () => {
    expect(parseId('12')).toBe(12);
    for (const bad of [undefined, '', '0', '-1', '1e3', '12abc', '01', ' 1', '9999999999999999']) expect(parseId(bad), String(bad)).toBeNull();
  });

  it('parsePage falls back to page 1', () => {
    expect(parsePage('3')).toBe(3);
    for (const bad of [undefined, '', '0', '-2', 'abc', '1.5']) expect(parsePage(bad)).toBe(1);
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });

  it('parseTeamRoles reads only the organisation’s teams, keeps missing ones, flags unknown values', () => {
    const r = parseTeamRoles({ team_1: 'lead', team_2: 'none', team_3: 'boss', team_99: 'lead' }, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }], {
      2: 'worker',
      4: 'worker',
    });
    expect([...r.roles]).toEqual([
      [1, 'lead'],
      [2, null],
    ]);
    expect(r.values).toEqual({ 1: 'lead', 2: 'none', 3: 'none', 4: 'worker' });
    expect(r.invalid).toEqual([3]);
  });

  it('checked is true for any sent value', () => {
    expect(checked({ a: '1' }, 'a')).toBe(true);
    expect(checked({ a: 'on' }, 'a')).toBe(true);
    expect(checked({ a: '' }, 'a')).toBe(false);
    expect(checked({}, 'a')).toBe(false);
  });

  it('leavesNoAdmin only stops an administrator removing themselves as the last one', () => {
    expect(leavesNoAdmin({ actorId: 1, targetId: 1, removesAdmin: true, otherActiveAdmins: 0 })).toBe(true);
    expect(leavesNoAdmin({ actorId: 1, targetId: 1, removesAdmin: true, otherActiveAdmins: 1 })).toBe(false);
    expect(leavesNoAdmin({ actorId: 1, targetId: 2, removesAdmin: true, otherActiveAdmins: 0 })).toBe(false);
    expect(leavesNoAdmin({ actorId: 1, targetId: 1, removesAdmin: false, otherActiveAdmins: 0 })).toBe(false);
  });
});
