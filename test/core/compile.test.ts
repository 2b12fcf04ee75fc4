import { createActor } from 'xstate';
import { compileJourneyInput, machineFromConfig, toMachine, JourneyCompileError, OUTSIDE, JOURNEY, DONE } from '../../src/core/compile/toMachine';
import { runScripted, defaultUser } from '../support/scriptedRun';
import { SteppingClock } from '../../src/core/sim/engine/steppingClock';
import type { MachineConfig } from '../../src/core/compile/machineConfig';
import type { JourneyEffect } from '../../src/core/compile/runtime';
import { validJourney, node, edge, problemFixtures } from '../fixtures/journeys';
import { inEnglish } from '../support/messages.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function compiled(input: unknown): MachineConfig {
  const result = compileJourneyInput(input);
  if (!result.ok) throw new Error(result.problems.map((problem) => inEnglish(problem.message)).join('\n'));
  return result.config;
}

describe('compileJourney', () => {
  const config = compiled(validJourney());
  const states = config.states[JOURNEY]!.states!;

  it('makes one state per node, whose id is the node id', () => {
    expect(Object.keys(states).filter((key) => !key.startsWith('__'))).toEqual(['start', 'waitBuy', 'bought', 'done', 'remind', 'giveUp']);
    for (const [key, state] of Object.entries(states)) expect(state.id).toBe(key);
  });

  it('writes waits as delayed transitions and wait-for-event as an event racing a timeout', () => {
    expect(states.waitBuy).toMatchObject({
      on: { purchase: [{ target: '#bought' }] },
      after: { [String(DAY)]: [{ target: '#remind' }] },
    });
  });

  it('enters from outside on the entry trigger, and names touches as actions', () => {
    expect(config.states[OUTSIDE]!.on).toEqual({ add_to_cart: [{ target: '#start', actions: [{ type: 'beginStay' }] }] });
    expect(states.remind!.entry).toContainEqual({ type: 'touch', params: { node: 'remind', channel: 'push', cost: 0.001 } });
  });

  it('is plain JSON that loads back into a working machine', () => {
    const roundTripped = JSON.parse(JSON.stringify(config)) as MachineConfig;
    expect(roundTripped).toEqual(config);
    const effects: JourneyEffect[] = [];
    const clock = new SteppingClock();
    const actor = createActor(machineFromConfig(roundTripped), {
      clock,
      input: { user: defaultUser, seed: 1, env: { now: () => clock.now(), eventCount: () => 0, emit: (effect) => effects.push(effect) } },
    });
    actor.start();
    actor.send({ type: 'add_to_cart' });
    expect(actor.getSnapshot().value).toEqual({ [JOURNEY]: 'waitBuy' });
    clock.advanceTo(DAY);
    expect(actor.getSnapshot().value).toBe(DONE);
    expect(effects.filter((effect) => effect.type === 'touch')).toHaveLength(1);
  });

  it('follows "happened" when the event comes before the timeout', () => {
    const run = runScripted(config, [{ at: 0, type: 'add_to_cart' }, { at: 5 * HOUR, type: 'purchase' }], { until: 3 * DAY });
    expect(run.visited).toEqual(['start', 'waitBuy', 'bought', 'done']);
    expect(run.effects.find((effect) => effect.type === 'goal')).toMatchObject({ at: 5 * HOUR, goal: 'Order' });
    expect(run.finalState).toBe(DONE);
  });

  it('starts a wait that follows a wait when the first one ended', () => {
    const journey = validJourney();
    journey.nodes.push(node('pause', 'wait', { duration: 'PT6H' }));
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
    journey.edges.push(edge('remind', 'next', 'pause'), edge('pause', 'next', 'giveUp'));
    const run = runScripted(compiled(journey), [{ at: HOUR, type: 'add_to_cart' }], { until: 10 * DAY });
    expect(run.effects.filter((effect) => effect.type === 'exit')).toEqual([{ type: 'exit', node: 'giveUp', reason: 'no purchase', at: HOUR + DAY + 6 * HOUR }]);
  });

  it('jumps to the goal on its event anywhere in the journey when exit-on-goal is on', () => {
    const journey = validJourney();
    journey.nodes.push(node('pause', 'wait', { duration: 'P2D' }));
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
    journey.edges.push(edge('remind', 'next', 'pause'), edge('pause', 'next', 'giveUp'));
    const script = [
      { at: 0, type: 'add_to_cart' },
      { at: DAY + HOUR, type: 'purchase' },
    ];
    expect(runScripted(compiled(journey), script, { until: 5 * DAY }).visited).toEqual(['start', 'waitBuy', 'remind', 'pause', 'bought', 'done']);
    journey.settings = { exitOnGoal: false };
    expect(runScripted(compiled(journey), script, { until: 5 * DAY }).visited).toEqual(['start', 'waitBuy', 'remind', 'pause', 'giveUp']);
  });

  it('converts a user on exit-on-goal once per stay, and again after they re-enter', () => {
    const journey = validJourney();
    journey.settings = { reentry: { policy: 'afterExit' } };
    journey.nodes.push(node('crossSell', 'wait', { duration: 'P7D' }, 'usage'));
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'bought-next');
    journey.edges.push(edge('bought', 'next', 'crossSell'), edge('crossSell', 'next', 'done'));
    const script = [
      { at: 0, type: 'add_to_cart' },
      { at: HOUR, type: 'purchase' },
      { at: 2 * DAY, type: 'purchase' },
      { at: 10 * DAY, type: 'add_to_cart' },
      { at: 10 * DAY + 5 * HOUR, type: 'purchase' },
    ];
    const goals = runScripted(compiled(journey), script, { until: 20 * DAY }).effects.filter((effect) => effect.type === 'goal');
    expect(goals.map((effect) => effect.at)).toEqual([HOUR, 10 * DAY + 5 * HOUR]);
  });

  it('enters a scheduled entry once, at its time after launch, even with re-entry', () => {
    const journey = validJourney();
    journey.settings = { reentry: { policy: 'afterExit' } };
    journey.nodes[0] = node('start', 'entry', { trigger: { type: 'schedule', after: 'P1D' } });
    const entries = runScripted(compiled(journey), [], { until: 20 * DAY }).effects.filter((effect) => effect.type === 'visit' && effect.node === 'start');
    expect(entries.map((effect) => effect.at)).toEqual([DAY]);
  });

  it('lets users back in after they leave only when re-entry allows it, after the cooldown', () => {
    const script = [
      { at: 0, type: 'add_to_cart' },
      { at: 2 * DAY, type: 'add_to_cart' },
      { at: 9 * DAY, type: 'add_to_cart' },
    ];
    const entries = (settings: object) => {
      const journey = { ...validJourney(), settings };
      return runScripted(compiled(journey), script, { until: 12 * DAY }).effects.filter((effect) => effect.type === 'visit' && effect.node === 'start').map((effect) => effect.at);
    };
    expect(entries({ reentry: { policy: 'never' } })).toEqual([0]);
    expect(entries({ reentry: { policy: 'afterExit' } })).toEqual([0, 2 * DAY, 9 * DAY]);
    expect(entries({ reentry: { policy: 'afterExit', cooldown: 'P7D' } })).toEqual([0, 9 * DAY]);
  });

  it('lets a user through an unconnected port leave the journey, saying why', () => {
    const journey = validJourney();
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
    const run = runScripted(compiled(journey), [{ at: 0, type: 'add_to_cart' }], { until: 2 * DAY });
    expect(run.effects.at(-1)).toMatchObject({ type: 'exit', node: null, reason: 'unconnected-port' });
    expect(run.finalState).toBe(DONE);
  });

  it('enters audience and scheduled entries, filtered by their condition', () => {
    const journey = validJourney();
    journey.nodes[0] = node('start', 'entry', { trigger: { type: 'schedule', after: 'P2D' }, filter: { attribute: 'city', op: 'in', value: ['Shanghai', 'Beijing'] } });
    const config = compiled(journey);
    expect(runScripted(config, [], { until: 5 * DAY, user: { attributes: { city: 'Shanghai' } } }).effects[0]).toMatchObject({ at: 2 * DAY, node: 'start' });
    expect(runScripted(config, [], { until: 5 * DAY, user: { attributes: { city: 'Chengdu' } } }).visited).toEqual([]);
    journey.nodes[0] = node('start', 'entry', { trigger: { type: 'audience' } });
    expect(runScripted(compiled(journey), [{ at: 0, type: 'journey.launch' }], { until: DAY }).visited).toEqual(['start', 'waitBuy', 'remind', 'giveUp']);
  });

  it('branches on attributes, tags, RFM and recent behaviour', () => {
    const journey = validJourney();
    journey.nodes.push(
      node('route', 'branch', {
        cases: [
          { condition: { all: [{ rfm: 'monetary', op: '>=', score: 4 }, { tag: 'vip', present: true }] } },
          { condition: { event: 'visit', within: 'P7D', op: '>=', count: 2 } },
          { condition: { not: { attribute: 'age', op: '<', value: 30 } } },
        ],
      }),
      node('vip', 'exit'),
      node('engaged', 'exit'),
      node('older', 'exit'),
    );
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
    journey.edges.push(edge('remind', 'next', 'route'), edge('route', 'case-1', 'vip'), edge('route', 'case-2', 'engaged'), edge('route', 'case-3', 'older'), edge('route', 'else', 'giveUp'));
    const config = compiled(journey);
    const last = (user: object, extra: { at: number; type: string }[] = []) =>
      runScripted(config, [{ at: 0, type: 'add_to_cart' }, ...extra], { until: 2 * DAY, user }).visited.at(-1);
    expect(last({ tags: ['vip'], rfm: { recency: 3, frequency: 3, monetary: 5 }, attributes: { age: 25 } })).toBe('vip');
    expect(last({ tags: ['vip'], rfm: { recency: 3, frequency: 3, monetary: 2 }, attributes: { age: 25 } })).toBe('giveUp');
    expect(last({ attributes: { age: 25 } }, [{ at: HOUR, type: 'visit' }, { at: 2 * HOUR, type: 'visit' }])).toBe('engaged');
    expect(last({ attributes: { age: 25 } }, [{ at: HOUR, type: 'visit' }])).toBe('giveUp');
    expect(last({ attributes: { age: 41 } })).toBe('older');
    expect(last({ attributes: {} })).toBe('older');
  });

  it('splits users by weight with draws that depend only on seed, user and node', () => {
    const journey = validJourney();
    journey.nodes.push(
      node('ab', 'split', { variants: [{ label: 'treat', weight: 80 }, { label: 'hold', weight: 20, holdout: true }] }),
      node('holdExit', 'exit'),
    );
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'waitBuy-timeout');
    journey.edges.push(edge('waitBuy', 'timeout', 'ab'), edge('ab', 'variant-1', 'remind'), edge('ab', 'variant-2', 'holdExit'));
    const config = compiled(journey);
    const arm = (id: number, seed = 7) => runScripted(config, [{ at: 0, type: 'add_to_cart' }], { until: 2 * DAY, user: { id }, seed }).visited.at(-1);
    const arms = Array.from({ length: 400 }, (_, id) => arm(id));
    const held = arms.filter((last) => last === 'holdExit').length;
    expect(held).toBeGreaterThan(400 * 0.2 - 3 * Math.sqrt(400 * 0.2 * 0.8));
    expect(held).toBeLessThan(400 * 0.2 + 3 * Math.sqrt(400 * 0.2 * 0.8));
    expect(arms.filter((last) => last === 'giveUp').length).toBe(400 - held);
    expect(Array.from({ length: 400 }, (_, id) => arm(id))).toEqual(arms);
    expect(Array.from({ length: 400 }, (_, id) => arm(id, 8))).not.toEqual(arms);
  });

  it('refuses a journey with errors, listing them', () => {
    const result = compileJourneyInput(problemFixtures['split-weights']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.code)).toEqual(['split-weights']);
    expect(() => toMachine(problemFixtures['instant-loop'])).toThrow(JourneyCompileError);
  });
});
