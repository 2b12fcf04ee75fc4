import { createActor } from 'xstate';
import { machineFromConfig } from '../../src/core/compile/toMachine';
import type { MachineConfig } from '../../src/core/compile/machineConfig';
import type { JourneyEffect, JourneyEvent, JourneyUser } from '../../src/core/compile/runtime';
import { defaultRegistry, type Registry } from '../../src/core/journey/registry';
import { SteppingClock } from '../../src/core/sim/engine/steppingClock';

export interface ScriptedEvent extends JourneyEvent {
  /** Milliseconds after launch. */
  at: number;
}

export type TimedEffect = JourneyEffect & { at: number };

export interface ScriptedRunResult {
  effects: TimedEffect[];
  /** Node ids in the order the user entered them. */
  visited: string[];
  /** Where the user is at the end: a node id, or one of the compiler's own states. */
  finalState: string;
}

export const defaultUser: JourneyUser = {
  id: 0,
  segment: 'all',
  attributes: {},
  tags: [],
  rfm: { recency: 3, frequency: 3, monetary: 3 },
};

/**
 * Runs one user through a compiled journey on a simulated clock, sending the scripted events at their
 * times, until `until` ms after launch. This is how tests (and `--trace`) watch a machine at work.
 */
export function runScripted(
  config: MachineConfig,
  script: ScriptedEvent[],
  options: { until: number; user?: Partial<JourneyUser>; seed?: number; registry?: Registry },
): ScriptedRunResult {
  const clock = new SteppingClock();
  const effects: TimedEffect[] = [];
  const sent: ScriptedEvent[] = [];
  const env = {
    now: () => clock.now(),
    eventCount: (event: string, windowMs: number) =>
      sent.filter((past) => past.type === event && past.at > clock.now() - windowMs).length,
    emit: (effect: JourneyEffect) => effects.push({ ...effect, at: clock.now() }),
  };
  const machine = machineFromConfig(config, options.registry ?? defaultRegistry);
  const actor = createActor(machine, { clock, input: { user: { ...defaultUser, ...options.user }, seed: options.seed ?? 1, env } });
  actor.start();
  for (const event of [...script].sort((a, b) => a.at - b.at)) {
    if (event.at > options.until) break;
    clock.advanceTo(event.at);
    if (actor.getSnapshot().status !== 'active') break; // left for good: nothing more can happen
    const { at: _at, ...payload } = event;
    sent.push(event);
    actor.send(payload);
  }
  clock.advanceTo(options.until);
  const snapshot = actor.getSnapshot();
  actor.stop();
  const visited = effects.flatMap((effect) => (effect.type === 'visit' ? [effect.node] : []));
  const value = snapshot.value;
  const finalState = typeof value === 'string' ? value : Object.values(value).map(String)[0] ?? '';
  return { effects, visited, finalState };
}
