import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryBackend, createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { persistMessages } from '../../src/app/persist/persistMessages';
import type { JourneyRepository } from '../../src/app/persist/repository';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { problemFixtures, validJourney } from '../fixtures/journeys';
import { openEditor } from '../support/openEditor';

const stored = async (services: AppServices, id: string) => {
  const loaded = await services.repository.load(id);
  if (!loaded.ok) throw new Error('not stored');
  return loaded.stored.document;
};

describe('editor', () => {
  beforeEach(() => setLanguage('en'));

  it('selects the node a problem concerns when the problem is clicked', async () => {
    const { user } = await openEditor(problemFixtures['split-weights']);
    const problems = screen.getByRole('region', { name: 'Problems' });
    await user.click(within(problems).getByRole('button', { name: /split-weights/ }));
    // The inspector now shows the split: its weights and the problem in place.
    expect(await screen.findByRole('heading', { name: /A\/B split/ })).toBeInTheDocument();
  });

  it('adds a step from the palette by keyboard after the selected node, connected, and saves it', async () => {
    const { user, services, id } = await openEditor(problemFixtures['unconnected-port']);
    // Select "remind", whose port is open, through its problem.
    const problems = screen.getByRole('region', { name: 'Problems' });
    await user.click(within(problems).getAllByRole('button', { name: /unconnected-port/ })[0]!);
    const palette = screen.getByRole('complementary', { name: 'Steps to add' });
    within(palette).getByRole('button', { name: 'Exit' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await stored(services, id)).nodes.map((node) => node.id)).toContain('exit1'));
    const journey = await stored(services, id);
    expect(journey.edges).toContainEqual(expect.objectContaining({ source: 'remind', sourcePort: 'next', target: 'exit1' }));
    expect(within(problems).queryByRole('button', { name: /unconnected-port/ })).toBeNull();
  });

  it('undoes and redoes an edit from the toolbar', async () => {
    const { user } = await openEditor(validJourney());
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    await user.clear(name);
    await user.type(name, 'Renamed{Enter}');
    expect(name).toHaveValue('Renamed');
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(name).toHaveValue('Basic cart reminder');
    await user.click(screen.getByRole('button', { name: /Redo/ }));
    expect(name).toHaveValue('Renamed');
  });

  it('edits journey settings in the inspector when nothing is selected, and undoes it', async () => {
    const { user, services, id } = await openEditor(validJourney());
    const checkbox = screen.getByRole('checkbox', { name: /exit/i });
    const before = (checkbox as HTMLInputElement).checked;
    await user.click(checkbox);
    await waitFor(async () => expect((await stored(services, id)).settings.exitOnGoal).toBe(!before));
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('checkbox', { name: /exit/i })).toHaveProperty('checked', before);
  });
});

describe('editor storage', () => {
  beforeEach(() => setLanguage('en'));

  it('shows a failed save, keeps what was saved before, and saves on retry', async () => {
    const document = checkJourney(validJourney()).document as JourneyDocument;
    const repository = createMemoryRepository();
    await repository.save(document, { expectedRevision: null, writer: 'setup' });
    let full = true;
    const flaky: typeof repository = {
      ...repository,
      save: (journey, options) =>
        full
          ? Promise.resolve({ ok: false, reason: 'failed', error: { code: 'quota', message: persistMessages.saveFailedQuota, detail: 'QuotaExceededError' } })
          : repository.save(journey, options),
    };
    const user = userEvent.setup();
    render(
      <ServicesContext.Provider value={{ repository: flaky, tabId: 'tab-a', storageWarning: null }}>
        <EditorScreen journeyId={document.id} onBack={() => {}} />
      </ServicesContext.Provider>,
    );
    const name = await screen.findByRole('textbox', { name: 'Journey name' });
    await user.clear(name);
    await user.type(name, 'Renamed{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the browser’s storage for this site is full');
    expect(screen.getByText('Not saved')).toBeInTheDocument();
    const kept = await repository.load(document.id);
    expect(kept.ok && kept.stored.document.name).toBe('Basic cart reminder');
    full = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(async () => {
      const saved = await repository.load(document.id);
      expect(saved.ok && saved.stored.document.name).toBe('Renamed');
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells the user when another tab changes the open journey, and loads their version on request', async () => {
    const document = checkJourney(validJourney()).document as JourneyDocument;
    const backend = createMemoryBackend();
    const theirs = createMemoryRepository({ backend });
    // The editor starts listening in an effect after it has drawn the journey; a save by the other tab
    // before that is caught by the revision check instead (the next test). Wait until it listens.
    let listening!: () => void;
    const listens = new Promise<void>((resolve) => (listening = resolve));
    const base = createMemoryRepository({ backend });
    const mine: JourneyRepository = {
      ...base,
      watch: (listener) => {
        const stop = base.watch(listener);
        listening();
        return stop;
      },
    };
    const first = await theirs.save(document, { expectedRevision: null, writer: 'tab-b' });
    const user = userEvent.setup();
    render(
      <ServicesContext.Provider value={{ repository: mine, tabId: 'tab-a', storageWarning: null }}>
        <EditorScreen journeyId={document.id} onBack={() => {}} />
      </ServicesContext.Provider>,
    );
    await screen.findByRole('textbox', { name: 'Journey name' });
    await listens;
    await theirs.save({ ...document, name: 'Their name' }, { expectedRevision: first.ok ? first.stored.revision : null, writer: 'tab-b' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This journey was changed in another tab.');
    await user.click(within(alert).getByRole('button', { name: 'Load their version' }));
    expect(await screen.findByDisplayValue('Their name')).toBeInTheDocument();
  });

  it('never overwrites another tab’s save: a conflicting save waits for the user', async () => {
    const document = checkJourney(validJourney()).document as JourneyDocument;
    const backend = createMemoryBackend();
    const mine = createMemoryRepository({ backend });
    const theirs = createMemoryRepository({ backend });
    const first = await theirs.save(document, { expectedRevision: null, writer: 'tab-b' });
    const user = userEvent.setup();
    render(
      <ServicesContext.Provider value={{ repository: mine, tabId: 'tab-a', storageWarning: null }}>
        <EditorScreen journeyId={document.id} onBack={() => {}} />
      </ServicesContext.Provider>,
    );
    const name = await screen.findByRole('textbox', { name: 'Journey name' });
    await theirs.save({ ...document, name: 'Their name' }, { expectedRevision: first.ok ? first.stored.revision : null, writer: 'tab-b' });
    await user.clear(name);
    await user.type(name, 'My name{Enter}');
    await screen.findByText(/Another tab changed this journey/);
    const stored = await theirs.load(document.id);
    expect(stored.ok && stored.stored.document.name).toBe('Their name');
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => {
      const now = await theirs.load(document.id);
      expect(now.ok && now.stored.document.name).toBe('My name');
    });
  });
});
