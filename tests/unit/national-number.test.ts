import { describe, expect, it } from 'vitest';
import { birthMismatch, formatNationalNumber, maskNationalNumber, parseNationalNumber } from '../../src/households/national-number.js';

function ok(input: string) {
  const r = parseNationalNumber(input);
  if (!r.ok) throw new Error(`expected ${input} to be valid, got ${r.problem}`);
  return r.value;
}

describe('parseNationalNumber', () => {
  it('accepts a number of someone born before 2000, typed in any usual way', () => {
    for (const typed of ['85073003328', '85.07.30-033.28', '85 07 30 033 28', ' 850730-033-28 ']) {
      expect(ok(typed)).toEqual({ digits: '85073003328', century: 1900, birthYear: 1985, birthMonth: 7, birthDay: 30, kind: 'regular' });
    }
  });

  it('accepts a number of someone born from 2000 on (checksum over "2" + the first 9 digits)', () => {
    expect(ok('01.03.15-123.80')).toEqual({ digits: '01031512380', century: 2000, birthYear: 2001, birthMonth: 3, birthDay: 15, kind: 'regular' });
    // The same first 9 digits with the pre-2000 check digits would be someone born in 1901.
    expect(ok('010315123' + String(97 - (10_315_123 % 97)).padStart(2, '0')).birthYear).toBe(1901);
  });

  it('handles check digits 97 (remainder 0) and bis numbers (month + 20 or + 40)', () => {
    // 97 - (n mod 97) = 97 when n is a multiple of 97.
    const n = 97 * 8_770_000; // 850690000
    expect(ok(`${n}97`).digits).toBe(`${n}97`);
    const bis = '852730033'; // month 27 = July, gender unknown at the time of issue
    const check = 97 - (Number(bis) % 97);
    expect(ok(bis + String(check).padStart(2, '0'))).toMatchObject({ kind: 'bis', birthMonth: 7, birthDay: 30, birthYear: 1985 });
  });

  it('refuses a wrong checksum', () => {
    expect(parseNationalNumber('85073003327')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseNationalNumber('01031512381')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses a wrong length', () => {
    expect(parseNationalNumber('8507300332')).toEqual({ ok: false, problem: 'length' });
    expect(parseNationalNumber('850730033280')).toEqual({ ok: false, problem: 'length' });
    expect(parseNationalNumber('')).toEqual({ ok: false, problem: 'length' });
  });

  it('refuses letters and other characters', () => {
    expect(parseNationalNumber('85O73003328')).toEqual({ ok: false, problem: 'characters' });
    expect(parseNationalNumber('abc')).toEqual({ ok: false, problem: 'characters' });
    expect(parseNationalNumber('85/07/30 033 28')).toEqual({ ok: false, problem: 'characters' });
    expect(parseNationalNumber('８５０７３００３３２８')).toEqual({ ok: false, problem: 'characters' });
  });
});

describe('birthMismatch', () => {
  const nn = ok('85073003328');
  it('agrees when year (and date) match, or when nothing is typed to compare', () => {
    expect(birthMismatch(nn, 1985, null)).toBeNull();
    expect(birthMismatch(nn, 1985, '1985-07-30')).toBeNull();
    expect(birthMismatch(nn, null, null)).toBeNull();
  });
  it('reports another year or another day', () => {
    expect(birthMismatch(nn, 1986, null)).toEqual({ field: 'year', numberYear: 1985 });
    expect(birthMismatch(nn, 1985, '1985-07-31')).toEqual({ field: 'date', numberDate: '30/07/1985' });
  });
});

describe('showing a national number', () => {
  it('is masked everywhere but keeps the birth date part', () => {
    expect(maskNationalNumber('85073003328')).toBe('85.07.30-xxx.xx');
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
  });
});
