// Journeys from strangers, in the built app: a share link that would break the page (a condition
// nested thousands deep) or exhaust memory (a decompression bomb) ends in a clear message, is gone from
// the address at once, and a reload shows the normal app; imported files are checked in a worker (under
// the Content-Security-Policy) and each one replaces the previous file's message.
import assert from 'node:assert/strict';
import lz from 'lz-string';
import { bombLink, deepJourneyJson } from '../support/hostileLinks.mjs';

async function expectCleanReload(page) {
  await page.reload();
  await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
  await page.getByRole('list', { name: 'Start from a template' }).getByRole('listitem').first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.doesNotMatch(page.url(), /share=/);
}

export default [
  {
    name: 'a share link with a condition nested 10,000 deep shows a message, leaves the address and reloads clean',
    async run({ page, screenshot, step }) {
      step('open the link');
      const link = `/#share=${lz.compressToEncodedURIComponent(deepJourneyJson(10_000))}`;
      assert.ok(link.length < 10_000, `the link is ${link.length} characters`);
      await page.goto(link);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.ok((await alert.innerText()).trim().length > 0);
      assert.equal(await page.getByRole('dialog', { name: 'Someone shared a journey with you' }).count(), 0);
      await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
      assert.doesNotMatch(page.url(), /share=/);
      await screenshot('share-deep');

      step('reload');
      await expectCleanReload(page);
    },
  },
  {
    name: 'a share link that unpacks to 21 million characters is refused with a message, in both languages',
    async run({ page, step }) {
      const link = `/#share=${bombLink(6_500)}`;
      step('open the bomb');
      await page.goto(link);
      await page.getByRole('alert').filter({ hasText: 'it unpacks to more than 20,000,000 characters' }).waitFor();
      assert.doesNotMatch(page.url(), /share=/);

      step('reload');
      await expectCleanReload(page);

      step('the same in Chinese');
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
      await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
      await page.goto(link);
      await page.getByRole('alert').filter({ hasText: '解压后超过 20,000,000 个字符' }).waitFor();
      assert.doesNotMatch(page.url(), /share=/);
    },
  },
  {
    name: 'imported files are checked in a worker, and each replaces the previous file’s message',
    async run({ page, step }) {
      const workers = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto('/');
      await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
      const input = page.getByLabel('Import file');
      const alert = page.getByRole('alert');

      step('a file from a newer version');
      await input.setInputFiles({ name: 'future.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 99, id: 'x', name: 'x', nodes: [], edges: [] })) });
      await alert.filter({ hasText: '“future.journey.json”: The journey was not opened' }).waitFor();

      step('then one with a condition nested 10,000 deep');
      await input.setInputFiles({ name: 'deep.journey.json', mimeType: 'application/json', buffer: Buffer.from(deepJourneyJson(10_000)) });
      await alert.filter({ hasText: '“deep.journey.json”' }).waitFor();
      assert.equal(await alert.count(), 1);
      assert.doesNotMatch(await alert.innerText(), /future\.journey\.json/);

      step('then a good one');
      await input.setInputFiles({ name: 'ok.journey.json', mimeType: 'application/json', buffer: Buffer.from(deepJourneyJson(3)) });
      await page.getByRole('status').filter({ hasText: 'Imported “Deep”' }).waitFor();
      assert.equal(await alert.count(), 0);
      // Each file was checked off the main thread, in a worker of its own.
      assert.equal(workers.filter((url) => /journeyImport/.test(url)).length, 3, workers.join(', '));
    },
  },
];
