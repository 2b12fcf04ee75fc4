// Pure helpers for the cohort's timing profiles and calendar in the editor: which channels have a
// profile, the hours an open profile peaks at, and whether a section's problems changed (its memoised
// form skips re-rendering while typing elsewhere).
import type { Problem } from '../../../core/journey';
import { channels } from '../../../core/journey';
import { isPlainObject } from '../../../core/journey';
import { say } from '../../i18n/say';

export const HOURS = 24;
export const WEEKDAYS = 7;
/** Monday first, as the format stores weekdays; the keys the weekday messages select on. */
export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The three per-channel lists of a timing profile and how many multipliers each holds. */
export const timingFields = [
  { field: 'openByHour', size: HOURS },
  { field: 'delayByHour', size: HOURS },
  { field: 'openByWeekday', size: WEEKDAYS },
] as const;
export type TimingField = (typeof timingFields)[number]['field'];

const recordAt = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});

/** Every key with a list in any of the three records: known channels in their usual order, then any other key as written (the check reports it). */
export function profileKeys(timing: unknown): string[] {
  const record = recordAt(timing);
  const keys = new Set(timingFields.flatMap(({ field }) => Object.keys(recordAt(record[field]))));
  const known: string[] = channels.filter((channel) => keys.has(channel));
  return [...known, ...[...keys].filter((key) => !known.includes(key))];
}

/** "20:00" for hour 20; the end of the last hour is "24:00". */
export const hourText = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/**
 * The hours with the highest multiplier, as runs "20:00–22:00" (a run across midnight is one run),
 * with that multiplier: no runs when every hour is alike; null when the list is not 24 numbers.
 */
export function peakHours(values: unknown): { runs: string[]; value: number } | null {
  if (!Array.isArray(values) || values.length !== HOURS || !values.every((value) => typeof value === 'number' && Number.isFinite(value))) return null;
  const numbers = values as number[];
  const max = numbers.reduce((top, value) => Math.max(top, value), -Infinity);
  if (numbers.every((value) => value === max)) return { runs: [], value: max };
  const runs: [number, number][] = [];
  numbers.forEach((value, hour) => {
    if (value !== max) return;
    const last = runs.at(-1);
    if (last && last[1] === hour) last[1] = hour + 1;
    else runs.push([hour, hour + 1]);
  });
  const first = runs[0]!;
  const last = runs.at(-1)!;
  if (runs.length > 1 && first[0] === 0 && last[1] === HOURS) {
    runs.shift();
    last[1] = first[1];
  }
  return { runs: runs.map(([from, to]) => `${hourText(from)}–${hourText(to)}`), value: max };
}

const pathOf = (problem: Problem) => (problem.location as { path?: readonly (string | number)[] }).path ?? [];

/** The problems whose path starts with `key` (a top-level field of the cohort). */
export const problemsUnder = (problems: readonly Problem[], key: string): Problem[] => problems.filter((problem) => pathOf(problem)[0] === key);

/** Whether two problem lists say the same things at the same places. */
export const sameProblems = (a: readonly Problem[], b: readonly Problem[]): boolean =>
  a.length === b.length &&
  a.every((problem, at) => problem.code === b[at]!.code && say(problem.message, 'en') === say(b[at]!.message, 'en') && JSON.stringify(problem.location) === JSON.stringify(b[at]!.location));

/** Today's local date, YYYY-MM-DD: where a new calendar entry starts. */
export function todayText(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
