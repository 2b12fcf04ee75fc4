// Team server load test (issue 19, "Tests"): N concurrent clients reading and saving journeys for a
// bounded time against a server started in this process on 127.0.0.1, then every acknowledged write read
// back. Run it with `npm run bench:server` (or `tsx bench/serverLoad.ts [options]`); `--help` lists them.
//
// The server is buildServer over a fresh PGlite in a temp directory (or, with --database, a database of
// its own created on that PostgreSQL and dropped afterwards). An administrator, a few editors and an API
// token for each are made through the API; every client then loops, until the deadline:
//   GET /api/journeys → GET /api/journeys/:id → PUT it with If-Match (a 412 is a conflict, not an error:
//   the client reads again and retries) → now and then POST a new journey.
// Every 2xx write's (id, version, hash of the document the server answered) is recorded; at the end each
// one is read back through GET /api/journeys/:id/versions/:n and must hash the same: no lost write. Two
// acknowledgements of one version also count as a lost write (one of them was overwritten).
//
// Only 127.0.0.1: the server listens there and every request's address is checked; a PostgreSQL named
// by --database must be on this machine too. Bounded: every loop and every retry checks the deadline,
// each request has a timeout, the whole run is at most MAX_SECONDS; the server, its database and the
// temp directory are removed at the end whatever happens. Exit status: 0 without an error or a lost
// write, 1 with any (or when the run failed), 2 for bad arguments.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildServer } from '../src/server/app';
import { bootstrap } from '../src/server/bootstrap';
import { openDatabase, type WorkspaceDatabase } from '../src/server/db';
import { documentHash } from '../src/server/hash';
import { instantiateTemplate, templates } from '../src/core/templates';
import { parsedOrExit, seededUniforms, UsageError } from './benchCli';

export const DEFAULT_SECONDS = 60;
export const MAX_SECONDS = 600;
export const DEFAULT_CLIENTS = 50;
const MAX_CLIENTS = 500;
const EDITORS = 4;
const SEED_JOURNEYS = 10;
/** One write in this many is a new journey; the rest edit an existing one. */
const CREATE_EVERY = 10;
/** Retries of one save after 412s before the client gives up on that journey and moves on. */
const CONFLICT_RETRIES = 5;
const REQUEST_TIMEOUT_MS = 30_000;
/** Concurrent reads when the acknowledged versions are checked at the end. */
const VERIFY_CONCURRENCY = 8;
const LOOPBACK = '127.0.0.1';
const ADMIN_EMAIL = 'load-admin@example.com';
/** The password's hashing cost is not what this measures (clients use API tokens); a cheap one keeps the set-up short. */
const SETUP_COST = { N: 1024, r: 8, p: 1 };

export const routes = ['GET /api/journeys', 'GET /api/journeys/:id', 'PUT /api/journeys/:id', 'POST /api/journeys'] as const;
export type Route = (typeof routes)[number];

export interface LoadOptions {
  seconds: number;
  clients: number;
  /** A PostgreSQL server on this machine (a database of its own is created there); none: PGlite in a temp directory. */
  database?: string;
  log: (line: string) => void;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  database: 'PGlite' | 'PostgreSQL';
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds, by route, over the load phase. */
  latency: Record<Route, Latency>;
  writes: { acknowledged: number; created: number; updated: number; conflicts: number; gaveUp: number };
  /** 5xx, unexpected 4xx, network failures and timeouts (at most 20 of them described). */
  errors: { count: number; examples: string[] };
  verified: number;
  lostWrites: { count: number; examples: string[] };
}

interface Acknowledged {
  id: string;
  version: number;
  hash: string;
}

class Recorder {
  readonly times = new Map<Route, number[]>(routes.map((route) => [route, []]));
  readonly acknowledged: Acknowledged[] = [];
  errorCount = 0;
  readonly errorExamples: string[] = [];
  conflicts = 0;
  gaveUp = 0;
  created = 0;
  updated = 0;

  error(what: string): void {
    this.errorCount += 1;
    if (this.errorExamples.length < 20) this.errorExamples.push(what);
  }
}

/** Refuses any address but 127.0.0.1: this test never loads another machine. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== LOOPBACK) throw new Error(`The load test only runs against ${LOOPBACK}, not "${host}".`);
}

/** A PostgreSQL URL must name this machine (by address, localhost or a Unix socket). */
export function assertLocalDatabase(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--database is not a URL: "${url}".`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error(`--database must be a postgres:// URL, not "${parsed.protocol}".`);
  const host = parsed.hostname || (parsed.searchParams.get('host') ?? '');
  const local = host === '' || host.startsWith('/') || ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host);
  if (!local) throw new Error(`The load test only uses a PostgreSQL on this machine, not "${host}".`);
}

/** Nearest-rank percentiles of milliseconds. */
export function latencyOf(samples: readonly number[]): Latency {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { count: sorted.length, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted.at(-1)! };
}

/** Two acknowledgements of one version, or an acknowledged version that reads back differently, are lost writes. */
export function duplicateAcknowledgements(acknowledged: readonly Acknowledged[]): string[] {
  const seen = new Map<string, Acknowledged>();
  const duplicates: string[] = [];
  for (const write of acknowledged) {
    const key = `${write.id}@${write.version}`;
    if (seen.has(key)) duplicates.push(`${write.id} version ${write.version} was acknowledged twice`);
    else seen.set(key, write);
  }
  return duplicates;
}


const journeyDocument = (id: string, pick: number): Record<string, unknown> => ({
  ...(instantiateTemplate(templates[pick % templates.length]!, 'en') as unknown as Record<string, unknown>),
  id,
});

interface Answer {
  status: number;
  etag: string | null;
  body: unknown;
}

/** One HTTP request to the server under test, timed under `route`; null on a network failure (recorded). */
function requester(base: string, recorder: Recorder, stop: AbortSignal) {
  assertLoopback(base);
  return async (route: Route | null, method: string, pathname: string, token: string, options: { body?: unknown; ifMatch?: string } = {}): Promise<Answer | null> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const started = performance.now();
    try {
      const response = await fetch(`${base}${pathname}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.any([stop, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      const text = await response.text();
      if (route) recorder.times.get(route)!.push(performance.now() - started);
      let body: unknown = null;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: response.status, etag: response.headers.get('etag'), body };
    } catch (error) {
      // Stopped by the run's own end: not the server's failure.
      if (stop.aborted) return null;
      recorder.error(`${method} ${pathname}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
}

type Request = ReturnType<typeof requester>;

const versionOf = (etag: string | null): number | null => {
  const match = /^"(\d+)"$/.exec(etag ?? '');
  return match ? Number(match[1]) : null;
};

function unexpected(recorder: Recorder, what: string, answer: Answer): void {
  recorder.error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
}

function acknowledge(recorder: Recorder, what: string, id: string, answer: Answer): boolean {
  const version = versionOf(answer.etag);
  if (version === null) {
    recorder.error(`${what} answered ${answer.status} without a version ETag (${String(answer.etag)})`);
    return false;
  }
  recorder.acknowledged.push({ id, version, hash: documentHash(answer.body) });
  return true;
}

/** One client: read the list, read a journey, save it (retrying over conflicts), sometimes create one. */
async function client(index: number, token: string, request: Request, recorder: Recorder, before: () => boolean): Promise<void> {
  const next = seededUniforms(index + 1); // each client's choices repeat from its seed
  for (let round = 0; before(); round += 1) {
    const list = await request('GET /api/journeys', 'GET', '/api/journeys', token);
    if (!list) continue;
    if (list.status !== 200 || !Array.isArray(list.body)) {
      unexpected(recorder, 'GET /api/journeys', list);
      continue;
    }
    if (!before()) break;
    // The first round of each client creates, so even a short or slowed run uses every route.
    if (round % CREATE_EVERY === 0) {
      const id = `load-${index}-${round}`;
      const created = await request('POST /api/journeys', 'POST', '/api/journeys', token, { body: journeyDocument(id, round) });
      if (!created) continue;
      if (created.status !== 201) unexpected(recorder, `POST /api/journeys (${id})`, created);
      else if (acknowledge(recorder, `POST /api/journeys (${id})`, id, created)) recorder.created += 1;
      continue;
    }
    const ids = (list.body as { id: string }[]).map((summary) => summary.id);
    const id = ids[Math.floor(next() * ids.length)];
    if (id === undefined) continue;
    await save(index, round, id, token, request, recorder, before);
  }
}

async function save(index: number, round: number, id: string, token: string, request: Request, recorder: Recorder, before: () => boolean): Promise<void> {
  const where = `/api/journeys/${encodeURIComponent(id)}`;
  for (let attempt = 0; attempt <= CONFLICT_RETRIES; attempt += 1) {
    if (!before()) return;
    const read = await request('GET /api/journeys/:id', 'GET', where, token);
    if (!read) return;
    if (read.status !== 200 || read.etag === null || typeof read.body !== 'object' || read.body === null) return unexpected(recorder, `GET ${where}`, read);
    if (!before()) return;
    const edited = { ...(read.body as Record<string, unknown>), description: `Saved by load client ${index}, round ${round}, attempt ${attempt}.` };
    const saved = await request('PUT /api/journeys/:id', 'PUT', where, token, { body: edited, ifMatch: read.etag });
    if (!saved) return;
    if (saved.status === 412) {
      recorder.conflicts += 1;
      continue;
    }
    if (saved.status !== 200) return unexpected(recorder, `PUT ${where}`, saved);
    if (acknowledge(recorder, `PUT ${where}`, id, saved)) recorder.updated += 1;
    return;
  }
  if (before()) recorder.gaveUp += 1;
}

/** Reads every acknowledged version back; the descriptions of those that are missing or differ. */
async function verify(recorder: Recorder, request: Request, token: string): Promise<{ verified: number; lost: string[] }> {
  const lost = duplicateAcknowledgements(recorder.acknowledged);
  let verified = 0;
  let next = 0;
  const worker = async () => {
    while (next < recorder.acknowledged.length) {
      const write = recorder.acknowledged[next++]!;
      const where = `/api/journeys/${encodeURIComponent(write.id)}/versions/${write.version}`;
      const answer = await request(null, 'GET', where, token);
      if (!answer) continue;
      verified += 1;
      if (answer.status !== 200) lost.push(`${where} answered ${answer.status}`);
      else if (documentHash(answer.body) !== write.hash) lost.push(`${where} is not the document that was acknowledged`);
    }
  };
  await Promise.all(Array.from({ length: VERIFY_CONCURRENCY }, worker));
  return { verified, lost };
}

interface Workspace {
  db: WorkspaceDatabase;
  name: 'PGlite' | 'PostgreSQL';
  remove(): Promise<void>;
}

/** A fresh workspace database: PGlite in a temp directory, or a new database on the local PostgreSQL. */
async function openWorkspace(database: string | undefined): Promise<Workspace> {
  if (!database) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'journey-lab-load-'));
    try {
      const db = await openDatabase({ kind: 'pglite', dataDir: dir });
      return { db, name: 'PGlite', remove: async () => rm(dir, { recursive: true, force: true }) };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }
  assertLocalDatabase(database);
  const admin = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database, max: 1 }) }) });
  const name = `journey_lab_load_${randomBytes(6).toString('hex')}`;
  const drop = async () => {
    await sql`drop database if exists ${sql.id(name)}`.execute(admin);
    await admin.destroy();
  };
  try {
    await sql`create database ${sql.id(name)}`.execute(admin);
    const target = new URL(database);
    target.pathname = `/${name}`;
    return { db: await openDatabase({ kind: 'postgres', url: target.toString() }), name: 'PostgreSQL', remove: drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

/** Signs the administrator in, adds the editors and gives each an API token. */
async function setUpTeam(base: string, password: string): Promise<string[]> {
  assertLoopback(base);
  const json = async (response: Response, what: string, status: number) => {
    if (response.status !== status) throw new Error(`Set-up: ${what} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const session = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password }) });
  const { csrfToken } = await json(session, 'sign-in', 200);
  const cookie = session.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': String(csrfToken) };
  const tokens: string[] = [];
  for (let editor = 0; editor < EDITORS; editor += 1) {
    const email = `load-editor-${editor}@example.com`;
    const member = await json(await fetch(`${base}/api/members`, { method: 'POST', headers, body: JSON.stringify({ email, role: 'editor', password }) }), `adding ${email}`, 201);
    const made = await json(await fetch(`${base}/api/tokens`, { method: 'POST', headers, body: JSON.stringify({ name: 'load test', memberId: member.id }) }), `a token for ${email}`, 201);
    tokens.push(String(made.token));
  }
  return tokens;
}

/** Runs the load test; throws only when it could not run (set-up failed), never for what it measured. */
export async function runServerLoad(options: LoadOptions): Promise<LoadResult> {
  const seconds = Math.min(Math.max(options.seconds, 0), MAX_SECONDS);
  const clients = Math.min(Math.max(Math.floor(options.clients), 1), MAX_CLIENTS);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // The last resort: whatever a request or the database does, nothing runs past this.
  const hardStop = setTimeout(() => stop.abort(), (seconds + REQUEST_TIMEOUT_MS / 1000 + 5) * 1000);
  const workspace = await openWorkspace(options.database);
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    const password = randomBytes(18).toString('base64url');
    const started = await bootstrap(workspace.db, { JOURNEY_LAB_ADMIN_EMAIL: ADMIN_EMAIL, JOURNEY_LAB_ADMIN_PASSWORD: password }, new Date(), SETUP_COST);
    if (started.kind !== 'admin-created') throw new Error(`Set-up: the workspace was not empty (${started.kind}).`);
    app = await buildServer({ db: workspace.db, passwordCost: SETUP_COST });
    const address = await app.listen({ host: LOOPBACK, port: 0 });
    assertLoopback(address);
    options.log(`Server on ${address} (${workspace.name}); ${clients} clients for ${seconds} s`);
    const tokens = await setUpTeam(address, password);
    const recorder = new Recorder();
    const request = requester(address, recorder, stop.signal);
    for (let seed = 0; seed < SEED_JOURNEYS; seed += 1) {
      const id = `load-seed-${seed}`;
      const created = await request(null, 'POST', '/api/journeys', tokens[seed % tokens.length]!, { body: journeyDocument(id, seed) });
      if (!created || created.status !== 201) throw new Error(`Set-up: creating ${id} answered ${created?.status ?? 'nothing'}: ${JSON.stringify(created?.body)}`);
      if (acknowledge(recorder, `POST ${id}`, id, created)) recorder.created += 1;
    }

    const begun = performance.now();
    const deadline = begun + seconds * 1000;
    const before = () => !stop.signal.aborted && performance.now() < deadline;
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index, tokens[index % tokens.length]!, request, recorder, before)));
    const elapsed = (performance.now() - begun) / 1000;
    const requests = routes.reduce((sum, route) => sum + recorder.times.get(route)!.length, 0);

    options.log(`Load done: ${requests} requests; reading back ${recorder.acknowledged.length} acknowledged versions`);
    const { verified, lost } = await verify(recorder, request, tokens[0]!);
    if (verified < recorder.acknowledged.length && !stop.signal.aborted) lost.push(`only ${verified} of ${recorder.acknowledged.length} versions could be read back`);
    return {
      database: workspace.name,
      clients,
      seconds: elapsed,
      requests,
      requestsPerSecond: elapsed > 0 ? requests / elapsed : 0,
      latency: Object.fromEntries(routes.map((route) => [route, latencyOf(recorder.times.get(route)!)])) as Record<Route, Latency>,
      writes: { acknowledged: recorder.acknowledged.length, created: recorder.created, updated: recorder.updated, conflicts: recorder.conflicts, gaveUp: recorder.gaveUp },
      errors: { count: recorder.errorCount + (stop.signal.aborted ? 1 : 0), examples: stop.signal.aborted ? [...recorder.errorExamples, 'the run was stopped before it ended'] : recorder.errorExamples },
      verified,
      lostWrites: { count: lost.length, examples: lost.slice(0, 20) },
    };
  } finally {
    clearTimeout(hardStop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await app?.close().catch(() => undefined);
    await workspace.db.destroy().catch(() => undefined);
    await workspace.remove();
  }
}

export const failed = (result: LoadResult): boolean => result.errors.count > 0 || result.lostWrites.count > 0;

// ---------------------------------------------------------------------------------------------------
// Report and command line

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function formatReport(result: LoadResult): string {
  const table = (rows: string[][]) => {
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
  };
  const lines = [
    `Team server load test: ${result.clients} clients, ${result.seconds.toFixed(1)} s, ${result.database}, 127.0.0.1`,
    `${result.requests} requests, ${result.requestsPerSecond.toFixed(1)} requests/s`,
    '',
    table([['route', 'requests', 'p50', 'p95', 'p99', 'max'], ...routes.map((route) => [route, String(result.latency[route].count), ms(result.latency[route].p50), ms(result.latency[route].p95), ms(result.latency[route].p99), ms(result.latency[route].max)])]),
    '',
    `Writes acknowledged: ${result.writes.acknowledged} (${result.writes.created} created incl. ${SEED_JOURNEYS} at set-up, ${result.writes.updated} saved); conflicts (412, retried): ${result.writes.conflicts}; saves given up after ${CONFLICT_RETRIES} retries: ${result.writes.gaveUp}`,
    `Read back: ${result.verified} versions`,
    `Errors: ${result.errors.count}`,
    ...result.errors.examples.map((line) => `  ${line}`),
    `Lost writes: ${result.lostWrites.count}`,
    ...result.lostWrites.examples.map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}

const USAGE = `Team server load test: concurrent clients reading and saving journeys on a server started in this
process on 127.0.0.1 (only), then every acknowledged write read back.

Usage:
  npm run bench:server [-- options]
  tsx bench/serverLoad.ts [options]

Options:
  --seconds N      how long the clients run (default ${DEFAULT_SECONDS}, at most ${MAX_SECONDS})
  --clients N      concurrent clients (default ${DEFAULT_CLIENTS}, at most ${MAX_CLIENTS})
  --database URL   a PostgreSQL on this machine: a database of its own is created there and dropped at
                   the end (default: PGlite in a temp directory, removed at the end)
  --json           print one JSON object instead of the report
  -h, --help       show this help

Each client loops: GET /api/journeys, GET a journey, PUT it with If-Match (on 412 it reads again and
retries: a conflict, not an error), and one round in ${CREATE_EVERY} POSTs a new journey. Errors are 5xx,
unexpected 4xx, network failures and timeouts; a lost write is an acknowledged version that does not read
back as acknowledged (or a version acknowledged twice). Exit status: 0 without an error or a lost write,
1 with any or when the run failed, 2 for bad arguments.`;


function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  return value;
}

export function parseOptions(argv: string[]): { options: LoadOptions; json: boolean } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seconds: { type: 'string' },
        clients: { type: 'string' },
        database: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (values.database !== undefined) {
    try {
      assertLocalDatabase(values.database);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return {
    json: values.json,
    options: {
      seconds: values.seconds === undefined ? DEFAULT_SECONDS : wholeNumber('seconds', values.seconds, 1, MAX_SECONDS),
      clients: values.clients === undefined ? DEFAULT_CLIENTS : wholeNumber('clients', values.clients, 1, MAX_CLIENTS),
      database: values.database,
      log: values.json ? () => {} : (line) => process.stderr.write(`${line}\n`),
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const options = parsedOrExit(() => parseOptions(argv), USAGE);
  if ('exit' in options) return options.exit;
  const { parsed } = options;
  try {
    const result = await runServerLoad(parsed.options);
    process.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
    return failed(result) ? 1 : 0;
  } catch (error) {
    process.stderr.write(`The load test could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
