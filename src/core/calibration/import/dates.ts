// Dates and date-times as customer files write them, to days since 1970-01-01 with the time of day as a
// fraction (the same day numbers as calendar.ts dayNumber). A date-time without an offset is taken as
// wall-clock time in the import's time zone; one with `Z` or `±hh:mm` is converted to that zone.
import { daysFromCivil, isCivilDate, isoDateTime } from './civil';
import { toZone, type ImportTimeZone } from './timeZones';

/**
 * - iso: 2024-01-05, 2024-1-5, 2024-01-05T13:45[:ss[.sss]][Z|±hh:mm], 2024-01-05 13:45
 * - ymd-slash: 2024/1/5 or 2024.1.5, optional time (what Chinese Excel writes)
 * - ymd-compact: 20240105, optionally followed by hhmm[ss]
 * - excel-serial: days in Excel's 1900 date system (45296 = 2024-01-05, 45296.5 its noon)
 * - dmy, mdy: 05/01/2024 (also with - or .), optional time; which one is read from days above 12
 * - chinese: 2024年1月5日, optional 13:45 or 13时45分
 */
export const dateFormats = ['iso', 'ymd-slash', 'ymd-compact', 'excel-serial', 'dmy', 'mdy', 'chinese'] as const;
export type DateFormat = (typeof dateFormats)[number];

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const CLOCK = String.raw`(?:\s+${TIME}(?:\s*([AaPp][Mm]))?)?`;
const patterns = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME}(Z|[+-]\d{2}(?::?\d{2})?)?)?$`),
  ymdSlash: new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${CLOCK}$`),
  compact: /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$/,
  serial: /^\d{1,6}(?:\.\d+)?$/,
  dayMonth: new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${CLOCK}$`),
  chinese: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?分?)?$/,
};

/** Excel serials read as dates: 1950-01-01 to 2199-12-31 (smaller numbers are quantities, not purchase dates). */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 109_574;

/**
 * Days since 1970-01-01 (with the time of day as a fraction) of a date written in a format, or null when
 * the text is not a real date in it. Times carrying an offset are converted to `zone`.
 */
export function parseDate(text: string, format: DateFormat, zone: ImportTimeZone = 'Asia/Shanghai'): number | null {
  const value = text.trim();
  switch (format) {
    case 'iso': {
      const match = patterns.iso.exec(value);
      if (!match) return null;
      const local = dateTime(match[1], match[2], match[3], match[4], match[5], match[6], match[7], undefined);
      const offset = match[8];
      return local === null || offset === undefined ? local : toZone(local - offsetOf(offset) / 1440, zone);
    }
    case 'ymd-slash': {
      const match = patterns.ymdSlash.exec(value);
      return match ? dateTime(match[1], match[2], match[3], match[4], match[5], match[6], match[7], match[8]) : null;
    }
    case 'ymd-compact': {
      const match = patterns.compact.exec(value);
      return match ? dateTime(match[1], match[2], match[3], match[4], match[5], match[6], undefined, undefined) : null;
    }
    case 'excel-serial': {
      if (!patterns.serial.test(value)) return null;
      const serial = Number(value);
      if (serial < SERIAL_MIN || serial >= SERIAL_MAX) return null;
      // Serials count from 1900-01-00 and include Lotus 1-2-3's 29 February 1900, so from 1900-03-01 on
      // serial 25569 is 1970-01-01.
      return serial - 25_569;
    }
    case 'dmy':
    case 'mdy': {
      const match = patterns.dayMonth.exec(value);
      if (!match) return null;
      const [first, second] = format === 'dmy' ? [match[2], match[1]] : [match[1], match[2]];
      return dateTime(match[3], first, second, match[4], match[5], match[6], match[7], match[8]);
    }
    case 'chinese': {
      const match = patterns.chinese.exec(value);
      return match ? dateTime(match[1], match[2], match[3], match[4], match[5], match[6], undefined, undefined) : null;
    }
  }
}

function dateTime(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  fractionText: string | undefined,
  meridiem: string | undefined,
): number | null {
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  if (!isCivilDate(year, month, day)) return null;
  const days = daysFromCivil(year, month, day);
  if (hourText === undefined) return days;
  let hour = Number(hourText);
  const [minute, second] = [Number(minuteText), Number(secondText ?? 0)];
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = fractionText === undefined ? 0 : Number(`0.${fractionText}`);
  return days + (hour * 3600 + minute * 60 + second + fraction) / 86_400;
}

/** Minutes east of UTC of `Z`, `±hh`, `±hhmm` or `±hh:mm`. */
function offsetOf(text: string): number {
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return text.startsWith('-') ? -minutes : minutes;
}

export interface DateExample {
  text: string;
  /** The date as read, YYYY-MM-DD[ HH:mm[:ss]]. */
  read: string;
  /** The same text read in the other day–month order, when the format is a guess between them. */
  otherwise?: string;
}

export interface DateDetection {
  /** The format that reads the most samples; null when none reads any. */
  format: DateFormat | null;
  /** True when the samples read as well day-first as month-first (no day above 12): the format is a guess the user should confirm. */
  ambiguous: boolean;
  /** Non-empty samples the format reads, of `total`. */
  matched: number;
  total: number;
  /** Up to three samples as read, to show next to the choice. */
  examples: DateExample[];
}

/** The order formats are preferred in when they read equally many samples. */
const preference: readonly DateFormat[] = ['iso', 'ymd-slash', 'chinese', 'ymd-compact', 'dmy', 'mdy', 'excel-serial'];

/**
 * The date format of a column from sample values. Day–month order is read from values whose first (or
 * second) number is above 12; when none is, day-first is taken and flagged as ambiguous. Excel serials
 * are chosen only when no written format reads more samples.
 */
export function detectDateFormat(samples: readonly string[]): DateDetection {
  const values = samples.map((sample) => sample.trim()).filter((sample) => sample !== '');
  const counts = new Map(preference.map((format) => [format, values.filter((value) => parseDate(value, format, 'UTC') !== null).length]));
  const best = preference.reduce((chosen, format) => (counts.get(format)! > counts.get(chosen)! ? format : chosen));
  const matched = counts.get(best)!;
  if (matched === 0) return { format: null, ambiguous: false, matched: 0, total: values.length, examples: [] };
  const ambiguous = (best === 'dmy' || best === 'mdy') && counts.get('dmy') === counts.get('mdy');
  const other: DateFormat = best === 'dmy' ? 'mdy' : 'dmy';
  const examples = values
    .filter((value) => parseDate(value, best, 'UTC') !== null)
    .slice(0, 3)
    .map((text): DateExample => {
      const read = isoDateTime(parseDate(text, best, 'UTC')!);
      const alternative = ambiguous ? parseDate(text, other, 'UTC') : null;
      return alternative === null ? { text, read } : { text, read, otherwise: isoDateTime(alternative) };
    });
  return { format: best, ambiguous, matched, total: values.length, examples };
}

/** Days since 1970-01-01 of a YYYY-MM-DD reference date (as calendar.ts dayNumber), or null. */
export function referenceDay(text: string): number | null {
  const day = parseDate(text, 'iso', 'UTC');
  return day !== null && Number.isInteger(day) && /^\d{4}-\d{2}-\d{2}$/.test(text) ? day : null;
}
