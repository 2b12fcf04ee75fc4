import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/sim/engine/report';
import { engines, runRange, type EngineName } from '../../src/core/sim/engine/runRange';
import type { Model } from '../../src/core/sim/engine/model';
import { cohort, journey, model, traces } from './support';

/**
 * Offers (docs/simulation.md, "Offers"): an offer lifts buying only once the user knows it, by its depth
 * against the user's expected order, and a known minimum spend tops orders up to it (凑单).
 */

function reportOf(m: Model, engine: EngineName) {
  return buildReport(m, [runRange(m, engine, 0, m.users).counters], { engine, seed: m.seed });
}

/** Everyone gets a coupon (no minimum spend unless given), then, if `announced`, an SMS everyone opens. */
function couponJourney(params: Record<string, unknown>, announced: boolean) {
  return journey([
    { id: 'coupon', kind: 'offer', params: { validity: 'P30D', ...params } },
    ...(announced ? [{ id: 'sms', kind: 'message', params: { channel: 'sms' } }] : []),
    { id: 'pause', kind: 'wait', params: { duration: 'P30D' } },
  ]);
}

/** Everyone opens an SMS; nobody clicks, so only the offer can lift buying. */
const opener = (behaviour: Record<string, unknown> = {}) => cohort({ priceElasticity: 3, response: { sms: { open: 1, click: 0, unsubscribe: 0 } }, ...behaviour });

describe.each(engines)('offers on the %s engine', { timeout: 120_000 }, (engine) => {
  it('lift nothing while the user does not know them: a subsidy on orders that happen to qualify', () => {
    for (const [params, announced] of [
      [{ value: 20, announcement: 'none' }, true],
      [{ value: 20, announcement: 'next-touch' }, false],
    ] as const) {
      const report = reportOf(model(couponJourney(params, announced), opener(), 1_500), engine);
      expect(report.offers.redeemed).toBeGreaterThan(50);
      expect(report.incremental.purchases.value).toBe(0);
      expect(report.incremental.revenue.value).toBe(0);
      expect(report.incremental.cost.value).toBeGreaterThan(0);
    }
  });
});

describe('offers the user knows', { timeout: 120_000 }, () => {
  const engine = 'fast';

  it('lift once the message carrying them is opened, telling the story of when the user learned', () => {
    const m = model(couponJourney({ value: 20 }, true), opener(), 2_000);
    const report = reportOf(m, engine);
    expect(report.incremental.purchases.interval!.low).toBeGreaterThan(0);
    const noticed = traces(m, engine).filter((trace) => trace.some((entry) => entry.type === 'notice' && entry.node === 'coupon'));
    expect(noticed.length).toBeGreaterThan(1_900);
    for (const trace of noticed.slice(0, 50)) {
      const sent = trace.find((entry) => entry.type === 'touch' && entry.outcome === 'sent')!;
      const notice = trace.find((entry) => entry.type === 'notice')!;
      const open = trace.find((entry) => entry.type === 'event' && entry.event === 'open')!;
      expect(notice.at).toBe(open.at);
      expect(notice.at).toBeGreaterThanOrEqual(sent.at);
    }
  });

  it('lift more the deeper the discount, against the same users', () => {
    const lift = (value: number) => reportOf(model(couponJourney({ value }, true), opener(), 4_000), engine).incremental.purchases;
    const shallow = lift(5);
    const deep = lift(50);
    const error = (estimate: typeof deep) => (estimate.interval!.high - estimate.interval!.low) / (2 * 1.96);
    expect(deep.value - shallow.value).toBeGreaterThan(3 * Math.hypot(error(deep), error(shallow)));
  });

  it('are noticed at checkout with their chance, and tops a known order up to the minimum spend (凑单)', () => {
    const m = model(couponJourney({ value: 20, minSpend: 250, announcement: 'at-checkout', checkoutChance: 1 }, false), opener(), 2_000);
    let redeemed = 0;
    let toppedUp = 0;
    for (const trace of traces(m, engine))
      trace.forEach((entry, index) => {
        if (entry.type !== 'redeem') return;
        redeemed++;
        const order = trace[index + 1] as { value: number };
        expect(order.value).toBeGreaterThanOrEqual(250);
        if (order.value === 250) toppedUp++;
      });
    // Orders average 100 here: nearly every one that redeems was topped up.
    expect(redeemed).toBeGreaterThan(200);
    expect(toppedUp / redeemed).toBeGreaterThan(0.8);
  });

  it('redeem the offer an order was topped up for, not an older one the user never heard of', () => {
    const document = journey([
      { id: 'silent', kind: 'offer', params: { value: 5, validity: 'P30D', announcement: 'none' } },
      { id: 'coupon', kind: 'offer', params: { value: 30, minSpend: 99, validity: 'P30D' } },
      { id: 'sms', kind: 'message', params: { channel: 'sms' } },
      { id: 'pause', kind: 'wait', params: { duration: 'P30D' } },
    ]);
    let toppedUp = 0;
    for (const trace of traces(model(document, opener(), 1_500), engine))
      trace.forEach((entry, index) => {
        const order = trace[index + 1];
        if (entry.type !== 'redeem' || order?.type !== 'event' || order.value !== 99) return;
        toppedUp++;
        expect(entry.node).toBe('coupon');
      });
    expect(toppedUp).toBeGreaterThan(50);
  });
});
