import { z } from 'zod';
import { grouped } from '../i18n';
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

/** A human reading of a duration: "3 d 4 h" / "3天4小时". */
export function describeDuration(ms: number, lang: 'en' | 'zh-CN'): string {
  const units: [number, string, string][] = [
    [MS.day, ' d', '天'],
    [MS.hour, ' h', '小时'],
    [MS.minute, ' min', '分钟'],
    [MS.second, ' s', '秒'],
  ];
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [size, en, zh] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${lang === 'en' ? en : zh}`);
    rest -= count * size;
  }
  if (parts.length === 0) return lang === 'en' ? '0 s' : '0秒';
  return parts.join(lang === 'en' ? ' ' : '');
}

/** Like describeDuration, but milliseconds under a second: a fast loop's round can take only that long. */
export function describeElapsed(ms: number, lang: 'en' | 'zh-CN'): string {
  return ms < MS.second ? `${ms}${lang === 'en' ? ' ms' : '毫秒'}` : describeDuration(ms, lang);
}

export const durationSchema = z
  .string()
  .regex(
    isoDurationPattern,
    zodMessage(
      'Expected an ISO-8601 duration in weeks, days, hours, minutes or seconds, e.g. "PT24H" or "P3D"',
      '应为以周、天、小时、分钟或秒表示的 ISO-8601 时长，例如 "PT24H" 或 "P3D"',
    ),
  )
  // Every duration is bounded: the simulation allocates per-day arrays over the horizon, and a wait of
  // a million days is a typo, not a plan. A text that is not a duration is left to the pattern above.
  .refine((text) => (parseDuration(text) ?? 0) <= MAX_DURATION_MS, {
    message: zodMessage(`A duration is at most ${grouped(MAX_DURATION_DAYS)} days`, `时长最长为 ${grouped(MAX_DURATION_DAYS)} 天`),
    params: limitParams('duration-too-long'),
  })
  .meta({
    description: `ISO-8601 duration (W, D, H, M, S units), e.g. "PT24H", "P3D", "PT30M"; at most ${MAX_DURATION_DAYS} days.`,
    examples: ['PT24H', 'P3D'],
  });
