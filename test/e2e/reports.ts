// Shared by the e2e tests that hold the app's downloads against `journey-lab simulate --json`: a
// download read as CSV (../support/csv.mjs), the CLI run, and the number-by-number comparison of the
// per-node and per-day tables.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { readCsvRows } from '../support/csv.mjs';
import { expect, keepDownload } from './fixtures';

const run = promisify(execFile);
export const BIN = fileURLToPath(new URL('../../bin/journey-lab.mjs', import.meta.url));

/** The parts of `journey-lab simulate --json` the comparison reads. */
export interface CliReport {
  users: number;
  horizonDays: number;
  nodes: { id: string; entries: number; users: number; ports: Record<string, number> }[];
  stagesByDay: Record<string, number[]>;
  channels: Record<string, { sentByDay: number[]; suppressedByDay: number[] }>;
}

type CsvRow = Record<string, string | undefined>;

/** Runs `journey-lab <args>` and parses its JSON output. */
export async function cliJson(args: string[]): Promise<CliReport> {
  const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as CliReport;
}

/** Clicks `button`, waits for the download it starts, keeps it and parses it as CSV. */
export async function downloadCsv(page: Page, button: Locator): Promise<CsvRow[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readCsvRows(await readFile(await keepDownload(file), 'utf8'));
}

/** The per-node and per-day CSVs hold the report's numbers, one by one. */
export function expectCsvsToMatch(report: CliReport, nodes: CsvRow[], days: CsvRow[]): void {
  expect(nodes.length).toBe(report.nodes.length);
  for (const node of report.nodes) {
    const row = nodes.find((candidate) => candidate.id === node.id);
    expect(row, `the CSV has node ${node.id}`).toBeTruthy();
    expect(Number(row?.entries), `${node.id} entries`).toBe(node.entries);
    expect(Number(row?.users), `${node.id} users`).toBe(node.users);
    for (const [port, count] of Object.entries(node.ports)) expect(Number(row?.[`port:${port}`]), `${node.id} port ${port}`).toBe(count);
  }
  expect(days.length).toBe(report.horizonDays);
  days.forEach((row, day) => {
    for (const [stage, counts] of Object.entries(report.stagesByDay)) expect(Number(row[stage]), `${stage} on day ${day}`).toBe(counts[day]);
    for (const [channel, figures] of Object.entries(report.channels)) {
      expect(Number(row[`${channel}:sent`]), `${channel} sent on day ${day}`).toBe(figures.sentByDay[day]);
      expect(Number(row[`${channel}:suppressed`]), `${channel} suppressed on day ${day}`).toBe(figures.suppressedByDay[day]);
    }
  });
}
