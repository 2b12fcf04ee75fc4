// A strategist's afternoon, in the built app: open the churn win-back template, simulate 100,000
// e-commerce users and keep the run as a scenario; make a cohort from the preset with one segment's
// share changed, see the results go stale when it is picked, run 100,000 users on it; read KPIs with
// their intervals, compare the two arms of the holdout split, save a second scenario and compare the
// two, sweep an assumption, and export the CSVs — whose numbers must equal `journey-lab simulate --json`
// for the journey and cohort files the app exports, with the same seed.
import type { Locator, Page } from '@playwright/test';
import { expect, keepDownload, test } from './fixtures';
import { cliJson, downloadCsv, expectCsvsToMatch } from './reports';

const TEMPLATE = 'Use template: Churn win-back by cause, with a holdout';
const USERS = '100000';

async function runPanel(panel: Locator, cohort: string) {
  await panel.getByRole('combobox', { name: 'Cohort' }).selectOption({ label: cohort });
  await panel.getByRole('spinbutton', { name: /Users/ }).fill(USERS);
  await panel.getByRole('spinbutton', { name: /Seed/ }).fill('1');
  await panel.getByRole('button', { name: /Run/ }).click();
  const results = panel.getByRole('region', { name: 'Results' });
  await results.getByText(/100,000 users · seed 1/).waitFor({ timeout: 60_000 });
  return results;
}

async function saveScenario(dashboard: Locator, name: string) {
  const scenarios = dashboard.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('textbox', { name: 'Scenario name' }).fill(name);
  await scenarios.getByRole('button', { name: 'Save as scenario' }).click();
  await scenarios.getByText(`Saved scenario “${name}”.`).waitFor();
  return scenarios;
}

async function savedFile(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return keepDownload(download);
}

test('forecasts the churn win-back journey on two cohorts, compares arms and scenarios, sweeps an assumption and exports what the CLI computes', async ({ page, saveScreenshot }) => {
  test.setTimeout(Math.max(test.info().timeout, 180_000));
  await page.setViewportSize({ width: 1440, height: 900 });
  const tools = page.getByRole('toolbar', { name: 'Journey tools' });
  const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
  const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
  let results = panel.getByRole('region', { name: 'Results' });
  let cohortFile = '';

  await test.step('open the churn win-back template and simulate 100,000 e-commerce users', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: TEMPLATE }).click();
    await page.locator('.react-flow__node[data-id="holdoutSplit"]').waitFor();
    await tools.getByRole('button', { name: /Simulate/ }).click();
    results = await runPanel(panel, 'E-commerce shoppers');
  });

  await test.step('keep it as a scenario', async () => {
    await results.getByRole('button', { name: 'Open dashboard' }).click();
    await saveScenario(dashboard, 'E-commerce preset');
    await page.keyboard.press('Escape');
    await dashboard.waitFor({ state: 'detached' });
  });

  await test.step('make a cohort from the preset with one segment’s share changed, and export it', async () => {
    await tools.getByRole('button', { name: /Journeys/ }).click();
    await page.getByRole('link', { name: 'Cohorts' }).click();
    await page.getByRole('button', { name: 'Copy preset: E-commerce shoppers' }).click();
    await page.getByRole('textbox', { name: 'Cohort name' }).fill('Spring shoppers');
    await page.getByRole('region', { name: /^Segment / }).first().getByRole('textbox', { name: 'Share (%)' }).fill('60');
    await page.getByRole('button', { name: 'Normalise to 100 %' }).click();
    await page.getByRole('button', { name: 'Save cohort' }).click();
    await page.getByText('Saved.').waitFor();
    cohortFile = await savedFile(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  });

  await test.step('back in the journey, picking the new cohort marks the results stale', async () => {
    await page.getByRole('link', { name: /Back to journeys/ }).click();
    await page.getByRole('list', { name: 'Journeys' }).getByRole('button', { name: /^Churn win-back by cause/ }).click();
    await page.locator('.react-flow__node[data-id="holdoutSplit"]').waitFor();
    await tools.getByRole('button', { name: /Simulate/ }).click();
    results = panel.getByRole('region', { name: 'Results' });
    await results.getByText(/100,000 users · seed 1/).waitFor();
    await expect(panel.getByText(/has changed since this run/), 'the kept run is fresh').toHaveCount(0);
    const cohort = panel.getByRole('combobox', { name: 'Cohort' });
    await cohort.locator('option', { hasText: 'Spring shoppers' }).waitFor({ state: 'attached' });
    await cohort.selectOption({ label: 'Spring shoppers' });
    await panel.getByText(/has changed since this run/).waitFor();
    await saveScreenshot('strategist-stale');
  });

  await test.step('run 100,000 users on it and read the KPIs with their intervals', async () => {
    results = await runPanel(panel, 'Spring shoppers');
    await expect(panel.getByText(/has changed since this run/)).toHaveCount(0);
    await results.getByRole('button', { name: 'Open dashboard' }).click();
    const conversions = dashboard.getByRole('group', { name: 'Conversions', exact: true });
    expect(await conversions.locator('.dashboard-kpi__detail').textContent()).toMatch(/^95% interval [\d.]+% to [\d.]+%$/);
    const lift = dashboard.getByRole('group', { name: 'Lift vs holdout', exact: true });
    expect(await lift.locator('.dashboard-kpi__detail').textContent()).toMatch(/95% interval/);
  });

  await test.step('compare the two arms of the holdout split', async () => {
    const variants = dashboard.getByRole('region', { name: 'Variants' });
    const comparisons = variants.getByRole('table', { name: /each variant against/ });
    const verdict = await comparisons.getByRole('row').nth(1).textContent();
    expect(verdict).toMatch(/converts [\d.]+ pts (more|less) than|Not distinguishable/);
    await variants.scrollIntoViewIfNeeded();
    await saveScreenshot('strategist-variants');
  });

  await test.step('the flow through the journey, as a Sankey diagram', async () => {
    const flow = dashboard.getByRole('region', { name: 'Flow through the journey', exact: true });
    await flow.getByRole('img').locator('svg').first().waitFor();
    await flow.scrollIntoViewIfNeeded();
    await saveScreenshot('strategist-flow');
  });

  await test.step('a SMART goal on the forecast, saved with the journey', async () => {
    const goals = dashboard.getByRole('region', { name: 'Goals' });
    await goals.getByRole('spinbutton', { name: /Target/ }).fill('20');
    await goals.getByRole('spinbutton', { name: /Within days/ }).fill('30');
    await goals.getByRole('button', { name: 'Add goal' }).click();
    await goals.getByText(/probability/i).first().waitFor();
    await goals.scrollIntoViewIfNeeded();
    await saveScreenshot('strategist-goals');
  });

  await test.step('save a second scenario and compare the two', async () => {
    const scenarios = await saveScenario(dashboard, 'Spring shoppers');
    const list = scenarios.getByRole('list', { name: 'Saved scenarios' });
    await list.getByRole('checkbox', { name: 'E-commerce preset' }).check();
    await list.getByRole('checkbox', { name: 'Spring shoppers' }).check();
    const figures = scenarios.getByRole('table', { name: /Key figures compared/ });
    await figures.getByRole('rowheader', { name: 'Conversion rate' }).waitFor();
    const assumptions = scenarios.getByRole('table', { name: 'Assumptions each scenario ran on' });
    const cohortRow = assumptions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Cohort/ }) }).first();
    expect(await cohortRow.textContent()).toMatch(/E-commerce shoppers.*Spring shoppers/s);
    expect(await cohortRow.textContent()).toMatch(/differs/);
    const usersRow = assumptions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Users/ }) }).first();
    expect(await usersRow.textContent(), 'both ran 100,000 users').not.toMatch(/differs/);
    await scenarios.scrollIntoViewIfNeeded();
    await saveScreenshot('strategist-scenarios');
  });

  await test.step('sweep an assumption', async () => {
    const sensitivity = dashboard.getByRole('region', { name: 'Sensitivity' });
    await sensitivity.getByRole('button', { name: 'Run sweep' }).click();
    await sensitivity.getByRole('img', { name: /against/ }).locator('svg').first().waitFor({ timeout: 60_000 });
    await sensitivity.scrollIntoViewIfNeeded();
    await saveScreenshot('strategist-sensitivity');
  });

  await test.step('export the CSVs and the journey, and hold them against the CLI', async () => {
    const nodes = await downloadCsv(page, dashboard.getByRole('button', { name: 'Download the per-node table (CSV)' }));
    const days = await downloadCsv(page, dashboard.getByRole('button', { name: /per-day table/ }));
    await page.keyboard.press('Escape');
    await dashboard.waitFor({ state: 'detached' });
    const journeyFile = await savedFile(page, async () => {
      await page.getByRole('button', { name: /Export/ }).click();
      await page.getByRole('menuitem', { name: 'Journey file (.journey.json)' }).click();
    });
    const report = await cliJson(['simulate', journeyFile, '--cohort', cohortFile, '--users', USERS, '--seed', '1', '--json']);
    expect(report.users).toBe(100_000);
    expectCsvsToMatch(report, nodes, days);
  });
});
