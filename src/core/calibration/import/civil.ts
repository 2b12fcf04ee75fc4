// Calendar arithmetic for a million dates without a Date object each: days since 1970-01-01 of a
// proleptic Gregorian date, the same numbers as calendar.ts dayNumber (a test holds them equal), and back.
// Algorithms from H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".

/** Days since 1970-01-01 of year-month-day (month 1–12; 13 is January of the next year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : month > 12 ? year + 1 : year;
  const m = month > 12 ? month - 12 : month;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The year, month (1–12) and day of a day number (its fraction ignored). */
export function civilFromDays(days: number): [number, number, number] {
  const z = Math.floor(days) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const daysInMonth = (year: number, month: number): number => daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);

/** Whether year-month-day is a real date (and the year one a customer file can mean: 1900–2199). */
export const isCivilDate = (year: number, month: number, day: number): boolean =>
  year >= 1900 && year < 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const two = (value: number): string => String(value).padStart(2, '0');

/** A day number as YYYY-MM-DD. */
export function isoDate(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return `${year}-${two(month)}-${two(day)}`;
}

/** A day number with its time of day as YYYY-MM-DD HH:mm[:ss] (the time left out at midnight). */
export function isoDateTime(value: number): string {
  const seconds = Math.round((value - Math.floor(value)) * 86_400);
  const days = Math.floor(value) + (seconds >= 86_400 ? 1 : 0);
  const inDay = seconds % 86_400;
  if (inDay === 0) return isoDate(days);
  const clock = `${two(Math.floor(inDay / 3600))}:${two(Math.floor(inDay / 60) % 60)}`;
  return `${isoDate(days)} ${inDay % 60 ? `${clock}:${two(inDay % 60)}` : clock}`;
}
