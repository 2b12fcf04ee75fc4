import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { expectedPurchases } from '../../src/core/sim/math/bgnbd';
import { buildModel } from '../../src/core/sim/engine/model';
import { runRange } from '../../src/core/sim/engine/runRange';
import { RunawayError } from '../../src/core/sim/engine/world';
import { checkSimulation, simulate, simulateChecked, SimulationError } from '../../src/core/sim/engine/simulate';
import { edge, node } from '../fixtures/journeys';
import { cohort, DAY, HOUR, journey, model, PURCHASE, traces } from './support';

describe('the behaviour model', { timeout: 60_000 }, () => {
  it('without touches, repeat purchases match BG/NBD’s closed-form E[X(t)] within three standard errors', () => {
    const m = model(journey([]), cohort(), 20_000);
    const counts = traces(m).map((trace) => trace.filter((entry) => entry.type === 'event' && entry.event === 'purchase').length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const sd = Math.sqrt(counts.reduce((sum, count) => sum + (count - mean) ** 2, 0) / (counts.length - 1));
    const expected = expectedPurchases(PURCHASE, 90);
    expect(Math.abs(mean - expected)).toBeLessThan((3 * sd) / Math.sqrt(counts.length));
  });

  it('clicks lift purchases for the response window', () => {
    const purchases = (behaviour: Record<string, unknown>) => {
      const m = model(journey([{ id: 'sms', kind: 'message' }]), cohort(behaviour), 5_000);
      return runRange(m, 'fast', 0, 5_000).counters[m.layout.scalar.purchases]!;
    };
    expect(purchases({ clickLift: 6, responseWindowDays: 14 })).toBeGreaterThan(purchases({ clickLift: 1 }) * 1.05);
  });

  it('redeems an offer only on an order of at least its minimum spend, costing its value', () => {
    const m = model(journey([{ id: 'coupon', kind: 'offer', params: { value: 20, minSpend: 80, validity: 'P60D', announcement: 'none' } }]), cohort({ priceElasticity: 3 }), 3_000);
    let redeemed = 0;
    for (const trace of traces(m)) {
      trace.forEach((entry, index) => {
        if (entry.type !== 'redeem') return;
        redeemed++;
        const order = trace[index + 1];
        expect(order).toMatchObject({ type: 'event', event: 'purchase', at: entry.at });
        expect((order as { value: number }).value).toBeGreaterThanOrEqual(80);
        expect(entry.value).toBe(20);
      });
    }
    expect(redeemed).toBeGreaterThan(100);
  });

  it('suppresses touches over the frequency cap and counts them per channel', () => {
    const steps = [1, 2, 3, 4].map((n) => ({ id: `m${n}`, kind: 'message', params: { channel: 'sms' } }));
    const m = model(journey(steps, { frequencyCap: { touches: 2, window: 'P1D' } }), cohort(), 500);
    for (const trace of traces(m)) {
      const outcomes = trace.flatMap((entry) => (entry.type === 'touch' ? [entry.outcome] : []));
      expect(outcomes).toEqual(['sent', 'sent', 'suppressed', 'suppressed']);
    }
  });

  it('holds touches in quiet hours until they end, and does not send to users who opted out or cannot be reached', () => {
    const m = model(journey([{ id: 'm1', kind: 'message' }], { quietHours: { start: '22:00', end: '08:00' } }), cohort({}, { sms: 0.5 }), 400);
    const all = traces(m);
    const reachable = all.filter((trace) => trace.some((entry) => entry.type === 'touch' && entry.outcome === 'deferred'));
    expect(reachable.length).toBeGreaterThan(100);
    expect(all.length - reachable.length).toBeGreaterThan(100);
    for (const trace of reachable) expect(trace.find((entry) => entry.type === 'touch' && entry.outcome === 'sent')?.at).toBe(8 * HOUR);
    const sms = runRange(m, 'fast', 0, m.users).counters.slice(m.layout.sentByHour, m.layout.sentByHour + 24);
    expect(Array.from(sms, (count, hour) => (count > 0 ? hour : -1)).filter((hour) => hour >= 0)).toEqual([8]);

    const optOut = model(
      journey([
        { id: 'm1', kind: 'message' },
        { id: 'pause', kind: 'wait', params: { duration: 'P10D' } },
        { id: 'm2', kind: 'message' },
      ]),
      cohort({ response: { sms: { open: 0, click: 0, unsubscribe: 1 } } }),
      50,
    );
    for (const trace of traces(optOut)) {
      expect(trace.filter((entry) => entry.type === 'touch').map((entry) => (entry as { outcome: string }).outcome)).toEqual(['sent', 'opted-out']);
      expect(trace.some((entry) => entry.type === 'event' && entry.event === 'unsubscribe')).toBe(true);
    }
  });

  it('counts the users in each stage at the end of every day', () => {
    const m = model(journey([{ id: 'hold', kind: 'wait', params: { duration: 'P3D' } }]), cohort(), 100);
    const counters = runRange(m, 'fast', 0, 100).counters;
    const decision = 2;
    const days = Array.from({ length: 5 }, (_, day) => counters[m.layout.stageByDay + decision * m.days + day]);
    expect(days).toEqual([100, 100, 0, 0, 0]); // in the wait from 0 until 3 d: at the ends of days 1 and 2, not at 3 d itself
    expect(DAY).toBe(86_400_000);
  });
});

describe('running', { timeout: 60_000 }, () => {
  it.each(['fast', 'reference'] as const)('stops a journey that loops within one instant (%s engine), naming the nodes', (engine) => {
    const document = journey([
      { id: 'mark', kind: 'tag', params: { tag: 'x' } },
      { id: 'pause', kind: 'wait', params: { duration: 'P1D' } },
    ]);
    document.edges = [...document.edges!.filter((e) => e.source !== 'pause'), edge('pause', 'next', 'mark')];
    const compiled = compileJourneyInput(document);
    if (!compiled.ok) throw new Error('should compile');
    // What validation would refuse (instant-loop): the wait made instant behind its back.
    const pause = compiled.config.states.__journey!.states!.pause!;
    pause.always = pause.after!['86400000'];
    delete pause.after;
    const m = buildModel(compiled.document, compiled.config, cohort(), { seed: 1, users: 3 });
    let error: unknown;
    try {
      runRange(m, engine, 0, 3);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RunawayError);
    expect((error as RunawayError).nodes.sort()).toEqual(['mark', 'pause']);
    expect((error as Error).message).toMatch(/loops without time passing.*mark/);
  });

  it('gives the same report for any number of ranges (workers)', async () => {
    const checked = checkSimulation({ journey: journey([{ id: 'sms', kind: 'message' }]), cohort: cohort(), users: 6_001, seed: 4 });
    if (!checked.ok) throw new Error('should check');
    const one = await simulateChecked(checked.checked, { workers: 1 });
    const five = await simulateChecked(checked.checked, { workers: 5 });
    expect(JSON.stringify(five.report)).toBe(JSON.stringify(one.report));
  });

  it('reports Wilson intervals for one replication and t intervals over several', async () => {
    const input = { journey: journey([{ id: 'sms', kind: 'message' }, { id: 'won', kind: 'goal', params: { event: 'purchase' } }]), cohort: cohort(), users: 2_000, seed: 9 };
    const single = (await simulate(input)).report;
    expect(single.conversionRate.interval?.method).toBe('wilson');
    expect(single.attributedRoi.interval).toBeNull();
    expect(single.incremental.revenue.interval?.method).toBe('paired');
    const several = (await simulate({ ...input, replications: 4 })).report;
    expect(several.replications).toBe(4);
    expect(several.conversionRate.interval?.method).toBe('t');
    expect(several.attributedRoi.interval!.low).toBeLessThanOrEqual(several.attributedRoi.value);
    expect(several.attributedRoi.interval!.high).toBeGreaterThanOrEqual(several.attributedRoi.value);
    // Incremental figures pool the replications' users: a total per replication, its interval from all of them.
    expect(several.incremental.users).toBe(2_000);
    expect(several.incremental.revenue.interval?.method).toBe('paired');
  });

  it('adds up daily conversions and revenue to the totals', async () => {
    const { report } = await simulate({ journey: journey([{ id: 'sms', kind: 'message' }, { id: 'won', kind: 'goal', params: { event: 'purchase' } }]), cohort: cohort(), users: 2_000 });
    expect(report.conversionsByDay.reduce((a, b) => a + b, 0)).toBe(report.converted);
    expect(report.revenueByDay.reduce((a, b) => a + b, 0)).toBeCloseTo(report.attributedRevenue, 6);
    expect(report.incremental.byDay.conversions.reduce((a, b) => a + b, 0)).toBe(report.incremental.conversions.value);
    expect(report.incremental.byDay.revenue.reduce((a, b) => a + b, 0)).toBeCloseTo(report.incremental.revenue.value, 6);
    expect(report.channels.sms.sentByHour.reduce((a, b) => a + b, 0)).toBe(report.channels.sms.sent);
  });

  it('measures lift and incremental revenue against a holdout', async () => {
    const document = journey([
      { id: 'split', kind: 'split', params: { variants: [{ label: 'SMS', weight: 80 }, { label: 'Control', weight: 20, holdout: true }] } },
      { id: 'sms', kind: 'message' },
    ]);
    document.nodes!.push(node('bought', 'waitForEvent', { event: 'purchase', timeout: 'P30D' }), node('won', 'goal', { event: 'purchase' }));
    // Both arms then wait for a purchase, which converts them within the stay (the holdout without a message).
    document.edges = [
      edge('start', 'next', 'split'),
      edge('split', 'variant-1', 'sms'),
      edge('split', 'variant-2', 'bought'),
      edge('sms', 'next', 'bought'),
      edge('bought', 'happened', 'won'),
      edge('bought', 'timeout', 'out'),
      edge('won', 'next', 'out'),
    ];
    const strong = cohort({ clickLift: 8, responseWindowDays: 30, response: { sms: { open: 0.9, click: 0.9, unsubscribe: 0 } } });
    const { report } = await simulate({ journey: document, cohort: strong, users: 8_000, seed: 2 });
    expect(report.arms.map((arm) => [arm.label, arm.holdout])).toEqual([['SMS', false], ['Control', true]]);
    expect(report.arms[0]!.assigned + report.arms[1]!.assigned).toBe(8_000);
    expect(report.lift!.difference.value).toBeGreaterThan(0.05);
    expect(report.lift!.difference.interval!.low).toBeGreaterThan(0);
    expect(report.lift!.incrementalRevenue.value).toBeGreaterThan(0);
    // The holdout's estimate is noisy; the twin's true effect lies within its interval.
    expect(report.lift!.trueDifference).toBeGreaterThan(report.lift!.difference.interval!.low);
    expect(report.lift!.trueDifference).toBeLessThan(report.lift!.difference.interval!.high);
  });

  it('refuses impossible inputs with every problem at once', async () => {
    const broken = cohort();
    const input = { journey: { schemaVersion: 1, id: 'bad', name: 'Bad', nodes: [] }, cohort: { ...broken, segments: [{ ...broken.segments[0]!, share: 60 }] }, users: 0 };
    const checked = checkSimulation(input);
    expect(checked.ok).toBe(false);
    const codes = checked.ok ? [] : checked.problems.map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['cohort-shares', 'simulation-settings']));
    expect(codes.length).toBeGreaterThanOrEqual(3);
    await expect(simulate(input)).rejects.toBeInstanceOf(SimulationError);
  });
});
