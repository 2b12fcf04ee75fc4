import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { buildModel, type Model } from '../../src/core/sim/engine/model';
import { runRange } from '../../src/core/sim/engine/runRange';
import { buildReport, t975, tInterval } from '../../src/core/sim/engine/report';
import { checkSimulation, simulate } from '../../src/core/sim/engine/simulate';
import type { MachineConfig } from '../../src/core/compile/machineConfig';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { cohort, HOUR, journey, model, traces } from './support';

/** Both engines' traces of every user, which must be equal. */
function bothEngines(m: Model) {
  return { fast: traces(m, 'fast'), reference: traces(m, 'reference') };
}

/** A model from a compiled journey whose machine a test edits first (what validation would not let through). */
function edited(document: JourneyDocumentInput, edit: (config: MachineConfig) => void, users = 200): Model {
  const compiled = compileJourneyInput(document);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.code).join(', '));
  edit(compiled.config);
  return buildModel(compiled.document, compiled.config, cohort({ events: { visit: { perDay: 0.5 } } }), { seed: 3, users });
}

describe('the engines agree on machines the generated journeys do not make', { timeout: 60_000 }, () => {
  it('delivers launch before a schedule entry due at launch', () => {
    const document = journey([]);
    document.nodes!.push(node('later', 'entry', { trigger: { type: 'schedule', after: 'P0D' } }));
    document.edges!.push(edge('later', 'next', 'out'));
    const { fast, reference } = bothEngines(model(document, cohort(), 50));
    expect(fast).toEqual(reference);
    expect(fast[0]!.find((entry) => entry.type === 'enter')).toMatchObject({ node: 'start' });
  });

  it('looks at eventless transitions after an event that moved nothing', () => {
    const m = edited(journey([{ id: 'hold', kind: 'wait', params: { duration: 'P5D' } }]), (config) => {
      // "hold" now also leaves as soon as the user has visited once (a guarded eventless transition).
      const hold = config.states.__journey!.states!.hold!;
      hold.always = [{ target: '#out', guard: { type: 'condition', params: { condition: { event: 'visit', within: 'P30D', op: '>=', count: 1 } } } }];
      config.states.__journey!.on = { ...config.states.__journey!.on, visit: [{ actions: [] }] };
    });
    const { fast, reference } = bothEngines(m);
    expect(fast).toEqual(reference);
    expect(fast.some((trace) => trace.some((entry) => entry.type === 'enter' && entry.node === 'out' && entry.at < 5 * 24 * HOUR))).toBe(true);
  });

  it('runs a targetless transition’s actions without leaving the state or restarting its timers', () => {
    const m = edited(journey([{ id: 'hold', kind: 'wait', params: { duration: 'P5D' } }]), (config) => {
      const hold = config.states.__journey!.states!.hold!;
      hold.on = { visit: [{ actions: [{ type: 'setTag', params: { node: 'hold', tag: 'visited', present: true } }] }] };
    });
    const { fast, reference } = bothEngines(m);
    expect(fast).toEqual(reference);
    for (const trace of fast) expect(trace.filter((entry) => entry.type === 'enter' && entry.node === 'hold')).toHaveLength(1);
  });
});

describe('review fixes', { timeout: 60_000 }, () => {
  it('counts an arm conversion when a goal step is reached after assignment, not on the goal event alone', async () => {
    const document = journey([{ id: 'split', kind: 'split', params: { variants: [{ label: 'A', weight: 50 }, { label: 'B', weight: 50, holdout: true }] } }], {
      exitOnGoal: false,
    });
    document.nodes!.push(node('won', 'goal', { event: 'add_to_cart' }));
    document.edges = [edge('start', 'next', 'split'), edge('split', 'variant-1', 'won'), edge('split', 'variant-2', 'out')];
    const { report } = await simulate({ journey: document, cohort: cohort({ events: { add_to_cart: { perDay: 0.2 } } }), users: 1_000 });
    const [treated, holdout] = report.arms;
    // Arm A goes on to the goal step and converts; arm B leaves at once: the event alone is no conversion.
    expect(treated!.converted).toBeGreaterThan(treated!.assigned / 2);
    expect(holdout!.assigned).toBeGreaterThan(0);
    expect(holdout!.converted).toBe(0);
  });

  it('runs more users than the cohort’s size on either engine', async () => {
    const input = { journey: journey([{ id: 'sms', kind: 'message' }]), cohort: { ...cohort(), size: 100 }, users: 150 };
    const fast = (await simulate({ ...input, engine: 'fast' })).report;
    const reference = (await simulate({ ...input, engine: 'reference' })).report;
    expect(fast.users).toBe(150);
    expect({ ...reference, engine: 'fast' }).toEqual(fast);
  });

  it('counts the last, shorter day of a horizon that is not whole days', () => {
    const m = model(journey([{ id: 'hold', kind: 'wait', params: { duration: 'P5D' } }], { horizon: 'PT36H' }), cohort(), 20);
    expect(m.days).toBe(2);
    const { stagesByDay } = buildReport(m, [runRange(m, 'fast', 0, 20).counters], { engine: 'fast', seed: 11 });
    // Everyone waits in "hold" (a decision-stage step) through both days, the second only 12 hours long.
    expect(stagesByDay).toEqual({ awareness: [0, 0], exploration: [0, 0], decision: [20, 20], usage: [0, 0], loyalty: [0, 0] });
  });

  it('does not send a touch held by quiet hours to a user who unsubscribed meanwhile', () => {
    const m = model(
      journey(
        [
          { id: 'first', kind: 'message' },
          { id: 'pause', kind: 'wait', params: { duration: 'PT1H' } },
          { id: 'second', kind: 'message' },
        ],
        { quietHours: { start: '00:30', end: '08:00' } },
      ),
      cohort({ responseDelayHours: 3, response: { sms: { open: 0, click: 0, unsubscribe: 1 } } }),
      100,
    );
    let held = 0;
    for (const trace of traces(m)) {
      const unsubscribedAt = trace.find((entry) => entry.type === 'event' && entry.event === 'unsubscribe')!.at;
      if (unsubscribedAt <= HOUR || unsubscribedAt >= 8 * HOUR) continue; // before the second touch, or after it was sent
      held++;
      expect(trace.flatMap((entry) => (entry.type === 'touch' ? [entry.outcome] : []))).toEqual(['sent', 'deferred', 'opted-out']);
    }
    expect(held).toBeGreaterThan(30);
  });

  it('uses Student’s t beyond the table, and refuses a seed draws cannot hold', () => {
    expect(t975(30)).toBe(2.042);
    expect(t975(99)).toBeCloseTo(1.9842, 3);
    expect(t975(40)).toBeCloseTo(2.0211, 3);
    const interval = tInterval(Array.from({ length: 100 }, (_, index) => index % 2));
    expect(interval!.high - 0.5).toBeCloseTo(1.9842 * Math.sqrt(0.25252525 / 100), 3);
    const checked = checkSimulation({ journey: journey([]), cohort: cohort(), seed: 2 ** 32 + 1 });
    expect(checked.ok ? [] : checked.problems.map((problem) => problem.location.path)).toEqual([['seed']]);
  });
});
