// The cohort editor as a strategist uses it: copy the e-commerce preset, change a segment share and see
// the total's error, normalise, save; then pick the saved cohort in a journey's Simulate panel and run
// 10,000 users to results.
import assert from 'node:assert/strict';

const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';

export default [
  {
    name: 'creates a cohort from the e-commerce preset, normalises its shares, saves it and simulates a journey on it',
    async run({ page, screenshot, step }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      step('open the Cohorts screen from the home screen');
      await page.goto('/');
      await page.getByRole('link', { name: 'Cohorts' }).click();
      await page.getByRole('heading', { name: 'Cohorts', level: 2 }).waitFor();

      step('copy the e-commerce preset');
      await page.getByRole('button', { name: 'Copy preset: E-commerce shoppers' }).click();
      await page.getByRole('button', { name: 'Save cohort' }).waitFor();
      assert.match(page.url(), /#\/cohorts\/ecommerce-/);
      const name = page.getByRole('textbox', { name: 'Cohort name' });
      await name.fill('Spring shoppers');

      step('change a segment share and see the total error');
      const first = page.getByRole('region', { name: /^Segment / }).first();
      await first.getByRole('textbox', { name: 'Share (%)' }).fill('60');
      const total = page.locator('.cohort-total');
      assert.doesNotMatch(await total.textContent(), /Total of shares: 100 %/);
      await total.getByText(/The segments' shares add up to .* not 100 %/).waitFor();
      await screenshot('cohort-share-error');

      step('normalise and save');
      await page.getByRole('button', { name: 'Normalise to 100 %' }).click();
      await total.getByText('Total of shares: 100 %').waitFor();
      assert.equal(await total.getByText(/The segments' shares add up to/).count(), 0);
      await page.getByRole('button', { name: 'Save cohort' }).click();
      await page.getByText('Saved.').waitFor();
      await screenshot('cohort-editor');

      step('the cohort is listed');
      await page.getByRole('link', { name: 'Cohorts', exact: true }).click();
      await page.getByRole('list', { name: 'Saved cohorts' }).getByRole('link', { name: 'Spring shoppers' }).waitFor();
      await screenshot('cohorts-list');

      step('pick it in a journey’s Simulate panel and run 10,000 users');
      await page.getByRole('link', { name: /Back to journeys/ }).click();
      await page.getByRole('button', { name: TEMPLATE }).click();
      await page.locator('.react-flow__node[data-id="coupon"]').waitFor();
      await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
      const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
      await panel.waitFor();
      const select = panel.getByRole('combobox', { name: 'Cohort' });
      await select.locator('option', { hasText: 'Spring shoppers' }).waitFor({ state: 'attached' });
      await select.selectOption({ label: 'Spring shoppers' });
      await panel.getByRole('spinbutton', { name: /Users/ }).fill('10000');
      await panel.getByRole('button', { name: /Run/ }).click();
      const results = panel.getByRole('region', { name: 'Results' });
      await results.waitFor({ timeout: 30_000 });
      assert.match(await results.textContent(), /10,000 users · seed 1/);
      assert.match(await results.textContent(), /Spring shoppers/, 'the results name the saved cohort, not its id');
      await screenshot('cohort-simulated');
    },
  },
];
