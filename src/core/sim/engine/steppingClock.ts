import { SimulatedClock } from 'xstate';

/**
 * XState's SimulatedClock, taught to advance through chained timers: `set(t)` alone fires the timers
 * due by t but starts any timer they create at t, not at the moment they fired. `advanceTo` steps the
 * clock to each next wake time in turn, so a wait that follows a wait starts when the first ended.
 */
export class SteppingClock extends SimulatedClock {
  private readonly wakeTimes = new Map<number, number>();

  override setTimeout(fn: () => void, timeout: number): number {
    const id = super.setTimeout(() => {
      this.wakeTimes.delete(id);
      fn();
    }, timeout);
    this.wakeTimes.set(id, this.now() + timeout);
    return id;
  }

  override clearTimeout(id: number): void {
    this.wakeTimes.delete(id);
    super.clearTimeout(id);
  }

  /** The earliest pending wake time, or null when nothing is scheduled. */
  nextWake(): number | null {
    let next: number | null = null;
    for (const time of this.wakeTimes.values()) if (next === null || time < next) next = time;
    return next;
  }

  advanceTo(time: number): void {
    for (let next = this.nextWake(); next !== null && next <= time; next = this.nextWake()) this.set(Math.max(next, this.now()));
    if (time > this.now()) this.set(time);
  }
}
