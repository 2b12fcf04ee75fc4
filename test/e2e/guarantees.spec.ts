// The fixtures' guarantees (fixtures.ts) hold: a page's console error, uncaught error, Content-Security-
// Policy violation or unexpected dialog, in any browser context of a test, is recorded as a problem, and
// a problem fails the test. (Each test below but the last clears what it provoked, so it can pass.)
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openApp(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
}

test('a console error is recorded', async ({ page, _watch }) => {
  await openApp(page);
  await page.evaluate(() => console.error('e2e guarantee: console error'));
  await expect.poll(() => _watch.problems).toContainEqual(expect.stringMatching(/^console error: e2e guarantee: console error/));
  _watch.problems.length = 0;
});

test('an uncaught page error is recorded', async ({ page, _watch }) => {
  await openApp(page);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('e2e guarantee: uncaught error');
    });
  });
  await expect.poll(() => _watch.problems).toContainEqual(expect.stringMatching(/^uncaught page error: Error: e2e guarantee: uncaught error/));
  _watch.problems.length = 0;
});

test('a Content-Security-Policy violation is recorded', async ({ page, _watch }) => {
  await openApp(page);
  // img-src allows only the app's own origin, data: and blob:.
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'https://example.invalid/pixel.png';
    document.body.append(image);
  });
  await expect.poll(() => _watch.problems).toContainEqual(expect.stringMatching(/^Content-Security-Policy violation: img-src refused https:\/\/example\.invalid\/pixel\.png/));
  _watch.problems.length = 0;
});

test('an unexpected dialog is recorded, in another browser profile too', async ({ page, newContext, _watch }) => {
  await openApp(page);
  const visitor = await (await newContext()).newPage();
  await openApp(visitor);
  await visitor.evaluate(() => alert('e2e guarantee: unexpected alert'));
  expect(_watch.problems).toEqual(['unexpected alert dialog: "e2e guarantee: unexpected alert"']);
  _watch.problems.length = 0;
});

test('expected dialogs go to the handler instead', async ({ page, expectDialogs, _watch }) => {
  const seen: string[] = [];
  expectDialogs(async (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.accept();
  });
  await openApp(page);
  await page.evaluate(() => alert('e2e guarantee: expected alert'));
  expect(seen).toEqual(['alert: e2e guarantee: expected alert']);
  expect(_watch.problems).toEqual([]);
});

test('a recorded problem fails the test', async ({ page }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(() => console.error('e2e guarantee: this test must fail'));
});
