// Checking imports off the main thread: the worker's answer is exactly parseJourneyFile's (after the
// structured clone a message goes through), a dead worker becomes a message, and without Worker the
// same check runs in-thread.
import { checkJourneyImport } from '../../src/app/persist/journeyImport';
import { readJourneyImport, type JourneyImportRequest } from '../../src/app/persist/readJourneyImport';
import { encodeShareLink } from '../../src/app/persist/shareLink';
import { parseJourneyFile, readJourney } from '../../src/app/persist/files';
import { persistMessages } from '../../src/app/persist/persistMessages';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { problemFixtures, validJourney } from '../fixtures/journeys';
import { bombLink, deepJourneyJson } from '../support/linkBombs';
import { compressForLink } from '../../src/core/linkCompression';
import { FakeWorker, useFakeWorkers } from '../support/fakeWorker';

const files = Object.entries(problemFixtures).map(([name, journey]) => [name, JSON.stringify(journey)] as const);

describe('reading an import', () => {
  it.each(files)('gives exactly what parseJourneyFile gives, after the trip back from the worker: %s', (_name, text) => {
    expect(structuredClone(readJourneyImport({ source: 'file', text }))).toStrictEqual({ kind: 'read', read: parseJourneyFile(text) });
  });

  it('reads a share link as readJourney reads its journey, and says why a link cannot be read', () => {
    const journey = validJourney() as unknown as JourneyDocument;
    expect(readJourneyImport({ source: 'share', hash: encodeShareLink(journey).hash })).toStrictEqual({ kind: 'read', read: readJourney(journey) });
    expect(readJourneyImport({ source: 'share', hash: `#share=${bombLink(6_500)}` })).toEqual({ kind: 'unreadable', message: persistMessages.shareLinkTooLarge });
    expect(readJourneyImport({ source: 'share', hash: '#share=AAAA' })).toEqual({ kind: 'unreadable', message: persistMessages.shareLinkInvalid });
    expect(readJourneyImport({ source: 'share', hash: '#/journey/x' })).toEqual({ kind: 'none' });
  });

  it('never throws: a condition nested 10,000 deep is refused or reported, in a file and in a link', () => {
    const text = deepJourneyJson(10_000);
    const fromFile = readJourneyImport({ source: 'file', text });
    const fromLink = readJourneyImport({ source: 'share', hash: `#share=${compressForLink(text)}` });
    for (const result of [fromFile, fromLink]) {
      expect(result.kind === 'unreadable' || (result.kind === 'read' && !result.read.ok)).toBe(true);
    }
  });
});

describe('checking an import in a worker', () => {
  useFakeWorkers();

  it('posts the request to a module worker and resolves with its answer, then ends the worker', async () => {
    const text = JSON.stringify(validJourney());
    const pending = checkJourneyImport({ source: 'file', text });
    const [worker] = FakeWorker.made as [FakeWorker];
    expect(worker.options.type).toBe('module');
    expect(String(worker.url)).toMatch(/journeyImport\.worker/);
    expect(worker.posted).toEqual([{ source: 'file', text }]);
    // Answered the way the real worker does: readJourneyImport, through a structured clone.
    worker.send(readJourneyImport(worker.posted[0] as JourneyImportRequest));
    expect(await pending).toStrictEqual({ kind: 'read', read: parseJourneyFile(text) });
    expect(worker.terminated).toBe(true);
  });

  it('turns a worker that dies into a message in both languages, not a retry on the page', async () => {
    const pending = checkJourneyImport({ source: 'file', text: '{}' });
    const [worker] = FakeWorker.made as [FakeWorker];
    worker.onerror?.({ message: 'Uncaught RangeError: Invalid array length', preventDefault() {} } as ErrorEvent);
    expect(await pending).toEqual({ kind: 'unreadable', message: persistMessages.importCheckFailed });
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('checks in-thread when the browser refuses to start a worker', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked', 'SecurityError');
        }
      },
    );
    const text = JSON.stringify(validJourney());
    expect(await checkJourneyImport({ source: 'file', text })).toStrictEqual({ kind: 'read', read: parseJourneyFile(text) });
  });

  it('checks in-thread where there is no Worker at all', async () => {
    vi.stubGlobal('Worker', undefined);
    const text = JSON.stringify(problemFixtures['unsupported-version']);
    expect(await checkJourneyImport({ source: 'file', text })).toStrictEqual({ kind: 'read', read: parseJourneyFile(text) });
  });
});
