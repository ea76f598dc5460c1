import { z } from 'zod';
import { field, type FormFields } from '../http/form.js';
import { parseLinkHours } from './logic.js';
import type { InvitationMode, OfficialLanguage } from './tables.js';

// Worker and administrator forms of client voice: read the typed values (for showing them back
// unchanged), parse with zod, answer error codes (keys of clientVoice.errors).

export interface InvitationFormValues {
  member: string;
  household: boolean;
  mode: string;
  hours: string;
}

export type InvitationError = 'member' | 'mode' | 'hours' | 'linkUnavailable' | 'handoverUnavailable';

export function readInvitationForm(fields: FormFields): InvitationFormValues {
  return { member: field(fields, 'member'), household: field(fields, 'household') === '1', mode: field(fields, 'mode'), hours: field(fields, 'hours') };
}

const modeSchema = z.enum(['link', 'handover']);

export function parseInvitation(
  v: InvitationFormValues,
  ctx: { adults: ReadonlySet<number>; linkAvailable: boolean; handoverAvailable: boolean },
):
  | { ok: true; memberId: number; includeHousehold: boolean; mode: InvitationMode; hours: number }
  | { ok: false; errors: Partial<Record<string, InvitationError>> } {
  const errors: Partial<Record<string, InvitationError>> = {};
  const member = z
    .string()
    .regex(/^[1-9]\d{0,14}$/)
    .transform(Number)
    .safeParse(v.member);
  if (!member.success || !ctx.adults.has(member.data)) errors.member = 'member';
  const mode = modeSchema.safeParse(v.mode);
  if (!mode.success) errors.mode = 'mode';
  else if (mode.data === 'link' && !ctx.linkAvailable) errors.mode = 'linkUnavailable';
  else if (mode.data === 'handover' && !ctx.handoverAvailable) errors.mode = 'handoverUnavailable';
  const hours = parseLinkHours(v.hours);
  if (mode.success && mode.data === 'link' && hours === null) errors.hours = 'hours';
  if (Object.keys(errors).length || !member.success || !mode.success) return { ok: false, errors };
  return { ok: true, memberId: member.data, includeHousehold: v.household, mode: mode.data, hours: hours ?? 0 };
}

export const officialLanguageSchema = z.enum(['nl', 'fr', 'nl-fr']) satisfies z.ZodType<OfficialLanguage>;
