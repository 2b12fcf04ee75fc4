// Calendar dates without a clock: the launch day and the cohort's calendar are plain local dates, and
// the simulation counts whole days from them. Pure arithmetic on the proleptic Gregorian calendar
// (Date.UTC is a pure function of its arguments; nothing here reads the time).

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date. */
export function dayNumber(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

export const isCalendarDate = (text: string): boolean => dayNumber(text) !== null;

/** The weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;
