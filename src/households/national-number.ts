// The Belgian national register number (rijksregisternummer / numéro de registre national):
// yymmdd (birth date) + 3-digit sequence + 2 check digits. Pure functions, no I/O.
//
// Check digits: 97 - (first 9 digits as a number mod 97). For people born from 2000 on, the same
// is computed on "2" followed by the first 9 digits; which of the two matches tells the century.
// Bis numbers (people not in the national register) add 20 or 40 to the month; a birth date that
// is (partly) unknown is written with 00 for the unknown month or day.

export type NationalNumberProblem = 'characters' | 'length' | 'checksum';

export interface NationalNumber {
  /** The 11 digits without separators, as stored. */
  digits: string;
  /** 1900 or 2000: the century the check digits point to. */
  century: 1900 | 2000;
  /** Null when the number carries no birth date (000000...). */
  birthYear: number | null;
  /** 1-12, or null when unknown in the number. */
  birthMonth: number | null;
  /** 1-31, or null when unknown in the number. */
  birthDay: number | null;
  kind: 'regular' | 'bis';
}

export type NationalNumberResult = { ok: true; value: NationalNumber } | { ok: false; problem: NationalNumberProblem };

/** People type numbers as 85.07.30-033.28, 85073003328 or with spaces: those separators are dropped. */
const SEPARATORS = /[\s.\-]/g;

export function parseNationalNumber(input: string): NationalNumberResult {
  const compact = input.replace(SEPARATORS, '');
  if (!/^\d*$/.test(compact)) return { ok: false, problem: 'characters' };
  if (compact.length !== 11) return { ok: false, problem: 'length' };
  const first9 = Number(compact.slice(0, 9));
  const check = Number(compact.slice(9));
  let century: 1900 | 2000;
  if (97 - (first9 % 97) === check) century = 1900;
  else if (97 - ((2_000_000_000 + first9) % 97) === check) century = 2000;
  else return { ok: false, problem: 'checksum' };

  const yy = Number(compact.slice(0, 2));
  const mmRaw = Number(compact.slice(2, 4));
  const dd = Number(compact.slice(4, 6));
  const kind = mmRaw >= 20 ? 'bis' : 'regular';
  const mm = mmRaw >= 40 ? mmRaw - 40 : mmRaw >= 20 ? mmRaw - 20 : mmRaw;
  const noDate = compact.slice(0, 6) === '000000';
  return {
    ok: true,
    value: {
      digits: compact,
      century,
      birthYear: noDate ? null : century + yy,
      birthMonth: mm >= 1 && mm <= 12 ? mm : null,
      birthDay: dd >= 1 && dd <= 31 ? dd : null,
      kind,
    },
  };
}

export type BirthMismatch = { field: 'year'; numberYear: number } | { field: 'date'; numberDate: string };

/**
 * Whether the birth date in the number agrees with the birth year (and date, when given) typed
 * for the person. Null when they agree or when either side does not say.
 */
export function birthMismatch(nn: NationalNumber, birthYear: number | null, birthDate: string | null): BirthMismatch | null {
  if (nn.birthYear !== null && birthYear !== null && nn.birthYear !== birthYear) return { field: 'year', numberYear: nn.birthYear };
  const m = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (m && nn.birthYear !== null) {
    const [, y, mo, d] = m.map(Number) as [number, number, number, number];
    const differs =
      y !== nn.birthYear || (nn.birthMonth !== null && mo !== nn.birthMonth) || (nn.birthMonth !== null && nn.birthDay !== null && d !== nn.birthDay);
    if (differs) {
      const pad = (n: number | null) => (n === null ? '00' : String(n).padStart(2, '0'));
      return { field: 'date', numberDate: `${pad(nn.birthDay)}/${pad(nn.birthMonth)}/${nn.birthYear}` };
    }
  }
  return null;
}

/** 85.07.30-033.28: how the number is written on an eID card; only for the edit field. */
export function formatNationalNumber(digits: string): string {
  if (!/^\d{11}$/.test(digits)) return digits;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

/**
 * 85.07.30-xxx.xx: how the number is shown everywhere else. The birth date part is kept so a
 * worker can tell members apart; the sequence and check digits, which make the number usable to
 * identify someone in other systems, are hidden.
 */
export function maskNationalNumber(digits: string): string {
  if (!/^\d{11}$/.test(digits)) return 'xx.xx.xx-xxx.xx';
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-xxx.xx`;
}
