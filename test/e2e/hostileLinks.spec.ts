// Journeys from strangers, in the built app: a share link that would break the page (a condition
// nested thousands deep) or exhaust memory (a decompression bomb) ends in a clear message, is gone from
// the address at once, and a reload shows the normal app; imported files are checked in a worker (under
// the Content-Security-Policy) and each one replaces the previous file's message.
import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { bombLink, deepJourneyJson } from '../support/hostileLinks.mjs';
import { expect, test } from './fixtures';

async function expectCleanReload(page: Page) {
  await page.reload();
  await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
  await page.getByRole('list', { name: 'Start from a template' }).getByRole('listitem').first().waitFor();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(page.url()).not.toMatch(/share=/);
}

test('a share link with a condition nested 10,000 deep shows a message, leaves the address and reloads clean', async ({ page, saveScreenshot }) => {
  await test.step('open the link', async () => {
    const link = `/#share=${lz.compressToEncodedURIComponent(deepJourneyJson(10_000))}`;
    expect(link.length, `the link is ${link.length} characters`).toBeLessThan(10_000);
    await page.goto(link);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).trim().length).toBeGreaterThan(0);
    await expect(page.getByRole('dialog', { name: 'Someone shared a journey with you' })).toHaveCount(0);
    await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
    expect(page.url()).not.toMatch(/share=/);
    await saveScreenshot('share-deep');
  });

  await test.step('reload', async () => {
    await expectCleanReload(page);
  });
});

test('a share link that unpacks to 21 million characters is refused with a message, in both languages', async ({ page }) => {
  const link = `/#share=${bombLink(6_500)}`;
  await test.step('open the bomb', async () => {
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'it unpacks to more than 20,000,000 characters' }).waitFor();
    expect(page.url()).not.toMatch(/share=/);
  });

  await test.step('reload', async () => {
    await expectCleanReload(page);
  });

  await test.step('the same in Chinese', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: '解压后超过 20,000,000 个字符' }).waitFor();
    expect(page.url()).not.toMatch(/share=/);
  });
});

test('imported files are checked in a worker, and each replaces the previous file’s message', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/');
  await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
  const input = page.getByLabel('Import file');
  const alert = page.getByRole('alert');

  await test.step('a file from a newer version', async () => {
    await input.setInputFiles({ name: 'future.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 99, id: 'x', name: 'x', nodes: [], edges: [] })) });
    await alert.filter({ hasText: '“future.journey.json”: The journey was not opened' }).waitFor();
  });

  await test.step('then one with a condition nested 10,000 deep', async () => {
    await input.setInputFiles({ name: 'deep.journey.json', mimeType: 'application/json', buffer: Buffer.from(deepJourneyJson(10_000)) });
    await alert.filter({ hasText: '“deep.journey.json”' }).waitFor();
    await expect(alert).toHaveCount(1);
    expect(await alert.innerText()).not.toMatch(/future\.journey\.json/);
  });

  await test.step('then a good one', async () => {
    await input.setInputFiles({ name: 'ok.journey.json', mimeType: 'application/json', buffer: Buffer.from(deepJourneyJson(3)) });
    await page.getByRole('status').filter({ hasText: 'Imported “Deep”' }).waitFor();
    await expect(alert).toHaveCount(0);
    // Each file was checked off the main thread, in a worker of its own.
    expect(workers.filter((url) => /journeyImport/.test(url)).length, workers.join(', ')).toBe(3);
  });
});
