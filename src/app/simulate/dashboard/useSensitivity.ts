// Runs a sensitivity study (a sweep of one assumption, or a tornado of all of them) as ordinary
// simulations through the app's SimulationRunner (the page's worker pool in the app), all started at
// once, on the last run's users and seed (common random numbers). Keeps every report, so the figure
// shown can change without running again. Cancel stops the run in progress and starts no more. The last
// sweep and tornado are kept with the run they were made on (sensitivityResults.ts), so the dashboard
// shows them again when it is opened again on that run; another run starts with none.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Language } from '../../i18n/index.ts';
import type { JourneyDocument } from '../../../core/journey';
import type { CohortSpec } from '../../../core/cohort';
import type { SimulationReport } from '../../../core/sim/engine';
import type { Assumption } from '../../../core/sim/analysis';
import type { SimulationRun, SimulationRunner } from '../protocol';
import { failureText } from '../failure';
import { say } from '../../i18n/say';
import { keepSensitivity, keptSensitivity } from './sensitivityResults';

/** Each sensitivity run simulates at most this many users, for speed. */
export const SENSITIVITY_MAX_USERS = 50_000;
/** A tornado moves every assumption down and up by this much. */
export const TORNADO_SPREAD = 0.2;

export interface SensitivityInputs {
  journey: JourneyDocument;
  cohort: CohortSpec;
  seed: number;
  /** Already capped at SENSITIVITY_MAX_USERS. */
  users: number;
}

export interface SweepResult {
  assumption: Assumption;
  points: { factor: number; report: SimulationReport }[];
}

export interface TornadoResult {
  base: SimulationReport;
  rows: { assumption: Assumption; low: SimulationReport; high: SimulationReport }[];
}

export type SensitivityPhase = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export interface SensitivityState {
  phase: SensitivityPhase;
  kind: 'sweep' | 'tornado' | null;
  /** Runs finished (with a fraction for the one in progress) out of all. */
  progress: { done: number; total: number };
  sweep: SweepResult | null;
  tornado: TornadoResult | null;
  error: string | null;
}

/** `count` factors evenly from `from` to `to` (both included). */
export function sweepFactors(from: number, to: number, count: number): number[] {
  if (count <= 1) return [from];
  return Array.from({ length: count }, (_, index) => {
    const value = from + ((to - from) * index) / (count - 1);
    return Math.round(value * 1e9) / 1e9;
  });
}

class Cancelled extends Error {}

const initial: SensitivityState = { phase: 'idle', kind: null, progress: { done: 0, total: 0 }, sweep: null, tornado: null, error: null };

/** The state a run's section starts in: what was kept for it, else nothing run yet. */
function startingState(run: object | null): SensitivityState {
  const results = keptSensitivity(run);
  return results ? { ...initial, phase: 'done', kind: results.tornado ? 'tornado' : 'sweep', ...results } : initial;
}

/**
 * `run` is what the results are kept with (the simulation store's run object, replaced by each new run);
 * null keeps nothing.
 */
export function useSensitivity(runner: SimulationRunner, inputs: SensitivityInputs | null, lang: Language, run: object | null = null) {
  const [state, setState] = useState<SensitivityState>(() => startingState(run));
  // A new run while the section is shown: its own results (none yet), not the last run's.
  const [shownRun, setShownRun] = useState(run);
  if (shownRun !== run) {
    setShownRun(run);
    setState(startingState(run));
  }
  // Every run of the study in progress, with how to stop it (all of them go at once: see runAll).
  const current = useRef<{ runs: SimulationRun[]; reject: (error: Error) => void } | null>(null);
  const generation = useRef(0);

  const stop = useCallback(() => {
    generation.current += 1;
    const running = current.current;
    current.current = null;
    for (const each of running?.runs ?? []) each.cancel();
    running?.reject(new Cancelled());
  }, []);

  // Leaving, or a new run: what is running for the old one stops.
  useEffect(() => stop, [stop, run]);

  useEffect(() => {
    if (run && (state.sweep || state.tornado)) keepSensitivity(run, { sweep: state.sweep, tornado: state.tornado });
  }, [run, state.sweep, state.tornado]);

  /**
   * Starts every factor pair's run at once: the runner's worker pool takes their users' ranges as
   * workers come free, so a study keeps every core busy. Resolves with the reports in the jobs' order;
   * the first refusal or failure stops the others.
   */
  const runAll = useCallback(
    async (kind: 'sweep' | 'tornado', jobs: { assumption: Assumption | null; factor: number }[]): Promise<SimulationReport[] | null> => {
      if (!inputs) return null;
      stop();
      const id = generation.current;
      const mine = () => id === generation.current;
      setState((previous) => ({ ...previous, phase: 'running', kind, progress: { done: 0, total: jobs.length }, error: null }));
      const fractions = jobs.map(() => 0);
      const showProgress = () => {
        if (mine()) setState((previous) => ({ ...previous, progress: { done: fractions.reduce((sum, value) => sum + value, 0), total: jobs.length } }));
      };
      try {
        const reports = await new Promise<SimulationReport[]>((resolve, reject) => {
          const entry: { runs: SimulationRun[]; reject: (error: Error) => void } = { runs: [], reject };
          current.current = entry;
          const reports: (SimulationReport | undefined)[] = jobs.map(() => undefined);
          let left = jobs.length;
          for (const [index, job] of jobs.entries()) {
            const { journey, cohort } = job.assumption ? job.assumption.apply({ journey: inputs.journey, cohort: inputs.cohort }, job.factor) : inputs;
            entry.runs.push(
              runner(
                { journey, cohort, seed: inputs.seed, users: inputs.users },
                {
                  onProgress: (done, total) => {
                    if (total <= 0) return;
                    fractions[index] = Math.min(1, done / total);
                    showProgress();
                  },
                  onDone: (report) => {
                    reports[index] = report;
                    fractions[index] = 1;
                    showProgress();
                    left -= 1;
                    if (left === 0) resolve(reports as SimulationReport[]);
                  },
                  onProblems: (problems) => reject(new Error(problems.map((problem) => say(problem.message, lang)).join(' ') || 'problems')),
                  onFailed: (failure) => reject(new Error(failureText(failure, lang))),
                },
              ),
            );
          }
        });
        if (!mine()) return null;
        current.current = null;
        return reports;
      } catch (error) {
        if (error instanceof Cancelled || !mine()) return null;
        // One run could not be made: the others are of no use now.
        for (const each of current.current?.runs ?? []) each.cancel();
        current.current = null;
        setState((previous) => ({ ...previous, phase: 'failed', error: error instanceof Error ? error.message : String(error) }));
        return null;
      }
    },
    [inputs, runner, stop, lang],
  );

  const runSweep = useCallback(
    async (assumption: Assumption, factors: number[]) => {
      const reports = await runAll(
        'sweep',
        factors.map((factor) => ({ assumption, factor })),
      );
      if (!reports) return;
      setState((previous) => ({ ...previous, phase: 'done', sweep: { assumption, points: factors.map((factor, index) => ({ factor, report: reports[index]! })) } }));
    },
    [runAll],
  );

  const runTornado = useCallback(
    async (assumptions: readonly Assumption[]) => {
      const jobs = [{ assumption: null, factor: 1 }, ...assumptions.flatMap((assumption) => [{ assumption, factor: 1 - TORNADO_SPREAD }, { assumption, factor: 1 + TORNADO_SPREAD }])];
      const reports = await runAll('tornado', jobs);
      if (!reports) return;
      const [base, ...rest] = reports;
      setState((previous) => ({
        ...previous,
        phase: 'done',
        tornado: { base: base!, rows: assumptions.map((assumption, index) => ({ assumption, low: rest[index * 2]!, high: rest[index * 2 + 1]! })) },
      }));
    },
    [runAll],
  );

  const cancel = useCallback(() => {
    if (generation.current === 0 && !current.current) return;
    stop();
    setState((previous) => (previous.phase === 'running' ? { ...previous, phase: 'stopped' } : previous));
  }, [stop]);

  return { state, runSweep, runTornado, cancel };
}
