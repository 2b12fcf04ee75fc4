import { z } from 'zod';
import { grouped, joinedMessages, message, type Message } from '../i18n';
import { zodMessage } from './zodMessages';
import { MAX_DURATION_DAYS, MAX_DURATION_MS } from './limits';
import { limitParams } from './limitChecks';

// ISO-8601 durations restricted to exact units: weeks, days, hours, minutes, seconds.
// Years and months are refused because their length depends on the calendar, and a
// simulation must know exactly how long a wait is.
const isoDurationPattern =
  /^P(?!$)(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in each exact unit a duration may use. */
export const MS = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 } as const;

/** Milliseconds in an ISO-8601 duration such as `PT24H` or `P3D`, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = isoDurationPattern.exec(text);
  if (!match) return null;
  const [, w, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return Math.round(
    (w ?? 0) * MS.week + (d ?? 0) * MS.day + (h ?? 0) * MS.hour + (m ?? 0) * MS.minute + (s ?? 0) * MS.second,
  );
}

const units = [
  [MS.day, 'days'],
  [MS.hour, 'hours'],
  [MS.minute, 'minutes'],
  [MS.second, 'seconds'],
] as const;

/** A human reading of a duration: "3 d 4 h" / "3天4小时" (catalog keys core.journey.duration.*). */
export function describeDuration(ms: number): Message {
  let rest = Math.round(ms);
  const parts: Message[] = [];
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(message(`core.journey.duration.${unit}`, { n }));
    rest -= n * size;
  }
  return parts.length === 0 ? message('core.journey.duration.seconds', { n: 0 }) : joinedMessages(parts, 'units');
}

/** describeElapsed's English, for developers' error texts (Error.message), which are not translated. */
export function elapsedInEnglish(ms: number): string {
  if (ms < MS.second) return `${ms} ms`;
  const suffixes = { days: 'd', hours: 'h', minutes: 'min', seconds: 's' } as const;
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${suffixes[unit]}`);
    rest -= n * size;
  }
  return parts.join(' ');
}

/** Like describeDuration, but milliseconds under a second: a fast loop's round can take only that long. */
export function describeElapsed(ms: number): Message {
  return ms < MS.second ? message('core.journey.duration.milliseconds', { n: ms }) : describeDuration(ms);
}

export const durationSchema = z
  .string()
  .regex(
    isoDurationPattern,
    zodMessage(
      message('core.journey.duration.expectedAnIso8601Duration'),
    ),
  )
  // Every duration is bounded: the simulation allocates per-day arrays over the horizon, and a wait of
  // a million days is a typo, not a plan. A text that is not a duration is left to the pattern above.
  .refine((text) => (parseDuration(text) ?? 0) <= MAX_DURATION_MS, {
    message: zodMessage(message('core.journey.duration.aDurationIsAtMost', { MAX_DURATION_DAYS: grouped(MAX_DURATION_DAYS) })),
    params: limitParams('duration-too-long'),
  })
  .meta({
    description: `ISO-8601 duration (W, D, H, M, S units), e.g. "PT24H", "P3D", "PT30M"; at most ${MAX_DURATION_DAYS} days.`,
    examples: ['PT24H', 'P3D'],
  });
