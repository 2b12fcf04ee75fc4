// The app shell: title, canvas region, stage lanes, language switch and its persistence.
import assert from 'node:assert/strict';

const EN_LANES = ['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty'];
const ZH_LANES = ['意识', '探索', '决策', '使用', '忠诚'];

async function expectLanes(page, listName, labels) {
  const lanes = page.getByRole('region', { name: listName.region }).getByRole('list', { name: listName.list });
  await lanes.waitFor();
  for (const label of labels) {
    await lanes.getByText(label, { exact: true }).waitFor({ state: 'visible' });
  }
  assert.deepEqual(
    (await lanes.getByRole('listitem').allTextContents()).map((text) => text.trim()),
    labels,
  );
}

export default [
  {
    name: 'shows the shell in English and remembers a switch to Chinese',
    async run({ page, screenshot, step }) {
      step('open the app');
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Journey Lab', exact: true }).waitFor({ state: 'visible' });
      await page.getByRole('region', { name: 'Journey canvas' }).waitFor({ state: 'visible' });
      const templates = page.getByRole('complementary', { name: 'Templates' });
      await templates.getByText('Cart abandonment: reminder, then coupon', { exact: true }).waitFor({ state: 'visible' });
      assert.equal(await templates.getByRole('listitem').count(), 10);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');

      step('English lane labels');
      await expectLanes(page, { region: 'Journey canvas', list: 'Journey stages' }, EN_LANES);
      await page.locator('.react-flow__pane').waitFor({ state: 'visible' });
      await screenshot('shell-en');

      step('switch to 简体中文');
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
      await page.getByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' }).waitFor({ state: 'visible' });
      await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
      await expectLanes(page, { region: '旅程画布', list: '旅程阶段' }, ZH_LANES);
      await page.getByRole('complementary', { name: '模板' }).getByText('加购未下单：先提醒，再发券', { exact: true }).waitFor({ state: 'visible' });
      assert.equal(await page.title(), 'Journey Lab 用户旅程实验室');

      step('reload remembers Chinese');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' }).waitFor({ state: 'visible' });
      await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
      assert.equal(await page.getByRole('combobox', { name: '语言' }).inputValue(), 'zh-CN');
      await expectLanes(page, { region: '旅程画布', list: '旅程阶段' }, ZH_LANES);
      await page.locator('.react-flow__pane').waitFor({ state: 'visible' });
      await screenshot('shell-zh');
    },
  },
];
