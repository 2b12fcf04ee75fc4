// Presentation mode of the trainer workspace: P / the Present button dress the whole page
// (html[data-presenting]) and show the lesson caption, which steps the lesson with N; Esc leaves.
// The canvas and the playback and follow/explain panels are stood in for: this is about the shell.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createEditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { TrainerWorkspace } from '../../src/app/trainer/TrainerWorkspace';
import { frequencyCapsLesson } from '../../src/core/lessons/builtin/frequencyCaps';
import { parseLesson } from '../../src/core/lessons/load';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';

vi.mock('../../src/app/canvas/JourneyCanvas', () => ({ JourneyCanvas: ({ children }: { children?: ReactNode }) => <div data-testid="canvas">{children}</div> }));
vi.mock('../../src/app/trainer/playback/PlaybackProvider', () => ({ PlaybackProvider: ({ children }: { children?: ReactNode }) => <>{children}</> }));
vi.mock('../../src/app/trainer/playback/PlaybackLayer', () => ({ PlaybackLayer: () => null }));
vi.mock('../../src/app/trainer/playback/PlaybackBar', () => ({ PlaybackBar: () => null }));
vi.mock('../../src/app/trainer/playback/LifecycleStrip', () => ({ LifecycleStrip: () => null }));
vi.mock('../../src/app/trainer/follow/FollowUserTab', () => ({ FollowUserTab: () => null }));
vi.mock('../../src/app/trainer/explain/ExplainTab', () => ({ ExplainTab: () => null }));

function renderWorkspace() {
  const parsed = parseLesson(frequencyCapsLesson);
  if (!parsed.ok) throw new Error('the built-in lesson must parse');
  const editor = createEditorStore();
  editor.getState().open(checkJourney({ ...parsed.journey, id: 'learner' }).document as JourneyDocument);
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null };
  render(
    <ServicesContext.Provider value={services}>
      <EditorStoreContext.Provider value={editor}>
        <TrainerWorkspace lessonId="frequency-caps" />
      </EditorStoreContext.Provider>
    </ServicesContext.Provider>,
  );
}

describe('Presentation mode', () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('sets the page attribute, shows the lesson caption that N moves on, and Esc leaves', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    expect(document.documentElement).not.toHaveAttribute('data-presenting');
    expect(screen.queryByRole('region', { name: 'Lesson caption' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(document.documentElement).toHaveAttribute('data-presenting');
    const caption = screen.getByRole('region', { name: 'Lesson caption' });
    expect(within(caption).getByRole('heading', { name: 'Six SMS in six days' })).toBeInTheDocument();
    expect(caption).toHaveTextContent('Step 1 of 3');

    // The lesson tab listens too: one key press is still one step.
    await user.keyboard('n');
    expect(caption).toHaveTextContent('Step 2 of 3');
    expect(within(caption).getByRole('heading', { name: 'Who actually buys' })).toBeInTheDocument();
    await user.click(within(caption).getByRole('button', { name: 'Next step' }));
    expect(caption).toHaveTextContent('Step 3 of 3');
    await user.click(within(caption).getByRole('button', { name: 'Previous step' }));
    expect(caption).toHaveTextContent('Step 2 of 3');
    // The side panel's lesson follows the caption.
    expect(screen.getByRole('tabpanel', { name: 'Lesson' })).toHaveTextContent('Step 2 of 3');

    act(() => screen.getByRole('button', { name: 'Stop presenting' }).focus());
    await user.keyboard('{Escape}');
    expect(document.documentElement).not.toHaveAttribute('data-presenting');
    expect(screen.queryByRole('region', { name: 'Lesson caption' })).toBeNull();
  });

  it('answers P and Esc wherever focus is, and moves focus out of the side panels it hides', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    act(() => screen.getByRole('tab', { name: 'Lesson' }).focus());
    await user.keyboard('p');
    expect(document.documentElement).toHaveAttribute('data-presenting');
    // The tabs are hidden now: focus went to the button that stops presenting, not to the page's body.
    expect(screen.getByRole('button', { name: 'Stop presenting' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(document.documentElement).not.toHaveAttribute('data-presenting');

    // With nothing focused at all, the keys still work.
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(document.body).toHaveFocus();
    await user.keyboard('P');
    expect(document.documentElement).toHaveAttribute('data-presenting');
    await user.keyboard('{Escape}');
    expect(document.documentElement).not.toHaveAttribute('data-presenting');

    // Typing a P into a field is typing.
    const field = document.createElement('input');
    document.body.append(field);
    act(() => field.focus());
    await user.keyboard('p');
    expect(document.documentElement).not.toHaveAttribute('data-presenting');
    field.remove();
  });
});
