// Simulated moments as the bar reads them, and the sample's milestones counted up to a moment.
import type { TraceEntry } from '../../../core/sim/engine';
import { DAY_MS, HOUR_MS } from './playbackStore';

/** Days since launch (day 0 is launch day) and the clock since that day began, "09:00". */
export function momentOf(timeMs: number): { day: number; clock: string } {
  const day = Math.floor(timeMs / DAY_MS);
  const minutes = Math.floor((timeMs - day * DAY_MS) / 60_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return { day, clock: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

export { DAY_MS, HOUR_MS };

/** When each sampled user first entered and first reached a goal, ascending. */
export interface Milestones {
  entered: Float64Array;
  converted: Float64Array;
}

export function milestonesOf(traces: ReadonlyMap<number, readonly TraceEntry[]>): Milestones {
  const entered: number[] = [];
  const converted: number[] = [];
  for (const trace of traces.values()) {
    const enter = trace.find((entry) => entry.type === 'enter');
    const goal = trace.find((entry) => entry.type === 'goal');
    if (enter) entered.push(enter.at);
    if (goal) converted.push(goal.at);
  }
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  return { entered: sorted(entered), converted: sorted(converted) };
}

/** How many of the ascending `times` are at or before `time`. */
export function countUpTo(times: Float64Array, time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}
