import { z } from 'zod';
import { requireRole } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { errors } from '../apiSchemas';

const entrySchema = z.object({ id: z.number().int(), at: z.string(), actor: z.string().nullable(), action: z.string(), target: z.string(), detail: z.unknown() }).meta({ id: 'AuditEntry' });

export function auditRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every change: who, when, what (newest first)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), before: z.coerce.number().int().min(1).optional().meta({ description: 'Entries older than this id: the next page.' }) }),
        response: { 200: z.array(entrySchema), ...errors },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      let query = context.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(request.query.limit);
      if (request.query.before !== undefined) query = query.where('id', '<', request.query.before);
      return (await query.execute()).map((row) => ({ id: row.id, at: row.at.toISOString(), actor: row.actor, action: row.action, target: row.target, detail: row.detail }));
    },
  );
}
