// Calendar dates as ISO strings: no time zones involved.
import { isValid, parse } from 'date-fns';

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return isValid(parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1)));
}

/** Normalise a frontmatter date value (string or YAML Date) to YYYY-MM-DD, or undefined. */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const s = value.trim().slice(0, 10);
    return isValidIsoDate(s) ? s : undefined;
  }
  return undefined;
}
