// A lesson stays with the learner's journey, by role and accessible name: leaving trainer mode and
// coming back (or reloading) finds the lesson at the same step; starting the lesson again offers the
// learner's copy instead of making another; the journey can be edited beside the lesson; and the
// lesson's figures come from a playback recording as well as from a simulation.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository } from '../../src/app/persist/repository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createEditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { LessonsScreen } from '../../src/app/trainer/lessons/LessonsScreen';
import { LessonTab } from '../../src/app/trainer/lessons/LessonTab';
import { lessonCopyKey, readLessonProgress } from '../../src/app/trainer/lessons/lessonProgress';
import { PlaybackStoreContext } from '../../src/app/trainer/playback/PlaybackContext';
import { frequencyCapsLesson } from '../../src/core/lessons/builtin/frequencyCaps';
import { parseLesson } from '../../src/core/lessons/load';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { playbackStore } from './trainerSupport';

const CAPS = 'Frequency caps: stop bombarding users';

const servicesWith = (repository: JourneyRepository): AppServices => ({ repository, tabId: 'test-tab', storageWarning: null, simulationRunner: () => ({ cancel: () => {} }) });

function renderApp(repository: JourneyRepository, hash: string) {
  window.location.hash = hash;
  return render(<App services={servicesWith(repository)} />);
}

const lessonPanel = () => screen.findByRole('tabpanel', { name: 'Lesson' });

describe('the lesson kept with the journey', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
    localStorage.clear();
    window.location.hash = '';
  });

  it('is still followed, at the same step, after “Back to editing” and “Trainer mode”, and after a reload', async () => {
    const user = userEvent.setup();
    const repository = createMemoryRepository();
    const first = renderApp(repository, '#/learn');
    await user.click(await screen.findByRole('button', { name: `Start: ${CAPS}` }));
    let panel = await lessonPanel();
    expect(await within(panel).findByRole('heading', { name: CAPS })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Next step' }));
    expect(within(panel).getByText('Step 2 of 3')).toBeInTheDocument();
    const journeyId = decodeURIComponent(window.location.hash.split('/')[2]!);

    await user.click(screen.getByRole('button', { name: 'Back to editing' }));
    await user.click(await screen.findByRole('button', { name: 'Trainer mode' }));
    panel = await lessonPanel();
    expect(await within(panel).findByRole('heading', { name: CAPS })).toBeInTheDocument();
    expect(within(panel).getByText('Step 2 of 3')).toBeInTheDocument();
    expect(within(panel).queryByText(/No lesson is being followed/)).toBeNull();
    // Kept in storage, with the journey.
    expect(await readLessonProgress(repository, journeyId)).toEqual({ lessonId: 'frequency-caps', step: 1 });

    // A reload: the same storage, a fresh page, the trainer address without the lesson in it.
    first.unmount();
    renderApp(repository, `#/train/${encodeURIComponent(journeyId)}`);
    panel = await lessonPanel();
    expect(await within(panel).findByRole('heading', { name: CAPS })).toBeInTheDocument();
    expect(within(panel).getByText('Step 2 of 3')).toBeInTheDocument();
  });

  it('starting the lesson again offers the learner’s copy: continue it, or start over on it', async () => {
    const user = userEvent.setup();
    const repository = createMemoryRepository();
    const onStart = vi.fn();
    render(
      <ServicesContext.Provider value={servicesWith(repository)}>
        <LessonsScreen link={null} onStart={onStart} onHome={() => {}} />
      </ServicesContext.Provider>,
    );
    const startButton = screen.getByRole('button', { name: `Start: ${CAPS}` });
    await user.click(startButton);
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    const [journeyId] = onStart.mock.calls[0]!;
    // The learner renames their copy and moves on a step.
    const loaded = await repository.load(journeyId);
    if (!loaded.ok) throw new Error('the copy must be stored');
    await repository.save({ ...loaded.stored.document, name: 'My caps' }, { expectedRevision: loaded.stored.revision, writer: 'learner' });
    await repository.setSetting(`lessonProgress:${journeyId}`, { lessonId: 'frequency-caps', step: 2 });

    await user.click(startButton);
    const question = await screen.findByRole('dialog', { name: `You already have a copy of “${CAPS}”` });
    expect(within(question).getByRole('button', { name: 'Continue your copy' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Continue your copy' }));
    expect(onStart).toHaveBeenLastCalledWith(journeyId, 'frequency-caps');
    expect((await repository.list()).map((journey) => journey.name)).toEqual(['My caps']);

    await user.click(startButton);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start over' }));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(3));
    expect(onStart).toHaveBeenLastCalledWith(journeyId, 'frequency-caps');
    // Still one journey: the copy, back at the lesson's first step.
    expect((await repository.list()).map((journey) => journey.name)).toEqual([CAPS]);
    expect(await readLessonProgress(repository, journeyId)).toEqual({ lessonId: 'frequency-caps', step: 0 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('starts a new copy when the old one was deleted', async () => {
    const user = userEvent.setup();
    const repository = createMemoryRepository();
    const onStart = vi.fn();
    render(
      <ServicesContext.Provider value={servicesWith(repository)}>
        <LessonsScreen link={null} onStart={onStart} onHome={() => {}} />
      </ServicesContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: `Start: ${CAPS}` }));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    await repository.remove(onStart.mock.calls[0]![0]);
    await user.click(screen.getByRole('button', { name: `Start: ${CAPS}` }));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('dialog')).toBeNull();
    const fresh = onStart.mock.calls[1]![0];
    expect(fresh).not.toBe(onStart.mock.calls[0]![0]);
    expect(await repository.getSetting(lessonCopyKey('frequency-caps'))).toBe(fresh);
  });
});

/** The Lesson tab on the frequency-caps lesson's journey, with a playback store over it when asked. */
function renderTab(withPlayback = false) {
  const parsed = parseLesson(frequencyCapsLesson);
  if (!parsed.ok) throw new Error('the built-in lesson must parse');
  const journey = checkJourney({ ...parsed.journey, id: 'learner' }).document as JourneyDocument;
  const editor = createEditorStore();
  editor.getState().open(journey);
  const playback = withPlayback ? playbackStore(journey) : null;
  const tab = (
    <ServicesContext.Provider value={servicesWith(createMemoryRepository())}>
      <EditorStoreContext.Provider value={editor}>
        <LessonTab lessonId="frequency-caps" />
      </EditorStoreContext.Provider>
    </ServicesContext.Provider>
  );
  render(playback ? <PlaybackStoreContext.Provider value={playback}>{tab}</PlaybackStoreContext.Provider> : tab);
  return { editor, playback };
}

describe('the lesson tab', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('lets the learner edit the journey beside the lesson: its settings, or the step selected on the canvas', async () => {
    const user = userEvent.setup();
    const { editor } = renderTab();
    const edit = screen.getByRole('region', { name: 'Edit your journey' });
    expect(within(edit).getByRole('heading', { name: 'Journey settings' })).toBeInTheDocument();

    act(() => editor.getState().select({ nodes: ['sms1'], edges: [] }));
    const label = within(edit).getByRole('textbox', { name: 'Label' });
    expect(label).toHaveValue('SMS day 1');
    await user.clear(label);
    await user.type(label, 'First SMS');
    await user.tab();
    await waitFor(() => expect(editor.getState().journey!.nodes.find((node) => node.id === 'sms1')!.label).toBe('First SMS'));
    // An ordinary edit: Undo takes it back.
    act(() => editor.getState().undo());
    expect(editor.getState().journey!.nodes.find((node) => node.id === 'sms1')!.label).toBe('SMS day 1');
  });

  it('shows the step’s figures from a playback recording, not only from a simulation', () => {
    const { playback } = renderTab(true);
    const look = screen.getByRole('region', { name: 'Look at' });
    expect(look).toHaveTextContent('Simulate the journey or record its playback to see these figures.');
    expect(within(look).queryByText(/^\d/)).toBeNull();

    act(() => playback!.getState().record());
    const unsubscribes = Object.values(playback!.getState().report!.unsubscribes).reduce((sum, count) => sum + count, 0);
    expect(look).toHaveTextContent(`unsubscribes: ${unsubscribes.toLocaleString('en')} — Count the users who opted out`);
    expect(look).toHaveTextContent('Figures from the last playback recording of this journey.');
    expect(look).not.toHaveTextContent('Simulate the journey');

    // An edit makes the recording stale, and the note says so.
    act(() => playback!.getState().journeyChanged({ ...playback!.getState().input!.journey, settings: { ...playback!.getState().input!.journey.settings, frequencyCap: { touches: 2, window: 'P7D' } } }));
    expect(look).toHaveTextContent('Figures from the last playback recording; the journey has changed since, record again.');
  });
});
