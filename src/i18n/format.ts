// Dates and times as Belgian users read them: dd/mm/jjjj and 24-hour HH:MM, in Brussels time.
const TIME_ZONE = 'Europe/Brussels';

// Building an Intl.DateTimeFormat costs about a millisecond; one shared instance costs microseconds.
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter.formatToParts(date)) out[p.type] = p.value;
  return out;
}

export function formatDate(value: Date | number): string {
  const p = parts(new Date(value));
  return `${p.day}/${p.month}/${p.year}`;
}

export function formatTime(value: Date | number): string {
  const p = parts(new Date(value));
  return `${p.hour}:${p.minute}`;
}

export function formatDateTime(value: Date | number): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** ISO date (yyyy-mm-dd, as <input type="date"> sends it) to dd/mm/jjjj; no time zone involved. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
