// Who else has a journey open: any signed-in member marks it (PUT, every 20 s while the page shows it),
// leaves it (DELETE), and reads who is there (GET, themselves included). Kept in memory (presence.ts),
// not audited: a heartbeat is no change to the workspace.
import { z } from 'zod';
import { requireRole } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { refusals } from '../errors';
import { errors, idParams } from '../apiSchemas';
import { findDocument } from '../store';
import { PRESENCE_TTL_MS, type Presence } from '../presence';

const presenceSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    since: z.string().meta({ description: 'When the member opened the journey.' }),
    lastSeen: z.string().meta({ description: `Their latest mark; a mark lasts ${PRESENCE_TTL_MS / 1000} s.` }),
  })
  .meta({ id: 'Presence' });

const presenceList = z.array(presenceSchema).meta({ description: 'Who has the journey open, the caller included, the earliest first.' });

const presenceOf = (presence: Presence) => ({ email: presence.email, name: presence.name, since: presence.since.toISOString(), lastSeen: presence.lastSeen.toISOString() });

export function presenceRoutes(app: ZodApp, context: ServerContext): void {
  const board = context.presence;
  const journeyExists = async (id: string) => {
    if (!(await findDocument(context.db, 'journeys', id))) throw refusals.notFound();
  };
  const tags = ['presence'];

  app.get('/api/journeys/:id/presence', { schema: { tags, summary: 'Who has the journey open', params: idParams, response: { 200: presenceList, ...errors } } }, async (request) => {
    requireRole(request, 'viewer');
    await journeyExists(request.params.id);
    return board.present(request.params.id, context.now()).map(presenceOf);
  });

  app.put(
    '/api/journeys/:id/presence',
    {
      schema: {
        tags,
        summary: 'Say you have the journey open',
        description: `Marks the caller as having the journey open for ${PRESENCE_TTL_MS / 1000} s (the app repeats it every 20 s while the page shows the journey). Answers who has it open. Kept in the server's memory only.`,
        params: idParams,
        response: { 200: presenceList, ...errors },
      },
    },
    async (request) => {
      const member = requireRole(request, 'viewer');
      await journeyExists(request.params.id);
      return board.mark(request.params.id, member, context.now()).map(presenceOf);
    },
  );

  app.delete('/api/journeys/:id/presence', { schema: { tags, summary: 'Say you closed the journey', params: idParams, response: { 204: z.undefined(), ...errors } } }, async (request, reply) => {
    const member = requireRole(request, 'viewer');
    // Leaving a journey deleted meanwhile is no error: the page is closing either way.
    board.leave(request.params.id, member.id);
    return reply.code(204).send();
  });
}
