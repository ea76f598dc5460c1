/**
 * A member's name as shown on screen and in the PDFs. Both parts are required and trimmed when
 * saved (src/households/forms.ts), so nothing here needs trimming.
 */
export const fullName = (m: { firstName: string; lastName: string }): string => `${m.firstName} ${m.lastName}`;
