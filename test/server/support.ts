// The server's test harness: one database per test file (PGlite in memory, and PostgreSQL too when
// JOURNEY_LAB_TEST_DATABASE_URL is set: a database of its own per file, dropped afterwards), a server
// built on it with a cheap password cost and a clock the tests move, and members signed in as each role.
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/server/app';
import { openDatabase, type WorkspaceDatabase } from '../../src/server/db';
import type { ZodApp } from '../../src/server/context';
import { hashPassword } from '../../src/server/secrets';
import { roles, type Role } from '../../src/server/schema';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { getPreset } from '../../src/core/cohort/index';
import { builtinLessons } from '../../src/core/lessons/index';

/** Cheap enough for tests (the default's cost is tested in secrets.test.ts). */
export const TEST_COST = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<{ db: WorkspaceDatabase; drop(): Promise<void> }>;
}

const pglite: Backend = {
  name: 'PGlite',
  async open() {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    return { db, drop: () => db.destroy() };
  },
};

/** A database of its own on the server JOURNEY_LAB_TEST_DATABASE_URL names (test files run in parallel). */
const postgres = (url: string): Backend => ({
  name: 'PostgreSQL',
  async open() {
    const admin = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    const name = `journey_lab_test_${randomBytes(6).toString('hex')}`;
    await sql`create database ${sql.id(name)}`.execute(admin);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: target.toString() });
    return {
      db,
      async drop() {
        await db.destroy();
        await sql`drop database if exists ${sql.id(name)}`.execute(admin);
        await admin.destroy();
      },
    };
  },
});

const postgresUrl = process.env.JOURNEY_LAB_TEST_DATABASE_URL;
let toldWhy = false;

/** The databases the suite runs on: PGlite always; PostgreSQL when JOURNEY_LAB_TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  if (!postgresUrl && !toldWhy) {
    toldWhy = true;
    console.info('Server tests on PostgreSQL skipped: JOURNEY_LAB_TEST_DATABASE_URL is not set (.ci/run sets it).');
  }
  return postgresUrl ? [pglite, postgres(postgresUrl)] : [pglite];
}

export class Clock {
  time = new Date('2026-03-01T09:00:00Z').getTime();
  now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Harness {
  app: ZodApp;
  db: WorkspaceDatabase;
  clock: Clock;
}

const TABLES = ['audit_log', 'comments', 'document_versions', 'documents', 'setup_tokens', 'api_tokens', 'sessions', 'members'];

/**
 * Runs `body` once per backend, in a describe of its name, with a fresh server (over the file's one
 * database, emptied before each test). `options` are handed to buildServer.
 */
export function onEveryDatabase(title: string, body: (harness: () => Harness, backend: Backend) => void, options: Partial<ServerOptions> = {}): void {
  for (const backend of backends())
    describe(`${title} (${backend.name})`, () => {
      let harness: Harness | null = null;
      let drop: (() => Promise<void>) | null = null;
      beforeAll(async () => {
        const opened = await backend.open();
        drop = opened.drop;
        const clock = new Clock();
        const app = await buildServer({ db: opened.db, now: clock.now, passwordCost: TEST_COST, ...options });
        harness = { app, db: opened.db, clock };
      }, 60_000);
      beforeEach(async () => {
        await sql`truncate table ${sql.join(TABLES.map((table) => sql.id(table)))} restart identity cascade`.execute(harness!.db);
        await harness!.app.close().catch(() => undefined);
        const clock = new Clock();
        harness = { ...harness!, clock, app: await buildServer({ db: harness!.db, now: clock.now, passwordCost: TEST_COST, ...options }) };
      });
      afterAll(async () => {
        await harness?.app.close();
        await drop?.();
      });
      body(() => harness!, backend);
    });
}

export interface Signed {
  id: string;
  email: string;
  role: Role;
  /** Headers for a request made with the session cookie (and its CSRF value). */
  headers: Record<string, string>;
  cookie: string;
  csrfToken: string;
}

export async function addMember(db: WorkspaceDatabase, email: string, role: Role, password = PASSWORD): Promise<string> {
  const id = `member-${email}`;
  await db
    .insertInto('members')
    .values({ id, email, name: email, role, password_hash: await hashPassword(password, TEST_COST), created_at: new Date() })
    .execute();
  return id;
}

export async function signIn(app: ZodApp, email: string, password = PASSWORD): Promise<Omit<Signed, 'id' | 'role'>> {
  const answer = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (answer.statusCode !== 200) throw new Error(`sign-in of ${email} answered ${answer.statusCode}: ${answer.body}`);
  const cookie = answer.cookies.find((found) => found.name === 'journey_lab_session')!;
  const csrfToken = (answer.json() as { csrfToken: string }).csrfToken;
  const pair = `${cookie.name}=${cookie.value}`;
  return { email, cookie: pair, csrfToken, headers: { cookie: pair, 'x-csrf-token': csrfToken } };
}

/** One member of every role, signed in (emails viewer@example.com …), plus a second editor and approver. */
export async function team(harness: Harness): Promise<Record<Role | 'editor2' | 'approver2', Signed>> {
  const members = [...roles.map((role) => [role, role] as const), ['editor2', 'editor'] as const, ['approver2', 'approver'] as const];
  const signed: Partial<Record<Role | 'editor2' | 'approver2', Signed>> = {};
  for (const [name, role] of members) {
    const email = `${name}@example.com`;
    const id = await addMember(harness.db, email, role);
    signed[name] = { id, role, ...(await signIn(harness.app, email)) };
  }
  return signed as Record<Role | 'editor2' | 'approver2', Signed>;
}

/** A valid journey (a template) under `id`. */
export function journey(id = 'welcome-journey'): Record<string, unknown> {
  return { ...(instantiateTemplate(getTemplate('churn-win-back')!, 'en') as unknown as Record<string, unknown>), id };
}

/** A valid cohort (the e-commerce preset's spec) under `id`. */
export function cohort(id = 'team-cohort'): Record<string, unknown> {
  return { ...(getPreset('ecommerce')!.spec as unknown as Record<string, unknown>), id };
}

/** A valid lesson (the first built-in one) under `id`. */
export function lesson(id = 'team-lesson'): Record<string, unknown> {
  return { ...(builtinLessons[0] as unknown as Record<string, unknown>), id };
}

/** A saved scenario of `journeyDocument` (as the app keeps one), with a stand-in report. */
export function scenario(id: string, journeyDocument: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    name: `Scenario ${id}`,
    stale: false,
    journeyId: journeyDocument.id,
    savedAt: 1_772_000_000_000,
    journey: journeyDocument,
    settings: { users: 1000, seed: 1, replications: 1, presetId: 'ecommerce' },
    cohort: cohort('ecommerce'),
    report: { format: 'journey-lab-report', version: 2, nodes: [] },
  };
}

/** Headers of a request as `who` (none for nobody), with If-Match when given. */
export const as = (who: Signed | null, etag?: string): Record<string, string> => ({ ...(who?.headers ?? {}), ...(etag ? { 'if-match': etag } : {}) });
