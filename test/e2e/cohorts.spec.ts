// The cohort editor as a strategist uses it: copy the e-commerce preset, change a segment share and see
// the total's error, normalise, save; then pick the saved cohort in a journey's Simulate panel and run
// 10,000 users to results.
import { expect, test } from './fixtures';

const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';

test('creates a cohort from the e-commerce preset, normalises its shares, saves it and simulates a journey on it', async ({ page, saveScreenshot }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const total = page.locator('.cohort-total');

  await test.step('open the Cohorts screen from the home screen', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Cohorts' }).click();
    await page.getByRole('heading', { name: 'Cohorts', level: 2 }).waitFor();
  });

  await test.step('copy the e-commerce preset', async () => {
    await page.getByRole('button', { name: 'Copy preset: E-commerce shoppers' }).click();
    await page.getByRole('button', { name: 'Save cohort' }).waitFor();
    expect(page.url()).toMatch(/#\/cohorts\/ecommerce-/);
    await page.getByRole('textbox', { name: 'Cohort name' }).fill('Spring shoppers');
  });

  await test.step('change a segment share and see the total error', async () => {
    const first = page.getByRole('region', { name: /^Segment / }).first();
    await first.getByRole('textbox', { name: 'Share (%)' }).fill('60');
    expect(await total.textContent()).not.toMatch(/Total of shares: 100 %/);
    await total.getByText(/The segments' shares add up to .* not 100 %/).waitFor();
    await saveScreenshot('cohort-share-error');
  });

  await test.step('normalise and save', async () => {
    await page.getByRole('button', { name: 'Normalise to 100 %' }).click();
    await total.getByText('Total of shares: 100 %').waitFor();
    await expect(total.getByText(/The segments' shares add up to/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Save cohort' }).click();
    await page.getByText('Saved.').waitFor();
    await saveScreenshot('cohort-editor');
  });

  await test.step('the cohort is listed', async () => {
    await page.getByRole('link', { name: 'Cohorts', exact: true }).click();
    await page.getByRole('list', { name: 'Saved cohorts' }).getByRole('link', { name: 'Spring shoppers' }).waitFor();
    await saveScreenshot('cohorts-list');
  });

  await test.step('pick it in a journey’s Simulate panel and run 10,000 users', async () => {
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
    expect(await results.textContent()).toMatch(/10,000 users · seed 1/);
    expect(await results.textContent(), 'the results name the saved cohort, not its id').toMatch(/Spring shoppers/);
    await saveScreenshot('cohort-simulated');
  });
});
