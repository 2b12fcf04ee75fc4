// Every dashboard chart readable at 1024 px wide, in English and Chinese (issue 17): in each chart's
// SVG, no two pieces of text overlap (axis labels, legend entries, titles, Sankey names), and no chart
// is wider than its box (a flow too wide for its section scrolls inside a box of its own, which counts).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Collision {
  chart: string;
  first: string;
  second: string;
}

/** Overlapping text pairs and overflowing figures of every chart drawn in the dashboard. */
function measure(page: Page) {
  return page.evaluate(() => {
    const collisions: Collision[] = [];
    const overflowing: string[] = [];
    for (const canvas of document.querySelectorAll<HTMLElement>('.dashboard-chart__canvas[data-phase="ready"]')) {
      const chart = canvas.getAttribute('aria-label') ?? '?';
      const svg = canvas.querySelector('svg');
      if (!svg) continue;
      // The box the chart must fit: its own scroll box if it has one (a wide flow), else its section.
      const box = (canvas.closest('.dashboard-chart__scroll') ?? canvas.closest('section') ?? canvas.parentElement)!.getBoundingClientRect();
      const figure = svg.getBoundingClientRect();
      if (!canvas.closest('.dashboard-chart__scroll') && figure.width > box.width + 1) overflowing.push(`${chart}: ${Math.round(figure.width)} px in ${Math.round(box.width)} px`);
      const texts = [...svg.querySelectorAll('text')]
        .filter((text) => (text.textContent ?? '').trim() !== '' && getComputedStyle(text).visibility !== 'hidden' && Number(text.getAttribute('opacity') ?? 1) > 0)
        .map((text) => ({ text: (text.textContent ?? '').trim(), rect: text.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width > 0 && rect.height > 0);
      // A scrolling legend's pager ("1/2") is drawn over the entries scrolled out of view, which are clipped.
      const pager = /^\d+\/\d+$/;
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          if (pager.test(texts[i]!.text) || pager.test(texts[j]!.text)) continue;
          const a = texts[i]!.rect;
          const b = texts[j]!.rect;
          const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // More than a sliver: glyph boxes include line spacing, so touching lines may share a pixel or two.
          if (width > 2 && height > 2) collisions.push({ chart, first: texts[i]!.text, second: texts[j]!.text });
        }
    }
    return { collisions, overflowing, charts: document.querySelectorAll('.dashboard-chart__canvas[data-phase="ready"] svg').length };
  });
}

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
    const { collisions, overflowing, charts } = await measure(page);
    expect(charts).toBeGreaterThan(4);
    expect(collisions.map(({ chart, first, second }) => `${chart}: “${first}” over “${second}”`)).toEqual([]);
    expect(overflowing).toEqual([]);
  });
}
