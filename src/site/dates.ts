// Calendar dates for display: pure string arithmetic, no time zones.
import { format } from 'date-fns/format'; // the one function, not the package's 300 modules

/**
 * @example readableDate('2025-02-27') //=> '27 February 2025'
 */
export function readableDate(iso: string): string {
  let s = readable.get(iso);
  if (s === undefined) {
    s = formatReadable(iso);
    if (readable.size < 100_000) readable.set(iso, s); // a few thousand distinct days in any archive
  }
  return s;
}
const readable = new Map<string, string>();

function formatReadable(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!d) return m ? format(new Date(y, m - 1, 1), 'MMMM yyyy') : String(y);
  return format(new Date(y, m - 1, d), 'd MMMM yyyy');
}

/** A date from page data as YYYY-MM-DD: strings pass through, Date objects (UTC midnight, as YAML gives them) are read in UTC. */
export function isoDay(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  return undefined;
}
