// Sharing a journey: pictures of the canvas, the compiled machine, and a share link that another
// browser opens and imports as a copy.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

async function exportAs(page, item) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: /Export/ }).click();
      await page.getByRole('menuitem', { name: item }).click();
    })(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

export default [
  {
    name: 'exports PNG, SVG and the machine, and opens a share link in another browser as a copy',
    async run({ page, newContext, screenshot, step }) {
      await page.goto('/');
      await page.getByRole('button', { name: 'Use template: Rainy day: takeaway coupon at lunchtime' }).click();
      await page.locator('.react-flow__node').first().waitFor();

      step('pictures of the canvas');
      const png = await exportAs(page, 'Picture (PNG)');
      assert.match(png.name, /\.png$/);
      assert.deepEqual([...png.bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join(''), 'PNG');
      assert.ok(png.bytes.length > 10_000, `PNG is only ${png.bytes.length} bytes`);
      const svg = await exportAs(page, 'Picture (SVG)');
      assert.match(svg.name, /\.svg$/);
      assert.match(svg.bytes.toString('utf8'), /<svg[\s\S]*Rainy|<svg/);

      step('the compiled machine');
      const machine = await exportAs(page, /XState machine/);
      const config = JSON.parse(machine.bytes.toString('utf8'));
      assert.equal(config.initial, '__outside');
      assert.ok(Object.keys(config.states.__journey.states).length >= 10);

      step('copy the share link');
      await page.getByRole('button', { name: /Copy share link/ }).click();
      const link = await page.getByRole('dialog', { name: /Copy share link/ }).getByRole('textbox', { name: 'Share link' }).inputValue();
      assert.match(link, /#share=/);

      step('open it in another browser profile and import a copy');
      const visitor = await (await newContext()).newPage();
      await visitor.goto(link);
      const offer = visitor.getByRole('dialog', { name: 'Someone shared a journey with you' });
      await offer.getByText('Rainy day: takeaway coupon at lunchtime').waitFor();
      await screenshot('share-offer', visitor);
      await offer.getByRole('button', { name: 'Import as a copy' }).click();
      await visitor.getByRole('button', { name: /Rainy day: takeaway coupon at lunchtime/ }).first().waitFor();
      assert.doesNotMatch(visitor.url(), /share=/);
      await visitor.reload();
      await visitor.getByRole('button', { name: /Rainy day: takeaway coupon at lunchtime/ }).first().waitFor();
      assert.equal(await visitor.getByRole('dialog', { name: 'Someone shared a journey with you' }).count(), 0);
    },
  },
];
