import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { parseDay } from '../i18n/day.js';
import { BALANCE_METHODS, type BalanceMethod } from './tables.js';

// The balance forms. Each returns error CODES, never texts: the view turns a code into the user's
// language through the typed catalogue (messages.ts), so a form module needs no request or locale.

/** The "new balance" form as typed, for re-rendering a refused form unchanged. */
export interface NewBalanceValues {
  takenOn: string;
  method: BalanceMethod | '';
  participants: number[];
  prefill: boolean;
}

/** Keys of `balances.new` in messages.ts. */
export type NewBalanceError = 'invalidDate' | 'invalidMethod' | 'closed' | 'noMembers';
export type NewBalanceErrors = Partial<Record<'takenOn' | 'method', NewBalanceError>>;

export function readNewBalanceForm(fields: FormFields, memberIds: ReadonlySet<number>): NewBalanceValues {
  const raw = fields.participants === undefined ? [] : Array.isArray(fields.participants) ? fields.participants : [fields.participants];
  const method = field(fields, 'method');
  return {
    takenOn: field(fields, 'takenOn').trim(),
    method: (BALANCE_METHODS as readonly string[]).includes(method) ? (method as BalanceMethod) : '',
    // Only members of this household can take part; anything else posted is ignored.
    participants: raw.map(Number).filter((n) => memberIds.has(n)),
    prefill: field(fields, 'prefill') === '1',
  };
}

function newBalanceShape(today: string) {
  return {
    takenOn: z
      .string()
      .transform((s) => parseDay(s))
      .refine((day): day is string => day !== null && day <= today, { error: 'invalidDate' satisfies NewBalanceError }),
    method: z.enum(BALANCE_METHODS as [BalanceMethod, ...BalanceMethod[]], { error: 'invalidMethod' satisfies NewBalanceError }),
  };
}

/**
 * A day (typed as yyyy-mm-dd or dd/mm/jjjj, not in the future) and a method; then the rules that
 * need the household: a closed dossier takes no balance, and someone must be a member on that day.
 */
export function parseNewBalance(
  values: NewBalanceValues,
  household: { status: string; members: readonly { joinedOn: string; leftOn: string | null }[] },
  today: string,
): { ok: true; takenOn: string; method: BalanceMethod } | { ok: false; errors: NewBalanceErrors } {
  const shape = newBalanceShape(today);
  const day = shape.takenOn.safeParse(values.takenOn);
  const method = shape.method.safeParse(values.method);
  const errors: NewBalanceErrors = {};
  if (!day.success) errors.takenOn = 'invalidDate';
  if (!method.success) errors.method = 'invalidMethod';
  if (household.status === 'closed') errors.takenOn = 'closed';
  else if (day.success && !household.members.some((m) => m.joinedOn <= day.data && (m.leftOn === null || m.leftOn > day.data))) errors.takenOn = 'noMembers';
  if (errors.takenOn || errors.method || !day.success || !method.success) return { ok: false, errors };
  return { ok: true, takenOn: day.data, method: method.data };
}
