import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { problemFixtures, validJourney } from '../fixtures/journeys';

async function openEditor(input: unknown) {
  const document = checkJourney(input).document as JourneyDocument;
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null };
  await services.repository.save(document, { expectedRevision: null, writer: 'setup' });
  const user = userEvent.setup();
  render(
    <ServicesContext.Provider value={services}>
      <EditorScreen journeyId={document.id} lang="en" onBack={() => {}} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('toolbar', { name: 'Journey tools' });
  return { user, services, id: document.id };
}

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
