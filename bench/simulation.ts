// Simulation benchmark: how fast the two engines of issue 5 simulate a cohort, and how much memory the
// kernel keeps per user. Run it with `npm run bench:simulation` (or `node --expose-gc --import tsx
// bench/simulation.ts [options]`); `--help` lists the options.
//
// Journeys: the largest built-in template and bench/simulationJourneys.ts's 20-node journey, both with
// a 90-day horizon, on the e-commerce cohort preset. For each journey it measures
//
//   reference          users/s of the XState reference runner in this thread
//   kernel             users/s of the plan kernel in this thread, and the ratio kernel / reference
//                      (the speedup); both are warmed up (the reference with 5,000 users: it keeps
//                      speeding up for several thousand), then run --runs times, and the median run of
//                      each is reported; every kernel runs before any reference (see measureEngine)
//   behaviour model    users/s of the kernel on a journey no one enters (the same cohort and seed): the
//                      behaviour model alone, which any journey's users cost at least, and the ceiling
//                      it sets on the speedup (its users per CPU-second ÷ the reference's)
//   1M users           seconds for 1,000,000 users × 90 days on one thread (the kernel run itself when
//                      --users is 1,000,000, otherwise extrapolated from it and marked so)
//   kernel memory      heap (+ array buffers) held by a range's world and kernel driver: the fixed
//                      scratch (allocated before the first user), what it grows by over N users, and
//                      what N more users add; the kernel simulates one user at a time in reused scratch,
//                      so nothing is kept per user and the per-user figure is the footprint over N
//   reference actor    heap held per live XState actor (started, launched, with its user and clock)
//   heap over a run    heap (+ array buffers) after a full collection at 10 %, 50 % and 100 % of one
//                      kernel run with twins over --flat-users users (1,000,000), and the last over the
//                      first: the kernel keeps nothing per user, so it stays flat (issue 18)
//
// and, for the 20-node journey, the throughput of the whole `simulate` path (split, worker_threads,
// sum of counters, report) with 1, 2, 4 … workers up to the machine's parallelism, with the parallel
// efficiency throughput(k) / (k × throughput(1)). Benchmarks report; a missed target never fails the
// process, a wrong result does: every parallel report must equal the one-worker report (counters are
// whole numbers, so any split sums to the same), and every journey must have had users enter it.
// Exit status: 0 when every figure was taken and right, 1 when a run failed or a result was wrong, 2
// for bad arguments.

import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { createWorkerPool } from '../src/cli/workerPool';
import { machineFromConfig } from '../src/core/compile';
import type { JourneyEnvironment } from '../src/core/compile';
import type { JourneyDocumentInput } from '../src/core/journey';
import { simulateUser } from '../src/core/sim/engine';
import { LAUNCH, type Model } from '../src/core/sim/engine';
import { createDriver, runRange, type EngineName } from '../src/core/sim/engine';
import { checkSimulation, modelFor, simulateChecked, type CheckedSimulation } from '../src/core/sim/engine';
import { UserWorld } from '../src/core/sim/engine';
import { ecommercePreset } from '../src/core/cohort';
import { SteppingClock } from '../src/core/sim/engine';
import { BENCH_HORIZON, behaviourOnlyJourney, benchmarkJourney, largestTemplate } from './simulationJourneys';
import { say } from '../src/cli/i18n';
import { parsedOrExit, UsageError } from './benchCli';

// Targets of issue 5 (and issue 18's below).
export const TARGETS = {
  speedup: 1000,
  millionSeconds: 1,
  bytesPerUser: 64,
  efficiency: 0.7,
  efficiencyUpToWorkers: 8,
  /** Issue 14: a run with twins takes at most this many times a single run's time. */
  twinCost: 1.3,
} as const;

// Targets of issue 18, part 2: the kernel ≥ 150× the reference in single runs (no twins, both engines),
// and its heap flat over a million users (the last measurement within 5 % of the first).
export const ISSUE_18_TARGETS = {
  speedup: 150,
  heapGrowth: 1.05,
} as const;

const MILLION = 1_000_000;
const SEED = 1;
/** The journey of the parallel runs. */
const PARALLEL_JOURNEY = 'bench-20';

export interface SimulationBenchOptions {
  /** Users the kernel simulates in this thread, and in each parallel run. */
  users: number;
  /** Users the reference runner simulates. */
  referenceUsers: number;
  /** Users of the kernel memory measurement. */
  heapUsers: number;
  /** Live XState actors of the reference memory measurement. */
  actors: number;
  /** Users of the one kernel run whose heap is weighed at 10 %, 50 % and 100 % (default 1,000,000). */
  flatUsers?: number;
  /** Largest worker count of the parallel runs. */
  workersMax: number;
  /** Rounds of the one-thread measurements (reference, then kernel); the median of each is reported. */
  runs: number;
  quick: boolean;
  /** Progress lines (to stderr from the command line; nothing with --json). */
  log: (line: string) => void;
}

export interface Throughput {
  users: number;
  /** Wall-clock time. */
  seconds: number;
  usersPerSecond: number;
  /**
   * CPU time of this process (all its threads) over the same interval. On a quiet machine it is about
   * `seconds` for a one-thread run and k × `seconds` with k busy workers; less means other work on the
   * machine took the CPU.
   */
  cpuSeconds: number;
}

/** The median of `runs` runs in this thread, and every run's users/s. */
export interface SingleThread extends Throughput {
  runs: number[];
}

export interface KernelMemory {
  /** Users of each of the two passes. */
  users: number;
  /** Heap + array buffers of one fresh world and kernel driver, before any user (counters, plan, scratch). */
  scratchBytes: number;
  /** Growth over the first pass of `users` users: buffers grown for the busiest user (and code the JIT made meanwhile). */
  grownBytes: number;
  /** Growth over a second pass of `users` more users, per user: state kept per simulated user (0 but for noise; may be slightly negative). */
  retainedBytesPerUser: number;
  /** (scratchBytes + grownBytes) / users + retainedBytesPerUser: the range's footprint spread over `users` users. */
  bytesPerUser: number;
  /** The counters alone (one Float64Array in the journey's layout), part of the scratch. */
  counterBytes: number;
}

/** The heap over one kernel run (twins on): held bytes after a full collection when `users[i]` users were done. */
export interface HeapOverRun {
  users: number[];
  bytes: number[];
  /** Last over first: 1 when nothing stays behind per user. */
  growth: number;
}

export interface JourneyFigures {
  id: string;
  name: string;
  nodes: number;
  edges: number;
  horizon: string;
  /** Share of the kernel run's users who entered the journey (a sanity figure: the run did something). */
  enteredShare: number;
  reference: SingleThread;
  /** Single runs, without the twins (both engines). */
  kernel: SingleThread;
  /** The kernel with every user's twin where one is needed (what a run in the app or the CLI does). */
  kernelWithTwin: SingleThread;
  /** Time with twins ÷ time of the single run, kernel (issue 14's target: ≤ 1.3×). */
  twinCost: number;
  /** kernel users/s ÷ reference users/s, the median runs of each, both measured in this run. */
  speedup: number;
  /**
   * The same by CPU time: kernel users per CPU-second ÷ reference users per CPU-second (the median runs).
   * Other work on the machine slows both engines' wall time, not always alike; it takes less of their CPU time.
   */
  cpuSpeedup?: number;
  /**
   * The kernel on a journey no one enters, on the same cohort and seed (bench/simulationJourneys.ts,
   * behaviourOnlyJourney): the behaviour model alone, which every journey's users cost at least.
   */
  behaviourOnly?: SingleThread;
  /**
   * behaviour-only users/s ÷ this journey's reference users/s (by CPU time): the most the kernel's
   * speedup on this journey can be while the behaviour model costs what it does.
   */
  speedupCeiling?: number;
  /** Seconds for 1,000,000 users on one thread (kernel). */
  millionSeconds: number;
  millionExtrapolated: boolean;
  memory: {
    kernel: KernelMemory;
    reference: { actors: number; bytesPerActor: number };
    /** Absent when not measured. */
    kernelOverRun?: HeapOverRun;
  };
}

/** CPU time over wall time × threads that should be busy: 100 % when nothing else competed for the CPUs. */
export const cpuShare = (run: Throughput, threads = 1) => run.cpuSeconds / (run.seconds * threads);

export interface ParallelRun extends Throughput {
  workers: number;
  /** throughput(k) / (k × throughput(1)). */
  efficiency: number;
  /**
   * Users per CPU-second with k workers ÷ the same with one: below 1 when the parallel run does more
   * work per user (overhead), whatever else runs on the machine.
   */
  cpuEfficiency: number;
  /** The report equals the one-worker report (it must: counters are whole numbers). */
  sameReport: boolean;
}

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  /** null when it could not be measured here (parallel efficiency with one CPU). */
  met: boolean | null;
  note?: string;
}

export interface SimulationBenchResult {
  benchmark: 'simulation';
  machine: { cpus: number; availableParallelism: number; cpuModel: string; node: string; platform: string; arch: string; memoryBytes: number };
  options: Omit<SimulationBenchOptions, 'log'>;
  cohort: string;
  seed: number;
  /** Whether node ran with --expose-gc (otherwise gc() was switched on at run time). */
  gcExposed: boolean;
  journeys: JourneyFigures[];
  parallel: { journey: string; users: number; runs: ParallelRun[] };
  targets: TargetCheck[];
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Starts a clock of wall and CPU time; calling what it returns reads both for `users` users. */
function stopwatch(): (users: number) => Throughput {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (users) => {
    const seconds = (performance.now() - wall) / 1000;
    const used = process.cpuUsage(cpu);
    return { users, seconds, usersPerSecond: users / seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

/** global.gc, exposed by --expose-gc; otherwise switched on now (V8 allows it after start-up). */
function getGc(): { gc: () => void; exposed: boolean } {
  const exposed = typeof globalThis.gc === 'function';
  if (exposed) return { gc: () => globalThis.gc!(), exposed };
  setFlagsFromString('--expose-gc');
  return { gc: runInNewContext('gc') as () => void, exposed };
}

/** Heap in use plus memory outside the heap held by JavaScript objects (typed arrays' buffers), after a full collection. */
function heldBytes(gc: () => void): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** 1, 2, 4 … up to max, and max itself. */
export function workerCounts(max: number): number[] {
  const counts: number[] = [];
  for (let k = 1; k <= max; k *= 2) counts.push(k);
  if (counts[counts.length - 1] !== max) counts.push(max);
  return counts;
}

function check(journey: JourneyDocumentInput, users: number): CheckedSimulation {
  const result = checkSimulation({ journey, cohort: ecommercePreset.spec, seed: SEED, users, engine: 'fast' });
  if (!result.ok)
    throw new Error(`The benchmark journey "${journey.id}" cannot be simulated:\n${result.problems.map((problem) => `${problem.code}: ${say(problem.message, 'en')}`).join('\n')}`);
  return result.checked;
}

// ---------------------------------------------------------------------------------------------------
// Measurements

/** The run of median throughput (the lower middle one of an even count). */
function medianRun(runs: Throughput[]): Throughput {
  const sorted = [...runs].sort((a, b) => a.usersPerSecond - b.usersPerSecond);
  return sorted[(sorted.length - 1) >> 1]!;
}

/**
 * One engine on one journey, in this thread: warmed up, then `rounds` runs; the median run. The kernel of
 * every journey is measured before any reference run: the two share the user loop and the behaviour
 * world, and once XState's driver has gone through them V8's call sites there are polymorphic and the
 * kernel runs about a third slower — which never happens in use, where a process runs one engine.
 */
function measureEngine(model: Model, engine: EngineName, sizes: { users: number; warm: number; from: number; rounds: number }, twin = false): { run: SingleThread; entered: number } {
  runRange(model, engine, 0, sizes.warm, { twin });
  const runs: Throughput[] = [];
  let entered = 0;
  for (let round = 0; round < sizes.rounds; round++) {
    const stop = stopwatch();
    const { counters } = runRange(model, engine, sizes.from, sizes.from + sizes.users, { twin });
    runs.push(stop(sizes.users));
    entered = counters[model.layout.scalar.entered]!;
  }
  return { run: { ...medianRun(runs), runs: runs.map((run) => run.usersPerSecond) }, entered };
}

/**
 * The kernel's memory. Fixed scratch: 16 fresh worlds with their kernel drivers (what runRange makes for
 * a range), weighed together and divided, so the collector's noise is spread over them. Then runRange's
 * loop on one of them: `users` users (its buffers grow to the busiest user's needs), weighed, and
 * `users` more, weighed again; the second growth is what stays behind per user.
 */
function measureKernelMemory(model: Model, users: number, gc: () => void): KernelMemory {
  const copies = 16;
  const make = () => {
    const world = new UserWorld(model);
    return { world, driver: createDriver('fast', model, world) };
  };
  make(); // code and lazily built structures of the engine, not counted as scratch
  const before = heldBytes(gc);
  const pairs = Array.from({ length: copies }, make);
  const fresh = heldBytes(gc);
  const { world, driver } = pairs[0]!;
  for (let user = 0; user < users; user++) simulateUser(world, driver, user);
  const first = heldBytes(gc);
  for (let user = users; user < 2 * users; user++) simulateUser(world, driver, user);
  const second = heldBytes(gc);
  // Every pair is alive up to here.
  if (pairs.some((pair) => pair.world.counters.length === 0)) throw new Error('empty counters');
  const scratchBytes = (fresh - before) / copies;
  const grownBytes = first - fresh;
  const retainedBytesPerUser = (second - first) / users;
  return {
    users,
    scratchBytes,
    grownBytes,
    retainedBytesPerUser,
    bytesPerUser: (scratchBytes + Math.max(0, grownBytes)) / users + Math.max(0, retainedBytesPerUser),
    counterBytes: world.counters.byteLength,
  };
}

/**
 * The heap while one range of `users` users runs in the kernel with twins, as a run in the app or the
 * CLI does: weighed after a full collection at 10 %, 50 % and all of the users (the collections are
 * outside any timed run).
 */
function measureHeapOverRun(model: Model, users: number, gc: () => void): HeapOverRun {
  const every = Math.max(1, Math.floor(users / 10));
  const at = [every, 5 * every, users];
  const bytes: number[] = [];
  runRange(model, 'fast', 0, users, {
    progressEvery: every,
    onProgress: (done) => {
      if (at.includes(done) && bytes.length < at.length) bytes.push(heldBytes(gc));
    },
  });
  return { users: at, bytes, growth: bytes[bytes.length - 1]! / bytes[0]! };
}

/** Live XState actors as the reference runner makes them (own clock, the user's record), launched. */
function measureReferenceActors(model: Model, count: number, gc: () => void): JourneyFigures['memory']['reference'] {
  const machine: AnyStateMachine = machineFromConfig(model.config, model.registry);
  const make = (user: number) => {
    const clock = new SteppingClock();
    const env: JourneyEnvironment = { now: () => clock.now(), eventCount: () => 0, emit: () => {} };
    const actor = createActor(machine, { clock, input: { user: model.generator.user(user), seed: model.seed, env } });
    actor.start();
    actor.send({ type: LAUNCH });
    return actor;
  };
  make(count).stop(); // XState's lazily built structures, not counted against the actors
  const actors: Actor<AnyStateMachine>[] = [];
  const before = heldBytes(gc);
  for (let user = 0; user < count; user++) actors.push(make(user));
  const after = heldBytes(gc);
  for (const actor of actors) actor.stop();
  return { actors: count, bytesPerActor: Math.max(0, after - before) / count };
}

async function measureParallel(checked: CheckedSimulation, users: number, workersMax: number, warmPerWorker: number, log: (line: string) => void): Promise<ParallelRun[]> {
  const runs: ParallelRun[] = [];
  let one: { usersPerSecond: number; usersPerCpuSecond: number; report: string } | null = null;
  for (const workers of workerCounts(workersMax)) {
    const pool = createWorkerPool(workers);
    try {
      // Start every worker (tsx, the engine's code) and warm it up before timing.
      await simulateChecked({ ...checked, users: warmPerWorker * workers }, { workers, runner: pool.runner });
      const stop = stopwatch();
      const { report } = await simulateChecked({ ...checked, users }, { workers, runner: pool.runner });
      const measured = stop(users);
      const json = JSON.stringify(report);
      one ??= { usersPerSecond: measured.usersPerSecond, usersPerCpuSecond: users / measured.cpuSeconds, report: json };
      const run = {
        workers,
        ...measured,
        efficiency: measured.usersPerSecond / (workers * one.usersPerSecond),
        cpuEfficiency: users / measured.cpuSeconds / one.usersPerCpuSecond,
        sameReport: json === one.report,
      };
      runs.push(run);
      log(`  ${workers} worker(s): ${fmtRate(run.usersPerSecond)} users/s, ${run.seconds.toFixed(2)} s, efficiency ${fmtPercent(run.efficiency)}, CPU busy ${fmtPercent(cpuShare(run, workers))}`);
    } finally {
      await pool.close();
    }
  }
  return runs;
}

/** Issue 18's targets: the speedup in single runs, and the kernel's heap flat over a run. */
export function issue18Checks(journeys: JourneyFigures[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const journey of journeys) {
    checks.push({
      name: `speedup (issue 18), ${journey.id}`,
      target: `kernel ≥ ${ISSUE_18_TARGETS.speedup}× reference, single runs`,
      value: fmtRatio(journey.speedup),
      met: journey.speedup >= ISSUE_18_TARGETS.speedup,
    });
    const heap = journey.memory.kernelOverRun;
    checks.push({
      name: `kernel heap flat over a run, ${journey.id}`,
      target: `≤ ${ISSUE_18_TARGETS.heapGrowth}× the heap at ${heap ? heap.users[0]!.toLocaleString('en') : '10 %'} users`,
      value: heap ? `${heap.growth.toFixed(3)}× at ${heap.users[heap.users.length - 1]!.toLocaleString('en')} users` : 'not measured',
      met: heap ? heap.growth <= ISSUE_18_TARGETS.heapGrowth : null,
    });
  }
  return checks;
}

export function targetChecks(journeys: JourneyFigures[], runs: ParallelRun[], cpus: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const journey of journeys) {
    const memory = journey.memory.kernel;
    checks.push(
      {
        name: `speedup, ${journey.id}`,
        target: `kernel ≥ ${TARGETS.speedup}× reference`,
        value: fmtRatio(journey.speedup),
        met: journey.speedup >= TARGETS.speedup,
      },
      {
        name: `1M users × 90 d, 1 worker, ${journey.id}`,
        target: `≤ ${TARGETS.millionSeconds} s`,
        value: `${journey.millionSeconds.toFixed(2)} s${journey.millionExtrapolated ? ' (extrapolated)' : ''}`,
        met: journey.millionSeconds <= TARGETS.millionSeconds,
      },
      {
        name: `twin cost, ${journey.id}`,
        target: `≤ ${TARGETS.twinCost}× a single run`,
        value: fmtRatio(journey.twinCost),
        met: journey.twinCost <= TARGETS.twinCost,
      },
      {
        name: `kernel memory per user, ${journey.id}`,
        target: `≤ ${TARGETS.bytesPerUser} B/user`,
        value: `${fmtBytes(memory.bytesPerUser)}/user`,
        met: memory.bytesPerUser <= TARGETS.bytesPerUser,
        note: `${fmtBytes(memory.scratchBytes)} of fixed scratch per range (grown ${fmtBytes(memory.grownBytes)}) over ${memory.users.toLocaleString('en')} users; ${fmtBytes(memory.retainedBytesPerUser)} more per additional user`,
      },
    );
  }
  const considered = runs.filter((run) => run.workers > 1 && run.workers <= TARGETS.efficiencyUpToWorkers);
  const worst = considered.reduce((low, run) => Math.min(low, run.efficiency), Infinity);
  const largest = considered.reduce((high, run) => Math.max(high, run.workers), 1);
  checks.push({
    name: 'parallel efficiency',
    target: `≥ ${TARGETS.efficiency * 100} % up to ${TARGETS.efficiencyUpToWorkers} workers`,
    value: considered.length > 0 ? `lowest ${fmtPercent(worst)} (${largest > 2 ? `2–${largest}` : '2'} workers)` : 'one worker only',
    met: considered.length > 0 ? worst >= TARGETS.efficiency : null,
    ...(largest < TARGETS.efficiencyUpToWorkers ? { note: `${cpus} CPU(s) here: measured up to ${largest} worker(s), not ${TARGETS.efficiencyUpToWorkers}` } : {}),
  });
  return checks;
}

/**
 * What the benchmark found wrong, as opposed to slow: a parallel report that differs from the one-worker
 * report, a journey nobody entered (its figures would time an empty loop). Empty when all is right.
 */
export function wrongResults(result: Pick<SimulationBenchResult, 'journeys' | 'parallel'>): string[] {
  const wrong: string[] = [];
  for (const journey of result.journeys) if (!(journey.enteredShare > 0)) wrong.push(`Nobody entered the journey "${journey.id}": its figures time an empty run.`);
  for (const run of result.parallel.runs)
    if (!run.sameReport) wrong.push(`The report with ${run.workers} worker(s) differs from the one-worker report on "${result.parallel.journey}".`);
  return wrong;
}

export function defaultOptions(quick: boolean): Omit<SimulationBenchOptions, 'log'> {
  const cpus = os.availableParallelism();
  return quick
    ? { users: 20_000, referenceUsers: 200, heapUsers: 20_000, actors: 100, flatUsers: 100_000, workersMax: Math.min(2, cpus), runs: 1, quick }
    : { users: MILLION, referenceUsers: 2_000, heapUsers: 100_000, actors: 1_000, flatUsers: MILLION, workersMax: cpus, runs: 3, quick };
}

export async function runSimulationBench(options: SimulationBenchOptions): Promise<SimulationBenchResult> {
  const { log } = options;
  const { gc, exposed } = getGc();
  const template = largestTemplate();
  const sources = [
    { id: template.id, document: template.document },
    { id: PARALLEL_JOURNEY, document: benchmarkJourney() },
  ];
  const sizes = {
    referenceUsers: options.referenceUsers,
    users: options.users,
    warmReference: options.quick ? 50 : 5_000,
    warmKernel: Math.min(options.quick ? 2_000 : 20_000, options.users),
    rounds: options.runs,
  };
  const journeys: JourneyFigures[] = [];
  let parallelChecked: CheckedSimulation | null = null;
  const prepared = sources.map((source) => {
    const checked = check(source.document, Math.max(options.users, sizes.warmReference + options.referenceUsers, 2 * options.heapUsers, options.flatUsers ?? 0));
    if (source.id === PARALLEL_JOURNEY) parallelChecked = checked;
    return { source, checked, model: modelFor(checked, 0) };
  });
  // Every kernel first (see measureEngine), then every reference; the behaviour model alone before them.
  const behaviourOnlyModel = modelFor(check(behaviourOnlyJourney(), options.users), 0);
  const { run: behaviourOnly } = measureEngine(behaviourOnlyModel, 'fast', { users: options.users, warm: sizes.warmKernel, from: 0, rounds: sizes.rounds });
  log(`behaviour model alone (no one enters) kernel: ${behaviourOnly.runs.map(fmtRate).join(', ')} users/s`);
  const kernels = prepared.map(({ source, model }) => {
    const { run, entered } = measureEngine(model, 'fast', { users: options.users, warm: sizes.warmKernel, from: 0, rounds: sizes.rounds });
    log(`${source.id} kernel: ${run.runs.map(fmtRate).join(', ')} users/s over ${options.users.toLocaleString('en')} users`);
    const { run: withTwin } = measureEngine(model, 'fast', { users: options.users, warm: sizes.warmKernel, from: 0, rounds: sizes.rounds }, true);
    log(`${source.id} kernel with twins: ${withTwin.runs.map(fmtRate).join(', ')} users/s`);
    const overRun = options.flatUsers ? measureHeapOverRun(model, options.flatUsers, gc) : undefined;
    if (overRun)
      log(`${source.id} kernel heap over ${overRun.users[overRun.users.length - 1]!.toLocaleString('en')} users: ${overRun.bytes.map(fmtBytes).join(', ')} (×${overRun.growth.toFixed(3)})`);
    return { run, entered, withTwin, memory: measureKernelMemory(model, options.heapUsers, gc), overRun };
  });
  prepared.forEach(({ source, checked, model }, index) => {
    const { run: reference } = measureEngine(model, 'reference', { users: options.referenceUsers, warm: sizes.warmReference, from: sizes.warmReference, rounds: sizes.rounds });
    log(`${source.id} reference: ${reference.runs.map(fmtRate).join(', ')} users/s over ${options.referenceUsers.toLocaleString('en')} users`);
    const { run: kernel, entered, withTwin, memory: memoryKernel, overRun } = kernels[index]!;
    const memoryReference = measureReferenceActors(model, options.actors, gc);
    log(`  memory: kernel scratch ${fmtBytes(memoryKernel.scratchBytes)}, ${fmtBytes(memoryKernel.bytesPerUser)}/user; reference ${fmtBytes(memoryReference.bytesPerActor)}/actor`);
    const millionExtrapolated = options.users !== MILLION;
    journeys.push({
      id: source.id,
      name: checked.journey.name,
      nodes: checked.journey.nodes.length,
      edges: checked.journey.edges.length,
      horizon: checked.journey.settings.horizon,
      enteredShare: entered / options.users,
      reference,
      kernel,
      kernelWithTwin: withTwin,
      twinCost: kernel.usersPerSecond / withTwin.usersPerSecond,
      speedup: kernel.usersPerSecond / reference.usersPerSecond,
      cpuSpeedup: kernel.users / kernel.cpuSeconds / (reference.users / reference.cpuSeconds),
      behaviourOnly,
      speedupCeiling: behaviourOnly.users / behaviourOnly.cpuSeconds / (reference.users / reference.cpuSeconds),
      millionSeconds: millionExtrapolated ? MILLION / kernel.usersPerSecond : kernel.seconds,
      millionExtrapolated,
      memory: { kernel: memoryKernel, reference: memoryReference, ...(overRun ? { kernelOverRun: overRun } : {}) },
    });
  });
  log(`parallel, ${PARALLEL_JOURNEY}, ${options.users.toLocaleString('en')} users:`);
  const runs = await measureParallel(parallelChecked!, options.users, options.workersMax, options.quick ? 1_000 : 20_000, log);
  const cpus = os.cpus();
  const { log: _log, ...shown } = options;
  return {
    benchmark: 'simulation',
    machine: {
      cpus: cpus.length,
      availableParallelism: os.availableParallelism(),
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      memoryBytes: os.totalmem(),
    },
    options: shown,
    cohort: ecommercePreset.spec.id,
    seed: SEED,
    gcExposed: exposed,
    journeys,
    parallel: { journey: PARALLEL_JOURNEY, users: options.users, runs },
    targets: [...targetChecks(journeys, runs, os.availableParallelism()), ...issue18Checks(journeys)],
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

function fmtRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(0);
}
const fmtRatio = (ratio: number) => `${ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
const fmtPercent = (share: number) => `${(share * 100).toFixed(0)} %`;
function fmtBytes(bytes: number): string {
  const size = Math.abs(bytes);
  if (size >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (size >= 10 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  if (size >= 10) return `${bytes.toFixed(0)} B`;
  return `${bytes.toFixed(2)} B`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function engineCell(engine: SingleThread): string {
  const low = Math.min(...engine.runs);
  const high = Math.max(...engine.runs);
  const spread = engine.runs.length > 1 ? `median of ${engine.runs.length}: ${fmtRate(low)}–${fmtRate(high)}` : '1 run';
  return `${fmtRate(engine.usersPerSecond)} users/s (${engine.users.toLocaleString('en')} users, ${spread})`;
}

function heapOverRunCell(heap: HeapOverRun | undefined): string {
  if (!heap) return 'not measured';
  const points = heap.users.map((users, index) => `${fmtBytes(heap.bytes[index]!)} at ${users.toLocaleString('en')}`);
  return `${points.join(', ')} users: ×${heap.growth.toFixed(3)}`;
}

export function formatTable(result: SimulationBenchResult): string {
  const { machine } = result;
  const row = (label: string, cell: (journey: JourneyFigures) => string) => [label, ...result.journeys.map(cell)];
  const lines = [
    `Simulation benchmark: ${result.cohort} cohort, seed ${result.seed}, horizon ${BENCH_HORIZON}; ${machine.availableParallelism} CPU(s) (${machine.cpuModel}), Node ${machine.node}`,
    '',
    table([
      ['', ...result.journeys.map((journey) => `${journey.id} (${journey.nodes} nodes)`)],
      row('entered the journey', (journey) => fmtPercent(journey.enteredShare)),
      row('reference (XState), 1 thread', (journey) => engineCell(journey.reference)),
      row('kernel, 1 thread', (journey) => engineCell(journey.kernel)),
      row('speedup kernel / reference (single runs)', (journey) => fmtRatio(journey.speedup)),
      row('the same by CPU time', (journey) => (journey.cpuSpeedup === undefined ? 'not measured' : fmtRatio(journey.cpuSpeedup))),
      row('behaviour model alone (no one enters), kernel', (journey) => (journey.behaviourOnly ? engineCell(journey.behaviourOnly) : 'not measured')),
      row('speedup ceiling it sets, by CPU time', (journey) => (journey.speedupCeiling === undefined ? 'not measured' : fmtRatio(journey.speedupCeiling))),
      row('kernel with twins, 1 thread', (journey) => engineCell(journey.kernelWithTwin)),
      row('twin cost (time with twins / single run)', (journey) => fmtRatio(journey.twinCost)),
      row('1M users × 90 d, 1 thread', (journey) => `${journey.millionSeconds.toFixed(2)} s${journey.millionExtrapolated ? ' (extrapolated)' : ''}`),
      row('kernel fixed scratch per range', (journey) => `${fmtBytes(journey.memory.kernel.scratchBytes)} (counters ${fmtBytes(journey.memory.kernel.counterBytes)}); grown ${fmtBytes(journey.memory.kernel.grownBytes)}`),
      row('kernel kept per additional user', (journey) => `${fmtBytes(journey.memory.kernel.retainedBytesPerUser)} (2nd pass of ${journey.memory.kernel.users.toLocaleString('en')} users)`),
      row('kernel bytes per user', (journey) => `${fmtBytes(journey.memory.kernel.bytesPerUser)} (footprint / ${journey.memory.kernel.users.toLocaleString('en')} users)`),
      row('kernel heap over a run (twins on)', (journey) => heapOverRunCell(journey.memory.kernelOverRun)),
      row('reference heap per live actor', (journey) => `${fmtBytes(journey.memory.reference.bytesPerActor)} (${journey.memory.reference.actors.toLocaleString('en')} actors)`),
    ]),
    '',
    `Parallel: simulate() through worker_threads, ${result.parallel.journey}, ${result.parallel.users.toLocaleString('en')} users`,
    table([
      ['workers', 'users/s', 'time', 'efficiency', 'CPU busy', 'users per CPU-s vs 1', 'same report'],
      ...result.parallel.runs.map((run) => [
        String(run.workers),
        fmtRate(run.usersPerSecond),
        `${run.seconds.toFixed(2)} s`,
        fmtPercent(run.efficiency),
        fmtPercent(cpuShare(run, run.workers)),
        fmtPercent(run.cpuEfficiency),
        run.sameReport ? 'yes' : 'NO',
      ]),
    ]),
    '',
    'Targets (issues 5 and 18); a missed target does not fail the run',
    table([
      ['figure', 'target', 'measured', 'met'],
      ...result.targets.map((target) => [target.name, target.target, target.value, target.met === null ? 'not measured' : target.met ? 'met' : 'not met']),
    ]),
  ];
  const notes = result.targets.filter((target) => target.note).map((target) => `  ${target.name}: ${target.note}`);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes);
  if (!result.gcExposed) lines.push('', 'Memory: gc() was switched on at run time; run node with --expose-gc to have it from the start.');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Command line

const USAGE = `Simulation benchmark: users/s of the reference runner and of the kernel and their ratio, the time
for 1M users × 90 days, the kernel's memory per user, and throughput with 1, 2, 4 … workers.

Usage:
  npm run bench:simulation [-- options]
  node --expose-gc --import tsx bench/simulation.ts [options]

Options:
  --users N             users of the kernel runs, one thread and parallel (default 1000000)
  --reference-users N   users of the reference runner (default 2000)
  --heap-users N        users of each of the two passes of the kernel memory measurement (default 100000)
  --actors N            live XState actors of the reference memory measurement (default 1000)
  --flat-users N        users of the kernel run whose heap is weighed at 10 %, 50 % and 100 %
                        (default 1000000; 100000 with --quick)
  --workers-max K       largest worker count of the parallel runs (default: os.availableParallelism())
  --runs N              rounds of the one-thread runs, reference then kernel; medians reported (default 3)
  --quick               small sizes for a smoke run (20000 kernel users, 200 reference users, 1 round,
                        ≤ 2 workers, the heap over 100000 users)
  --json                print one JSON object instead of the table
  -h, --help            show this help

Targets (issue 5): kernel ≥ ${TARGETS.speedup}× reference; 1M users × 90 d ≤ ${TARGETS.millionSeconds} s on one worker;
≤ ${TARGETS.bytesPerUser} B of kernel state per user; parallel efficiency ≥ ${TARGETS.efficiency * 100} % up to ${TARGETS.efficiencyUpToWorkers} workers.
Targets (issue 18): kernel ≥ ${ISSUE_18_TARGETS.speedup}× reference in single runs (no twins on either engine; the
twins' own cost is reported beside); the kernel's heap at the end of a run ≤ ${ISSUE_18_TARGETS.heapGrowth}× its heap at 10 %.
Every ratio is measured within one run. A missed target does not fail the run; a wrong result does (a
parallel report that differs from the one-worker report, a journey nobody entered). Exit status: 0 when
every figure was taken and right, 1 when a run failed or a result was wrong, 2 for bad arguments.`;


function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, not "${text}".`);
  return value;
}

export function parseOptions(argv: string[]): { options: SimulationBenchOptions; json: boolean } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        users: { type: 'string' },
        'reference-users': { type: 'string' },
        'heap-users': { type: 'string' },
        actors: { type: 'string' },
        'flat-users': { type: 'string' },
        'workers-max': { type: 'string' },
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const defaults = defaultOptions(values.quick);
  return {
    json: values.json,
    options: {
      users: positiveInteger('users', values.users, defaults.users),
      referenceUsers: positiveInteger('reference-users', values['reference-users'], defaults.referenceUsers),
      heapUsers: positiveInteger('heap-users', values['heap-users'], defaults.heapUsers),
      actors: positiveInteger('actors', values.actors, defaults.actors),
      flatUsers: positiveInteger('flat-users', values['flat-users'], defaults.flatUsers!),
      workersMax: positiveInteger('workers-max', values['workers-max'], defaults.workersMax),
      runs: positiveInteger('runs', values.runs, defaults.runs),
      quick: values.quick,
      log: values.json ? () => {} : (line) => process.stderr.write(`${line}\n`),
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const options = parsedOrExit(() => parseOptions(argv), USAGE);
  if ('exit' in options) return options.exit;
  const { parsed } = options;
  try {
    const result = await runSimulationBench(parsed.options);
    process.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : `\n${formatTable(result)}\n`);
    const wrong = wrongResults(result);
    for (const line of wrong) process.stderr.write(`The simulation benchmark found a wrong result: ${line}\n`);
    return wrong.length > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`The simulation benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
