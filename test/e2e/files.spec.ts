// Sharing a journey: pictures of the canvas, the compiled machine, and a share link that another
// browser opens and imports as a copy.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, keepDownload, test } from './fixtures';

async function exportAs(page: Page, item: string | RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: /Export/ }).click();
      await page.getByRole('menuitem', { name: item }).click();
    })(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await keepDownload(download)) };
}

test('exports PNG, SVG and the machine, and opens a share link in another browser as a copy', async ({ page, newContext, saveScreenshot }) => {
  let link = '';
  await page.goto('/');
  await page.getByRole('button', { name: 'Use template: Rainy day: takeaway coupon at lunchtime' }).click();
  await page.locator('.react-flow__node').first().waitFor();

  await test.step('pictures of the canvas', async () => {
    const png = await exportAs(page, 'Picture (PNG)');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(png.bytes.length, `PNG is only ${png.bytes.length} bytes`).toBeGreaterThan(10_000);
    const svg = await exportAs(page, 'Picture (SVG)');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/<svg[\s\S]*Rainy|<svg/);
  });

  await test.step('the compiled machine', async () => {
    const machine = await exportAs(page, /XState machine/);
    const config = JSON.parse(machine.bytes.toString('utf8')) as { initial: string; states: { __journey: { states: Record<string, unknown> } } };
    expect(config.initial).toBe('__outside');
    expect(Object.keys(config.states.__journey.states).length).toBeGreaterThanOrEqual(10);
  });

  await test.step('copy the share link', async () => {
    await page.getByRole('button', { name: /Copy share link/ }).click();
    link = await page.getByRole('dialog', { name: /Copy share link/ }).getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#share=/);
  });

  await test.step('open it in another browser profile and import a copy', async () => {
    const visitor = await (await newContext()).newPage();
    await visitor.goto(link);
    const offer = visitor.getByRole('dialog', { name: 'Someone shared a journey with you' });
    await offer.getByText('Rainy day: takeaway coupon at lunchtime').waitFor();
    await saveScreenshot('share-offer', visitor);
    await offer.getByRole('button', { name: 'Import as a copy' }).click();
    await visitor.getByRole('button', { name: /Rainy day: takeaway coupon at lunchtime/ }).first().waitFor();
    expect(visitor.url()).not.toMatch(/share=/);
    await visitor.reload();
    await visitor.getByRole('button', { name: /Rainy day: takeaway coupon at lunchtime/ }).first().waitFor();
    await expect(visitor.getByRole('dialog', { name: 'Someone shared a journey with you' })).toHaveCount(0);
  });
});
