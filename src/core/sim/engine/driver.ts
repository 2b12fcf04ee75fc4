import type { UserWorld } from './world';

/**
 * The journey's side of a user's simulation: an XState actor in the reference runner, the plan
 * interpreter in the kernel. `simulateUser` drives either one through the same loop, so the two can
 * only differ in what the journey does.
 */
export interface MachineDriver {
  /** Puts the machine in its initial state for `user`, at time 0. */
  begin(user: number): void;
  /** The time of the machine's earliest pending timer, or Infinity. */
  nextTimer(): number;
  /** Fires the earliest timer (due now). */
  fireTimer(): void;
  /** Delivers a behaviour event by code, or the launch event (code −1). */
  send(code: number): void;
  /** The event codes the machine listens for in its current state (Model.listeners). */
  listening(): Uint8Array;
  end(): void;
}

export const LAUNCH_CODE = -1;

/**
 * One user from launch to the horizon, then their twin where the journey reached their behaviour
 * (docs/simulation.md, "The twin"), then the paired differences are counted. At one instant the
 * machine's timers go first, then the world's happenings in their order; the launch event is the first
 * thing at t = 0.
 */
export function simulateUser(world: UserWorld, driver: MachineDriver, user: number): void {
  world.beginUser(user);
  runUser(world, driver, user);
  if (world.needsTwin()) {
    const trace = world.trace;
    world.trace = world.twinTrace;
    world.beginUser(user, true);
    runUser(world, driver, user);
    world.trace = trace;
  }
  world.settleUser();
}

function runUser(world: UserWorld, driver: MachineDriver, user: number): void {
  driver.begin(user);
  driver.send(LAUNCH_CODE);
  world.listen(driver.listening());
  const horizon = world.horizon;
  for (;;) {
    const timer = driver.nextTimer();
    const happening = world.nextTime();
    const next = timer <= happening ? timer : happening;
    if (!(next < horizon)) break;
    world.now = next;
    if (timer <= happening) driver.fireTimer();
    else {
      const code = world.step();
      if (code < 0) continue;
      driver.send(code);
    }
    world.listen(driver.listening());
  }
  world.now = horizon;
  world.finishUser();
  driver.end();
}
