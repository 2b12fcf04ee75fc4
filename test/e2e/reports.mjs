// Shared by the e2e tests that hold the app's downloads against `journey-lab simulate --json`: a CSV
// reader, the CLI run, and the number-by-number comparison of the per-node and per-day tables.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = fileURLToPath(new URL('../../bin/journey-lab.mjs', import.meta.url));

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) as rows keyed by the header. */
export function parseCsv(csv) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < csv.length; index++) {
    const char = csv[index];
    if (quoted) {
      if (char === '"' && csv[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && csv[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  const [header, ...rows] = records;
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
}

/** Runs `journey-lab <args>` and parses its JSON output. */
export async function cliJson(args) {
  const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/** Clicks `button`, waits for the download it starts and parses it as CSV. */
export async function downloadCsv(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return parseCsv(await readFile(await file.path(), 'utf8'));
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
