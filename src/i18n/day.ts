// The one parser for a calendar day typed in a form (households, balances, GPMI).

/**
 * A calendar day typed in a date field: 'yyyy-mm-dd' (what <input type="date"> sends) or
 * 'dd/mm/jjjj' (what people type where the browser shows a plain text field). Null if it is not a
 * real day (31/02 is refused).
 */
export function parseDay(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
