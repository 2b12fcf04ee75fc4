// The results dashboard in the built app: simulate a template on 20,000 users, open the dashboard from
// the Simulate panel, read a KPI card, see a chart drawn by the lazily loaded ECharts, show a data table,
// download the per-node CSV, and close with Escape.
import { readFile } from 'node:fs/promises';
import { expect, keepDownload, test } from './fixtures';

const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';

test('opens the dashboard of a run, with KPI cards, charts, data tables and a CSV export', async ({ page, saveScreenshot }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
  const results = panel.getByRole('region', { name: 'Results' });
  const opener = results.getByRole('button', { name: 'Open dashboard' });
  const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
  const scripts = new Set<string>();
  let entered = '';

  await test.step('open the cart-abandonment template', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: TEMPLATE }).click();
    await page.locator('.react-flow__node[data-id="coupon"]').waitFor();
  });

  await test.step('simulate 20,000 users', async () => {
    await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
    await panel.getByRole('spinbutton', { name: /Users/ }).fill('20000');
    await panel.getByRole('button', { name: /Run/ }).click();
    await results.waitFor({ timeout: 30_000 });
    entered = ((await panel.locator('[data-metric="entered"] .simulation-results__value').textContent()) ?? '').trim();
  });

  await test.step('open the dashboard', async () => {
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    await opener.click();
    await dashboard.waitFor();
    expect(await dashboard.getByRole('button', { name: 'Close dashboard' }).evaluate((element) => element === document.activeElement)).toBe(true);
  });

  await test.step('a KPI card with its interval and formula', async () => {
    const conversions = dashboard.getByRole('group', { name: 'Conversions', exact: true });
    expect(await conversions.locator('.dashboard-kpi__value').textContent()).toMatch(/^[\d,]+ \([\d.]+%\)$/);
    expect(await conversions.locator('.dashboard-kpi__detail').textContent()).toMatch(/^95% interval [\d.]+% to [\d.]+%$/);
    expect(await conversions.getAttribute('title')).toBe('Conversion rate = users who reached a goal ÷ users who entered');
    // What the journey adds leads; the attributed figures follow, named so, under the note that tells them apart.
    const incremental = dashboard.getByRole('list', { name: 'What the journey adds (incremental)' });
    const attributed = dashboard.getByRole('list', { name: 'Attributed and other figures' });
    expect(await incremental.getByRole('group').first().getAttribute('data-kpi')).toBe('incrementalConversions');
    expect(await incremental.getByRole('group', { name: 'Incremental revenue', exact: true }).locator('.dashboard-kpi__value').textContent()).toMatch(/^-?CN¥[\d,.]+$/);
    expect(await incremental.getByRole('group', { name: 'Incremental ROI', exact: true }).locator('.dashboard-kpi__value').textContent()).toMatch(/%$/);
    expect(await attributed.getByRole('group', { name: 'Attributed revenue', exact: true }).locator('.dashboard-kpi__value').textContent()).toMatch(/^CN¥[\d,.]+$/);
    await expect(attributed).toHaveAccessibleDescription(/^Attributed revenue counts everything users bought while in the journey/);
    expect(
      await incremental.evaluate((list, other) => Boolean(list.compareDocumentPosition(other as Node) & Node.DOCUMENT_POSITION_FOLLOWING), await attributed.elementHandle()),
      'the incremental cards come before the attributed ones',
    ).toBe(true);
  });

  await test.step('the charts are drawn (SVG) by the ECharts chunk, loaded only now', async () => {
    const stagesChart = dashboard.getByRole('img', { name: /^Stage population over time/ });
    await stagesChart.locator('svg').first().waitFor();
    const operationsChart = dashboard.getByRole('img', { name: /^Operations load/ });
    await operationsChart.locator('svg').first().waitFor();
    expect(await operationsChart.locator('svg path').count(), 'the operations chart has bars drawn').toBeGreaterThan(10);
    expect((await operationsChart.locator('svg text').allTextContents()).some((text) => text.startsWith('Peak: day ')), 'the peak day is marked').toBe(true);
    const hoursChart = dashboard.getByRole('img', { name: /^Sends by hour of day/ });
    await hoursChart.locator('svg').first().waitFor();
    expect(await hoursChart.locator('svg text').allTextContents(), 'the quiet hours are shaded and named').toContain('Quiet hours');
    await dashboard.getByRole('img', { name: /^Cumulative incremental conversions and revenue/ }).locator('svg').first().waitFor();
    await expect(dashboard.locator('.dashboard-chart__canvas[data-phase="ready"]'), 'six charts and the flow').toHaveCount(7);
    expect([...scripts].some((script) => /echartsRenderer-.*\.js$/.test(script)), `the ECharts chunk is loaded on opening: ${[...scripts].join(', ')}`).toBe(true);
    await saveScreenshot('dashboard-en');
  });

  await test.step('show the funnel data table', async () => {
    const funnel = dashboard.getByRole('region', { name: 'Funnel by lifecycle stage', exact: true });
    await funnel.getByRole('button', { name: 'Show data' }).click();
    const funnelTable = funnel.getByRole('table', { name: /Users who reached each stage or a later one/ });
    await funnelTable.waitFor();
    const stages = (await funnelTable.getByRole('rowheader').allTextContents()).map((name) => name.trim());
    expect(stages).toEqual(['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty']);
    const users = await funnelTable.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
    // The template starts in the decision stage (its entry is the abandoned cart): everyone who entered
    // reached it, and so every stage before it; fewer go on to the later ones.
    expect(users.slice(0, 3), 'everyone who entered reached the entry step’s stage and the ones before it').toEqual([entered, entered, entered]);
    const counts = users.map((text) => Number(text.replaceAll(',', '')));
    expect(counts, 'each stage counts users who reached it or a later one').toEqual([...counts].sort((a, b) => b - a));
    await funnel.getByRole('button', { name: 'Hide data' }).waitFor();
  });

  await test.step('download the per-node CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), dashboard.getByRole('button', { name: 'Download the per-node table (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^cart-abandonment-reminder-then-coupon-nodes\.csv$/);
    const csv = await readFile(await keepDownload(download), 'utf8');
    const [header = '', first = ''] = csv.split('\r\n');
    expect(header).toMatch(/^id,label,stage,entries,users,incremental:conversions,incremental:revenue:CNY,incremental:cost:CNY(,port:[^,]+)+$/);
    const cells = first.split(',');
    expect(cells[2]).toBe('decision');
    expect(Number(cells[4]), 'the entry step’s users are the users who entered').toBe(Number(entered.replaceAll(',', '')));
    expect(Number(cells[3])).toBeGreaterThanOrEqual(Number(cells[4]));

    await dashboard.getByRole('region', { name: 'Operations load', exact: true }).getByRole('button', { name: 'Show data' }).click();
    await saveScreenshot('dashboard-data-en');
  });

  await test.step('the sends-by-hour chart and its table name the quiet hours', async () => {
    const hours = dashboard.getByRole('region', { name: 'Sends by hour of day', exact: true });
    await hours.getByRole('button', { name: 'Show data' }).click();
    await hours.getByRole('table', { name: /quiet hours 22:00–08:00 are shaded/ }).waitFor();
    await hours.scrollIntoViewIfNeeded();
    await saveScreenshot('dashboard-hours-en');
  });

  await test.step('in Chinese', async () => {
    await page.keyboard.press('Escape');
    await dashboard.waitFor({ state: 'detached' });
    expect(await opener.evaluate((element) => element === document.activeElement), 'focus goes back to the Open dashboard button').toBe(true);
    expect(await panel.isVisible(), 'the Simulate panel stays open').toBe(true);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await page.getByRole('button', { name: '打开仪表板' }).click();
    const dashboardZh = page.getByRole('dialog', { name: /^仪表板：/ });
    await dashboardZh.getByRole('img', { name: /^运营负载/ }).locator('svg').first().waitFor();
    expect(await dashboardZh.getByRole('list', { name: '旅程带来的增量' }).getByRole('group', { name: '增量收入', exact: true }).locator('.dashboard-kpi__value').textContent()).toMatch(/^-?¥[\d,.]+$/);
    expect(await dashboardZh.getByRole('list', { name: '归因及其他指标' }).getByRole('group', { name: '归因收入', exact: true }).locator('.dashboard-kpi__value').textContent()).toMatch(/^¥[\d,.]+$/);
    await saveScreenshot('dashboard-zh');
    await page.keyboard.press('Escape');
    await dashboardZh.waitFor({ state: 'detached' });
  });
});
