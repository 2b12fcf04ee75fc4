// The shell: the journeys list with its templates, the language switch and its persistence, and a
// template opened on the canvas with its stage lanes in both languages.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EN_LANES = ['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty'];
const ZH_LANES = ['意识', '探索', '决策', '使用', '忠诚'];

async function expectLanes(page: Page, names: { region: string; list: string }, labels: string[]) {
  const lanes = page.getByRole('region', { name: names.region }).getByRole('list', { name: names.list });
  await lanes.waitFor();
  for (const label of labels) await lanes.getByText(label, { exact: true }).waitFor({ state: 'visible' });
  expect((await lanes.getByRole('listitem').allTextContents()).map((text) => text.trim())).toEqual(labels);
}

test('shows the journeys list in English, remembers a switch to Chinese, opens a template', async ({ page, saveScreenshot }) => {
  await test.step('open the app', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Journey Lab', exact: true }).waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const templates = page.getByRole('list', { name: 'Start from a template' });
    await templates.getByRole('heading', { name: 'Cart abandonment: reminder, then coupon' }).waitFor();
    await expect(templates.getByRole('listitem')).toHaveCount(10);
    await saveScreenshot('home-en');
  });

  await test.step('open a template on the canvas', async () => {
    await page.getByRole('button', { name: 'Use template: Churn win-back by cause, with a holdout' }).click();
    await expectLanes(page, { region: 'Journey canvas', list: 'Journey stages' }, EN_LANES);
    await page.locator('.react-flow__node[data-id="holdoutSplit"]').waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await saveScreenshot('editor-en');
  });

  await test.step('switch to 简体中文', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await page.getByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' }).waitFor({ state: 'visible' });
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    await expectLanes(page, { region: '旅程画布', list: '旅程阶段' }, ZH_LANES);
    expect(await page.title()).toBe('Journey Lab 用户旅程实验室');
  });

  await test.step('reload remembers Chinese and the open journey', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh-CN');
    await expectLanes(page, { region: '旅程画布', list: '旅程阶段' }, ZH_LANES);
    await page.locator('.react-flow__node[data-id="holdoutSplit"]').getByText('A/B 分流').waitFor();
    await saveScreenshot('editor-zh');
  });

  await test.step('back to the list, in Chinese', async () => {
    await page.getByRole('button', { name: /旅程列表/ }).click();
    await page.getByRole('heading', { name: '用户旅程', exact: true }).waitFor();
    await page.getByRole('button', { name: /按流失原因召回/ }).first().waitFor();
    await saveScreenshot('home-zh');
  });
});
