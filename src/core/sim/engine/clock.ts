// The simulation's local clock (docs/simulation.md, "Time"): a journey with a dated launch starts at
// its local date and time, so hours of the day, weekdays and the cohort's calendar dates follow from
// the launch; an undated one starts at 00:00 of no particular day. Days are 24 hours (no
// daylight-saving shifts, exact for China's time zone).
import { channels } from '../../journey/channels';
import { dayNumber, weekdayOf } from '../../calendar';
import type { CheckedCohortSpec } from '../../cohort/schema';
import type { JourneyDocument } from '../../journey/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Clock {
  /** Milliseconds from local midnight to the launch: local time = simulation time + offset. */
  offsetMs: number;
  /** Per channel × 24 local hours: multiplier on the open chance (1 where the cohort gives none). */
  openByHour: Float64Array;
  /** Per channel × 24 local hours: multiplier on the mean response delay. */
  delayByHour: Float64Array;
  /** Per channel × local day from the launch: the weekday's open multiplier (empty when undated). */
  openByDay: Float64Array;
  /** Per local day from the launch: the calendar's multiplier on everyone's own purchase rate; null when every day is 1. */
  purchaseRateByDay: Float64Array | null;
  /** Local days from the launch that `openByDay` and `purchaseRateByDay` cover (later days are 1). */
  days: number;
  /** The launch's date as days since 1970-01-01; null for an undated journey. */
  launchDay: number | null;
}

/** The clock of a journey run on a cohort for `horizonMs`. */
export function buildClock(journey: JourneyDocument, cohort: CheckedCohortSpec, horizonMs: number): Clock {
  const launch = journey.settings.launch ?? null;
  const offsetMs = launch ? minutesOfDay(launch.time) * 60_000 : 0;
  const days = Math.ceil((horizonMs + offsetMs) / DAY) + 1;
  const timing = cohort.timing;
  const perHour = (table: Partial<Record<string, number[]>>) => {
    const array = new Float64Array(channels.length * 24).fill(1);
    channels.forEach((channel, index) => table[channel]?.forEach((value, hour) => (array[index * 24 + hour] = value)));
    return array;
  };
  const first = launch ? dayNumber(launch.date) : null;
  const openByDay = new Float64Array(first === null ? 0 : channels.length * days).fill(1);
  let purchaseRateByDay: Float64Array | null = null;
  if (first !== null) {
    channels.forEach((channel, index) => {
      const weekdays = timing.openByWeekday[channel];
      if (weekdays) for (let day = 0; day < days; day++) openByDay[index * days + day] = weekdays[weekdayOf(first + day)]!;
    });
    for (const entry of cohort.calendar) {
      const from = dayNumber(entry.from)! - first;
      const to = dayNumber(entry.to)! - first;
      for (let day = Math.max(0, from); day <= Math.min(days - 1, to); day++) {
        purchaseRateByDay ??= new Float64Array(days).fill(1);
        purchaseRateByDay[day]! *= entry.purchaseRate;
      }
    }
  }
  return { offsetMs, openByHour: perHour(timing.openByHour), delayByHour: perHour(timing.delayByHour), openByDay, purchaseRateByDay, days, launchDay: first };
}

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * The time at which a Poisson process of rate λ × (the calendar's multiplier) started at `from` has used
 * up `exposure` — an Exp(1) draw ÷ λ, in milliseconds at multiplier 1: the inverse of the cumulative
 * rate, walked day by day (a day at multiplier 0 passes with no purchase). Without a calendar it is
 * `from + exposure`, so the draws (and the twin) are the same either way.
 */
export function calendarAdvance(clock: Clock, from: number, exposure: number): number {
  const rates = clock.purchaseRateByDay;
  if (rates === null || !Number.isFinite(exposure)) return from + exposure;
  let time = from;
  let left = exposure;
  for (;;) {
    const day = Math.floor((time + clock.offsetMs) / DAY);
    if (day >= clock.days) return time + left;
    const rate = rates[day]!;
    const end = (day + 1) * DAY - clock.offsetMs;
    if (rate > 0 && (end - time) * rate >= left) return time + left / rate;
    left -= (end - time) * rate;
    time = end;
  }
}
