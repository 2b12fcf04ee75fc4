// The lessons screen and the trainer's Lesson tab, by role and accessible name: the built-in list,
// importing (and refusing) lesson files, shared links, starting a lesson, stepping through it,
// applying a suggestion and checking a challenge with a fake runner (real runs, in this thread).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import type { SimulationRunner } from '../../src/app/simulate/protocol';
import { createEditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { LessonsScreen } from '../../src/app/trainer/lessons/LessonsScreen';
import { LessonTab } from '../../src/app/trainer/lessons/LessonTab';
import { IMPORTED_LESSONS_SETTING } from '../../src/app/trainer/lessons/lessonLibrary';
import { createTrainerStore } from '../../src/app/trainer/trainerStore';
import { TrainerStoreContext } from '../../src/app/trainer/TrainerStoreContext';
import { frequencyCapsLesson } from '../../src/core/lessons/builtin/frequencyCaps';
import { parseLesson } from '../../src/core/lessons/load';
import { decodeLesson, encodeLesson } from '../../src/core/lessons/share';
import type { LessonInput } from '../../src/core/lessons/schema';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { deliverSimulation } from '../../src/app/simulate/protocol';

/** Runs each request for real, a moment after it is made (as a worker would answer). */
function fakeRunner() {
  const requests: { users: number; seed: number }[] = [];
  // Runs started and not yet answered, and the most there were at once.
  const flight = { now: 0, most: 0 };
  const runner: SimulationRunner = (request, callbacks) => {
    let cancelled = false;
    requests.push({ users: request.users, seed: request.seed });
    flight.now += 1;
    flight.most = Math.max(flight.most, flight.now);
    setTimeout(() => {
      flight.now -= 1;
      if (cancelled) return;
      act(() =>
        runSimulationJob(request, (message) => deliverSimulation(message, callbacks)),
      );
    }, 0);
    return { cancel: () => void (cancelled = true) };
  };
  return { runner, requests, flight };
}

const newServices = (runner?: SimulationRunner): AppServices => ({
  repository: createMemoryRepository(),
  tabId: 'tab-a',
  storageWarning: null,
  ...(runner ? { simulationRunner: runner } : {}),
});

const myLesson = (patch: Record<string, unknown> = {}): LessonInput =>
  ({ ...structuredClone(frequencyCapsLesson), id: 'my-caps', title: { en: 'My capping lesson', 'zh-CN': '我的频次课程' }, users: 300, ...patch }) as LessonInput;

const lessonFile = (content: unknown, name = 'mine.lesson.json') => new File([JSON.stringify(content)], name, { type: 'application/json' });

function renderScreen(services: AppServices, link: string | null = null) {
  const onStart = vi.fn();
  render(
    <ServicesContext.Provider value={services}>
      <LessonsScreen link={link} onStart={onStart} onHome={() => {}} />
    </ServicesContext.Provider>,
  );
  return onStart;
}

describe('Lessons screen', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('lists the five built-in lessons with their steps and challenges', async () => {
    renderScreen(newServices());
    expect(screen.getByRole('heading', { name: 'Lessons', level: 2 })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Built-in lessons' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    const caps = within(list).getByRole('article', { name: 'Frequency caps: stop bombarding users' });
    expect(caps).toHaveTextContent('3 steps · has a challenge');
    expect(within(caps).getByRole('button', { name: 'Start: Frequency caps: stop bombarding users' })).toBeInTheDocument();
    expect(await screen.findByText(/No imported lessons yet/)).toBeInTheDocument();
  });

  it('imports a lesson file, keeps it in storage, and removes it', async () => {
    const services = newServices();
    renderScreen(services);
    fireEvent.change(screen.getByLabelText('Import lesson file'), { target: { files: [lessonFile(myLesson())] } });
    expect(await screen.findByText('Imported “My capping lesson”.')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Your lessons' });
    expect(within(list).getByRole('article', { name: 'My capping lesson' })).toBeInTheDocument();
    expect(await services.repository.getSetting(IMPORTED_LESSONS_SETTING)).toEqual([myLesson()]);

    await userEvent.setup().click(within(list).getByRole('button', { name: 'Remove: My capping lesson' }));
    expect(await screen.findByText('Removed “My capping lesson”.')).toBeInTheDocument();
    expect(within(list).queryByRole('article')).toBeNull();
    expect(await services.repository.getSetting(IMPORTED_LESSONS_SETTING)).toEqual([]);
  });

  it('keeps a lesson with a built-in lesson’s id under a new id, and says so', async () => {
    const services = newServices();
    renderScreen(services);
    fireEvent.change(screen.getByLabelText('Import lesson file'), { target: { files: [lessonFile(frequencyCapsLesson)] } });
    expect(await screen.findByRole('status')).toHaveTextContent('It has the id of a built-in lesson ("frequency-caps"), so it is kept as "frequency-caps-2".');
    expect(await services.repository.getSetting(IMPORTED_LESSONS_SETTING)).toEqual([{ ...frequencyCapsLesson, id: 'frequency-caps-2' }]);
  });

  it('refuses a lesson from a newer version and one naming a missing node, with the path of each problem', async () => {
    const services = newServices();
    renderScreen(services);
    const input = screen.getByLabelText('Import lesson file');
    fireEvent.change(input, { target: { files: [lessonFile(myLesson({ schemaVersion: 2 }), 'newer.lesson.json')] } });
    let alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“newer.lesson.json” was not imported');
    const newer = within(alert).getByRole('list', { name: 'Problems' });
    expect(newer).toHaveTextContent('lesson-newer-version');
    expect(newer).toHaveTextContent('schemaVersion');
    expect(newer).toHaveTextContent('format version 2, newer than the version this Journey Lab supports (1)');

    const broken = myLesson();
    broken.steps[1]!.focus = ['buys4', 'nowhere'];
    fireEvent.change(input, { target: { files: [lessonFile(broken, 'broken.lesson.json')] } });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('“broken.lesson.json” was not imported'));
    alert = screen.getByRole('alert');
    expect(within(alert).getByRole('list', { name: 'Problems' })).toHaveTextContent('steps[1].focus[1]: the journey has no node "nowhere".');
    expect(await services.repository.getSetting(IMPORTED_LESSONS_SETTING)).toBeUndefined();
  });

  it('starts a built-in lesson on a new journey named after it', async () => {
    const services = newServices();
    const onStart = renderScreen(services);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start: Frequency caps: stop bombarding users' }));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    const [journeyId, lessonId] = onStart.mock.calls[0]!;
    expect(lessonId).toBe('frequency-caps');
    const loaded = await services.repository.load(journeyId);
    expect(loaded.ok && loaded.stored.document.name).toBe('Frequency caps: stop bombarding users');
    expect(loaded.ok && loaded.stored.document.nodes.map((node) => node.id)).toContain('sms6');
  });

  it('opens a shared lesson link, and starting it keeps the lesson', async () => {
    const services = newServices();
    const onStart = renderScreen(services, encodeLesson(myLesson()));
    const shared = screen.getByRole('region', { name: 'Shared lesson' });
    // Read once the screen is up, never while it draws.
    await userEvent.setup().click(await within(shared).findByRole('button', { name: 'Start: My capping lesson' }));
    await waitFor(() => expect(onStart).toHaveBeenCalledWith(expect.any(String), 'my-caps'));
    const stored = await services.repository.getSetting(IMPORTED_LESSONS_SETTING);
    expect(Array.isArray(stored) && stored.map((lesson: { id: string }) => lesson.id)).toEqual(['my-caps']);
  });

  it('copies a lesson link that opens the same lesson', async () => {
    const user = userEvent.setup();
    renderScreen(newServices());
    await user.click(screen.getByRole('button', { name: 'Copy link: Frequency caps: stop bombarding users' }));
    expect(await screen.findByRole('status')).toHaveTextContent('The link to “Frequency caps: stop bombarding users” is copied.');
    const link = await navigator.clipboard.readText();
    expect(link.startsWith(`${window.location.origin}${window.location.pathname}#/learn?lesson=`)).toBe(true);
    const decoded = decodeLesson(link.slice(link.indexOf('lesson=') + 'lesson='.length));
    expect(decoded.ok && decoded.lesson.id).toBe('frequency-caps');
  });

  it('says clearly when a shared link cannot be opened', async () => {
    renderScreen(newServices(), 'not-a-lesson');
    const shared = screen.getByRole('region', { name: 'Shared lesson' });
    expect(await within(shared).findByRole('alert')).toHaveTextContent(/^This lesson link cannot be opened:.*The lesson link is damaged or incomplete/);
    expect(within(shared).queryByRole('button', { name: /^Start/ })).toBeNull();
  });
});

/** The Lesson tab on the frequency-caps lesson's journey, with the editor and trainer stores it uses. */
function renderTab(lessonId: string | null = 'frequency-caps', services = newServices()) {
  const parsed = parseLesson(frequencyCapsLesson);
  if (!parsed.ok) throw new Error('the built-in lesson must parse');
  const editor = createEditorStore();
  editor.getState().open(checkJourney({ ...parsed.journey, id: 'learner' }).document as JourneyDocument);
  const trainer = createTrainerStore();
  render(
    <ServicesContext.Provider value={services}>
      <EditorStoreContext.Provider value={editor}>
        <TrainerStoreContext.Provider value={trainer}>
          <LessonTab lessonId={lessonId} />
        </TrainerStoreContext.Provider>
      </EditorStoreContext.Provider>
    </ServicesContext.Provider>,
  );
  return { editor, trainer };
}

describe('Lesson tab', { timeout: 180_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('without a lesson, points to the lessons', () => {
    renderTab(null);
    expect(screen.getByText(/No lesson is being followed/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the lessons' })).toHaveAttribute('href', '#/learn');
  });

  it('steps forward and back with the buttons and N / Shift+N, highlighting each step’s nodes', async () => {
    const user = userEvent.setup();
    const { trainer } = renderTab();
    expect(screen.getByRole('heading', { name: 'Frequency caps: stop bombarding users' })).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Six SMS in six days' })).toBeInTheDocument();
    expect(trainer.getState().focus).toEqual(['sms1', 'sms2', 'sms3', 'sms4', 'sms5', 'sms6']);
    expect(screen.getByRole('button', { name: 'Previous step' })).toBeDisabled();
    expect(screen.getByRole('region', { name: 'Look at' })).toHaveTextContent('unsubscribes — Count the users who opted out');

    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    expect(trainer.getState().focus).toEqual(['buys4', 'buys5', 'buys6', 'giveUp']);
    expect(screen.getByRole('region', { name: 'Look at' })).toHaveTextContent('users reaching “SMS day 6”');

    await user.keyboard('n');
    expect(screen.getByText('Step 3 of 3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Challenge: cap the touches' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next step' })).toBeDisabled();

    await user.keyboard('{Shift>}N{/Shift}');
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Step 1 of 3: Six SMS in six days.');
  });

  it('applies the suggestion as one undoable change', async () => {
    const user = userEvent.setup();
    const { editor, trainer } = renderTab();
    act(() => trainer.getState().setLessonStep(2));
    expect(editor.getState().journey!.settings.frequencyCap).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Apply suggestion' }));
    expect(editor.getState().journey!.settings.frequencyCap).toEqual({ touches: 2, window: 'P7D' });
    // The first status is the tab's announcement; the challenge has its own.
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Suggestion applied. Undo (Ctrl+Z) takes it back.');
    await user.click(screen.getByRole('button', { name: 'Undo suggestion' }));
    expect(editor.getState().journey!.settings.frequencyCap).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo suggestion' })).toBeNull();
    act(() => editor.getState().redo());
    expect(editor.getState().journey!.settings.frequencyCap).toEqual({ touches: 2, window: 'P7D' });
  });

  it('moving to a step applies its setup as one undoable change', async () => {
    const user = userEvent.setup();
    const services = newServices();
    const lesson = myLesson();
    lesson.steps[1]!.setup = [{ type: 'setSetting', setting: 'frequencyCap', value: { touches: 3, window: 'P7D' } }];
    await services.repository.setSetting(IMPORTED_LESSONS_SETTING, [lesson]);
    const { editor } = renderTab('my-caps', services);
    await user.click(await screen.findByRole('button', { name: 'Next step' }));
    expect(editor.getState().journey!.settings.frequencyCap).toEqual({ touches: 3, window: 'P7D' });
    expect(screen.getByRole('status')).toHaveTextContent('Step 2 of 3: Who actually buys. The step’s setup was applied to your journey (Undo takes it back).');
    act(() => editor.getState().undo());
    expect(editor.getState().journey!.settings.frequencyCap).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(screen.getByRole('status')).toHaveTextContent(/^Step 1 of 3: Six SMS in six days\.$/);
  });

  it('checks the challenge: not met on the step’s journey, met with the suggestion; hints one at a time', async () => {
    const user = userEvent.setup();
    const fake = fakeRunner();
    // The same lesson with fewer users, imported, so the runs are quick.
    const services = newServices(fake.runner);
    await services.repository.setSetting(IMPORTED_LESSONS_SETTING, [myLesson()]);
    const { trainer } = renderTab('my-caps', services);
    await screen.findByRole('heading', { name: 'My capping lesson' });
    act(() => trainer.getState().setLessonStep(2));
    const challenge = screen.getByRole('region', { name: 'Challenge' });
    expect(challenge).toHaveTextContent('Cut unsubscribes by half while keeping conversions within 5 %.');

    await user.click(within(challenge).getByRole('button', { name: 'Check my journey' }));
    await waitFor(() => expect(within(challenge).getByRole('status')).toHaveTextContent(/^Not met yet: \d of 2 conditions hold/), { timeout: 60_000 });
    // A first run on the lesson's 300 users sizes the check; then both journeys on the same, more, users and seed.
    const [pilot, sized, attempt] = fake.requests;
    expect(fake.requests).toHaveLength(3);
    expect(pilot).toEqual({ users: 300, seed: 1 });
    expect(sized!.users).toBeGreaterThan(300);
    expect(attempt).toEqual(sized);
    // Those two ran side by side (on the app's worker pool).
    expect(fake.flight.most).toBe(2);
    const users = sized!.users.toLocaleString('en');
    expect(within(challenge).getByText(`Paired: both journeys ran on the same ${users} users with seed 1. That is enough for 80 % power at the challenge’s thresholds.`)).toBeInTheDocument();
    const rows = within(within(challenge).getByRole('list', { name: 'Challenge result' })).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    // The same journey twice: no change, from a figure (per the lesson's 300 users) to the same, against a bound of minus a half.
    expect(rows[0]).toHaveTextContent(/^Not met: ✗ change in unsubscribes \+0\.0 % \(([\d.]+) → \1\); wanted at most -50\.0 %\. Difference \+0\.0 % ± [\d.]+ % \(95 %\)\.$/);

    await user.click(screen.getByRole('button', { name: 'Apply suggestion' }));
    expect(within(challenge).getByText('The journey has changed since this check.')).toBeInTheDocument();
    await user.click(within(challenge).getByRole('button', { name: 'Check my journey' }));
    await waitFor(() => expect(within(challenge).getByRole('status')).toHaveTextContent('Challenge met: every condition holds.'), { timeout: 60_000 });
    // The step's journey was run once on those users: checking again runs only the learner's.
    expect(fake.requests.slice(3)).toEqual([sized]);
    for (const row of within(within(challenge).getByRole('list', { name: 'Challenge result' })).getAllByRole('listitem')) expect(row).toHaveTextContent(/^Met: ✓.* Difference [-+][\d.]+ % ± [\d.]+ % \(95 %\)/);

    await user.click(within(challenge).getByRole('button', { name: 'Show a hint' }));
    expect(within(within(challenge).getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(1);
    expect(within(challenge).getByText('1 of 3 hints shown')).toBeInTheDocument();
  });
});
