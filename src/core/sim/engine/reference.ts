import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { channels, type Channel } from '../../journey/channels';
import { machineFromConfig } from '../../compile/toMachine';
import { deliveries } from '../../compile/operations';
import type { JourneyEffect, JourneyEnvironment } from '../../compile/runtime';
import { SteppingClock } from './steppingClock';
import { LAUNCH, type Model } from './model';
import { LAUNCH_CODE, type MachineDriver } from './driver';
import type { UserWorld } from './world';

/**
 * The reference runner's side of a user: one real XState actor from the compiled machine, on its own
 * simulated clock (a clock shared by many actors re-sorts every timer on each flush), with the world as
 * its environment. Obviously correct and slow: it is the oracle the kernel is held to.
 */
export class XStateDriver implements MachineDriver {
  private readonly machine: AnyStateMachine;
  private clock = new SteppingClock();
  private actor: Actor<AnyStateMachine> | null = null;
  private failure: unknown = null;
  private readonly environment: JourneyEnvironment;
  private readonly none: Uint8Array;

  constructor(
    private readonly model: Model,
    private readonly world: UserWorld,
  ) {
    this.machine = machineFromConfig(model.config, model.registry);
    this.none = new Uint8Array(model.events.length);
    this.environment = {
      now: () => this.clock.now(),
      eventCount: (event, windowMs) => {
        const code = model.eventCode.get(event);
        return code === undefined ? 0 : world.eventCount(code, windowMs);
      },
      // Each operation that reports an effect says how it reaches the world (compile/operations/).
      emit: (effect: JourneyEffect) => deliveries.get(effect.type)?.(effect, world, model),
    };
  }

  begin(user: number): void {
    this.clock = new SteppingClock();
    this.failure = null;
    const actor = createActor(this.machine, {
      clock: this.clock,
      input: { user: this.model.generator.user(user), seed: this.model.seed, env: this.environment },
    });
    actor.subscribe({ error: (error) => (this.failure = error) });
    this.actor = actor;
    actor.start();
    this.check();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  nextTimer(): number {
    return this.clock.nextWake() ?? Infinity;
  }

  fireTimer(): void {
    this.clock.advanceTo(this.world.now);
    this.check();
  }

  send(code: number): void {
    const actor = this.actor!;
    if (actor.getSnapshot().status !== 'active') return;
    const world = this.world;
    // Launch comes before anything else at t = 0, even a timer due then (the loop fires timers after it).
    if (code !== LAUNCH_CODE) this.clock.advanceTo(world.now);
    const channel = world.eventChannel >= 0 ? (channels[world.eventChannel] as Channel) : undefined;
    actor.send({
      type: code === LAUNCH_CODE ? LAUNCH : this.model.events[code]!,
      ...(code === LAUNCH_CODE ? {} : { value: world.eventValue }),
      ...(channel ? { channel } : {}),
    });
    this.check();
  }

  listening(): Uint8Array {
    // The active atomic state is the innermost key of the snapshot's value, e.g. { __journey: "remind" }.
    let value: unknown = this.actor!.getSnapshot().value;
    while (typeof value === 'object' && value !== null) value = Object.values(value)[0];
    return this.model.listeners.get(String(value)) ?? this.none;
  }

  end(): void {
    this.actor?.stop();
    this.actor = null;
  }
}
