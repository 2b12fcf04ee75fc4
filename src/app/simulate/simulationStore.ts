// The Simulate panel's state for one open journey: its settings, the run in progress (done so far),
// and the last run's outcome — a report with per-node counts for the canvas, problems, or a failure.
// Runs go through a SimulationRunner (a Web Worker in the app, a fake in tests); nothing here simulates.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JourneyDocument } from '../../core/journey/schema';
import type { Problem } from '../../core/journey/problems';
import type { SimulationReport } from '../../core/sim/engine/report';
import { cohortPresets, getPreset } from '../../core/sim/presets';
import type { SimulationRun, SimulationRunner } from './protocol';
import { sameForSimulation } from './staleness';

export type SimulationPhase = 'idle' | 'running' | 'done' | 'stopped' | 'problems' | 'failed';

/** As typed in the form (parsed when a run starts; the engine reports values out of range). */
export interface SimulationSettings {
  users: string;
  seed: string;
  replications: string;
  presetId: string;
  /** The saved cohort picked (its presetId is `saved:<id>`); presets leave it out. */
  savedCohort?: { id: string; spec: unknown } | null;
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
  run: { journey: JourneyDocument; users: number; seed: number; presetId: string; /** The cohort spec as sent (a preset's or a saved cohort's). */ cohort: unknown } | null;
  report: SimulationReport | null;
  /** Per node id, from the report (null when there is none). */
  nodeCounts: ReadonlyMap<string, NodeCount> | null;
  /** The journey has changed since the report was made. */
  stale: boolean;
  problems: Problem[];
  error: string | null;
  setOpen(open: boolean): void;
  setSettings(patch: Partial<SimulationSettings>): void;
  start(journey: JourneyDocument): void;
  cancel(): void;
  /** Tells the store the open journey changed (marks the report stale or fresh again). */
  journeyChanged(journey: JourneyDocument | null): void;
  /** Stops any run; the editor calls it when it closes. */
  dispose(): void;
}

export type SimulationStore = StoreApi<SimulationState>;

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function createSimulationStore(runner: SimulationRunner): SimulationStore {
  let current: SimulationRun | null = null;
  let runId = 0;
  // The open journey as last told (it may change while a run is going on).
  let latest: JourneyDocument | null = null;
  const staleFor = (simulated: JourneyDocument) => latest === null || !sameForSimulation(simulated, latest);
  const stop = () => {
    runId += 1;
    current?.cancel();
    current = null;
  };

  return createStore<SimulationState>()((set, get) => ({
    open: false,
    settings: defaultSimulationSettings,
    phase: 'idle',
    progress: { done: 0, total: 0 },
    run: null,
    report: null,
    nodeCounts: null,
    stale: false,
    problems: [],
    error: null,
    setOpen: (open) => set({ open }),
    setSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
    start: (journey) => {
      stop();
      const id = runId;
      latest = journey;
      const { settings } = get();
      const users = toNumber(settings.users);
      const seed = toNumber(settings.seed);
      const replications = toNumber(settings.replications);
      const preset = getPreset(settings.presetId) ?? cohortPresets[0]!;
      const saved = settings.savedCohort && settings.presetId === savedCohortValue(settings.savedCohort.id) ? settings.savedCohort : null;
      const mine = () => id === runId;
      const settle = () => {
        current = null;
      };
      set({
        phase: 'running',
        progress: { done: 0, total: Number.isFinite(users * replications) ? users * replications : 0 },
        run: { journey, users, seed, presetId: saved ? settings.presetId : preset.id, cohort: saved ? saved.spec : preset.spec },
        report: null,
        nodeCounts: null,
        stale: false,
        problems: [],
        error: null,
      });
      current = runner(
        { journey, cohort: saved ? saved.spec : preset.spec, users, seed, replications },
        {
          onProgress: (done, total) => {
            if (mine()) set({ progress: { done, total } });
          },
          onDone: (report) => {
            if (!mine()) return;
            settle();
            const nodeCounts = new Map(report.nodes.map((node) => [node.id, { entries: node.entries, users: node.users }]));
            set({ phase: 'done', report, nodeCounts, stale: staleFor(journey), progress: { done: report.users, total: report.users } });
          },
          onProblems: (problems) => {
            if (!mine()) return;
            settle();
            set({ phase: 'problems', problems });
          },
          onFailed: (message) => {
            if (!mine()) return;
            settle();
            set({ phase: 'failed', error: message });
          },
        },
      );
    },
    cancel: () => {
      if (get().phase !== 'running') return;
      stop();
      set({ phase: 'stopped' });
    },
    journeyChanged: (journey) => {
      latest = journey;
      const { run, report, stale } = get();
      if (!run || !report) return;
      const next = staleFor(run.journey);
      if (next !== stale) set({ stale: next });
    },
    dispose: stop,
  }));
}
