import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/sim/engine/report';
import { createDriver, runRange } from '../../src/core/sim/engine/runRange';
import { UserWorld } from '../../src/core/sim/engine/world';
import { simulateUser } from '../../src/core/sim/engine/driver';
import { normalizeWide } from '../../src/core/sim/engine/counters';
import { checkCohort, type CheckedCohortSpec } from '../../src/core/cohort/schema';
import type { Model } from '../../src/core/sim/engine/model';
import { calendarAdvance, type Clock } from '../../src/core/sim/engine/clock';
import { dayNumber, weekdayOf } from '../../src/core/calendar';
import { cohort, DAY, HOUR, journey, model, PURCHASE, traces } from './support';
import { inEnglish } from '../support/messages.ts';

/**
 * Time (docs/simulation.md, "Time"): a dated launch sets the local clock; opens and delays follow the
 * hour and weekday a touch arrives; the cohort's calendar multiplies everyone's own purchase rate.
 */

const reportOf = (m: Model) => buildReport(m, [runRange(m, 'fast', 0, m.users).counters], { engine: 'fast', seed: m.seed });

/** The test cohort with `timing` and `calendar` added. */
function timed(extra: Record<string, unknown>, behaviour: Record<string, unknown> = {}): CheckedCohortSpec {
  const base = cohort(behaviour);
  const checked = checkCohort({ ...base, ...extra });
  if (!checked.spec) throw new Error(checked.problems.map((p) => inEnglish(p.message)).join('\n'));
  return checked.spec;
}

const launch = (date: string, time: string) => ({ launch: { date, time, timeZone: 'Asia/Shanghai' } });
const oneSms = (settings: Record<string, unknown>) => journey([{ id: 'sms', kind: 'message', params: { channel: 'sms' } }, { id: 'pause', kind: 'wait', params: { duration: 'P3D' } }], settings);

describe('the local clock', { timeout: 120_000 }, () => {
  it('knows weekdays from dates', () => {
    expect(weekdayOf(dayNumber('2026-12-07')!)).toBe(0); // a Monday
    expect(weekdayOf(dayNumber('2027-06-19')!)).toBe(5); // a Saturday
    expect(dayNumber('2027-02-29')).toBeNull();
  });

  it('holds a touch in quiet hours by the launch’s local time', () => {
    const quiet = { quietHours: { start: '22:00', end: '08:00' } };
    const sentAt = (time: string) => traces(model(oneSms({ ...quiet, ...launch('2027-06-01', time) }), cohort(), 50))[0]!.find((entry) => entry.type === 'touch' && entry.outcome === 'sent')!.at;
    expect(sentAt('21:00')).toBe(0);
    // Launched at 23:00 local: held until 08:00, nine hours later.
    expect(sentAt('23:00')).toBe(9 * HOUR);
  });

  it('opens a touch by the hour it arrives, and answers it later at night', () => {
    const night = Array.from({ length: 24 }, (_, hour) => (hour < 7 ? 0 : 1));
    const slow = Array.from({ length: 24 }, (_, hour) => (hour < 7 ? 6 : 1));
    const spec = timed({ timing: { openByHour: { sms: night }, delayByHour: { sms: slow } } });
    const settings = { quietHours: null };
    const opens = (time: string) => reportOf(model(oneSms({ ...settings, ...launch('2027-06-01', time) }), spec, 3_000)).channels.sms;
    const atThree = opens('03:00');
    const atNoon = opens('12:00');
    expect(atThree.sent).toBe(atNoon.sent);
    expect(atThree.opens).toBe(0);
    expect(atNoon.opens / atNoon.sent).toBeGreaterThan(0.45);
  });

  it('opens by weekday once the launch is dated, and ignores weekdays when it is not', () => {
    const spec = timed({ timing: { openByWeekday: { sms: [1, 1, 1, 1, 1, 0, 0] } } });
    const opens = (settings: Record<string, unknown>) => reportOf(model(oneSms({ quietHours: null, ...settings }), spec, 2_000)).channels.sms.opens;
    expect(opens(launch('2027-06-19', '10:00'))).toBe(0); // a Saturday
    expect(opens(launch('2027-06-21', '10:00'))).toBeGreaterThan(800); // a Monday
    expect(opens({})).toBe(opens(launch('2027-06-21', '10:00')));
  });
});

describe('the calendar', { timeout: 120_000 }, () => {
  // Almost no dropout, so own purchases are a Poisson process of rate λ × the day's multiplier.
  const steady = { purchase: { ...PURCHASE, a: 0.01, b: 100 } };
  const festival = { calendar: [{ name: { en: '618', 'zh-CN': '618' }, from: '2027-06-01', to: '2027-06-10', purchaseRate: 3 }] };
  const purchasesInTenDays = (m: Model) =>
    traces(m).map((trace) => trace.filter((entry) => entry.type === 'event' && entry.event === 'purchase' && entry.at < 10 * DAY).length);

  it('raises everyone’s own purchases on its dates by its multiplier (3 SE of the closed form)', () => {
    const counts = purchasesInTenDays(model(journey([]), timed(festival, steady), 20_000, 7));
    const launched = model(journey([], launch('2027-06-01', '00:00')), timed(festival, steady), 20_000, 7);
    const festive = purchasesInTenDays(launched);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const se = (values: number[]) => Math.sqrt(values.reduce((sum, value) => sum + (value - mean(values)) ** 2, 0) / (values.length - 1) / values.length);
    // E[λ] = r / α a day, over ten days; the festival triples it.
    const expected = (PURCHASE.r / PURCHASE.alpha) * 10;
    expect(Math.abs(mean(counts) - expected)).toBeLessThan(3 * se(counts));
    expect(Math.abs(mean(festive) - 3 * expected)).toBeLessThan(3 * se(festive));
  });

  it('is a time change of the same draws: the twin stays exact, forced or skipped', () => {
    const m = model(oneSms(launch('2027-06-01', '09:00')), timed(festival, { ...steady, clickLift: 4 }), 1_500);
    const run = (alwaysTwin: boolean) => {
      const world = new UserWorld(m);
      world.alwaysTwin = alwaysTwin;
      const driver = createDriver('fast', m, world);
      for (let user = 0; user < m.users; user++) simulateUser(world, driver, user);
      return JSON.stringify(buildReport(m, [normalizeWide(world.counters, m.layout)], { engine: 'fast', seed: m.seed }));
    };
    expect(run(true)).toBe(run(false));
    expect(JSON.parse(run(false)).incremental.purchases.value).toBeGreaterThan(0);
  });

  it('walks day by day, skipping days at 0, and keeps later days at 1', () => {
    const clock: Clock = { offsetMs: 0, openByHour: new Float64Array(), delayByHour: new Float64Array(), openByDay: new Float64Array(), purchaseRateByDay: Float64Array.from([2, 0, 1]), days: 3, launchDay: null };
    expect(calendarAdvance(clock, 0, DAY)).toBe(DAY / 2);
    expect(calendarAdvance(clock, 0, 2 * DAY)).toBe(DAY);
    // A day at 0 passes with no purchase; after the calendar, days are at 1.
    expect(calendarAdvance(clock, 0, 3 * DAY)).toBe(3 * DAY);
    expect(calendarAdvance(clock, 0, 4 * DAY)).toBe(4 * DAY);
    expect(calendarAdvance({ ...clock, purchaseRateByDay: null }, 5, 7)).toBe(12);
  });
});
