// The whole build-a-journey flow by keyboard alone: every step is reached by focus and operated with
// keys (Enter on palette steps and canvas nodes, the inspector's fields, the connection selects,
// shortcuts); the mouse is never used.
import assert from 'node:assert/strict';

const node = (page, id) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function addFromPalette(page, kind, expectedId) {
  await press(page.getByRole('complementary', { name: 'Steps to add' }).getByRole('button', { name: kind, exact: true }));
  await node(page, expectedId).waitFor();
}

async function leadTo(page, port, target) {
  const select = page.getByRole('combobox', { name: `“${port}” leads to` });
  await select.focus();
  await select.selectOption(target);
}

export default [
  {
    name: 'builds a journey with the keyboard only',
    async run({ page, screenshot, step }) {
      await page.setViewportSize({ width: 1600, height: 1000 });
      step('create an empty journey');
      await page.goto('/');
      await press(page.getByRole('button', { name: 'New journey' }));
      await page.getByRole('toolbar', { name: 'Journey tools' }).waitFor();

      step('add steps from the palette; each follows the selected one and is connected');
      await addFromPalette(page, 'Entry', 'entry1');
      await addFromPalette(page, 'Wait for event', 'waitForEvent1');
      await addFromPalette(page, 'Goal', 'goal1');
      await addFromPalette(page, 'Exit', 'exit1');
      assert.equal(await page.locator('.react-flow__edge').count(), 3);

      step('select a node on the canvas with Enter and continue from its free port');
      await press(node(page, 'waitForEvent1'));
      await page.waitForFunction(() => document.querySelector('.react-flow__node[data-id="waitForEvent1"]')?.classList.contains('selected'));
      await addFromPalette(page, 'Message', 'message1');
      await addFromPalette(page, 'Wait for event', 'waitForEvent2');
      await addFromPalette(page, 'Offer', 'offer1');

      step('connect ports to existing steps through the inspector');
      await press(node(page, 'waitForEvent2'));
      await leadTo(page, 'happened', 'goal1');
      await leadTo(page, 'timeout', 'offer1');
      await press(node(page, 'offer1'));
      await leadTo(page, 'next', 'exit1');
      assert.equal(await page.locator('.react-flow__edge').count(), 8);

      step('set params');
      await press(node(page, 'entry1'));
      await page.getByRole('combobox', { name: 'Trigger event' }).selectOption('add_to_cart');
      await press(node(page, 'message1'));
      await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'App push' });
      await page.getByRole('textbox', { name: 'Label' }).focus();
      await page.keyboard.type('Push reminder');

      step('no errors or warnings');
      await page.getByRole('region', { name: 'Problems' }).getByText('No errors or warnings').waitFor();

      step('copy, paste and undo with shortcuts');
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
      await screenshot('keyboard-built');
    },
  },
];
