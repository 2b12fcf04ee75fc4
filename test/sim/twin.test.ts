import { describe, expect, it } from 'vitest';
import { checkSimulation, simulateChecked } from '../../src/core/sim/engine/simulate';
import { buildReport } from '../../src/core/sim/engine/report';
import { createDriver, engines, type EngineName } from '../../src/core/sim/engine/runRange';
import { normalizeWide } from '../../src/core/sim/engine/counters';
import { simulateUser } from '../../src/core/sim/engine/driver';
import { UserWorld } from '../../src/core/sim/engine/world';
import type { TraceEntry } from '../../src/core/sim/engine/trace';
import type { Model } from '../../src/core/sim/engine/model';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { cohort, journey, model, smsThenGoal } from './support';

/**
 * The twin (docs/simulation.md, "The twin"): every user is simulated with the journey and, where the
 * journey reached their behaviour, again without its touches and offers; the report's incremental
 * figures are the paired differences. Held on both engines.
 */

/** Entry → split (treated / holdout) → treated: SMS → goal on purchase; holdout: goal on purchase. */
function holdoutJourney(): JourneyDocumentInput {
  return {
    schemaVersion: 6,
    id: 'j',
    name: 'J',
    settings: { quietHours: null, frequencyCap: null },
    nodes: [
      node('start', 'entry', { trigger: { type: 'audience' } }),
      node('split', 'split', { variants: [{ label: 'Treated', weight: 50 }, { label: 'Holdout', weight: 50, holdout: true }] }),
      node('sms', 'message', { channel: 'sms' }),
      node('won', 'goal', { event: 'purchase' }),
      node('wonAnyway', 'goal', { event: 'purchase' }),
      node('out', 'exit', { reason: 'done' }),
    ],
    edges: [edge('start', 'next', 'split'), edge('split', 'variant-1', 'sms'), edge('split', 'variant-2', 'wonAnyway'), edge('sms', 'next', 'won'), edge('won', 'next', 'out'), edge('wonAnyway', 'next', 'out')],
  };
}

/** Runs every user with their twin forced, recording both traces. */
function pairedTraces(m: Model, engine: EngineName): { treated: TraceEntry[]; twin: TraceEntry[] }[] {
  const world = new UserWorld(m);
  const driver = createDriver(engine, m, world);
  world.alwaysTwin = true;
  return Array.from({ length: m.users }, (_, user) => {
    world.trace = [];
    world.twinTrace = [];
    simulateUser(world, driver, user);
    return { treated: world.trace, twin: world.twinTrace };
  });
}

function reportOf(m: Model, engine: EngineName, alwaysTwin = false) {
  const world = new UserWorld(m);
  world.alwaysTwin = alwaysTwin;
  const driver = createDriver(engine, m, world);
  for (let user = 0; user < m.users; user++) simulateUser(world, driver, user);
  return buildReport(m, [normalizeWide(world.counters, m.layout)], { engine, seed: m.seed });
}

describe.each(engines)('the twin on the %s engine', { timeout: 120_000 }, (engine) => {
  it('never touches a holdout user, whose cost is 0 and whose runs with and without the journey are identical', () => {
    const m = model(holdoutJourney(), cohort({ clickLift: 4 }), 400);
    const pairs = pairedTraces(m, engine);
    let holdouts = 0;
    for (const { treated, twin } of pairs) {
      const held = treated.some((entry) => entry.type === 'port' && entry.node === 'split' && entry.port === 'variant-2');
      if (!held) continue;
      holdouts++;
      expect(treated.filter((entry) => entry.type === 'touch' || entry.type === 'offer')).toEqual([]);
      expect(twin).toEqual(treated);
    }
    expect(holdouts).toBeGreaterThan(100);
    const report = reportOf(m, engine);
    const holdout = report.arms.find((arm) => arm.holdout)!;
    expect(holdout.cost).toBe(0);
    expect(holdout.incremental.cost.value).toBe(0);
    expect(holdout.incremental.conversions.value).toBe(0);
    expect(holdout.incremental.revenue.value).toBe(0);
  });

  it('gives every increment exactly 0 for a journey with no message and no offer', () => {
    const document = journey([
      { id: 'pause', kind: 'wait', params: { duration: 'P2D' } },
      { id: 'won', kind: 'goal', params: { event: 'purchase' } },
    ]);
    const report = reportOf(model(document, cohort(), 1_500), engine, true);
    const { incremental } = report;
    expect(report.converted).toBeGreaterThan(0);
    for (const figure of [incremental.conversions, incremental.purchases, incremental.revenue, incremental.cost]) expect(figure.value).toBe(0);
    expect(incremental.costPerConversion).toBeNull();
    expect(incremental.byDay.conversions.every((value) => value === 0)).toBe(true);
    expect(incremental.byDay.revenue.every((value) => value === 0)).toBe(true);
    for (const entry of report.nodes) expect(entry.incremental).toEqual({ conversions: 0, revenue: 0, cost: 0 });
    expect(report.baseline.converted).toBe(report.converted);
  });

  it('files the increments under the arms and nodes of the path taken with the journey, not the twin\'s', () => {
    // Entry → SMS → wait for a click → split → goal on purchase; no click → exit. The twin never clicks,
    // so it leaves by the exit: the increments still belong to the split, its arms and the goal.
    const document: JourneyDocumentInput = {
      schemaVersion: 6,
      id: 'after-click',
      name: 'After a click',
      settings: { quietHours: null, frequencyCap: null },
      nodes: [
        node('start', 'entry', { trigger: { type: 'audience' } }),
        node('sms', 'message', { channel: 'sms' }),
        node('clicked', 'waitForEvent', { event: 'click', timeout: 'P3D' }),
        node('split', 'split', { variants: [{ label: 'A', weight: 50 }, { label: 'B', weight: 50 }] }),
        node('bought', 'waitForEvent', { event: 'purchase', timeout: 'P30D' }),
        node('won', 'goal', { event: 'purchase' }),
        node('out', 'exit', { reason: 'done' }),
        node('gone', 'exit', { reason: 'no click' }),
      ],
      edges: [
        edge('start', 'next', 'sms'),
        edge('sms', 'next', 'clicked'),
        edge('clicked', 'happened', 'split'),
        edge('clicked', 'timeout', 'gone'),
        edge('split', 'variant-1', 'bought'),
        edge('split', 'variant-2', 'bought'),
        edge('bought', 'happened', 'won'),
        edge('bought', 'timeout', 'out'),
        edge('won', 'next', 'out'),
      ],
    };
    const report = reportOf(model(document, cohort({ clickLift: 6 }), 1_500), engine);
    const assigned = report.arms.reduce((sum, arm) => sum + arm.assigned, 0);
    expect(assigned).toBeGreaterThan(200);
    for (const arm of report.arms) expect(arm.incremental.users).toBe(arm.assigned);
    expect(report.arms.reduce((sum, arm) => sum + arm.incremental.conversions.value, 0)).toBe(report.incremental.conversions.value);
    const increment = (id: string) => report.nodes.find((entry) => entry.id === id)!.incremental;
    expect(increment('split').conversions).toBe(report.incremental.conversions.value);
    expect(increment('split').conversions).toBeGreaterThan(0);
    expect(increment('gone').conversions).toBe(0);
  });

  it('thins the user\'s own purchases where a lift is below 1, keeping the twin exact', () => {
    const report = reportOf(model(smsThenGoal(), cohort({ clickLift: 0.25 }), 2_000), engine);
    expect(report.incremental.purchases.value).toBeLessThan(0);
    expect(report.incremental.revenue.value).toBeLessThan(0);
    expect(report.incremental.revenue.interval!.high).toBeLessThan(0);
  });

  it('skips only twins that could not differ: forcing every twin gives the identical report', () => {
    const m = model(holdoutJourney(), cohort({ clickLift: 4 }), 600);
    expect(JSON.stringify(reportOf(m, engine, true))).toBe(JSON.stringify(reportOf(m, engine, false)));
  });
});

describe('splits', { timeout: 120_000 }, () => {
  it('evaluates every split of a nested journey, with a user keeping their arm on every stay', async () => {
    const document: JourneyDocumentInput = {
      schemaVersion: 6,
      id: 'nested',
      name: 'Nested',
      settings: { quietHours: null, frequencyCap: null, reentry: { policy: 'afterExit' } },
      nodes: [
        node('start', 'entry', { trigger: { type: 'event', event: 'visit' } }),
        node('outer', 'split', { variants: [{ label: 'A', weight: 50 }, { label: 'B', weight: 50 }] }),
        node('inner', 'split', { variants: [{ label: 'A1', weight: 70 }, { label: 'A2', weight: 30, holdout: true }] }),
        node('sms', 'message', { channel: 'sms' }),
        node('push', 'message', { channel: 'push' }),
        node('out', 'exit', { reason: 'done' }),
      ],
      edges: [
        edge('start', 'next', 'outer'),
        edge('outer', 'variant-1', 'inner'),
        edge('outer', 'variant-2', 'push'),
        edge('inner', 'variant-1', 'sms'),
        edge('inner', 'variant-2', 'out'),
        edge('sms', 'next', 'out'),
        edge('push', 'next', 'out'),
      ],
    };
    const checked = checkSimulation({ journey: document, cohort: cohort({ events: { visit: { perDay: 0.3 } } }), users: 2_000, seed: 3 });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const { report } = await simulateChecked(checked.checked);
    expect(report.arms.map((arm) => `${arm.split}:${arm.label}`)).toEqual(['outer:A', 'outer:B', 'inner:A1', 'inner:A2']);
    for (const arm of report.arms) expect(arm.assigned).toBeGreaterThan(100);
    // Users come back many times (a visit every few days), yet each is counted in one arm of each split.
    const outer = report.arms.filter((arm) => arm.split === 'outer').reduce((sum, arm) => sum + arm.assigned, 0);
    expect(outer).toBe(report.nodes.find((entry) => entry.id === 'outer')!.users);
    expect(report.nodes.find((entry) => entry.id === 'outer')!.entries).toBeGreaterThan(outer * 2);
    const held = report.arms.find((arm) => arm.label === 'A2')!;
    expect(held.cost).toBe(0);
    expect(report.channels.sms.sent).toBeGreaterThan(0);
  });
});

describe('the global control group', { timeout: 120_000 }, () => {
  it('holds its users out of the journey and measures the journey against them, unless the journey opts out', async () => {
    const document = smsThenGoal();
    const spec = { ...cohort({ clickLift: 6 }), controlGroupShare: 0.2 };
    const run = async (input: JourneyDocumentInput) => {
      const checked = checkSimulation({ journey: input, cohort: spec, users: 5_000, seed: 5 });
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      return (await simulateChecked(checked.checked)).report;
    };
    const report = await run(document);
    const control = report.controlGroup!;
    expect(control.share).toBe(0.2);
    expect(control.controlUsers / report.users).toBeCloseTo(0.2, 1);
    expect(control.controlUsers + control.treatedUsers).toBe(report.users);
    expect(report.channels.sms.sent).toBeLessThanOrEqual(control.treatedUsers);
    expect(control.treatedRate).toBeGreaterThan(control.controlRate);
    expect(control.difference.interval!.low).toBeGreaterThan(0);
    // Control users are in no split's arm: the arms hold exactly the users the journey can reach.
    const split = await run(holdoutJourney());
    const assigned = split.arms.reduce((sum, arm) => sum + arm.assigned, 0);
    expect(assigned).toBe(split.controlGroup!.treatedUsers);
    const optedOut = await run({ ...document, settings: { ...document.settings, optOutOfControlGroup: true } });
    expect(optedOut.controlGroup).toBeNull();
    expect(optedOut.channels.sms.sent).toBeGreaterThan(report.channels.sms.sent);
  });
});
