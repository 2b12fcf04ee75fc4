// Resources, versions and conflicts; refused documents and bodies leave nothing written; approval and
// comments; the audit log.
import { expect, it } from 'vitest';
import { as, cohort, journey, lesson, onEveryDatabase, scenario, team } from './support';

const SMALL_DOCUMENT_LIMIT = 200_000;

onEveryDatabase(
  'documents',
  (harness) => {
    const count = async (table: 'document_versions' | 'documents' | 'audit_log') => Number((await harness().db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('creates, reads, versions, restores and deletes each kind, with ETags and If-Match', async () => {
      const { app } = harness();
      const { editor, viewer } = await team(harness());
      for (const [kind, make] of [
        ['journeys', journey],
        ['cohorts', cohort],
        ['lessons', lesson],
        ['scenarios', (id: string) => scenario(id, journey('of-scenario'))],
      ] as const) {
        const created = await app.inject({ method: 'POST', url: `/api/${kind}`, headers: as(editor), payload: make('doc-1') });
        expect(created.statusCode, created.body).toBe(201);
        expect(created.headers.etag).toBe('"1"');
        expect(created.json().id).toBe('doc-1');
        expect((await app.inject({ method: 'POST', url: `/api/${kind}`, headers: as(editor), payload: make('doc-1') })).statusCode).toBe(409);

        const read = await app.inject({ method: 'GET', url: `/api/${kind}/doc-1`, headers: as(viewer) });
        expect(read.json()).toEqual(created.json());
        // Lessons have a title where the others have a name.
        const changed = { ...make('doc-1'), ...(kind === 'lessons' ? { title: { en: 'Renamed', 'zh-CN': '改名' } } : { name: 'Renamed' }) };
        expect((await app.inject({ method: 'PUT', url: `/api/${kind}/doc-1`, headers: as(editor), payload: changed })).statusCode).toBe(428);
        const saved = await app.inject({ method: 'PUT', url: `/api/${kind}/doc-1`, headers: as(editor, '"1"'), payload: changed });
        expect(saved.statusCode, saved.body).toBe(200);
        expect(saved.headers.etag).toBe('"2"');
        const stale = await app.inject({ method: 'PUT', url: `/api/${kind}/doc-1`, headers: as(editor, '"1"'), payload: changed });
        expect(stale.statusCode).toBe(412);
        expect(stale.json().error).toMatchObject({ code: 'stale', etag: '"2"' });
        expect((await app.inject({ method: 'PUT', url: `/api/${kind}/doc-1`, headers: as(editor, '"2"'), payload: make('doc-2') })).statusCode).toBe(422);

        const versions = await app.inject({ method: 'GET', url: `/api/${kind}/doc-1/versions`, headers: as(viewer) });
        expect(versions.json().map((version: { version: number; action: string }) => [version.version, version.action])).toEqual([
          [1, 'create'],
          [2, 'update'],
        ]);
        expect((await app.inject({ method: 'GET', url: `/api/${kind}/doc-1/versions/1`, headers: as(viewer) })).json()).toEqual(created.json());
        const restored = await app.inject({ method: 'POST', url: `/api/${kind}/doc-1/versions/1/restore`, headers: as(editor, '"2"') });
        expect(restored.statusCode, restored.body).toBe(200);
        expect(restored.headers.etag).toBe('"3"');
        expect((await app.inject({ method: 'GET', url: `/api/${kind}/doc-1`, headers: as(viewer) })).json()).toEqual(created.json());

        expect((await app.inject({ method: 'DELETE', url: `/api/${kind}/doc-1`, headers: as(editor, '"2"') })).statusCode).toBe(412);
        expect((await app.inject({ method: 'DELETE', url: `/api/${kind}/doc-1`, headers: as(editor, '"3"') })).statusCode).toBe(204);
        expect((await app.inject({ method: 'GET', url: `/api/${kind}/doc-1`, headers: as(viewer) })).statusCode).toBe(404);
        expect((await app.inject({ method: 'GET', url: `/api/${kind}`, headers: as(viewer) })).json()).toEqual([]);
        // Posting the id again goes on with its history.
        const again = await app.inject({ method: 'POST', url: `/api/${kind}`, headers: as(editor), payload: make('doc-1') });
        expect(again.headers.etag).toBe('"5"');
      }
    });

    it('lets exactly one of two clients racing on one If-Match win', async () => {
      const { app } = harness();
      const { editor, editor2 } = await team(harness());
      await app.inject({ method: 'POST', url: '/api/journeys', headers: as(editor), payload: journey('raced') });
      const answers = await Promise.all(
        [editor, editor2, editor, editor2].map((who, index) => app.inject({ method: 'PUT', url: '/api/journeys/raced', headers: as(who, '"1"'), payload: { ...journey('raced'), name: `Writer ${index}` } })),
      );
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 412, 412, 412]);
      const winner = answers.find((answer) => answer.statusCode === 200)!;
      expect((await app.inject({ method: 'GET', url: '/api/journeys/raced', headers: as(editor) })).json().name).toBe(winner.json().name);
      expect((await app.inject({ method: 'GET', url: '/api/journeys/raced/versions', headers: as(editor) })).json()).toHaveLength(2);
    });

    it('refuses invalid documents, populations, oversized and malformed bodies with 4xx, writing nothing and showing no trace', async () => {
      const { app } = harness();
      const { editor } = await team(harness());
      const before = [await count('documents'), await count('document_versions'), await count('audit_log')];
      const population = { kind: 'journey-lab-population', schemaVersion: 2, cohort: 'c', asOf: '2026-01-01', seed: 1, idsHashed: true, segments: ['a'], source: null, columns: {}, profile: { attributes: [], tags: [] } };
      const refusals = [
        await app.inject({ method: 'POST', url: '/api/journeys', headers: as(editor), payload: { ...journey('bad'), nodes: 'not a list' } }),
        await app.inject({ method: 'POST', url: '/api/journeys', headers: as(editor), payload: { ...journey('bad'), schemaVersion: 999 } }),
        await app.inject({ method: 'POST', url: '/api/cohorts', headers: as(editor), payload: population }),
        await app.inject({ method: 'POST', url: '/api/scenarios', headers: as(editor), payload: { ...scenario('s', journey('j')), cohort: population } }),
        await app.inject({ method: 'POST', url: '/api/lessons', headers: as(editor), payload: { id: 'x' } }),
        await app.inject({ method: 'POST', url: '/api/journeys', headers: { ...as(editor), 'content-type': 'application/json' }, payload: '{"id": "broken",' }),
        await app.inject({ method: 'POST', url: '/api/journeys', headers: { ...as(editor), 'content-type': 'application/json' }, payload: '[1, 2]' }),
        await app.inject({ method: 'POST', url: '/api/journeys', headers: { ...as(editor), 'content-type': 'application/xml' }, payload: '<journey/>' }),
        await app.inject({ method: 'POST', url: '/api/journeys', headers: as(editor), payload: { ...journey('huge'), description: 'x'.repeat(SMALL_DOCUMENT_LIMIT) } }),
        await app.inject({ method: 'POST', url: '/api/journeys', headers: { ...as(editor), 'content-type': 'application/json' }, payload: '{"__proto__": {"polluted": true}}' }),
        await app.inject({ method: 'POST', url: '/api/journeys/x/comments', headers: as(editor), payload: { text: 'y'.repeat(70_000) } }),
        await app.inject({ method: 'GET', url: '/api/journeys/..%2F..%2Fetc', headers: as(editor) }),
      ];
      expect(refusals.map((answer) => answer.statusCode)).toEqual([422, 422, 422, 422, 422, 400, 400, 415, 413, 400, 413, 400]);
      for (const answer of refusals) {
        const body = answer.json();
        expect(Object.keys(body)).toEqual(['error']);
        expect(body.error.message.en).toBeTruthy();
        expect(body.error.message['zh-CN']).toBeTruthy();
        expect(answer.body).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|stack/i);
      }
      expect(refusals[2]!.json().error.problems[0].code).toBe('population-refused');
      expect(refusals[0]!.json().error.problems[0]).toMatchObject({ severity: 'error', path: ['nodes'] });
      expect([await count('documents'), await count('document_versions'), await count('audit_log')]).toEqual(before);
    });

    it('answers an unexpected failure with a 500 that says nothing of its cause', async () => {
      const { app, db } = harness();
      const { viewer } = await team(harness());
      await db.schema.alterTable('documents').renameTo('documents_away').execute();
      try {
        const answer = await app.inject({ method: 'GET', url: '/api/journeys', headers: as(viewer) });
        expect(answer.statusCode).toBe(500);
        expect(answer.json().error.code).toBe('internal');
        expect(answer.body).not.toMatch(/documents|relation|stack|\.ts/);
      } finally {
        await db.schema.alterTable('documents_away').renameTo('documents').execute();
      }
    });

    it('approves a journey only as another approver, with no errors and a scenario of that very version; an edit makes a new draft', async () => {
      const { app } = harness();
      const { editor, approver, approver2, viewer, admin } = await team(harness());
      const post = (url: string, who: typeof editor, payload: Record<string, unknown> = {}, etag?: string) => app.inject({ method: 'POST', url, headers: as(who, etag), payload });
      const review = async () => (await app.inject({ method: 'GET', url: '/api/journeys/flow/review', headers: as(viewer) })).json();
      await post('/api/journeys', editor, journey('flow'));
      await post('/api/scenarios', editor, { ...scenario('old-run', { ...journey('flow'), name: 'Another version' }) });
      await post('/api/scenarios', editor, scenario('this-run', journey('flow')));

      expect((await post('/api/journeys/flow/approve', approver, {}, '"1"')).json().error.code).toBe('wrong-state');
      expect((await post('/api/journeys/flow/submit', approver, { scenarioId: 'missing' }, '"1"')).statusCode).toBe(422);
      const submitted = await post('/api/journeys/flow/submit', approver, { scenarioId: 'old-run' }, '"1"');
      expect(submitted.json()).toMatchObject({ state: 'in_review', submittedBy: 'approver@example.com', scenarioId: 'old-run' });
      const own = await post('/api/journeys/flow/approve', approver, {}, '"1"');
      expect([own.statusCode, own.json().error.code]).toEqual([403, 'own-submission']);
      const otherVersion = await post('/api/journeys/flow/approve', approver2, {}, '"1"');
      expect([otherVersion.statusCode, otherVersion.json().error.code]).toEqual([422, 'report-of-another-version']);
      expect((await post('/api/journeys/flow/approve', approver2, { scenarioId: 'this-run' }, '"0"')).statusCode).toBe(412);
      const approved = await post('/api/journeys/flow/approve', approver2, { scenarioId: 'this-run' }, '"1"');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(await review()).toMatchObject({ state: 'approved', version: 1, approvedBy: 'approver2@example.com', scenarioId: 'this-run' });

      expect((await app.inject({ method: 'DELETE', url: '/api/journeys/flow', headers: as(editor, '"1"') })).json().error.code).toBe('not-a-draft');
      await app.inject({ method: 'PUT', url: '/api/journeys/flow', headers: as(editor, '"1"'), payload: { ...journey('flow'), name: 'Edited' } });
      expect(await review()).toMatchObject({ state: 'draft', version: 2, approvedBy: null });

      await post('/api/journeys/flow/submit', editor, {}, '"2"');
      expect((await post('/api/journeys/flow/approve', approver, {}, '"2"')).json().error.code).toBe('no-report');
      const sentBack = await post('/api/journeys/flow/send-back', approver, { reason: 'Simulate it first' }, '"2"');
      expect(sentBack.json().state).toBe('draft');

      // A journey with validation errors (an edge to nowhere) is never approved.
      const broken = journey('broken');
      broken.edges = [...(broken.edges as unknown[]), { id: 'dangling', source: 'churnWarning', sourcePort: 'next', target: 'nothing' }];
      expect((await post('/api/journeys', editor, broken)).statusCode).toBe(201);
      await post('/api/scenarios', editor, scenario('broken-run', broken));
      await post('/api/journeys/broken/submit', editor, { scenarioId: 'broken-run' }, '"1"');
      expect((await post('/api/journeys/broken/approve', approver, {}, '"1"')).json().error.code).toBe('journey-has-errors');

      const comments = (await app.inject({ method: 'GET', url: '/api/journeys/flow/comments', headers: as(viewer) })).json();
      expect(comments).toMatchObject([{ text: 'Simulate it first', author: 'approver@example.com', nodeId: null, version: 2 }]);
      const nodeId = (journey('flow').nodes as { id: string }[])[0]!.id;
      expect((await post('/api/journeys/flow/comments', viewer, { text: 'Why this wait?', nodeId })).statusCode).toBe(201);
      expect((await post('/api/journeys/flow/comments', viewer, { text: 'Where?', nodeId: 'no-such-node' })).json().error.code).toBe('unknown-node');

      const audit = (await app.inject({ method: 'GET', url: '/api/audit?limit=100', headers: as(admin) })).json() as { id: number; action: string; actor: string }[];
      const actions = audit.map((entry) => `${entry.actor} ${entry.action}`).reverse();
      expect(actions).toEqual(
        expect.arrayContaining(['editor@example.com journeys.create', 'approver@example.com journeys.submit', 'approver2@example.com journeys.approve', 'editor@example.com journeys.update', 'approver@example.com journeys.send-back', 'viewer@example.com journeys.comment']),
      );
      const page = (await app.inject({ method: 'GET', url: `/api/audit?limit=2&before=${audit[1]!.id}`, headers: as(admin) })).json();
      expect(page).toEqual(audit.slice(2, 4));
    });
  },
  { documentBodyLimit: SMALL_DOCUMENT_LIMIT },
);
