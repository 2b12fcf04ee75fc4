// The shell: the journeys list with its templates, the language switch and its persistence, and a
// template opened on the canvas with its stage lanes in both languages.
import assert from 'node:assert/strict';

const EN_LANES = ['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty'];
const ZH_LANES = ['意识', '探索', '决策', '使用', '忠诚'];

async function expectLanes(page, names, labels) {
  const lanes = page.getByRole('region', { name: names.region }).getByRole('list', { name: names.list });
  await lanes.waitFor();
  for (const label of labels) await lanes.getByText(label, { exact: true }).waitFor({ state: 'visible' });
  assert.deepEqual((await lanes.getByRole('listitem').allTextContents()).map((text) => text.trim()), labels);
}

export default [
  {
    name: 'shows the journeys list in English, remembers a switch to Chinese, opens a template',
    async run({ page, screenshot, step }) {
      step('open the app');
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Journey Lab', exact: true }).waitFor({ state: 'visible' });
      await page.getByRole('heading', { name: 'Journeys' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const templates = page.getByRole('list', { name: 'Start from a template' });
      await templates.getByRole('heading', { name: 'Cart abandonment: reminder, then coupon' }).waitFor();
      assert.equal(await templates.getByRole('listitem').count(), 10);
      await screenshot('home-en');

      step('open a template on the canvas');
      await page.getByRole('button', { name: 'Use template: Churn win-back by cause, with a holdout' }).click();
      await expectLanes(page, { region: 'Journey canvas', list: 'Journey stages' }, EN_LANES);
      await page.locator('.react-flow__node[data-id="holdoutSplit"]').waitFor();
      await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
      await screenshot('editor-en');

      step('switch to 简体中文');
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
      await page.getByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' }).waitFor({ state: 'visible' });
      await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
      await expectLanes(page, { region: '旅程画布', list: '旅程阶段' }, ZH_LANES);
      assert.equal(await page.title(), 'Journey Lab 用户旅程实验室');

      step('reload remembers Chinese and the open journey');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' }).waitFor({ state: 'visible' });
      assert.equal(await page.getByRole('combobox', { name: '语言' }).inputValue(), 'zh-CN');
      await expectLanes(page, { region: '旅程画布', list: '旅程阶段' }, ZH_LANES);
      await page.locator('.react-flow__node[data-id="holdoutSplit"]').getByText('A/B 分流').waitFor();
      await screenshot('editor-zh');

      step('back to the list, in Chinese');
      await page.getByRole('button', { name: /旅程列表/ }).click();
      await page.getByRole('heading', { name: '用户旅程', exact: true }).waitFor();
      await page.getByRole('button', { name: /按流失原因召回/ }).first().waitFor();
      await screenshot('home-zh');
    },
  },
];
