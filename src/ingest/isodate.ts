// Calendar dates as ISO strings, with pure integer arithmetic.
// No Date objects are involved in the arithmetic, so results never depend on the
// process time zone (a date is a day on the calendar, not an instant).

/** Days of the week, Sunday first (index = weekday number used below). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/**
 * Month number (1–12) for an English month name or abbreviation ("Feb", "Feb.", "Sept").
 * @example monthNumber('Feb.') //=> 2
 */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** True when `y` is a Gregorian leap year. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Number of days in month `m` (1–12) of year `y`.
 * @example daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/**
 * Format year, month and day as YYYY-MM-DD, or undefined when not a real calendar date.
 * @example isoFromParts(2025, 2, 29) //=> undefined
 */
export function isoFromParts(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * True for a real calendar date written YYYY-MM-DD.
 * @example isValidIsoDate('2025-02-29') //=> false
 */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoFromParts(+m[1], +m[2], +m[3]) === s;
}

/** Split a valid YYYY-MM-DD string into numbers. */
export function isoParts(iso: string): { y: number; m: number; d: number } {
  return { y: +iso.slice(0, 4), m: +iso.slice(5, 7), d: +iso.slice(8, 10) };
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoFromParts(y, m, d) as string;
}

/**
 * Add (or with a negative `n`, subtract) whole days to a YYYY-MM-DD date.
 * @example addDays('2025-02-12', 6) //=> '2025-02-18'
 */
export function addDays(iso: string, n: number): string {
  const { y, m, d } = isoParts(iso);
  return fromDayNumber(toDayNumber(y, m, d) + n);
}

/**
 * Whole days from `a` to `b` (positive when `b` is later).
 * @example daysBetween('2025-02-12', '2025-02-18') //=> 6
 */
export function daysBetween(a: string, b: string): number {
  const p = isoParts(a);
  const q = isoParts(b);
  return toDayNumber(q.y, q.m, q.d) - toDayNumber(p.y, p.m, p.d);
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday.
 * @example weekday('2025-02-27') //=> 4 (Thursday)
 */
export function weekday(iso: string): number {
  const { y, m, d } = isoParts(iso);
  return (((toDayNumber(y, m, d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Shift a month-precision date (YYYY-MM) by `n` months.
 * @example addMonths('2025-02', -1) //=> '2025-01'
 */
export function addMonths(ym: string, n: number): string {
  const total = +ym.slice(0, 4) * 12 + (+ym.slice(5, 7) - 1) + n;
  const y = Math.floor(total / 12);
  return `${String(y).padStart(4, '0')}-${String(total - y * 12 + 1).padStart(2, '0')}`;
}

/**
 * Normalise a frontmatter date value (string or YAML Date) to YYYY-MM-DD, or undefined.
 * A YAML timestamp is read in UTC, the way YAML defines a bare date, so the day never
 * shifts with the local time zone.
 * @example toIsoDate('2025-02-27') //=> '2025-02-27'
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const s = value.trim();
    const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ]\d)/.exec(s);
    return m && isValidIsoDate(m[1]) ? m[1] : undefined;
  }
  return undefined;
}
