// Imported lessons on a team workspace are the workspace's (/api/lessons): what a trainer imports, every
// member's page lists; replaced and removed there too; nothing kept in this browser's settings.
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { IMPORTED_LESSONS_SETTING, isReady, keepImportedLesson, readImportedLessons, removeImportedLesson } from '../../src/app/trainer/lessons/lessonLibrary';
import { createWorkspaceClient } from '../../src/app/workspace/client';
import { builtinLessons, type LessonInput } from '../../src/core/lessons';
import { inEnglish } from '../support/messages';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = mockApiForThisFile();
let workspace: WorkspaceServer;
let pages = 0;

beforeEach(() => {
  workspace = createWorkspaceServer([{ email: 'trainer@example.com', role: 'editor' }]);
  mockServer.use(...workspace.handlers);
});

/** A page of the workspace: its own repository and its own browser storage. */
async function page() {
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email: 'trainer@example.com', password: PASSWORD } });
  client.setCsrfToken((answer.body as { csrfToken: string }).csrfToken);
  const local = createMemoryRepository();
  return { repository: createHttpRepository({ client, local, channelName: `lessons-${++pages}` }), local };
}

const lesson = (id: string): LessonInput => ({ ...structuredClone(builtinLessons[0]!), id }) as LessonInput;
const ids = async (repository: Parameters<typeof readImportedLessons>[0]) => (await readImportedLessons(repository)).filter(isReady).map((entry) => entry.lesson.id);

describe('imported lessons on a team workspace', () => {
  it('are kept on the server, where every page reads them, in the order imported', async () => {
    const trainer = await page();
    await keepImportedLesson(trainer.repository, lesson('class-week-1'));
    await keepImportedLesson(trainer.repository, lesson('class-week-2'));
    const learner = await page();
    expect(await ids(learner.repository)).toEqual(['class-week-1', 'class-week-2']);
    expect(workspace.requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/api/lessons', '/api/lessons']);
    expect(await trainer.local.getSetting(IMPORTED_LESSONS_SETTING)).toBeUndefined();
  });

  it('replace an imported lesson of the same id (with If-Match), and keep a built-in id under a new one', async () => {
    const trainer = await page();
    await keepImportedLesson(trainer.repository, lesson('class-week-1'));
    const again = await keepImportedLesson(trainer.repository, lesson('class-week-1'));
    expect(inEnglish(again.note!)).toMatch(/class-week-1/);
    expect(workspace.requests.filter((request) => request.method === 'PUT')).toMatchObject([{ path: '/api/lessons/class-week-1', ifMatch: '"1"' }]);
    const renamed = await keepImportedLesson(trainer.repository, lesson(builtinLessons[0]!.id));
    expect(renamed.id).toBe(`${builtinLessons[0]!.id}-2`);
    expect(await ids((await page()).repository)).toEqual(['class-week-1', renamed.id]);
  });

  it('are removed from the server for everyone', async () => {
    const trainer = await page();
    await keepImportedLesson(trainer.repository, lesson('class-week-1'));
    await keepImportedLesson(trainer.repository, lesson('class-week-2'));
    await removeImportedLesson(trainer.repository, 0);
    expect(workspace.requests.filter((request) => request.method === 'DELETE')).toMatchObject([{ path: '/api/lessons/class-week-1', ifMatch: '"1"' }]);
    expect(await ids((await page()).repository)).toEqual(['class-week-2']);
  });
});
