// Every dashboard chart readable at 1024 px wide, in English and Chinese (issue 17): in each chart's
// SVG, no two pieces of text overlap (axis labels, legend entries, titles, Sankey names), and no chart
// is wider than its box (a flow too wide for its section scrolls inside a box of its own, which counts).
import { expect, test } from './fixtures';
import { measureCharts } from './chartText';

for (const lang of ['en', 'zh-CN'] as const) {
  test(`every dashboard chart is readable at 1024 px (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    if (lang !== 'en') await page.addInitScript((code) => localStorage.setItem('journey-lab.lang', code), lang);
    await page.goto('/');
    await page.getByRole('button', { name: /^Use template: Cart abandonment|^使用模板: 加购未下单/ }).first().click();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('toolbar').first().getByRole('button', { name: /Simulate|模拟/ }).first().click();
    const panel = page.getByRole('dialog').filter({ has: page.getByRole('spinbutton') });
    await panel.getByRole('spinbutton').first().fill('20000');
    await panel.getByRole('button', { name: /Run|运行/ }).click();
    await panel.getByRole('region').first().waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: /Open dashboard|打开仪表盘|仪表板/ }).click();
    const dashboard = page.getByRole('dialog', { name: /^(Dashboard|仪表)/ });
    await dashboard.waitFor();
    await expect(dashboard.locator('.dashboard-chart__canvas[data-phase="ready"]').first()).toBeVisible({ timeout: 30_000 });
    // Every chart is drawn when it scrolls into view: bring each one in.
    for (const chart of await dashboard.locator('.dashboard-chart__canvas').all()) await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const { collisions, overflowing, charts } = await measureCharts(page);
    expect(charts).toBeGreaterThan(4);
    expect(collisions.map(({ chart, first, second }) => `${chart}: “${first}” over “${second}”`)).toEqual([]);
    expect(overflowing).toEqual([]);
  });
}
