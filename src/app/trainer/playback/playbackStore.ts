// Trainer mode's playback of one recording: the full run (counts), a sample of its users' traces (dots),
// and the simulated moment shown, which an animation loop advances while playing. Recordings go through
// a RecordingRunner (a Web Worker in the app, a synchronous fake in tests); nothing here simulates.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JourneyDocument } from '../../../core/journey';
import type { Problem } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import type { TraceEntry } from '../../../core/sim/engine';
import { buildTimeline, type PlaybackTimeline } from '../../../core/trainer';
import { sameForSimulation } from '../../simulate/staleness';
import type { SimulationRun } from '../../simulate/protocol';
import type { RecordingRunner } from './recordingProtocol';

export type PlaybackPhase = 'idle' | 'recording' | 'ready' | 'problems' | 'failed';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Speeds offered: at 1× one simulated hour passes per real second (1000× ≈ 42 simulated days a second). */
export const PLAYBACK_SPEEDS = [1, 10, 100, 1000] as const;
export const DEFAULT_SPEED = 100;
/** Simulated milliseconds per real millisecond at 1×. */
const SIMULATED_PER_REAL_AT_1X = HOUR_MS / 1000;
/** A dot takes this long on screen to walk an edge, whatever the speed. */
const MOVE_REAL_MS = 400;
/** Users recorded for the dots by default: smooth on the canvas, a fair picture of the run. */
export const DEFAULT_PLAYBACK_SAMPLE = 3_000;

/** Simulated time a move along an edge lasts at a speed (see createPlayback's frameAt). */
export const moveMsFor = (speed: number): number => speed * SIMULATED_PER_REAL_AT_1X * MOVE_REAL_MS;

export interface PlaybackInput {
  journey: JourneyDocument;
  cohort: unknown;
  users: number;
  seed: number;
}

export interface PlaybackSample {
  users: number[];
  traces: Map<number, TraceEntry[]>;
}

export interface RecordOptions {
  users?: number;
  seed?: number;
  cohort?: unknown;
}

export interface PlaybackState {
  phase: PlaybackPhase;
  progress: { done: number; total: number };
  /** What was (or is being) recorded: the exact journey, cohort spec, users and seed. */
  input: PlaybackInput | null;
  /** The full run: every count and the lifecycle's daily populations. */
  report: SimulationReport | null;
  sample: PlaybackSample | null;
  /** The sample as a timeline for frames (see core/trainer/playback.ts). */
  timeline: PlaybackTimeline | null;
  /** What stopped the recording: the input's problems, or the run's failure (`simulation-failed`). */
  problems: Problem[];
  /** The open journey changed since recording. */
  stale: boolean;
  /** Simulated time shown, 0 … horizonMs. */
  timeMs: number;
  horizonMs: number;
  playing: boolean;
  /** Multiplier of simulated time: at 1×, one simulated hour per real second. */
  speed: number;
  /** A sampled user's index, highlighted on the canvas. */
  followed: number | null;
  record(options?: RecordOptions): void;
  play(): void;
  pause(): void;
  /** One simulated hour back or forward; a day with `byDay`. Pauses. */
  step(direction: 1 | -1, byDay?: boolean): void;
  seek(timeMs: number): void;
  setSpeed(speed: number): void;
  follow(user: number | null): void;
  /** Tells the store the open journey changed (the recording may be stale, or fresh again). */
  journeyChanged(journey: JourneyDocument | null): void;
  /** Stops the recording and the animation; the workspace calls it when it closes. */
  dispose(): void;
}

export type PlaybackStore = StoreApi<PlaybackState>;

/** Animation frames (requestAnimationFrame in the app; tests drive their own). */
export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
}

export interface PlaybackStoreOptions {
  /** The open journey, recorded by record(). */
  journey(): JourneyDocument | null;
  /** What record() uses when not told: the Simulate panel's settings. */
  defaults?(): { users: number; seed: number; cohort: unknown };
  sampleSize?: number;
  clock?: FrameClock;
}

const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function createPlaybackStore(runner: RecordingRunner, options: PlaybackStoreOptions): PlaybackStore {
  const clock = options.clock ?? browserClock;
  let current: SimulationRun | null = null;
  let runId = 0;
  let frame: number | null = null;
  let lastFrameAt: number | null = null;
  let latest: JourneyDocument | null = options.journey();

  const stopAnimation = () => {
    if (frame !== null) clock.cancel(frame);
    frame = null;
    lastFrameAt = null;
  };

  return createStore<PlaybackState>()((set, get) => {
    const tick = (now: number) => {
      frame = null;
      const { playing, timeMs, horizonMs, speed } = get();
      if (!playing) return;
      const elapsed = lastFrameAt === null ? 0 : now - lastFrameAt;
      lastFrameAt = now;
      const next = Math.min(horizonMs, timeMs + elapsed * speed * SIMULATED_PER_REAL_AT_1X);
      // The story ends at the horizon: playing stops there, and Play starts it again from launch.
      if (next >= horizonMs) {
        stopAnimation();
        set({ timeMs: horizonMs, playing: false });
        return;
      }
      set({ timeMs: next });
      frame = clock.request(tick);
    };

    const pause = () => {
      stopAnimation();
      if (get().playing) set({ playing: false });
    };

    return {
      phase: 'idle',
      progress: { done: 0, total: 0 },
      input: null,
      report: null,
      sample: null,
      timeline: null,
      problems: [],
      stale: false,
      timeMs: 0,
      horizonMs: 0,
      playing: false,
      speed: DEFAULT_SPEED,
      followed: null,
      record: (recordOptions = {}) => {
        const journey = options.journey();
        if (!journey) return;
        pause();
        current?.cancel();
        runId += 1;
        const id = runId;
        const mine = () => id === runId;
        const defaults = options.defaults?.() ?? { users: 10_000, seed: 1, cohort: undefined };
        const input: PlaybackInput = {
          journey,
          cohort: recordOptions.cohort ?? defaults.cohort,
          users: recordOptions.users ?? defaults.users,
          seed: recordOptions.seed ?? defaults.seed,
        };
        latest = journey;
        set({ phase: 'recording', progress: { done: 0, total: Number.isFinite(input.users) ? input.users : 0 }, input, report: null, sample: null, timeline: null, problems: [], stale: false, timeMs: 0, horizonMs: 0, followed: null });
        current = runner(
          { ...input, sampleSize: options.sampleSize ?? DEFAULT_PLAYBACK_SAMPLE },
          {
            onProgress: (done, total) => {
              if (mine()) set({ progress: { done, total } });
            },
            onDone: (report, recorded) => {
              if (!mine()) return;
              current = null;
              const sample = { users: recorded.users, traces: recorded.traces };
              const timeline = buildTimeline(journey, sample.traces, sample.users, report.users, recorded.horizonMs);
              set({ phase: 'ready', report, sample, timeline, horizonMs: recorded.horizonMs, timeMs: 0, progress: { done: report.users, total: report.users }, stale: latest === null || !sameForSimulation(journey, latest) });
            },
            onProblems: (problems) => {
              if (!mine()) return;
              current = null;
              set({ phase: 'problems', problems });
            },
            onFailed: (failure) => {
              if (!mine()) return;
              current = null;
              set({ phase: 'failed', problems: [failure] });
            },
          },
        );
      },
      play: () => {
        const { phase, playing, timeMs, horizonMs } = get();
        if (phase !== 'ready' || playing || horizonMs <= 0) return;
        set({ playing: true, timeMs: timeMs >= horizonMs ? 0 : timeMs });
        lastFrameAt = null;
        frame = clock.request(tick);
      },
      pause,
      step: (direction, byDay = false) => {
        if (get().phase !== 'ready') return;
        pause();
        const { timeMs, horizonMs } = get();
        const unit = byDay ? DAY_MS : HOUR_MS;
        // Steps land on whole hours (or days), so stepping reads as a clock.
        const next = direction > 0 ? (Math.floor(timeMs / unit) + 1) * unit : (Math.ceil(timeMs / unit) - 1) * unit;
        set({ timeMs: clamp(next, 0, horizonMs) });
      },
      seek: (timeMs) => {
        if (get().phase !== 'ready' || !Number.isFinite(timeMs)) return;
        set({ timeMs: clamp(timeMs, 0, get().horizonMs) });
      },
      setSpeed: (speed) => {
        if (Number.isFinite(speed) && speed > 0) set({ speed });
      },
      follow: (followed) => set({ followed }),
      journeyChanged: (journey) => {
        latest = journey;
        const { input, phase, stale } = get();
        if (!input || phase !== 'ready') return;
        const next = journey === null || !sameForSimulation(input.journey, journey);
        if (next !== stale) set({ stale: next });
      },
      dispose: () => {
        stopAnimation();
        runId += 1;
        current?.cancel();
        current = null;
      },
    };
  });
}
