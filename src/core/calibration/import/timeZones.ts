// UTC offsets of the time zones a journey can launch in (journey/schema.ts launchTimeZones), without a
// time-zone database: the core has none (no Intl time zones, which differ between browsers and Node).
// The Asian zones have had one fixed offset for decades; the European and American ones follow their
// current daylight-saving rules (EU since 1996, US since 2007, and the US rule of 1987–2006 before),
// which are pure arithmetic on the calendar. A fixed offset such as `+05:30` covers every other zone.
import { z } from 'zod';
import { launchTimeZones } from '../../journey/schema';
import { daysFromCivil } from './civil';

export type ImportTimeZone = (typeof launchTimeZones)[number] | `${'+' | '-'}${string}:${string}`;

const FIXED_OFFSET = /^([+-])(0\d|1[0-4]):([0-5]\d)$/;

export const importTimeZoneSchema = z.union([z.enum(launchTimeZones), z.string().regex(FIXED_OFFSET)]) as z.ZodType<ImportTimeZone>;

type DaylightRule = 'eu' | 'us' | null;

/** Standard offset in minutes and daylight-saving rule per zone. */
const zones: Record<(typeof launchTimeZones)[number], { standard: number; rule: DaylightRule }> = {
  'Asia/Shanghai': { standard: 480, rule: null },
  'Asia/Hong_Kong': { standard: 480, rule: null },
  'Asia/Taipei': { standard: 480, rule: null },
  'Asia/Singapore': { standard: 480, rule: null },
  'Asia/Tokyo': { standard: 540, rule: null },
  'Asia/Seoul': { standard: 540, rule: null },
  'Europe/London': { standard: 0, rule: 'eu' },
  'Europe/Berlin': { standard: 60, rule: 'eu' },
  'America/New_York': { standard: -300, rule: 'us' },
  'America/Los_Angeles': { standard: -480, rule: 'us' },
  UTC: { standard: 0, rule: null },
};

const MINUTES_PER_DAY = 1440;

/** The offset from UTC, in minutes, of a zone at an instant given as UTC days since 1970-01-01 (with the time as a fraction). */
export function offsetMinutes(zone: ImportTimeZone, utcDays: number): number {
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  const { standard, rule } = zones[zone as keyof typeof zones];
  if (rule === null) return standard;
  const year = yearOf(utcDays);
  const [from, to] = rule === 'eu' ? euDaylight(year) : usDaylight(year, standard);
  return utcDays >= from && utcDays < to ? standard + 60 : standard;
}

/** Local wall-clock time (days since 1970-01-01 with the time as a fraction) of a UTC instant in a zone. */
export const toZone = (utcDays: number, zone: ImportTimeZone): number => utcDays + offsetMinutes(zone, utcDays) / MINUTES_PER_DAY;

/** EU: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
function euDaylight(year: number): [number, number] {
  return [lastSunday(year, 3) + 1 / 24, lastSunday(year, 10) + 1 / 24];
}

/** US: from 02:00 local standard time to 02:00 local daylight time; since 2007 the second Sunday of March to the first Sunday of November. */
function usDaylight(year: number, standard: number): [number, number] {
  const [start, end] = year >= 2007 ? [nthSunday(year, 3, 2), nthSunday(year, 11, 1)] : [nthSunday(year, 4, 1), lastSunday(year, 10)];
  return [start + (2 * 60 - standard) / MINUTES_PER_DAY, end + (2 * 60 - standard - 60) / MINUTES_PER_DAY];
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
const sundayWeekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

function nthSunday(year: number, month: number, n: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((7 - sundayWeekday(first)) % 7) + 7 * (n - 1);
}

function lastSunday(year: number, month: number): number {
  const last = daysFromCivil(year, month + 1, 1) - 1;
  return last - sundayWeekday(last);
}

/** The calendar year of a day number (a year's first day is found arithmetically, then stepped). */
function yearOf(days: number): number {
  let year = 1970 + Math.floor(Math.floor(days) / 365.2425);
  while (daysFromCivil(year, 1, 1) > days) year--;
  while (daysFromCivil(year + 1, 1, 1) <= days) year++;
  return year;
}
