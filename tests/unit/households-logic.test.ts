import { describe, expect, it } from 'vitest';
import { buildSearchText, isAdult, normaliseForSearch, pageWindow, parseCaseloadQuery, searchTokens, todayIso } from '../../src/households/logic.js';
import { parseDay } from '../../src/i18n/day.js';

describe('household helpers', () => {
  it('normalise names for search: case, accents, punctuation', () => {
    expect(normaliseForSearch("Éloïse D'Hondt-Çelik")).toBe('eloise d hondt celik');
    expect(normaliseForSearch('Łukasz Søren Straße')).toBe('lukasz soren strasse');
    expect(normaliseForSearch('%_\\')).toBe('');
    expect(buildSearchText('2024/0012', [{ firstName: 'Sára', lastName: 'Peeters' }])).toBe(' 2024 0012 sara peeters ');
    expect(searchTokens('  Peeters  sara peeters ')).toEqual(['peeters', 'sara']);
  });

  it('derive adult or child from the birth year, unless overridden', () => {
    expect(isAdult({ birthYear: 2008, adultOverride: null }, 2026)).toBe(true);
    expect(isAdult({ birthYear: 2009, adultOverride: null }, 2026)).toBe(false);
    expect(isAdult({ birthYear: 2009, adultOverride: true }, 2026)).toBe(true);
    expect(isAdult({ birthYear: 1980, adultOverride: false }, 2026)).toBe(false);
  });

  it('read days as yyyy-mm-dd or dd/mm/jjjj, refusing days that do not exist', () => {
    expect(parseDay('2026-11-02')).toBe('2026-11-02');
    expect(parseDay('2/11/2026')).toBe('2026-11-02');
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('morgen')).toBeNull();
    // 23:30 UTC on 31 December is already New Year in Brussels.
    expect(todayIso(Date.UTC(2025, 11, 31, 23, 30))).toBe('2026-01-01');
  });

  it('read the caseload query, ignoring teams the user is not in', () => {
    expect(parseCaseloadQuery({ team: '7', status: 'closed', mine: '1', sort: 'balance_asc', page: '3', q: 'x', stale: '6' }, [7])).toEqual({
      q: 'x',
      teamId: 7,
      status: 'closed',
      mine: true,
      sort: 'balance_asc',
      page: 3,
      staleMonths: 6,
    });
    expect(parseCaseloadQuery({ team: '8', status: 'nope', sort: 'x', page: '-1', stale: '5' }, [7])).toEqual({
      q: '',
      teamId: null,
      status: 'active',
      mine: false,
      sort: 'updated_desc',
      page: 1,
      staleMonths: null,
    });
  });

  it('link the first, last and nearby pages', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
});
