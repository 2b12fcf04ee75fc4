// Shared by the e2e tests that hold the app's downloads against `journey-lab simulate --json`: a
// download read as CSV (../support/csv.mjs), the CLI run, and the number-by-number comparison of the
// per-node and per-day tables.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readCsvRows } from '../support/csv.mjs';

const run = promisify(execFile);
export const BIN = fileURLToPath(new URL('../../bin/journey-lab.mjs', import.meta.url));

/** Runs `journey-lab <args>` and parses its JSON output. */
export async function cliJson(args) {
  const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/** Clicks `button`, waits for the download it starts and parses it as CSV. */
export async function downloadCsv(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readCsvRows(await readFile(await file.path(), 'utf8'));
}

/** The per-node and per-day CSVs hold the report's numbers, one by one. */
export function assertCsvsMatch(report, nodes, days) {
  assert.equal(nodes.length, report.nodes.length);
  for (const node of report.nodes) {
    const row = nodes.find((candidate) => candidate.id === node.id);
    assert.ok(row, `the CSV has node ${node.id}`);
    assert.equal(Number(row.entries), node.entries, `${node.id} entries`);
    assert.equal(Number(row.users), node.users, `${node.id} users`);
    for (const [port, count] of Object.entries(node.ports)) assert.equal(Number(row[`port:${port}`]), count, `${node.id} port ${port}`);
  }
  assert.equal(days.length, report.horizonDays);
  days.forEach((row, day) => {
    for (const [stage, counts] of Object.entries(report.stagesByDay)) assert.equal(Number(row[stage]), counts[day], `${stage} on day ${day}`);
    for (const [channel, figures] of Object.entries(report.channels)) {
      assert.equal(Number(row[`${channel}:sent`]), figures.sentByDay[day], `${channel} sent on day ${day}`);
      assert.equal(Number(row[`${channel}:suppressed`]), figures.suppressedByDay[day], `${channel} suppressed on day ${day}`);
    }
  });
}
