// Fitting a cohort on one's own customers, in the built app: the CDNOW sample imported through the page,
// its columns guessed, fitted with a calibration end in a worker, the published parameters read from the
// table, the tracking plot and its data seen, and the fitted cohort saved with where it came from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const CDNOW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'CDNOW_sample.txt');
const SHOTS = process.env.FIT_SCREENSHOTS;

test('imports the CDNOW sample, fits it with a calibration end and saves the fitted cohort', async ({ page, saveScreenshot }) => {
  const width = Number(process.env.FIT_WIDTH ?? 1440);
  await page.setViewportSize({ width, height: 900 });
  if (process.env.FIT_LANG) await page.addInitScript((lang) => localStorage.setItem('journey-lab.lang', lang), process.env.FIT_LANG);
  const shot = async (name: string) => {
    await saveScreenshot(name);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${process.env.FIT_LANG ?? 'en'}.png`), fullPage: true });
  };
  const dialog = page.getByRole('dialog');

  await test.step('open the import from the Cohorts screen and pick the file', async () => {
    await page.goto('/#/cohorts');
    await page.locator('.cohorts-bar button').nth(1).click();
    await dialog.waitFor();
    await dialog.locator('input[type=file]').first().setInputFiles(CDNOW);
  });

  const preview = dialog.locator('table.fit-table');
  await test.step('the guessed columns: customer id 1, date 3 (yyyymmdd), amount 5', async () => {
    await preview.waitFor();
    const headers = preview.getByRole('columnheader');
    if (!process.env.FIT_LANG) {
      await expect(headers.nth(0)).toContainText('Customer id');
      await expect(headers.nth(2)).toContainText('Date');
      await expect(headers.nth(4)).toContainText('Amount');
    }
    await shot('fit-file');
    await dialog.locator('.fit-dialog__footer .button--primary').click();
    await expect(dialog.locator('select').nth(0)).toHaveValue('0');
    await expect(dialog.locator('select').nth(1)).toHaveValue('2');
    await expect(dialog.locator('select').nth(2)).toHaveValue('4');
    await expect(dialog.locator('select').nth(7)).toHaveValue('ymd-compact');
    await shot('fit-mapping');
    await dialog.locator('.fit-dialog__footer .button--primary').click();
  });

  await test.step('fit with the calibration end 1997-09-30 and read r and α', async () => {
    await dialog.locator('input[type=date]').fill('1997-09-30');
    await dialog.locator('.fit-step > .button--primary').click();
    const parameters = dialog.locator('.fit-segment table');
    await parameters.waitFor({ timeout: 60_000 });
    const value = async (row: number) => Number((await parameters.locator('tbody tr').nth(row).locator('td').first().textContent())!.replace(/,/g, ''));
    expect(await value(0)).toBeCloseTo(0.243, 2);
    expect(await value(1)).toBeCloseTo(30.9, 0);
    await shot('fit-results');
  });

  await test.step('the tracking chart is drawn and its table holds the weeks', async () => {
    const tracking = dialog.locator('.dashboard-section--wide');
    await expect(tracking.locator('.dashboard-chart__canvas')).toHaveAttribute('data-phase', 'ready');
    await expect(tracking.locator('svg').first()).toBeVisible();
    await tracking.locator('.dashboard-section__toggle').click();
    const rows = tracking.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(70);
    await expect(rows.nth(38)).toContainText(/^39/);
    await tracking.scrollIntoViewIfNeeded();
    await shot('fit-tracking');
  });

  await test.step('save the cohort, see where it came from and find it in the list', async () => {
    await dialog.locator('.fit-save input').fill('CDNOW buyers');
    await dialog.locator('.fit-save button').click();
    await expect(dialog).toHaveCount(0);
    const section = page.locator('.fitted-from-data');
    await section.waitFor();
    await expect(section).toContainText('CDNOW_sample.txt');
    await expect(section).toContainText('1997-09-30');
    await shot('fit-provenance');
    await page.locator('.cohorts-screen__nav a').nth(1).click();
    await expect(page.locator('.cohorts-list')).toContainText('CDNOW buyers');
  });
});
