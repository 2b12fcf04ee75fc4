// Every screen checked with axe-core (WCAG 2 A and AA rules) in the built app, in English and Chinese:
// no serious or critical violation anywhere — home, the editor, the Simulate panel with its results,
// the dashboard, the cohorts list and a cohort editor, the fit dialog, the lessons, trainer mode and
// the glossary. A violation is reported with its rule, its impact and the elements it found.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TEMPLATE = /^Use template: Cart abandonment|^使用模板: /;

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} (${violation.impact}) on ${violation.nodes.length} element(s): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`no serious or critical accessibility violation on any screen (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    if (lang !== 'en') await page.addInitScript((code) => localStorage.setItem('journey-lab.lang', code), lang);
    const found: string[] = [];
    const check = async (screen: string) => {
      await page.waitForLoadState('networkidle');
      for (const violation of await seriousViolations(page, screen)) found.push(violation);
    };

    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await check('home');

    await page.getByRole('button', { name: TEMPLATE }).first().click();
    await page.locator('.react-flow__node').first().waitFor();
    await check('editor');

    const tools = page.getByRole('toolbar').first();
    await tools.getByRole('button', { name: /Simulate|模拟/ }).first().click();
    const panel = page.getByRole('dialog').filter({ has: page.getByRole('spinbutton') });
    await panel.getByRole('spinbutton').first().fill('5000');
    await panel.getByRole('button', { name: /Run|运行/ }).click();
    await panel.getByRole('region').first().waitFor({ timeout: 30_000 });
    await check('simulate panel with results');

    await panel.getByRole('button', { name: /Open dashboard|打开仪表盘|仪表板/ }).click();
    const dashboard = page.getByRole('dialog', { name: /^(Dashboard|仪表)/ });
    await dashboard.waitFor();
    await page.waitForTimeout(500);
    await check('dashboard');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^(Trainer mode|培训模式)$/ }).click();
    await page.getByRole('tablist').first().waitFor();
    await check('trainer mode');

    await page.goto('/#/cohorts');
    await page.getByRole('button', { name: /Fit from your customer data|用客户数据拟合/ }).waitFor();
    await check('cohorts');
    await page.getByRole('button', { name: /Fit from your customer data|用客户数据拟合/ }).click();
    await page.getByRole('dialog').waitFor();
    await check('fit dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^(Copy preset|复制预设): / }).first().click();
    await page.getByRole('textbox').first().waitFor();
    await check('cohort editor');

    await page.goto('/#/learn');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await check('lessons');

    await page.goto('/#/glossary');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await check('glossary');

    expect(found, found.join('\n')).toEqual([]);
  });
}

test('the check finds a violation where there is one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // An unlabelled button: axe's button-name rule, critical.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'unnamed' })));
  expect((await seriousViolations(page, 'home')).join()).toMatch(/button-name \(critical\)/);
});
