import { populationProblems, type SimulationPopulation } from './population';
import { grouped, message, type Message, verbatim, joinedMessages } from '../../i18n';
import { compileJourney, compileJourneyInput, type CompiledJourney } from '../../compile/toMachine';
import { describeDuration, describeElapsed, MS, parseDuration } from '../../journey/duration';
import { loopNames } from '../../journey/loopNames';
import { MAX_DURATION_DAYS, MAX_SHARDED_USERS, MAX_USERS as MAX_USERS_PER_RUN } from '../../journey/limits';
import type { Problem, ProblemDefinition } from '../../journey/problems';
import { defaultRegistry, type Registry } from '../../journey/registry';
import type { CheckedJourneyDocument } from '../../journey/validate';
import { checkCohort, type CheckedCohortSpec } from '../../cohort/schema';
import { checkJourneyAgainstCohort } from './cohortFit';
import { addCounters } from './counters';
import { buildModel, type Model } from './model';
import { buildPlan, PlanError } from './plan';
import { buildReport, type SimulationReport } from './report';
import { engines, runRange, SimulationCancelled, type EngineName } from './runRange';
import type { TraceEntry } from './trace';
import { runFailureProblems, simulationFailed } from './runFailure';
import { MAX_STEPS_PER_INSTANT, RunawayError, StepBudgetError } from './world';

/**
 * Running a simulation end to end: check the journey and the cohort (checkSimulation, the one gate of
 * a run: every later stage takes the checked types and never checks again), split the users into
 * ranges (one per worker), run every replication (seeds seed, seed + 1, …), add up the counters and
 * build the report. The ranges run wherever the caller's `runner` puts them — in this thread by default, in
 * worker_threads from the CLI, in a Web Worker in the app — and the counters are whole numbers, so
 * the report is the same for any number of workers.
 */

export const MAX_USERS = MAX_USERS_PER_RUN;
export { MAX_SHARDED_USERS };
/** The longest horizon a run simulates: the per-day counters are allocated for every day of it. */
export const MAX_HORIZON_DAYS = MAX_DURATION_DAYS;
export const MAX_REPLICATIONS = 100;
export const MAX_SEED = 2_147_483_647;

export const simulationProblems = {
  'simulation-runaway': {
    severity: 'error',
    title: message('core.sim.engine.simulate.journeyLoopsWithoutTimePassing'),
    fix: message('core.sim.engine.simulate.putAWaitOrA'),
  },
  'simulation-step-budget': {
    severity: 'error',
    title: message('core.sim.engine.simulate.journeyLoopsTooFast'),
    fix: message('core.sim.engine.simulate.makeTheWaitsInThe'),
  },
  'simulation-unsupported': {
    severity: 'error',
    title: message('core.sim.engine.simulate.theFastEngineCannotRun'),
    fix: message('core.sim.engine.simulate.aCustomStepUsesActions'),
  },
  'simulation-settings': {
    severity: 'error',
    title: message('core.sim.engine.simulate.simulationSettingsOutOfRange'),
    fix: message('core.sim.engine.simulate.use1ToUsers1', { MAX_USERS: grouped(MAX_USERS), MAX_REPLICATIONS, MAX_HORIZON_DAYS: grouped(MAX_HORIZON_DAYS) }),
  },
  // A failure that is no problem of the input (a crashed worker, a fault of ours): see runFailure.ts.
  ...runFailureProblems,
} satisfies Record<string, ProblemDefinition>;

export class SimulationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.code}: ${problem.message.key}`).join('\n'));
    this.name = 'SimulationError';
  }
}

export interface SimulationInput {
  journey: unknown;
  cohort: unknown;
  seed?: number;
  /** Users to simulate; the cohort's size when left out. */
  users?: number;
  engine?: EngineName;
  replications?: number;
  /** Real customers to simulate, one user each, instead of the cohort's synthetic users. */
  population?: SimulationPopulation | null;
  /**
   * The number of shards the run is split into (`simulate --shard K/N`, `merge`); 1 when left out.
   * A sharded run may have up to MAX_SHARDED_USERS users, as long as each shard has at most MAX_USERS.
   */
  shards?: number;
}

/** A range of users of one replication: plain data, so it can be posted to a worker. */
export interface RangeTask {
  journey: CheckedJourneyDocument;
  cohort: CheckedCohortSpec;
  seed: number;
  users: number;
  engine: EngineName;
  start: number;
  end: number;
  population?: SimulationPopulation | null;
}

/** What checkSimulation lets through: the journey and the cohort carry the brand of their gates. */
export interface CheckedSimulation {
  journey: CheckedJourneyDocument;
  cohort: CheckedCohortSpec;
  seed: number;
  users: number;
  engine: EngineName;
  replications: number;
  population?: SimulationPopulation | null;
}

const problem = (code: keyof typeof simulationProblems, text: Message, path: (string | number)[] = []): Problem => ({
  severity: simulationProblems[code].severity,
  code,
  message: text,
  location: { path },
});

/**
 * What would make a run too big to allocate or to finish: the limits every model is built within
 * (checkSimulation reports them with the rest, modelFor refuses to go past them).
 */
function runSizeProblems(horizon: string | null, users: number, shards: number | 'model'): Problem[] {
  const problems: Problem[] = [];
  const horizonMs = horizon === null ? null : parseDuration(horizon);
  if (horizon !== null && (horizonMs === null || horizonMs > MAX_HORIZON_DAYS * MS.day)) {
    problems.push(
      problem(
        'simulation-settings',
        message('core.sim.engine.simulate.theJourneySHorizonIs', { horizon: horizonMs === null ? JSON.stringify(horizon) : describeDuration(horizonMs), MAX_HORIZON_DAYS: grouped(MAX_HORIZON_DAYS) }),
        ['journey', 'settings', 'horizon'],
      ),
    );
  }
  const usersProblem = usersSizeProblem(users, shards);
  if (usersProblem) problems.push(usersProblem);
  return problems;
}

/**
 * Whether a run's users fit: one machine runs at most MAX_USERS, a run split into shards at most
 * MAX_SHARDED_USERS with each shard at most MAX_USERS. 'model': a model of some range of a run, which
 * indexes users and allocates nothing per user, so only the sharded ceiling binds.
 */
function usersSizeProblem(users: number, shards: number | 'model'): Problem | null {
  const ceiling = shards === 'model' || shards > 1 ? MAX_SHARDED_USERS : MAX_USERS;
  if (!Number.isInteger(users) || users < 1 || users > ceiling) {
    // Between what one machine and what shards run: say how many shards it takes.
    if (Number.isInteger(users) && users > MAX_USERS && users <= MAX_SHARDED_USERS)
      return problem('simulation-settings', message('core.sim.engine.simulate.usersNeedShards', { users: grouped(users), MAX_USERS: grouped(MAX_USERS), shards: grouped(Math.ceil(users / MAX_USERS)) }), ['users']);
    return problem('simulation-settings', message('core.sim.engine.simulate.usersMustBeAWhole', { MAX_USERS: grouped(ceiling), users: grouped(users) }), ['users']);
  }
  if (typeof shards === 'number' && shards > 1 && Math.ceil(users / shards) > MAX_USERS)
    return problem('simulation-settings', message('core.sim.engine.simulate.shardTooBig', { users: grouped(users), count: grouped(shards), perShard: grouped(Math.ceil(users / shards)), MAX_USERS: grouped(MAX_USERS), shards: grouped(Math.ceil(users / MAX_USERS)) }), ['users']);
  return null;
}

/**
 * Checks everything a run needs; every problem is returned at once (the journey's, the cohort's, the
 * settings'). Errors refuse the run. A run that may go ahead comes with `warnings`: where the journey
 * does not fit the cohort (cohortFit.ts), for callers to show before it starts.
 */
export function checkSimulation(
  input: SimulationInput,
  registry: Registry = defaultRegistry,
): { ok: true; checked: CheckedSimulation; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const compiled = compileJourneyInput(input.journey, registry);
  // No spreading into push: a hostile journey or cohort can have tens of thousands of problems.
  if (!compiled.ok) for (const found of compiled.problems) problems.push(found);
  const cohort = checkCohort(input.cohort);
  for (const found of cohort.problems) if (found.severity === 'error') problems.push(found);
  const seed = input.seed ?? 1;
  const replications = input.replications ?? 1;
  // Draws take the seed as one 32-bit word, and replications use seed, seed + 1, …: keep them all in range.
  if (!Number.isInteger(seed) || seed < 0 || seed + Math.max(1, replications) - 1 > MAX_SEED)
    problems.push(problem('simulation-settings', message('core.sim.engine.simulate.theSeedMustBeA', { MAX_SEED: grouped(MAX_SEED), seed: grouped(seed) }), ['seed']));
  const population = input.population ?? null;
  if (population && cohort.spec) for (const found of populationProblems(population, cohort.spec.segments.length)) problems.push(found);
  if (population && input.users !== undefined && input.users !== population.size)
    problems.push(problem('simulation-settings', message('core.sim.engine.population.usersAreCustomers', { users: grouped(input.users), customers: grouped(population.size) }), ['users']));
  const users = population ? population.size : (input.users ?? cohort.spec?.size ?? 0);
  for (const found of runSizeProblems(compiled.ok ? compiled.document.settings.horizon : null, users, input.shards ?? 1)) problems.push(found);
  if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS)
    problems.push(
      problem('simulation-settings', message('core.sim.engine.simulate.replicationsMustBeAWhole', { MAX_REPLICATIONS, replications }), ['replications']),
    );
  const engine = input.engine ?? 'fast';
  if (!(engines as readonly unknown[]).includes(engine))
    problems.push(problem('simulation-settings', message('core.sim.engine.simulate.theEngineMustBeOne', { engines: joinedMessages(engines, 'list'), engine: String(engine) }), ['engine']));
  if (problems.length > 0 || !compiled.ok || !cohort.spec) return { ok: false, problems };
  const checked = { journey: compiled.document, cohort: cohort.spec, seed, users, engine, replications, population };
  if (engine === 'fast')
    try {
      buildPlan(modelOf(compiled, checked, 0, registry));
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      return { ok: false, problems: [problem('simulation-unsupported', verbatim(error.message))] };
    }
  return { ok: true, checked, warnings: checkJourneyAgainstCohort(compiled.document, cohort.spec, registry) };
}

type ModelInputs = Pick<CheckedSimulation, 'journey' | 'cohort' | 'seed' | 'users' | 'population'>;

/**
 * The model of one replication (its seed is seed + replication). The journey and the cohort are
 * checked already (their types say so), so only the journey is compiled here; the size of the run is
 * measured again because callers may change `users` after the check (the benchmark does).
 */
export function modelFor(checked: ModelInputs, replication: number, registry: Registry = defaultRegistry): Model {
  return modelOf(compileJourney(checked.journey, registry), checked, replication, registry);
}

function modelOf(compiled: CompiledJourney, checked: ModelInputs, replication: number, registry: Registry): Model {
  const tooBig = runSizeProblems(compiled.document.settings.horizon, checked.users, 'model');
  if (tooBig.length > 0) throw new SimulationError(tooBig);
  return buildModel(compiled.document, compiled.config, checked.cohort, { seed: checked.seed + replication, users: checked.users, registry, population: checked.population ?? null });
}

/** The problem users read for a journey that stopped a run (a runaway loop, a used-up step budget); null for any other error. */
function journeyFailure(error: unknown): Problem | null {
  if (error instanceof RunawayError)
    return problem('simulation-runaway', message('core.sim.engine.simulate.runaway', { user: error.user, at: error.at, loop: loopNames(error.nodes, (id) => id), steps: grouped(MAX_STEPS_PER_INSTANT) }), ['nodes']);
  if (error instanceof StepBudgetError)
    return problem('simulation-step-budget', message('core.sim.engine.simulate.stepBudget', { user: error.user, elapsed: describeElapsed(error.at), budget: grouped(error.budget), loop: loopNames(error.nodes, (id) => id) }), ['nodes']);
  return null;
}

/** Turns a run-time failure into the problem users read; rethrows anything else. */
export function asSimulationError(error: unknown): never {
  const found = journeyFailure(error);
  if (found) throw new SimulationError([found]);
  throw error;
}

/**
 * Whatever a run threw, as the problems users read: a SimulationError's own problems, a runaway loop
 * or a used-up step budget as its problem, anything else (a crashed worker, no memory left, a fault of
 * ours) as `simulation-failed` with the original message as detail. Never throws. A cancelled run is
 * no failure: callers check for SimulationCancelled first.
 */
export function problemsOfFailure(error: unknown): Problem[] {
  if (error instanceof SimulationError) return error.problems;
  return [journeyFailure(error) ?? simulationFailed(error)];
}

/** Runs one range in this thread; the default runner, and what a worker calls (its documents are checked: no gate here). */
export function runTask(task: RangeTask, options: { onProgress?: (done: number) => void; shouldStop?: () => boolean } = {}): Float64Array {
  const model = modelFor(task, 0);
  try {
    return runRange(model, task.engine, task.start, task.end, options).counters;
  } catch (error) {
    if (error instanceof SimulationCancelled) throw error;
    return asSimulationError(error);
  }
}

export type RangeRunner = (task: RangeTask, onProgress: (done: number) => void) => Promise<Float64Array>;

/** Contiguous ranges of about equal size, one per worker. */
export function splitUsers(users: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, users));
  return Array.from({ length: count }, (_, index) => [Math.floor((users * index) / count), Math.floor((users * (index + 1)) / count)]);
}

export interface SimulateOptions {
  workers?: number;
  /** Where ranges run (default: in this thread, one after another). */
  runner?: RangeRunner;
  /** Fraction of all users of all replications done, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Users whose full trace is wanted (run again alone, in this thread). */
  trace?: number[];
}

export interface SimulationResult {
  report: SimulationReport;
  traces: Map<number, TraceEntry[]>;
}

export async function simulate(input: SimulationInput, options: SimulateOptions = {}): Promise<SimulationResult> {
  const checked = checkSimulation(input);
  if (!checked.ok) throw new SimulationError(checked.problems);
  return simulateChecked(checked.checked, options);
}

export async function simulateChecked(checked: CheckedSimulation, options: SimulateOptions = {}): Promise<SimulationResult> {
  for (const user of options.trace ?? [])
    if (!(Number.isInteger(user) && user >= 0 && user < checked.users))
      throw new SimulationError([problem('simulation-settings', message('core.sim.engine.simulate.userIsNotInThe', { user, v: checked.users - 1 }), ['trace'])]);
  const runner: RangeRunner = options.runner ?? (async (task, onProgress) => runTask(task, { onProgress }));
  const ranges = splitUsers(checked.users, options.workers ?? 1);
  const total = checked.users * checked.replications;
  const done = new Map<string, number>();
  const report = () => options.onProgress?.([...done.values()].reduce((sum, value) => sum + value, 0) / total);
  // Every range of every replication goes to the runner at once, so workers never wait for a replication to end.
  const replications = await Promise.all(
    Array.from({ length: checked.replications }, async (_, replication) => {
      const seed = checked.seed + replication;
      const parts = await Promise.all(
        ranges.map(([start, end]) =>
          runner({ journey: checked.journey, cohort: checked.cohort, seed, users: checked.users, engine: checked.engine, start, end, population: checked.population ?? null }, (count) => {
            done.set(`${replication}:${start}`, count);
            report();
          }),
        ),
      );
      return parts.reduce((sum, part) => addCounters(sum, part), new Float64Array(parts[0]!.length));
    }),
  );
  const model = modelFor(checked, 0);
  const traces = new Map<number, TraceEntry[]>();
  for (const user of options.trace ?? []) {
    try {
      traces.set(user, runRange(model, checked.engine, user, user + 1, { trace: () => true }).traces.get(user)!);
    } catch (error) {
      asSimulationError(error);
    }
  }
  return { report: buildReport(model, replications, { engine: checked.engine, seed: checked.seed }), traces };
}
