// Where the workspace is kept: PGlite (PostgreSQL compiled to WebAssembly, in this process) persisted
// under a data directory by default, so one command runs a team server with nothing else installed; or
// a real PostgreSQL through node-postgres when a URL is given. Same schema and migrations for both.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

export type WorkspaceDatabase = Kysely<Database>;

export type DatabaseLocation = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

/** `--database URL` (or DATABASE_URL) names PostgreSQL; otherwise PGlite under `--data DIR`. */
export function databaseLocation(options: { database?: string; data?: string; env: Record<string, string | undefined> }): DatabaseLocation {
  const url = options.database ?? options.env.DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: options.data ?? null };
}

/** Opens the database (in memory when PGlite has no directory) and brings its schema up to date. */
export async function openDatabase(location: DatabaseLocation): Promise<WorkspaceDatabase> {
  let db: WorkspaceDatabase;
  if (location.kind === 'postgres') {
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 10 }) }) });
  } else {
    if (location.dataDir) mkdirSync(location.dataDir, { recursive: true });
    db = new Kysely<Database>({ dialect: new PGliteDialect(location.dataDir ? new PGlite(location.dataDir) : new PGlite()) });
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
