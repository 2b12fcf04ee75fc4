// What a strategist downloads from the dashboard is what `journey-lab simulate --json` says for the same
// journey, cohort and seed: the per-node and per-day CSVs of a 20,000-user run in the built app are
// compared, number by number, with the CLI's JSON report of the same template.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BIN, assertCsvsMatch, cliJson, downloadCsv } from './reports.mjs';

const run = promisify(execFile);
const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';

async function cliReport() {
  const folder = await mkdtemp(path.join(tmpdir(), 'journey-lab-csv-'));
  const file = path.join(folder, 'cart.journey.json');
  const { stdout: journey } = await run(process.execPath, [BIN, 'templates', '--export', 'cart-abandonment']);
  await writeFile(file, journey);
  try {
    return await cliJson(['simulate', file, '--preset', 'ecommerce', '--users', '20000', '--seed', '1', '--json']);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
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
      const nodes = await downloadCsv(page, dashboard.getByRole('button', { name: 'Download the per-node table (CSV)' }));
      const days = await downloadCsv(page, dashboard.getByRole('button', { name: /per-day table/ }));
      const report = await expected;
      assert.equal(report.users, 20_000);
      assertCsvsMatch(report, nodes, days);
    },
  },
];
