// An operator builds the seed's cart-abandonment journey from an empty canvas, by dragging steps from
// the palette and connecting ports, sets its params in the inspector, and checks what the product
// promises: zero errors, undo/redo, a reload that keeps everything, export → delete → re-import, and
// the canvas in Chinese.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, keepDownload, test } from './fixtures';

const PLAN: [id: string, kindName: string, x: number, y: number][] = [
  // id the editor will give it, palette name, drop point in flow coordinates (lanes are 200 px tall:
  // decision is 400–600, usage 600–800; the viewport starts at zoom 1 with no offset)
  ['entry1', 'Entry', 120, 440],
  ['waitForEvent1', 'Wait for event', 350, 440],
  ['message1', 'Message', 580, 440],
  ['waitForEvent2', 'Wait for event', 810, 440],
  ['offer1', 'Offer', 1040, 440],
  ['goal1', 'Goal', 580, 640],
  ['exit1', 'Exit', 1040, 640],
];

const EDGES: [source: string, port: string, target: string][] = [
  ['entry1', 'next', 'waitForEvent1'],
  ['waitForEvent1', 'happened', 'goal1'],
  ['waitForEvent1', 'timeout', 'message1'],
  ['message1', 'next', 'waitForEvent2'],
  ['waitForEvent2', 'happened', 'goal1'],
  ['waitForEvent2', 'timeout', 'offer1'],
  ['offer1', 'next', 'exit1'],
  ['goal1', 'next', 'exit1'],
];

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box');
  return found;
}

async function centre(locator: Locator) {
  const found = await box(locator);
  return { x: found.x + found.width / 2, y: found.y + found.height / 2 };
}

async function connect(page: Page, source: string, port: string, target: string) {
  const from = await centre(node(page, source).locator(`.react-flow__handle.source[data-handleid="${port}"]`));
  const to = await centre(node(page, target).locator('.react-flow__handle.target'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) await page.mouse.move(from.x + ((to.x - from.x) * step) / 12, from.y + ((to.y - from.y) * step) / 12);
  await page.mouse.up();
}

async function select(page: Page, id: string) {
  await node(page, id).click({ position: { x: 60, y: 12 } });
  await page.getByRole('textbox', { name: 'Label' }).waitFor();
}

async function setLabel(page: Page, text: string) {
  const label = page.getByRole('textbox', { name: 'Label' });
  await label.fill(text);
}

test('builds the cart-abandonment journey by hand, undoes, reloads, exports and re-imports it', async ({ page, saveScreenshot }) => {
  await page.setViewportSize({ width: 1920, height: 1200 });
  const pane = page.locator('.journey-canvas .react-flow__pane');
  let file = '';

  await test.step('create an empty journey', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New journey' }).click();
    const name = page.getByRole('textbox', { name: 'Journey name' });
    await name.waitFor();
    await name.fill('Cart abandonment by hand');
    await name.press('Enter');
  });

  await test.step('drag seven steps from the palette onto the lanes', async () => {
    const palette = page.getByRole('complementary', { name: 'Steps to add' });
    for (const [id, kindName, x, y] of PLAN) {
      await palette.getByRole('button', { name: kindName, exact: true }).dragTo(pane, { targetPosition: { x, y } });
      await node(page, id).waitFor();
    }
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
  });

  await test.step('connect the ports by dragging', async () => {
    for (const [source, port, target] of EDGES) {
      const before = await page.locator('.react-flow__edge').count();
      await connect(page, source, port, target);
      await page.waitForFunction((count) => document.querySelectorAll('.react-flow__edge').length === count, before + 1);
    }
    await saveScreenshot('editor-connected');
  });

  await test.step('set the params in the inspector', async () => {
    await select(page, 'entry1');
    await setLabel(page, 'Added to cart');
    await page.getByRole('combobox', { name: 'Trigger event' }).selectOption('add_to_cart');

    await select(page, 'waitForEvent1');
    await setLabel(page, 'Buys within 24 h?');
    await page.getByRole('spinbutton', { name: 'Timeout' }).fill('24');
    await page.getByRole('combobox', { name: /Timeout.*unit/ }).selectOption('hours');

    await select(page, 'message1');
    await setLabel(page, 'Push reminder');
    await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'App push' });

    await select(page, 'waitForEvent2');
    await setLabel(page, 'Buys within 48 h?');
    await page.getByRole('spinbutton', { name: 'Timeout' }).fill('48');
    await page.getByRole('combobox', { name: /Timeout.*unit/ }).selectOption('hours');

    await select(page, 'offer1');
    await setLabel(page, 'Cart coupon');
    await page.getByRole('spinbutton', { name: 'Value' }).fill('20');
    await page.getByRole('spinbutton', { name: 'Minimum spend' }).fill('199');
    // No message follows the coupon here: it is shown at checkout instead, or it would lift nothing.
    await page.getByRole('combobox', { name: 'How the user learns of it' }).selectOption({ label: 'Shown at checkout' });

    await select(page, 'goal1');
    // Dropped in the usage lane, so it serves the usage stage.
    expect(await page.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('usage');
    await setLabel(page, 'Order');
    await select(page, 'exit1');
    await setLabel(page, 'Leave');
    await pane.click({ position: { x: 30, y: 30 } });
  });

  await test.step('zero errors', async () => {
    await page.getByRole('region', { name: 'Problems' }).getByText('No errors or warnings').waitFor();
    await saveScreenshot('editor-built');
  });

  await test.step('drag a node: it moves, and one undo puts it back', async () => {
    const transform = () => node(page, 'exit1').evaluate((element) => element.style.transform);
    const before = await transform();
    const grip = await box(node(page, 'exit1'));
    await page.mouse.move(grip.x + 60, grip.y + 12);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(grip.x + 60 + step * 8, grip.y + 12 + step * 2);
    await page.mouse.up();
    expect(await transform()).not.toBe(before);
    await page.getByRole('button', { name: /Undo/ }).click();
    await page.waitForFunction((expected) => document.querySelector<HTMLElement>('.react-flow__node[data-id="exit1"]')?.style.transform === expected, before);
  });

  await test.step('undo and redo', async () => {
    await node(page, 'offer1').click({ position: { x: 60, y: 12 } });
    await page.keyboard.press('Delete');
    await node(page, 'offer1').waitFor({ state: 'detached' });
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);
    await page.getByRole('button', { name: /Undo/ }).click();
    await node(page, 'offer1').waitFor();
    await expect(page.locator('.react-flow__edge')).toHaveCount(8);
    await page.keyboard.press('Control+Shift+Z');
    await node(page, 'offer1').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Z');
    await node(page, 'offer1').waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  });

  await test.step('reload and find it intact', async () => {
    const url = page.url();
    await page.reload();
    await page.getByRole('textbox', { name: 'Journey name' }).waitFor();
    expect(page.url()).toBe(url);
    expect(await page.getByRole('textbox', { name: 'Journey name' }).inputValue()).toBe('Cart abandonment by hand');
    await node(page, 'offer1').waitFor();
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await expect(page.locator('.react-flow__edge')).toHaveCount(8);
    await page.getByRole('region', { name: 'Problems' }).getByText('No errors or warnings').waitFor();
    expect(await node(page, 'waitForEvent1').innerText()).toMatch(/≤ 1 d/);
    expect(await node(page, 'waitForEvent2').innerText()).toMatch(/≤ 2 d/);
    expect(await node(page, 'message1').innerText()).toMatch(/App push/);
  });

  await test.step('export the journey file', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: /Export/ }).click();
        await page.getByRole('menuitem', { name: /Journey file/ }).click();
      })(),
    ]);
    file = await keepDownload(download);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { nodes: unknown[]; schemaVersion: number };
    expect(exported.nodes.length).toBe(7);
    expect(exported.schemaVersion).toBe(6);
  });

  await test.step('delete it from the list, then import the file again', async () => {
    await page.getByRole('button', { name: /Journeys/ }).click();
    await page.getByRole('button', { name: 'Delete: Cart abandonment by hand' }).click();
    await page.getByText('No journeys yet').waitFor();
    await page.getByLabel('Import file').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'Imported “Cart abandonment by hand”' }).waitFor();
    await page.getByRole('button', { name: /Cart abandonment by hand/ }).first().click();
    await node(page, 'goal1').waitFor();
    await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  });

  await test.step('switch to Chinese and see the canvas in Chinese', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await page.getByRole('region', { name: '旅程画布' }).waitFor();
    await node(page, 'message1').getByText('消息触达').waitFor();
    await page.getByRole('region', { name: '旅程画布' }).getByText('意识').waitFor();
    await saveScreenshot('editor-zh');
  });
});
