// The results dashboard in the built app: simulate a template on 20,000 users, open the dashboard from
// the Simulate panel, read a KPI card, see a chart drawn by the lazily loaded ECharts, show a data table,
// download the per-node CSV, and close with Escape.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';

export default [
  {
    name: 'opens the dashboard of a run, with KPI cards, charts, data tables and a CSV export',
    async run({ page, screenshot, step }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      step('open the cart-abandonment template');
      await page.goto('/');
      await page.getByRole('button', { name: TEMPLATE }).click();
      await page.locator('.react-flow__node[data-id="coupon"]').waitFor();

      step('simulate 20,000 users');
      await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
      const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
      await panel.getByRole('spinbutton', { name: /Users/ }).fill('20000');
      await panel.getByRole('button', { name: /Run/ }).click();
      const results = panel.getByRole('region', { name: 'Results' });
      await results.waitFor({ timeout: 30_000 });
      const entered = (await panel.locator('[data-metric="entered"] .simulation-results__value').textContent()).trim();

      step('open the dashboard');
      const scripts = new Set();
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
      });
      const opener = results.getByRole('button', { name: 'Open dashboard' });
      await opener.click();
      const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
      await dashboard.waitFor();
      assert.equal(await dashboard.getByRole('button', { name: 'Close dashboard' }).evaluate((element) => element === document.activeElement), true);

      step('a KPI card with its interval and formula');
      const conversions = dashboard.getByRole('group', { name: 'Conversions', exact: true });
      assert.match(await conversions.locator('.dashboard-kpi__value').textContent(), /^[\d,]+ \([\d.]+%\)$/);
      assert.match(await conversions.locator('.dashboard-kpi__detail').textContent(), /^95% interval [\d.]+% to [\d.]+%$/);
      assert.equal(await conversions.getAttribute('title'), 'Conversion rate = users who reached a goal ÷ users who entered');
      assert.match(await dashboard.getByRole('group', { name: 'Revenue', exact: true }).locator('.dashboard-kpi__value').textContent(), /^CN¥[\d,.]+$/);

      step('the charts are drawn (SVG) by the ECharts chunk, loaded only now');
      const stagesChart = dashboard.getByRole('img', { name: /^Stage population over time/ });
      await stagesChart.locator('svg').first().waitFor();
      const operationsChart = dashboard.getByRole('img', { name: /^Operations load/ });
      await operationsChart.locator('svg').first().waitFor();
      assert.ok((await operationsChart.locator('svg path').count()) > 10, 'the operations chart has bars drawn');
      assert.ok((await operationsChart.locator('svg text').allTextContents()).some((text) => text.startsWith('Peak: day ')), 'the peak day is marked');
      const hoursChart = dashboard.getByRole('img', { name: /^Sends by hour of day/ });
      await hoursChart.locator('svg').first().waitFor();
      assert.ok((await hoursChart.locator('svg text').allTextContents()).includes('Quiet hours'), 'the quiet hours are shaded and named');
      await dashboard.getByRole('img', { name: /^Cumulative conversions and revenue/ }).locator('svg').first().waitFor();
      assert.equal(await dashboard.locator('.dashboard-chart__canvas[data-phase="ready"]').count(), 7, 'six charts and the flow');
      assert.ok([...scripts].some((script) => /echartsRenderer-.*\.js$/.test(script)), `the ECharts chunk is loaded on opening: ${[...scripts].join(', ')}`);
      await screenshot('dashboard-en');

      step('show the funnel data table');
      const funnel = dashboard.getByRole('region', { name: 'Funnel by lifecycle stage' });
      await funnel.getByRole('button', { name: 'Show data' }).click();
      const funnelTable = funnel.getByRole('table', { name: /Users who entered a step of each stage/ });
      await funnelTable.waitFor();
      const firstStage = funnelTable.getByRole('row').nth(1);
      // The template starts in the decision stage (its entry is the abandoned cart).
      assert.equal((await firstStage.getByRole('rowheader').textContent()).trim(), 'Decision');
      assert.equal((await firstStage.getByRole('cell').first().textContent()).trim(), entered, 'everyone who entered reached the entry step’s stage');
      await funnel.getByRole('button', { name: 'Hide data' }).waitFor();

      step('download the per-node CSV');
      const [download] = await Promise.all([page.waitForEvent('download'), dashboard.getByRole('button', { name: 'Download the per-node table (CSV)' }).click()]);
      assert.match(download.suggestedFilename(), /^cart-abandonment-reminder-then-coupon-nodes\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      const [header, first] = csv.split('\r\n');
      assert.match(header, /^id,label,stage,entries,users(,port:[^,]+)+$/);
      const cells = first.split(',');
      assert.equal(cells[2], 'decision');
      assert.equal(Number(cells[4]), Number(entered.replaceAll(',', '')), 'the entry step’s users are the users who entered');
      assert.ok(Number(cells[3]) >= Number(cells[4]));

      await dashboard.getByRole('region', { name: 'Operations load' }).getByRole('button', { name: 'Show data' }).click();
      await screenshot('dashboard-data-en');

      step('the sends-by-hour chart and its table name the quiet hours');
      const hours = dashboard.getByRole('region', { name: 'Sends by hour of day' });
      await hours.getByRole('button', { name: 'Show data' }).click();
      await hours.getByRole('table', { name: /quiet hours 22:00–08:00 are shaded/ }).waitFor();
      await hours.scrollIntoViewIfNeeded();
      await screenshot('dashboard-hours-en');

      step('in Chinese');
      await page.keyboard.press('Escape');
      await dashboard.waitFor({ state: 'detached' });
      assert.equal(await opener.evaluate((element) => element === document.activeElement), true, 'focus goes back to the Open dashboard button');
      assert.equal(await panel.isVisible(), true, 'the Simulate panel stays open');
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
      await page.getByRole('button', { name: '打开仪表板' }).click();
      const dashboardZh = page.getByRole('dialog', { name: /^仪表板：/ });
      await dashboardZh.getByRole('img', { name: /^运营负载/ }).locator('svg').first().waitFor();
      assert.match(await dashboardZh.getByRole('group', { name: '收入', exact: true }).locator('.dashboard-kpi__value').textContent(), /^¥[\d,.]+$/);
      await screenshot('dashboard-zh');
      await page.keyboard.press('Escape');
      await dashboardZh.waitFor({ state: 'detached' });
    },
  },
];
