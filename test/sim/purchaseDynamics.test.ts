import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/sim/engine/report';
import { engines, runRange, type EngineName } from '../../src/core/sim/engine/runRange';
import type { Model } from '../../src/core/sim/engine/model';
import type { TraceEntry } from '../../src/core/sim/engine/trace';
import { cohort, journey, model, smsThenGoal, traces } from './support';

/**
 * Purchases the journey causes and how people react to pressure (docs/simulation.md, "Behaviour"):
 * induced purchases draw no dropout coin, pull-forward nets them out, a click wins lapsed customers
 * back at the segment's rate, and opt-outs grow with the touches received. These statistical checks
 * run on the fast engine; the reference engine is held to the same traces, draw for draw, with these
 * parameters among the generated cohorts of agreement.test.ts (and the first check runs on both).
 */

function reportOf(m: Model, engine: EngineName) {
  const result = runRange(m, engine, 0, m.users);
  return buildReport(m, [result.counters], { engine, seed: m.seed });
}

/** Six SMS a day apart. */
const dailySms = Array.from({ length: 6 }, (_, index) => [
  { id: `sms${index}`, kind: 'message', params: { channel: 'sms' } },
  { id: `wait${index}`, kind: 'wait', params: { duration: 'P1D' } },
]).flat();
const sixDailySms = (settings: Record<string, unknown> = {}) => journey(dailySms, settings);

/** Standard error of a paired total from its 95 % interval. */
const standardError = (interval: { low: number; high: number } | null) => (interval!.high - interval!.low) / (2 * 1.96);

describe.each(engines)('induced purchases on the %s engine', { timeout: 120_000 }, (engine) => {
  it('draw no dropout coin: a bigger lift churns exactly the same users', () => {
    const document = smsThenGoal();
    const without = reportOf(model(document, cohort({ clickLift: 1 }), 3_000), engine);
    const lifted = reportOf(model(document, cohort({ clickLift: 6 }), 3_000), engine);
    expect(lifted.incremental.purchases.value).toBeGreaterThan(50);
    expect(lifted.churned).toBe(without.churned);
    expect(lifted.churned).toBeGreaterThan(0);
  });
});

describe('purchases the journey causes', { timeout: 120_000 }, () => {
  const engine = 'fast';

  it('nets induced purchases out with pull-forward 1 over a horizon long after the campaign', () => {
    const document = smsThenGoal({ horizon: 'P730D' });
    const pulled = reportOf(model(document, cohort({ clickLift: 6, pullForward: 1 }), 4_000), engine);
    const extra = reportOf(model(document, cohort({ clickLift: 6, pullForward: 0 }), 4_000), engine);
    // Without pull-forward the campaign adds purchases well beyond their noise …
    expect(extra.incremental.purchases.value).toBeGreaterThan(3 * standardError(extra.incremental.purchases.interval));
    // … with it, the twin buys as often over the whole horizon, within three standard errors (here
    // exactly as often: each induced order is one of the user's own, made earlier).
    expect(Math.abs(pulled.incremental.purchases.value)).toBeLessThanOrEqual(3 * standardError(pulled.incremental.purchases.interval));
    // The promotion's revenue comes early and its dip later.
    const revenue = pulled.incremental.byDay.revenue;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(sum(revenue.slice(0, 14))).toBeGreaterThan(0);
    expect(sum(revenue.slice(14))).toBeLessThan(0);
  });

  it('wins lapsed customers back at the segment’s reactivation chance, per click while lapsed', () => {
    // Fast buyers who lapse quickly (p ≈ 0.5 after each order), then six daily SMS from day 20.
    const document = journey([{ id: 'later', kind: 'wait', params: { duration: 'P20D' } }, ...dailySms]);
    const spec = cohort({ purchase: { r: 4, alpha: 4, a: 5, b: 5 }, reactivation: 0.3 });
    const all = traces(model(document, spec, 4_000), engine);
    const { trials, wins } = winBackTrials(all);
    expect(trials).toBeGreaterThan(800);
    const rate = wins / trials;
    expect(Math.abs(rate - 0.3)).toBeLessThan(3 * Math.sqrt((0.3 * 0.7) / trials));
    // Won-back customers buy again: the journey now adds purchases among lapsed users.
    const report = reportOf(model(document, spec, 4_000), engine);
    expect(report.reactivated).toBeGreaterThan(0);
    expect(report.incremental.purchases.interval!.low).toBeGreaterThan(0);
    const never = reportOf(model(document, cohort({ purchase: { r: 4, alpha: 4, a: 5, b: 5 } }), 4_000), engine);
    expect(never.reactivated).toBe(0);
  });
});

describe('opt-outs under contact pressure', { timeout: 120_000 }, () => {
  const engine = 'fast';
  it('rise with the touches received in the window, and a frequency cap protects users from them', () => {
    const response = { sms: { open: 0.5, click: 0.05, unsubscribe: 0.01 } };
    const at = (pressure: number, settings: Record<string, unknown> = {}) =>
      reportOf(model(sixDailySms(settings), cohort({ response, unsubscribePressure: pressure }), 6_000), engine).channels.sms;
    const calm = at(0);
    const pressed = at(1);
    // Six touches a day apart in a seven-day window: the k-th is sent after k − 1 others, so the mean
    // multiplier is 1 + 2.5 at pressure 1 — well over twice the opt-outs, beyond their noise.
    expect(pressed.unsubscribes).toBeGreaterThan(2.5 * calm.unsubscribes);
    expect(calm.unsubscribes).toBeGreaterThan(100);
    const capped = at(1, { frequencyCap: { touches: 2, window: 'P7D' } });
    // The cap sends a third of the touches; under pressure it spares far more than a third of the opt-outs.
    expect(capped.unsubscribes / pressed.unsubscribes).toBeLessThan((capped.sent / pressed.sent) * 0.75);
  });
});

/** Clicks made while lapsed (each a trial of the win-back chance) and those that won the user back. */
function winBackTrials(all: TraceEntry[][]): { trials: number; wins: number } {
  let trials = 0;
  let wins = 0;
  for (const trace of all) {
    let lapsed = false;
    for (let index = 0; index < trace.length; index++) {
      const entry = trace[index]!;
      if (entry.type === 'churn') lapsed = true;
      else if (entry.type === 'reactivate') lapsed = false;
      else if (entry.type === 'event' && entry.event === 'click') {
        // A win-back is recorded just before the click event it answers.
        const previous = trace[index - 1];
        const won = previous?.type === 'reactivate' && previous.at === entry.at;
        if (lapsed || won) trials++;
        if (won) wins++;
      }
    }
  }
  return { trials, wins };
}
