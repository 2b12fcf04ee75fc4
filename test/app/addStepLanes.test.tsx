import { screen, within, waitFor } from '@testing-library/react';
import type { AppServices } from '../../src/app/services';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { problemFixtures, validJourney } from '../fixtures/journeys';
import { openEditor } from '../support/openEditor';

/**
 * Steps added from the palette by keyboard land in a lane that fits what they are (issue 17): a goal
 * after an early step goes where the journey ends up, an entry added with nothing selected goes in
 * the first lane. The fixtures' steps are in Decision, their goal and exit in Usage.
 */

const stored = async (services: AppServices, id: string) => {
  const loaded = await services.repository.load(id);
  if (!loaded.ok) throw new Error('not stored');
  return loaded.stored.document;
};

const addFromPalette = async (user: Awaited<ReturnType<typeof openEditor>>['user'], name: string) => {
  const palette = screen.getByRole('complementary', { name: 'Steps to add' });
  within(palette).getByRole('button', { name }).focus();
  await user.keyboard('{Enter}');
};

describe('adding a step by keyboard', () => {
  beforeEach(() => setLanguage('en'));

  it('puts a goal added after a Decision step in the Usage lane, connected to it', async () => {
    const { user, services, id } = await openEditor(problemFixtures['unconnected-port']);
    // Select "remind" (Decision), whose port is open, through its problem.
    const problems = screen.getByRole('region', { name: 'Problems' });
    await user.click(within(problems).getAllByRole('button', { name: /unconnected-port/ })[0]!);
    await addFromPalette(user, 'Goal');
    await waitFor(async () => expect((await stored(services, id)).nodes.map((node) => node.id)).toContain('goal1'));
    const journey = await stored(services, id);
    expect(journey.nodes.find((node) => node.id === 'goal1')).toMatchObject({ stage: 'usage' });
    expect(journey.edges).toContainEqual(expect.objectContaining({ source: 'remind', sourcePort: 'next', target: 'goal1' }));
  });

  it('puts an entry added with nothing selected in the Awareness lane, following nothing', async () => {
    const { user, services, id } = await openEditor(validJourney());
    await addFromPalette(user, 'Entry');
    await waitFor(async () => expect((await stored(services, id)).nodes.map((node) => node.id)).toContain('entry1'));
    const journey = await stored(services, id);
    expect(journey.nodes.find((node) => node.id === 'entry1')).toMatchObject({ stage: 'awareness' });
    expect(journey.edges.filter((edge) => edge.target === 'entry1')).toEqual([]);
  });
});
