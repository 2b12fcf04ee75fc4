// The team server's load test (bench/serverLoad.ts): a short run with a few clients ends by itself with
// no error and no lost write and removes its temp directory; its checks find what they are for (a version
// acknowledged twice, a host other than 127.0.0.1, a remote PostgreSQL); its options are bounded. Its
// figures are the benchmark's job (npm run bench:server), not the unit suite's.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { assertLocalDatabase, assertLoopback, duplicateAcknowledgements, failed, formatReport, latencyOf, MAX_SECONDS, parseOptions, routes, runServerLoad } from '../../bench/serverLoad';

const loadDirs = () => new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith('journey-lab-load-')));

describe('server load test, a short run', () => {
  it('5 clients for 3 s: every route used, writes and reads back every acknowledged version, no error, temp directory removed', async () => {
    const before = loadDirs();
    const result = await runServerLoad({ seconds: 3, clients: 5, log: () => {} });
    expect(result.errors).toEqual({ count: 0, examples: [] });
    expect(result.lostWrites).toEqual({ count: 0, examples: [] });
    expect(failed(result)).toBe(false);
    for (const route of routes) expect(result.latency[route].count, route).toBeGreaterThan(0);
    // 10 journeys are created at set-up; the clients saved more on top.
    expect(result.writes.updated).toBeGreaterThan(0);
    expect(result.writes.acknowledged).toBe(result.writes.created + result.writes.updated);
    expect(result.verified).toBe(result.writes.acknowledged);
    expect(result.seconds).toBeGreaterThanOrEqual(3);
    expect(result.seconds).toBeLessThan(3 + 31);
    expect([...loadDirs()].filter((name) => !before.has(name))).toEqual([]);
    expect(formatReport(result)).toMatch(/Errors: 0\nLost writes: 0$/);
  }, 30_000);
});

describe('server load test checks', () => {
  it('counts a version acknowledged twice as lost, and nothing else', () => {
    const writes = [
      { id: 'a', version: 1, hash: 'x' },
      { id: 'a', version: 2, hash: 'y' },
      { id: 'b', version: 2, hash: 'z' },
    ];
    expect(duplicateAcknowledgements(writes)).toEqual([]);
    expect(duplicateAcknowledgements([...writes, { id: 'a', version: 2, hash: 'w' }])).toEqual(['a version 2 was acknowledged twice']);
  });

  it('refuses any host but 127.0.0.1, and a PostgreSQL not on this machine', () => {
    expect(() => assertLoopback('http://127.0.0.1:8787')).not.toThrow();
    for (const url of ['http://localhost:8787', 'http://10.0.0.5:8787', 'http://example.com', 'http://[::1]:8787']) expect(() => assertLoopback(url), url).toThrow(/only runs against 127\.0\.0\.1/);
    for (const url of ['postgres://me@127.0.0.1:5432/db', 'postgresql://localhost/db', 'postgres:///db?host=/var/run/postgresql']) expect(() => assertLocalDatabase(url), url).not.toThrow();
    expect(() => assertLocalDatabase('postgres://db.example.com/db')).toThrow(/not "db\.example\.com"/);
    expect(() => assertLocalDatabase('mysql://127.0.0.1/db')).toThrow(/postgres:\/\//);
  });

  it('reports nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(latencyOf(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(latencyOf([])).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it('reads its options within bounds', () => {
    expect(parseOptions(['--help'])).toBe('help');
    const parsed = parseOptions(['--seconds', '5', '--clients', '7', '--json']);
    expect(parsed !== 'help' && { seconds: parsed.options.seconds, clients: parsed.options.clients, json: parsed.json }).toEqual({ seconds: 5, clients: 7, json: true });
    const defaults = parseOptions([]);
    expect(defaults !== 'help' && [defaults.options.seconds, defaults.options.clients]).toEqual([60, 50]);
    expect(() => parseOptions(['--seconds', String(MAX_SECONDS + 1)])).toThrow(/from 1 to 600/);
    expect(() => parseOptions(['--seconds', '0'])).toThrow(/from 1 to 600/);
    expect(() => parseOptions(['--clients', 'many'])).toThrow(/--clients/);
    expect(() => parseOptions(['--database', 'postgres://db.example.com/x'])).toThrow(/this machine/);
    expect(() => parseOptions(['--host', '10.0.0.1'])).toThrow();
  });
});
