// Journeys that arrive from strangers on the journeys screen: a share link is taken out of the address
// before it is read, and whatever reading it does (throw, bomb, damage) ends in a message while the
// page stays usable and a reload is clean; each imported file replaces the previous file's message.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { persistMessages } from '../../src/app/persist/persistMessages';
import { RepositoryError, toStorageError } from '../../src/app/persist/repository';
import { readJourneyImport, type JourneyImportRequest } from '../../src/app/persist/readJourneyImport';
import type { AppServices } from '../../src/app/services';
import type * as Files from '../../src/app/persist/files';
import { compressForLink } from '../../src/core/linkCompression';
import { problemFixtures, validJourney } from '../fixtures/journeys';
import { bombLink, deepJourneyJson } from '../support/linkBombs';
import { FakeWorker, useFakeWorkers } from '../support/fakeWorker';
import { inEnglish, inChinese } from '../support/messages.ts';

// Reading a journey named THROWS throws, as reading a condition nested thousands deep did: whatever
// limits the checker has, the page must survive a checker that throws.
const THROWS = 'THROWS';
/** Journeys read so far (from links and files), to tell whether a page read anything at all. */
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/app/persist/files', async (importOriginal) => {
  const actual = await importOriginal<typeof Files>();
  const explode = () => {
    throw new RangeError('Maximum call stack size exceeded');
  };
  return {
    ...actual,
    readJourney: (value: unknown, options?: Files.ReadJourneyOptions) => {
      reads.count += 1;
      return (value as { name?: unknown } | null)?.name === THROWS ? explode() : actual.readJourney(value, options);
    },
    parseJourneyFile: (text: string, options?: Files.ReadJourneyOptions) => {
      reads.count += 1;
      return text.includes(`"name":"${THROWS}"`) ? explode() : actual.parseJourneyFile(text, options);
    },
  };
});

/** A worker answers only when told to, as the real one does: with what readJourneyImport makes of its request. */
const answer = (worker: FakeWorker) => act(() => worker.send(readJourneyImport(worker.posted[0] as JourneyImportRequest)));

/** A repository whose saves throw, as a storage that fails outside its own error handling would. */
function failingSaves(error: unknown): AppServices {
  const repository = createMemoryRepository();
  return { repository: { ...repository, save: () => Promise.reject(error) }, tabId: 'test-tab', storageWarning: null };
}
const quotaError = () => new RepositoryError(toStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')));

const services = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'test-tab', storageWarning: null });
const throwing = () => JSON.stringify({ ...validJourney(), name: THROWS });
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

/** Opens the app at a share link, as a visitor following it would. */
function openAt(hash: string, given = services()) {
  window.location.hash = hash;
  return render(<App services={given} />);
}

describe('opening a share link', () => {
  beforeEach(async () => {
    await setLanguage('en');
    window.location.hash = '';
  });

  it('takes the link out of the address before reading it, shows a message when reading throws, and reloads clean', async () => {
    reads.count = 0;
    const view = openAt(`#view=1&share=${compressForLink(throwing())}`);
    // Out of the address at once: a link that breaks the page cannot come back on reload.
    expect(window.location.hash).toBe('#view=1');
    const address = window.location.href;
    expect(await screen.findByRole('alert')).toHaveTextContent(inEnglish(persistMessages.importCheckFailed));
    expect(screen.getByRole('heading', { name: 'Journeys' })).toBeInTheDocument();
    expect(reads.count).toBe(1);
    view.unmount();

    // The reload opens what the address bar now shows: the rest of the fragment, without the link.
    // Nothing is read again, nothing said, and the address stays as it was.
    render(<App services={services()} />);
    expect(await screen.findByText('No journeys yet. Start with a template or an empty journey.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Reading the shared journey…')).toBeNull();
    expect(reads.count).toBe(1);
    expect(window.location.href).toBe(address);
  });

  it('refuses a journey with a condition nested 10,000 deep with a message, and keeps the rest of the fragment', async () => {
    openAt(`#view=1&share=${compressForLink(deepJourneyJson(10_000))}`);
    expect(window.location.hash).toBe('#view=1');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Someone shared a journey with you' })).toBeNull();
  });

  it('refuses a decompression bomb with its own message, in the interface language', async () => {
    await setLanguage('zh-CN');
    openAt(`#share=${bombLink(6_500)}`);
    expect(window.location.hash).toBe('');
    expect(await screen.findByRole('alert')).toHaveTextContent(inChinese(persistMessages.shareLinkTooLarge));
  });

  it('still offers a good shared journey as a copy', async () => {
    const user = userEvent.setup();
    const given = services();
    openAt(`#share=${compressForLink(JSON.stringify(validJourney()))}`, given);
    expect(window.location.hash).toBe('');
    const offer = await screen.findByRole('dialog', { name: 'Someone shared a journey with you' });
    await user.click(within(offer).getByRole('button', { name: 'Import as a copy' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Imported “Basic cart reminder”.');
    expect((await given.repository.list()).map((journey) => journey.name)).toEqual(['Basic cart reminder']);
  });

  it('reads a link pasted into the address while the journeys screen is open, and the same link again', async () => {
    const user = userEvent.setup();
    render(<App services={services()} />);
    await screen.findByText('No journeys yet. Start with a template or an empty journey.');
    const link = `#share=${compressForLink(JSON.stringify(validJourney()))}`;
    for (let time = 0; time < 2; time += 1) {
      window.location.hash = link;
      const offer = await screen.findByRole('dialog', { name: 'Someone shared a journey with you' });
      expect(window.location.hash).toBe('');
      await user.click(within(offer).getByRole('button', { name: 'Not now' }));
      expect(screen.queryByRole('dialog', { name: 'Someone shared a journey with you' })).toBeNull();
    }
  });
});

describe('the share link’s check in a worker', () => {
  beforeEach(async () => {
    await setLanguage('en');
    window.location.hash = '';
  });
  useFakeWorkers();

  it('stops the worker when the journeys screen goes away before it answers', () => {
    const view = openAt(`#share=${compressForLink(JSON.stringify(validJourney()))}`);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    view.unmount();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('keeps saying a file is being checked when the shared link’s answer comes first', async () => {
    const user = userEvent.setup();
    openAt(`#share=${compressForLink(JSON.stringify(validJourney()))}`);
    expect(await screen.findByText('Reading the shared journey…')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Import file'), file('second.journey.json', JSON.stringify({ ...validJourney(), id: 'second', name: 'Second' })));
    await vi.waitFor(() => expect(FakeWorker.made).toHaveLength(2));
    expect(screen.getByText(/Checking “second\.journey\.json”…/)).toBeInTheDocument();

    answer(FakeWorker.made[0]!);
    expect(await screen.findByRole('dialog', { name: 'Someone shared a journey with you' })).toBeInTheDocument();
    expect(screen.getByText(/Checking “second\.journey\.json”…/)).toBeInTheDocument();
    expect(screen.queryByText(/Reading the shared journey…/)).toBeNull();

    answer(FakeWorker.made[1]!);
    expect(await screen.findByRole('status')).toHaveTextContent('Imported “Second”.');
    expect(screen.queryByText(/Checking “second\.journey\.json”…/)).toBeNull();
  });
});

describe('keeping an imported copy fails', () => {
  beforeEach(async () => {
    await setLanguage('en');
    window.location.hash = '';
  });

  it('says what storage said for a file, not that the journey could not be checked', async () => {
    const user = userEvent.setup();
    render(<App services={failingSaves(quotaError())} />);
    await screen.findByText('No journeys yet. Start with a template or an empty journey.');
    await user.upload(screen.getByLabelText('Import file'), file('good.journey.json', JSON.stringify(validJourney())));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`“good.journey.json”: ${inEnglish(persistMessages.saveFailedQuota)}`);
    expect(alert).not.toHaveTextContent(inEnglish(persistMessages.importCheckFailed));
  });

  it('says what storage said for a shared journey, also for an error storage did not name', async () => {
    const user = userEvent.setup();
    openAt(`#share=${compressForLink(JSON.stringify(validJourney()))}`, failingSaves(new Error('disk went away')));
    const offer = await screen.findByRole('dialog', { name: 'Someone shared a journey with you' });
    await user.click(within(offer).getByRole('button', { name: 'Import as a copy' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Could not save: .*disk went away\./);
    expect(alert).not.toHaveTextContent(inEnglish(persistMessages.importCheckFailed));
  });
});

describe('importing files one after another', () => {
  beforeEach(async () => {
    await setLanguage('en');
    window.location.hash = '';
  });

  it('replaces the previous file’s message, also when checking the next one throws', async () => {
    const user = userEvent.setup();
    const given = services();
    render(<App services={given} />);
    await screen.findByText('No journeys yet. Start with a template or an empty journey.');

    await user.upload(screen.getByLabelText('Import file'), file('future.journey.json', JSON.stringify(problemFixtures['unsupported-version'])));
    expect(await screen.findByRole('alert')).toHaveTextContent('“future.journey.json”: The journey was not opened');

    await user.upload(screen.getByLabelText('Import file'), file('deep.journey.json', throwing()));
    const alert = await screen.findByText(/“deep\.journey\.json”/);
    expect(alert).toHaveTextContent(inEnglish(persistMessages.importCheckFailed));
    expect(screen.queryByText(/future\.journey\.json/)).toBeNull();
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    await user.upload(screen.getByLabelText('Import file'), file('broken.journey.json', '{ not json'));
    const refused = await screen.findByRole('alert');
    await within(refused).findByText(/“broken\.journey\.json”: The journey was not opened/);
    expect(within(refused).getByRole('list', { name: 'Import refused' })).toHaveTextContent('The file is not valid JSON');
    expect(screen.queryByText(/deep\.journey\.json/)).toBeNull();
    expect(await given.repository.list()).toEqual([]);
  });
});
