// The Simulate panel's state for one open journey: its settings, the run in progress (done so far),
// and the last run's outcome — a report with per-node counts for the canvas, problems, or a failure.
// Runs go through a SimulationRunner (a Web Worker in the app, a fake in tests); nothing here simulates.
// Given a RunRepository, the store keeps each finished run and shows it again when the journey is opened.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import type { SimulationReport } from '../../core/sim/engine';
import { flowOf, type JourneyFlow } from '../../core/sim/analysis';
import { cohortPresets, getPreset } from '../../core/cohort';
import { isCurrentReport, type RunRecord, type RunRepository } from '../persist/runRepository';
import type { SimulationCallbacks, SimulationRequest, SimulationRun, SimulationRunner } from './protocol';
import type { PopulationRepository } from '../persist/populationRepository';
import type { populationForCohort } from '../../core/calibration';
import type { SimulationPopulation } from '../../core/sim/engine';
import { message } from '../../core/i18n';
import { sameForSimulation, sameForSimulationByValue, sameValue } from './staleness';

export type SimulationPhase = 'idle' | 'running' | 'done' | 'stopped' | 'problems' | 'failed';

/** As typed in the form (parsed when a run starts; the engine reports values out of range). */
export interface SimulationSettings {
  users: string;
  seed: string;
  replications: string;
  presetId: string;
  /** The saved cohort picked (its presetId is `saved:<id>`); presets leave it out. */
  savedCohort?: { id: string; spec: unknown } | null;
  /** Simulate the saved cohort's population — each real customer one user — instead of `users` synthetic ones. */
  population?: boolean;
}

/** The select value of a saved cohort. */
export const savedCohortValue = (id: string): string => `saved:${id}`;

export const defaultSimulationSettings: SimulationSettings = { users: '100000', seed: '1', replications: '1', presetId: cohortPresets[0]!.id };

export interface NodeCount {
  entries: number;
  users: number;
}

export interface SimulationState {
  open: boolean;
  settings: SimulationSettings;
  phase: SimulationPhase;
  progress: { done: number; total: number };
  /** What the current or last run simulated. */
  run: {
    journey: JourneyDocument;
    users: number;
    seed: number;
    presetId: string;
    /** The cohort spec as sent (a preset's or a saved cohort's). */
    cohort: unknown;
    /** Whether the users were the saved cohort's real customers (its population). */
    population: boolean;
  } | null;
  report: SimulationReport | null;
  /** Per node id, from the report (null when there is none). */
  nodeCounts: ReadonlyMap<string, NodeCount> | null;
  /** Passes along each edge of the simulated journey, from the report (null when there is none). */
  flow: JourneyFlow | null;
  /** The journey has changed since the report was made. */
  stale: boolean;
  /**
   * The journey's saved run was made by an older version of the simulator (an older report format): its
   * figures are not shown (they meant other things), only a note to run again. Null otherwise; a run clears it.
   */
  outdated: { savedAt: number } | null;
  problems: Problem[];
  error: string | null;
  setOpen(open: boolean): void;
  setSettings(patch: Partial<SimulationSettings>): void;
  start(journey: JourneyDocument): void;
  cancel(): void;
  /**
   * Shows the journey's saved run, if any, as the results (when nothing has been run since the store was
   * made), stale at once when `journey` does not simulate like the version that produced it. Never rejects.
   */
  restore(journey: JourneyDocument): Promise<void>;
  /** Tells the store the open journey changed (marks the report stale or fresh again). */
  journeyChanged(journey: JourneyDocument | null): void;
  /** Stops any run; the editor calls it when it closes. */
  dispose(): void;
}

export type SimulationStore = StoreApi<SimulationState>;

/** The cohort spec the settings pick: the saved cohort's, or the preset's (the first preset when unknown). */
export function cohortOfSettings(settings: SimulationSettings): { presetId: string; spec: unknown } {
  const saved = settings.savedCohort && settings.presetId === savedCohortValue(settings.savedCohort.id) ? settings.savedCohort : null;
  if (saved) return { presetId: settings.presetId, spec: saved.spec };
  const preset = getPreset(settings.presetId) ?? cohortPresets[0]!;
  return { presetId: preset.id, spec: preset.spec };
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export interface SimulationStoreOptions {
  /** Where finished runs are kept (left out: they are not). */
  runs?: RunRepository;
  /** The clock for `savedAt`. */
  now?: () => number;
  /** Where saved cohorts' populations are read from when a run asks for one. */
  populations?: Pick<PopulationRepository, 'get'>;
}

/** Whether the settings ask for the picked saved cohort's population. */
export const runsPopulation = (settings: SimulationSettings): boolean => Boolean(settings.population && settings.savedCohort && settings.presetId === savedCohortValue(settings.savedCohort.id));

const populationProblem = (text: ReturnType<typeof message>): Problem => ({ severity: 'error', code: 'simulation-settings', message: text, location: { path: ['population'] } });

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createSimulationStore(runner: SimulationRunner, options: SimulationStoreOptions = {}): SimulationStore {
  const { runs, populations } = options;
  const now = options.now ?? Date.now;
  let current: SimulationRun | null = null;
  let runId = 0;
  // The open journey as last told (it may change while a run is going on).
  let latest: JourneyDocument | null = null;
  // What the shown run's journey is compared with: the simulated journey itself, or for a restored run
  // whose journey equals the open one by value, the open one (so later edits compare by reference).
  let baseline: JourneyDocument | null = null;
  // Stale when the open journey no longer simulates like the one run, or the cohort picked is not the one
  // it ran on (another preset, or the saved cohort edited since).
  const staleFor = (simulated: JourneyDocument, cohort: unknown, population: boolean, settings: SimulationSettings) =>
    latest === null || !sameForSimulation(baseline ?? simulated, latest) || !sameValue(cohortOfSettings(settings).spec, cohort) || population !== runsPopulation(settings);
  // The picked cohort's population, fitted to the cohort as it is now, or the problem that stops the run.
  const loadPopulation = async (cohortId: string, spec: unknown): Promise<{ population: SimulationPopulation } | { problem: Problem }> => {
    try {
      const data = populations ? await populations.get(cohortId) : undefined;
      if (!data) return { problem: populationProblem(message('app.simulate.populationMissing')) };
      // The calibration code loads with the first population run: the editor's first screen does without it.
      const { populationForCohort: fitToCohort } = await import('../../core/calibration');
      const fitted = fitToCohort(data, (spec ?? {}) as Parameters<typeof populationForCohort>[1]);
      return fitted.ok ? { population: fitted.population } : { problem: populationProblem(fitted.problem) };
    } catch (error) {
      return { problem: populationProblem(message('app.simulate.populationUnreadable', { detail: errorMessage(error) })) };
    }
  };
  const stop = () => {
    runId += 1;
    current?.cancel();
    current = null;
  };

  const refreshStale = (get: () => SimulationState, set: (patch: Partial<SimulationState>) => void) => {
    const { run, report, stale } = get();
    if (!run || !report) return;
    const next = staleFor(run.journey, run.cohort, run.population, get().settings);
    if (next !== stale) set({ stale: next });
  };

  return createStore<SimulationState>()((set, get) => ({
    open: false,
    settings: defaultSimulationSettings,
    phase: 'idle',
    progress: { done: 0, total: 0 },
    run: null,
    report: null,
    nodeCounts: null,
    flow: null,
    stale: false,
    outdated: null,
    problems: [],
    error: null,
    setOpen: (open) => {
      // Opening the panel starts the workers, so they have loaded before Run is pressed.
      if (open) runner.warm?.();
      set({ open });
    },
    setSettings: (patch) => {
      set({ settings: { ...get().settings, ...patch } });
      refreshStale(get, set);
    },
    start: (journey) => {
      stop();
      const id = runId;
      latest = journey;
      baseline = null;
      const { settings } = get();
      const users = toNumber(settings.users);
      const seed = toNumber(settings.seed);
      const replications = toNumber(settings.replications);
      const cohort = cohortOfSettings(settings);
      const population = runsPopulation(settings);
      // A population's users are its customers: known once it is read.
      let runUsers = users;
      const mine = () => id === runId;
      const settle = () => {
        current = null;
      };
      set({
        phase: 'running',
        progress: { done: 0, total: !population && Number.isFinite(users * replications) ? users * replications : 0 },
        run: { journey, users, seed, presetId: cohort.presetId, cohort: cohort.spec, population },
        report: null,
        nodeCounts: null,
        flow: null,
        stale: false,
        outdated: null,
        problems: [],
        error: null,
      });
      const launch = (request: SimulationRequest) => {
        current = runner(request, callbacks);
      };
      const callbacks: SimulationCallbacks = {
        onProgress: (done, total) => {
          if (mine()) set({ progress: { done, total } });
        },
        onDone: (report) => {
          if (!mine()) return;
          settle();
          const nodeCounts = new Map(report.nodes.map((node) => [node.id, { entries: node.entries, users: node.users }]));
          set({ phase: 'done', report, nodeCounts, flow: flowOf(journey, report), stale: staleFor(journey, cohort.spec, population, get().settings), progress: { done: report.users, total: report.users } });
          // Kept for the next time the journey is opened; a failure to keep it is only reported.
          const { run } = get();
          if (runs && run) {
            const record: RunRecord = {
              journeyId: journey.id,
              savedAt: now(),
              journey,
              settings: { users: runUsers, seed, replications, presetId: run.presetId, ...(population ? { population } : {}) },
              cohort: run.cohort,
              report,
            };
            runs.put(record).catch((error: unknown) => set({ error: errorMessage(error) }));
          }
        },
        onProblems: (problems) => {
          if (!mine()) return;
          settle();
          set({ phase: 'problems', problems });
        },
        onFailed: (failure) => {
          if (!mine()) return;
          settle();
          // The failure is a problem like the others (code and sentence in both languages).
          set({ phase: 'failed', problems: [failure] });
        },
      };
      if (!population) return launch({ journey, cohort: cohort.spec, users, seed, replications });
      // The population is read from storage first (it may be large); a cancel meanwhile makes it moot.
      void loadPopulation(settings.savedCohort!.id, cohort.spec).then((loaded) => {
        if (!mine()) return;
        if ('problem' in loaded) return set({ phase: 'problems', problems: [loaded.problem] });
        runUsers = loaded.population.size;
        set({ run: { ...get().run!, users: runUsers }, progress: { done: 0, total: Number.isFinite(replications) ? runUsers * replications : 0 } });
        launch({ journey, cohort: cohort.spec, users: runUsers, seed, replications, population: loaded.population });
      });
    },
    cancel: () => {
      if (get().phase !== 'running') return;
      stop();
      set({ phase: 'stopped' });
    },
    restore: async (journey) => {
      if (!runs) return;
      const id = runId;
      if (latest === null) latest = journey;
      const untouched = () => id === runId && get().phase === 'idle';
      let record: RunRecord | undefined;
      try {
        record = await runs.get(journey.id);
      } catch (error) {
        if (untouched()) set({ error: errorMessage(error) });
        return;
      }
      if (!record || !untouched()) return;
      const { report, settings } = record;
      const savedId = settings.presetId.startsWith(savedCohortValue('')) ? settings.presetId.slice(savedCohortValue('').length) : null;
      // The settings it ran with, so that running again compares like with like.
      const population = Boolean(savedId && settings.population === true);
      const runSettings: SimulationSettings = {
        ...get().settings,
        // A population run's users were its customers: the synthetic count typed before stays.
        ...(population ? {} : { users: String(settings.users) }),
        population,
        seed: String(settings.seed),
        replications: String(settings.replications),
        ...(getPreset(settings.presetId) ? { presetId: settings.presetId } : {}),
        // A saved cohort is picked again as it was run; the panel brings its spec up to date when it opens.
        ...(savedId ? { presetId: settings.presetId, savedCohort: { id: savedId, spec: record.cohort } } : {}),
      };
      // An older report format: nothing of it is shown (its figures meant other things), only the note.
      if (!isCurrentReport(report)) {
        set({ outdated: { savedAt: record.savedAt }, settings: runSettings });
        return;
      }
      baseline = sameForSimulationByValue(record.journey, latest) ? latest : null;
      set({
        phase: 'done',
        run: { journey: record.journey, users: settings.users, seed: settings.seed, presetId: settings.presetId, cohort: record.cohort, population },
        report,
        nodeCounts: new Map(report.nodes.map((node) => [node.id, { entries: node.entries, users: node.users }])),
        flow: flowOf(record.journey, report),
        progress: { done: report.users, total: report.users },
        settings: runSettings,
      });
      set({ stale: staleFor(record.journey, record.cohort, population, get().settings) });
    },
    journeyChanged: (journey) => {
      latest = journey;
      refreshStale(get, set);
    },
    dispose: stop,
  }));
}
