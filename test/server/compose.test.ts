// compose.yaml runs the project's one image as the team server with PostgreSQL (docs/server.md). No
// container runs here (CI has no Docker daemon), so this holds the file to what the server relies on:
// the server reads DATABASE_URL, the database's name, user and password agree with that address, the
// server waits for a healthy database, listens on every interface inside its container but is published
// on this machine only, and the serve options it is given are ones `journey-lab serve` takes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(new URL('../../compose.yaml', import.meta.url), 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const { db, server } = compose.services as { db: Service; server: Service };

describe('compose.yaml', () => {
  it('runs PostgreSQL 15 with its data on a named volume, healthy once it answers', () => {
    expect(db.image).toBe('postgres:15');
    const [volume] = db.volumes![0]!.split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(db.healthcheck!.test.join(' ')).toContain('pg_isready');
  });

  it('builds the project image and serves on every interface of the container, published on 127.0.0.1 only', () => {
    expect(server.build).toBe('.');
    expect(server.command!.slice(0, 1)).toEqual(['serve']);
    expect(server.command!.join(' ')).toMatch(/--host 0\.0\.0\.0 --port 8787/);
    expect(server.ports).toEqual(['127.0.0.1:8787:8787']);
    expect(server.depends_on).toEqual({ db: { condition: 'service_healthy' } });
  });

  it('points the server at that database by DATABASE_URL, with the same user, password and database', () => {
    const address = new URL(server.environment!.DATABASE_URL!.replaceAll('${POSTGRES_PASSWORD:-journeylab}', 'journeylab'));
    expect([address.protocol, address.hostname, address.port, address.pathname]).toEqual(['postgres:', 'db', '5432', `/${db.environment!.POSTGRES_DB}`]);
    expect(address.username).toBe(db.environment!.POSTGRES_USER);
    expect(db.environment!.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:-journeylab}');
    expect(Object.keys(server.environment!)).toEqual(expect.arrayContaining(['JOURNEY_LAB_ADMIN_EMAIL', 'JOURNEY_LAB_ADMIN_PASSWORD']));
  });

  it('gives serve only options it takes', async () => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), readFile: () => '', writeFile: () => undefined, env: {}, version: '0' };
    // --help after the service's own options: read and accepted, then the usage, nothing started.
    expect(await serveCommand([...server.command!.slice(1), '--help'], 'en', io)).toBe(0);
    expect(stderr).toBe('');
  });
});
