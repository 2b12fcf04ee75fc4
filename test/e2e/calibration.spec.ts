// Fitting a cohort on one's own customers, in the built app: the CDNOW sample imported through the page,
// its columns guessed, fitted with a calibration end in a worker, the published parameters read from the
// table, the tracking plot and its data seen, the fitted cohort saved with where it came from and with its
// population — and the churn win-back template simulated on those 2,357 real customers.
//
// Everything is found by role and accessible name, in the language the page speaks (FIT_LANG=zh-CN runs
// it in Chinese), so the same test takes the README's screenshots in both languages:
//   FIT_SCREENSHOTS=docs/images FIT_WIDTH=1024 FIT_LANG=zh-CN npx playwright test calibration
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { measureCharts } from './chartText';

const here = path.dirname(fileURLToPath(import.meta.url));
const CDNOW = path.resolve(here, '..', '..', '..', 'shared', 'data', 'CDNOW_sample.txt');
const SHOTS = process.env.FIT_SCREENSHOTS;
const LANG = process.env.FIT_LANG === 'zh-CN' ? 'zh-CN' : 'en';
const catalog = JSON.parse(readFileSync(path.resolve(here, '..', '..', 'src', 'locales', `${LANG}.json`), 'utf8')) as Record<string, unknown>;

/** The catalog's text for `key` (dotted, under the app's namespace), with ICU `{name}` arguments filled in. */
function text(key: string, values: Record<string, string> = {}): string {
  let node: unknown = catalog;
  for (const part of `app.${key}`.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no catalog text for ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
const exactly = (value: string) => new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test('imports the CDNOW sample, fits it with a calibration end, saves it with its population and simulates a win-back on the real customers', async ({ page, saveScreenshot }) => {
  test.setTimeout(180_000);
  const width = Number(process.env.FIT_WIDTH ?? 1440);
  await page.setViewportSize({ width, height: 900 });
  if (LANG !== 'en') await page.addInitScript((lang) => localStorage.setItem('journey-lab.lang', lang), LANG);
  const shot = async (name: string) => {
    await saveScreenshot(name);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${LANG === 'en' ? 'en' : 'zh'}.png`), fullPage: true });
  };
  const dialog = page.getByRole('dialog', { name: text('calibration.title') });
  const next = dialog.getByRole('button', { name: text('calibration.next') });

  await test.step('open the import from the Cohorts screen and pick the file', async () => {
    await page.goto('/#/cohorts');
    await page.getByRole('button', { name: text('calibration.open') }).click();
    await dialog.getByLabel(text('calibration.file.pick')).setInputFiles(CDNOW);
  });

  await test.step('the guessed columns: customer id 1, date 3 (yyyymmdd), amount 5', async () => {
    const preview = dialog.getByRole('table', { name: text('calibration.file.preview') });
    const headers = preview.getByRole('columnheader');
    await expect(headers.nth(0)).toContainText(text('calibration.fields.customerId'));
    await expect(headers.nth(2)).toContainText(text('calibration.fields.date'));
    await expect(headers.nth(4)).toContainText(text('calibration.fields.amount'));
    await shot('fit-file');
    await next.click();
    await expect(dialog.getByRole('combobox', { name: exactly(text('calibration.fields.customerId')) })).toHaveValue('0');
    await expect(dialog.getByRole('combobox', { name: exactly(text('calibration.fields.date')) })).toHaveValue('2');
    await expect(dialog.getByRole('combobox', { name: exactly(text('calibration.fields.amount')) })).toHaveValue('4');
    await expect(dialog.getByRole('combobox', { name: text('calibration.mapping.dateFormat') })).toHaveValue('ymd-compact');
    await shot('fit-mapping');
    await next.click();
  });

  await test.step('fit with the calibration end 1997-09-30, keeping a population, and read r and α', async () => {
    await dialog.getByLabel(text('calibration.fit.calibrationEnd')).fill('1997-09-30');
    await dialog.getByRole('checkbox', { name: text('calibration.fit.population') }).check();
    await dialog.getByRole('button', { name: text('calibration.fit.start') }).click();
    const parameters = dialog.getByRole('table', { name: text('calibration.results.parametersOf', { segment: text('calibration.results.everyone') }) });
    await parameters.waitFor({ timeout: 60_000 });
    const value = async (symbol: string) => Number((await parameters.getByRole('row').filter({ has: page.getByRole('rowheader', { name: symbol, exact: true }) }).getByRole('cell').first().textContent())!.replace(/,/g, ''));
    expect(await value('r')).toBeCloseTo(0.243, 2);
    expect(await value(text('calibration.results.alphaDays'))).toBeCloseTo(30.9, 0);
    await shot('fit-results');
  });

  await test.step('the tracking chart is drawn and its table holds the weeks', async () => {
    const tracking = dialog.getByRole('region', { name: text('calibration.charts.tracking'), exact: true });
    await expect(tracking.getByRole('img', { name: new RegExp(text('calibration.charts.tracking')) })).toBeVisible();
    await tracking.getByRole('button', { name: text('dashboard.showData') }).click();
    const rows = tracking.getByRole('table').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(70);
    await expect(rows.nth(39)).toContainText(/^39/);
    await tracking.scrollIntoViewIfNeeded();
    // Every diagnostic chart readable: no text over another, none wider than its box.
    const { collisions, overflowing } = await measureCharts(page);
    expect(collisions.map(({ chart, first, second }) => `${chart}: “${first}” over “${second}”`)).toEqual([]);
    expect(overflowing).toEqual([]);
    await shot('fit-tracking');
  });

  await test.step('save the cohort with its population, see where it came from and find it in the list', async () => {
    await expect(dialog.getByText(text('calibration.save.withPopulation', { customers: '2,357', date: '1998-06-30' }))).toBeVisible();
    await dialog.getByRole('textbox', { name: text('calibration.save.name') }).fill('CDNOW buyers');
    await dialog.getByRole('button', { name: text('calibration.save.button') }).click();
    await expect(dialog).toHaveCount(0);
    const section = page.getByRole('region', { name: text('calibration.provenance.heading') });
    await expect(section).toContainText('CDNOW_sample.txt');
    await expect(section).toContainText('1997-09-30');
    const population = section.getByRole('group', { name: text('calibration.population.heading') });
    await expect(population).toContainText(/2,357/);
    await expect(population.getByRole('button', { name: text('calibration.population.export') })).toBeVisible();
    await shot('fit-provenance');
    await page.getByRole('link', { name: text('cohorts.heading') }).click();
    await expect(page.getByRole('list', { name: text('cohorts.savedHeading') })).toContainText('CDNOW buyers');
  });

  await test.step('simulate the churn win-back template on the 2,357 real customers', async () => {
    await page.goto('/#/');
    await page.getByRole('button', { name: new RegExp(`^${text('home.useTemplate')}: (Churn win-back|按流失原因召回)`) }).click();
    await page.getByRole('button', { name: new RegExp(`^${text('simulate.open')}`) }).first().click();
    const panel = page.getByRole('dialog', { name: text('simulate.title') });
    const cohort = panel.getByRole('combobox', { name: exactly(text('simulate.cohort')) });
    await expect(cohort.getByRole('option', { name: 'CDNOW buyers' })).toHaveCount(1);
    await cohort.selectOption({ label: 'CDNOW buyers' });
    await panel.getByRole('checkbox', { name: text('simulate.population', { customers: '2,357' }) }).check();
    await expect(panel.getByRole('spinbutton', { name: new RegExp(text('simulate.users')) })).toBeDisabled();
    await panel.getByRole('button', { name: new RegExp(text('simulate.run')) }).click();
    const results = panel.getByRole('region', { name: text('simulate.results') });
    await expect(results).toContainText(text('simulate.summaryPopulation', { users: '2,357', seed: '1', cohort: 'CDNOW buyers', days: '' }).split(' · ')[0]!, { timeout: 60_000 });
    await shot('fit-population-run');
  });
});
