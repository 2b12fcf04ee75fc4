// Trainer mode's playback: the store (recording through a fake runner that runs the worker's job in
// this thread, an animation clock the test drives, seeking, stepping, staleness), and the playback bar
// and lifecycle strip by role and accessible name. Canvas pixels are not looked at (jsdom draws none).
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { cohortPresets } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { createEditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { runRecordingJob } from '../../src/app/trainer/playback/recordingJob';
import { deliverRecording, type RecordingMessage, type RecordingRunner } from '../../src/app/trainer/playback/recordingProtocol';
import { recordingWorkerRunner } from '../../src/app/trainer/playback/recordingWorkerRunner';
import { createPlaybackStore, DAY_MS, HOUR_MS, type FrameClock } from '../../src/app/trainer/playback/playbackStore';
import { PlaybackProvider } from '../../src/app/trainer/playback/PlaybackProvider';
import { PlaybackBar } from '../../src/app/trainer/playback/PlaybackBar';
import { LifecycleStrip } from '../../src/app/trainer/playback/LifecycleStrip';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import type { Lang } from '../../src/core/i18n';

const cohort = cohortPresets[0]!.spec;
const journeyOf = (input: unknown) => checkJourney(input).document as JourneyDocument;
const templateJourney = () => journeyOf(instantiateTemplate(getTemplate('churn-win-back')!, 'en'));

/** Runs each recording for real, at once, in this thread; `requests` keeps what was asked. */
function syncRunner() {
  const requests: Parameters<RecordingRunner>[0][] = [];
  const runner: RecordingRunner = (request, callbacks) => {
    requests.push(request);
    runRecordingJob(request, (message) => deliverRecording(message, callbacks));
    return { cancel: () => {} };
  };
  return { runner, requests };
}

/** Animation frames the test hands out itself, at the times it says. */
function manualClock() {
  let pending: ((now: number) => void) | null = null;
  const clock: FrameClock = {
    request: (callback) => {
      pending = callback;
      return 1;
    },
    cancel: () => {
      pending = null;
    },
  };
  return {
    clock,
    frame(now: number) {
      const callback = pending;
      pending = null;
      callback?.(now);
    },
    get waiting() {
      return pending !== null;
    },
  };
}

function recordedStore(journey = templateJourney()) {
  const { runner, requests } = syncRunner();
  const frames = manualClock();
  let open: JourneyDocument | null = journey;
  const store = createPlaybackStore(runner, { journey: () => open, defaults: () => ({ users: 400, seed: 7, cohort }), sampleSize: 100, clock: frames.clock });
  store.getState().record();
  const reopen = (next: JourneyDocument) => {
    open = next;
    store.getState().journeyChanged(next);
  };
  return { store, frames, requests, reopen, journey };
}

describe('playback store', () => {
  it('records the full run and a sample of its users with the Simulate settings', () => {
    const { store, requests } = recordedStore();
    const state = store.getState();
    expect(state.phase).toBe('ready');
    expect(requests[0]).toMatchObject({ users: 400, seed: 7, sampleSize: 100 });
    expect(state.report?.users).toBe(400);
    expect(state.sample?.users).toHaveLength(100);
    expect(state.sample?.traces.size).toBe(100);
    expect(state.horizonMs).toBe(state.report!.horizonDays * DAY_MS);
    expect(state.input).toMatchObject({ users: 400, seed: 7, cohort });
  });

  it('records the same story again for the same seed, and another for another seed', () => {
    const first = recordedStore().store.getState();
    const again = recordedStore().store.getState();
    expect([...again.sample!.traces]).toEqual([...first.sample!.traces]);
    const other = recordedStore();
    other.store.getState().record({ seed: 8 });
    expect([...other.store.getState().sample!.traces]).not.toEqual([...first.sample!.traces]);
  });

  it('plays forward by the speed on every animation frame and stops at the horizon', () => {
    const { store, frames } = recordedStore();
    store.getState().setSpeed(10);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    frames.frame(1000);
    frames.frame(1500);
    // Half a real second at 10×: five simulated hours.
    expect(store.getState().timeMs).toBeCloseTo(5 * HOUR_MS);
    store.getState().setSpeed(1000);
    frames.frame(100_000);
    expect(store.getState()).toMatchObject({ timeMs: store.getState().horizonMs, playing: false });
    expect(frames.waiting).toBe(false);
    store.getState().play();
    expect(store.getState().timeMs).toBe(0);
  });

  it('pauses, seeks within the run and steps by hours or days', () => {
    const { store, frames } = recordedStore();
    store.getState().play();
    store.getState().pause();
    expect(store.getState().playing).toBe(false);
    expect(frames.waiting).toBe(false);
    store.getState().seek(2.5 * HOUR_MS);
    store.getState().step(1);
    expect(store.getState().timeMs).toBe(3 * HOUR_MS);
    store.getState().step(-1);
    store.getState().step(-1);
    expect(store.getState().timeMs).toBe(HOUR_MS);
    store.getState().step(1, true);
    expect(store.getState().timeMs).toBe(DAY_MS);
    store.getState().seek(-5);
    expect(store.getState().timeMs).toBe(0);
    store.getState().seek(1e15);
    expect(store.getState().timeMs).toBe(store.getState().horizonMs);
  });

  it('turns stale when the open journey is edited, and fresh again when the edit is undone', () => {
    const { store, reopen, journey } = recordedStore();
    expect(store.getState().stale).toBe(false);
    const edited = { ...journey, nodes: journey.nodes.map((node, index) => (index === 0 ? { ...node, label: `${node.label}!` } : node)) };
    reopen(edited);
    expect(store.getState().stale).toBe(true);
    reopen(journey);
    expect(store.getState().stale).toBe(false);
    // Moving a node within its lane plays the same story.
    reopen({ ...journey, nodes: journey.nodes.map((node, index) => (index === 0 ? { ...node, position: { x: node.position.x + 10, y: node.position.y } } : node)) });
    expect(store.getState().stale).toBe(false);
  });

  it('reports the problems of a recording that cannot be simulated', () => {
    const { store } = recordedStore();
    store.getState().record({ users: Number.NaN });
    expect(store.getState().phase).toBe('problems');
    expect(store.getState().problems.length).toBeGreaterThan(0);
  });

  it('follows a sampled user', () => {
    const { store } = recordedStore();
    const user = store.getState().sample!.users[3]!;
    store.getState().follow(user);
    expect(store.getState().followed).toBe(user);
  });
});

async function renderBar(lang: Lang = 'en') {
  await setLanguage(lang);
  const journey = templateJourney();
  const editor = createEditorStore();
  editor.getState().open(journey);
  const simulation = createSimulationStore(() => ({ cancel: () => {} }));
  simulation.getState().setSettings({ users: '300', seed: '3' });
  const { runner, requests } = syncRunner();
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab', storageWarning: null, recordingRunner: runner };
  const view = render(
    <ServicesContext.Provider value={services}>
      <EditorStoreContext.Provider value={editor}>
        <SimulationStoreContext.Provider value={simulation}>
          <PlaybackProvider>
            <PlaybackBar />
            <LifecycleStrip />
          </PlaybackProvider>
        </SimulationStoreContext.Provider>
      </EditorStoreContext.Provider>
    </ServicesContext.Provider>,
  );
  return { user: userEvent.setup(), editor, requests, view };
}

describe('playback bar and lifecycle strip', () => {
  beforeAll(() => setLanguage('en'));

  it('records, then plays, steps, scrubs and lists the stages of that day', async () => {
    const { user, requests } = await renderBar();
    const bar = screen.getByRole('group', { name: 'Playback' });
    expect(within(bar).getByRole('button', { name: 'Play' })).toBeDisabled();
    expect(screen.getByText('Record a playback to see how many users are in each stage over time.')).toBeInTheDocument();

    await user.click(within(bar).getByRole('button', { name: 'Record playback' }));
    expect(requests[0]).toMatchObject({ users: 300, seed: 3 });
    const slider = within(bar).getByRole('slider', { name: 'Day' });
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 0, 00:00');

    await user.click(within(bar).getByRole('button', { name: 'Step forward one hour' }));
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 0, 01:00');
    expect(within(bar).getByRole('status', { name: 'Simulated time' })).toHaveTextContent('Day 0, 01:00');
    await user.click(within(bar).getByRole('button', { name: 'Step back one hour' }));
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 0, 00:00');

    fireEvent.change(slider, { target: { value: String(3.5) } });
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 3, 12:00');
    expect(within(bar).getByText('Entered so far')).toBeInTheDocument();

    await user.selectOptions(within(bar).getByRole('combobox', { name: 'Speed' }), '1000× (about 42 simulated days per second)');
    await user.click(within(bar).getByRole('button', { name: 'Play' }));
    expect(within(bar).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Pause' }));

    const list = screen.getByRole('list', { name: /^Users in each stage now \(day \d+, \d\d:\d\d\), from the sampled users$/ });
    expect(screen.getByRole('heading', { name: 'Lifecycle: users in each stage over time' })).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent?.replace(/[\d,]+$/, ''))).toEqual(['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty']);
  });

  it('plays and pauses with Space and steps with the arrows when focus is not on a control', async () => {
    const { user } = await renderBar();
    await user.click(screen.getByRole('button', { name: 'Record playback' }));
    const slider = screen.getByRole('slider', { name: 'Day' });
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    await user.keyboard('{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 0, 01:00');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 1, 00:00');
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    // On a button Space is the button's own click (once), and the arrows still step.
    act(() => screen.getByRole('button', { name: 'Play' }).focus());
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveFocus();
    await user.keyboard(' ');
    fireEvent.change(slider, { target: { value: '2' } });
    await user.keyboard('{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 1, 23:00');
    // Arrows in the speed list move through its options, not the playback.
    await user.type(screen.getByRole('combobox', { name: 'Speed' }), '{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuetext', 'Day 1, 23:00');
  });

  it('says the recording is stale after the journey is edited', async () => {
    const { user, editor } = await renderBar();
    await user.click(screen.getByRole('button', { name: 'Record playback' }));
    const journey = editor.getState().journey!;
    act(() => editor.getState().change({ ...journey, nodes: journey.nodes.map((node, index) => (index === 0 ? { ...node, label: 'Renamed' } : node)) }));
    expect(screen.getByText(/record again to play the current journey/)).toHaveAttribute('role', 'status');
  });

  it('names every control in Chinese', async () => {
    const { user } = await renderBar('zh-CN');
    await user.click(screen.getByRole('button', { name: '录制回放' }));
    for (const name of ['播放', '后退一小时', '前进一小时']) expect(screen.getByRole('button', { name })).toBeEnabled();
    expect(screen.getByRole('combobox', { name: '速度' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: '天' })).toHaveAttribute('aria-valuetext', '第 0 天 00:00');
    expect(screen.getByRole('list', { name: '当前（第 0 天 00:00）各阶段用户数，按抽样用户折算' })).toBeInTheDocument();
    await act(() => setLanguage('en'));
  });
});

describe('recording job and worker runner', () => {
  it('posts progress, then the report and the sample of that very run', () => {
    const messages: RecordingMessage[] = [];
    runRecordingJob({ journey: templateJourney(), cohort, users: 300, seed: 2, sampleSize: 50 }, (message) => messages.push(message));
    expect(messages[0]).toMatchObject({ type: 'progress', done: 0, total: 300 });
    const last = messages.at(-1)!;
    if (last.type !== 'recorded') throw new Error(`expected a recording, got ${last.type}`);
    expect(last.report.users).toBe(300);
    expect(last.sample.users).toEqual(Array.from({ length: 50 }, (_, index) => index * 6));
    expect(last.sample.horizonMs).toBe(last.report.horizonDays * DAY_MS);
    // Sampled users who converted in the sample converted in the run: the run has at least as many.
    const converted = [...last.sample.traces.values()].filter((trace) => trace.some((entry) => entry.type === 'goal')).length;
    expect(last.report.converted).toBeGreaterThanOrEqual(converted);
  });

  it('posts the problems of settings that cannot be simulated', () => {
    const messages: RecordingMessage[] = [];
    runRecordingJob({ journey: templateJourney(), cohort, users: -1, seed: 2, sampleSize: 50 }, (message) => messages.push(message));
    expect(messages.map((message) => message.type)).toEqual(['problems']);
  });

  it('runs each recording in its own module worker and ends it with the result or on cancel', () => {
    const made: { url: string; posted: unknown[]; terminated: boolean; onmessage: ((event: MessageEvent) => void) | null }[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        posted: unknown[] = [];
        terminated = false;
        onmessage: ((event: MessageEvent) => void) | null = null;
        onerror = null;
        onmessageerror = null;
        constructor(readonly url: URL) {
          made.push(this as unknown as (typeof made)[number]);
        }
        postMessage(message: unknown) {
          this.posted.push(message);
        }
        terminate() {
          this.terminated = true;
        }
      },
    );
    try {
      const on = { onProgress: vi.fn(), onDone: vi.fn(), onProblems: vi.fn(), onFailed: vi.fn() };
      const request = { journey: templateJourney(), cohort, users: 10, seed: 1, sampleSize: 5 };
      recordingWorkerRunner(request, on);
      const worker = made[0]!;
      expect(String(worker.url)).toMatch(/recording\.worker/);
      expect(worker.posted).toEqual([request]);
      worker.onmessage?.({ data: { type: 'progress', done: 4, total: 10 } } as MessageEvent);
      expect(on.onProgress).toHaveBeenCalledWith(4, 10);
      expect(worker.terminated).toBe(false);
      const sample = { users: [0], traces: new Map(), horizonMs: 1 };
      worker.onmessage?.({ data: { type: 'recorded', report: { users: 10 }, sample } } as MessageEvent);
      expect(on.onDone).toHaveBeenCalledWith({ users: 10 }, sample);
      expect(worker.terminated).toBe(true);
      recordingWorkerRunner(request, on).cancel();
      expect(made[1]!.terminated).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('playback in trainer mode', () => {
  it('records from the workspace and lays one decorative canvas over the journey', async () => {
    await setLanguage('en');
    const journey = templateJourney();
    const { runner, requests } = syncRunner();
    const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab', storageWarning: null, recordingRunner: runner, simulationRunner: () => ({ cancel: () => {} }) };
    await services.repository.save(journey, { expectedRevision: null, writer: 'setup' });
    const user = userEvent.setup();
    render(
      <ServicesContext.Provider value={services}>
        <EditorScreen journeyId={journey.id} onBack={() => {}} mode={{ kind: 'trainer', lessonId: null }} />
      </ServicesContext.Provider>,
    );
    const bar = await screen.findByRole('group', { name: 'Playback' });
    await user.click(within(bar).getByRole('button', { name: 'Record playback' }));
    // The Simulate panel's defaults: 100,000 users, seed 1.
    expect(requests[0]).toMatchObject({ journey, users: 100_000, seed: 1 });
    expect(within(bar).getByRole('button', { name: 'Play' })).toBeEnabled();
    expect(document.querySelectorAll('.react-flow canvas.playback-layer[aria-hidden="true"]')).toHaveLength(1);
  }, 30_000);
});
