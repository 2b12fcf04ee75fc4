// What a strategist downloads from the dashboard is what `journey-lab simulate --json` says for the same
// journey, cohort and seed: the per-node and per-day CSVs of a 20,000-user run in the built app are
// compared, number by number, with the CLI's JSON report of the same template.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/journey-lab.mjs', import.meta.url));
const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) as rows keyed by the header. */
function parse(csv) {
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

async function cliReport() {
  const folder = await mkdtemp(path.join(tmpdir(), 'journey-lab-csv-'));
  const file = path.join(folder, 'cart.journey.json');
  const { stdout: journey } = await run(process.execPath, [BIN, 'templates', '--export', 'cart-abandonment']);
  await writeFile(file, journey);
  const { stdout } = await run(process.execPath, [BIN, 'simulate', file, '--preset', 'ecommerce', '--users', '20000', '--seed', '1', '--json'], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return parse(await readFile(await file.path(), 'utf8'));
}

export default [
  {
    name: 'the dashboard’s CSVs equal journey-lab simulate --json for the same journey, cohort and seed',
    async run({ page, step }) {
      const expected = cliReport();
      step('simulate the template on 20,000 e-commerce users, seed 1');
      await page.goto('/');
      await page.getByRole('button', { name: TEMPLATE }).click();
      await page.locator('.react-flow__node[data-id="coupon"]').waitFor();
      await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
      const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
      await panel.getByRole('spinbutton', { name: /Users/ }).fill('20000');
      await panel.getByRole('spinbutton', { name: /Seed/ }).fill('1');
      await panel.getByRole('button', { name: /Run/ }).click();
      const results = panel.getByRole('region', { name: 'Results' });
      await results.waitFor({ timeout: 30_000 });
      await results.getByRole('button', { name: 'Open dashboard' }).click();
      const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });

      step('download both tables and compare them with the CLI report');
      const nodes = await download(page, dashboard.getByRole('button', { name: 'Download the per-node table (CSV)' }));
      const days = await download(page, dashboard.getByRole('button', { name: /per-day table/ }));
      const report = await expected;
      assert.equal(report.users, 20_000);
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
    },
  },
];
