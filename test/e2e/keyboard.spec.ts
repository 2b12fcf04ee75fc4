// The whole build-a-journey flow by keyboard alone: every step is reached by focus and operated with
// keys (Enter on palette steps and canvas nodes, the inspector's fields, the connection selects,
// shortcuts); the mouse is never used.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function press(locator: Locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function addFromPalette(page: Page, kind: string, expectedId: string) {
  await press(page.getByRole('complementary', { name: 'Steps to add' }).getByRole('button', { name: kind, exact: true }));
  await node(page, expectedId).waitFor();
}

async function leadTo(page: Page, port: string, target: string) {
  const select = page.getByRole('combobox', { name: `“${port}” leads to` });
  await select.focus();
  await select.selectOption(target);
}

test('builds a journey with the keyboard only', async ({ page, saveScreenshot }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await test.step('create an empty journey', async () => {
    await page.goto('/');
    await press(page.getByRole('button', { name: 'New journey' }));
    await page.getByRole('toolbar', { name: 'Journey tools' }).waitFor();
  });

  await test.step('add steps from the palette; each follows the selected one and is connected', async () => {
    await addFromPalette(page, 'Entry', 'entry1');
    await addFromPalette(page, 'Wait for event', 'waitForEvent1');
    await addFromPalette(page, 'Goal', 'goal1');
    await addFromPalette(page, 'Exit', 'exit1');
    await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  });

  await test.step('select a node on the canvas with Enter and continue from its free port', async () => {
    await press(node(page, 'waitForEvent1'));
    await page.waitForFunction(() => document.querySelector('.react-flow__node[data-id="waitForEvent1"]')?.classList.contains('selected'));
    await addFromPalette(page, 'Message', 'message1');
    await addFromPalette(page, 'Wait for event', 'waitForEvent2');
    await addFromPalette(page, 'Offer', 'offer1');
  });

  await test.step('connect ports to existing steps through the inspector', async () => {
    await press(node(page, 'waitForEvent2'));
    await leadTo(page, 'happened', 'goal1');
    await leadTo(page, 'timeout', 'offer1');
    await press(node(page, 'offer1'));
    await leadTo(page, 'next', 'exit1');
    await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  });

  await test.step('set params', async () => {
    await press(node(page, 'entry1'));
    await page.getByRole('combobox', { name: 'Trigger event' }).selectOption('add_to_cart');
    await press(node(page, 'message1'));
    await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'App push' });
    await page.getByRole('textbox', { name: 'Label' }).focus();
    await page.keyboard.type('Push reminder');
    // The offer leads straight to the exit: no message can announce it, so it is shown at checkout.
    await press(node(page, 'offer1'));
    await page.getByRole('combobox', { name: 'How the user learns of it' }).selectOption({ label: 'Shown at checkout' });
  });

  await test.step('no errors or warnings', async () => {
    await page.getByRole('region', { name: 'Problems' }).getByText('No errors or warnings').waitFor();
  });

  await test.step('copy, paste and undo with shortcuts', async () => {
    await press(node(page, 'message1'));
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await node(page, 'message2').waitFor();
    await page.keyboard.press('Control+Z');
    await node(page, 'message2').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+Z');
    await press(node(page, 'message2'));
    await page.keyboard.press('Delete');
    await node(page, 'message2').waitFor({ state: 'detached' });
    await saveScreenshot('keyboard-built');
  });
});
