// No edit is lost (issue 12, item 10): an edit followed at once by a reload is there after it, a full
// disk is reported and loses nothing once there is room again, and a tab killed in the middle of a save
// leaves the last committed save or a newer one — never a document that cannot be opened.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TEMPLATE = 'Use template: Rainy day: takeaway coupon at lunchtime';
const RELOAD_DELAYS_MS = [0, 50, 150, 300];
const COPY_PREFIX = 'journey-lab:unsaved:';

interface StoredJourney {
  revision: number;
  name: string | undefined;
  nodes: number | undefined;
}

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Journey name' });
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

async function openTemplate(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: TEMPLATE }).click();
  await page.locator('.react-flow__node').first().waitFor();
  await saved(page);
}

async function rename(page: Page, name: string) {
  await nameField(page).fill(name);
  await nameField(page).press('Enter');
}

/** Drags a node by (dx, dy) screen pixels; returns its transform afterwards. */
async function dragNode(page: Page, id: string, dx: number, dy: number) {
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const box = await node.boundingBox();
  if (!box) throw new Error(`node ${id} has no box`);
  const from = { x: box.x + 40, y: box.y + 12 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(from.x + (dx * step) / 8, from.y + (dy * step) / 8);
  await page.mouse.up();
  return node.evaluate((element) => element.style.transform);
}

/** The journey as IndexedDB holds it, read by the page itself. */
async function storedJourney(page: Page, id: string): Promise<StoredJourney> {
  const stored = await page.evaluate(
    (journeyId) =>
      new Promise<StoredJourney | undefined>((resolve, reject) => {
        const open = indexedDB.open('journey-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('journeys').objectStore('journeys').get(journeyId);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            const record = get.result as { revision: number; document?: { name?: string; nodes?: unknown[] } } | undefined;
            resolve(record && { revision: record.revision, name: record.document?.name, nodes: record.document?.nodes?.length });
          };
        };
      }),
    id,
  );
  if (!stored) throw new Error(`journey ${id} is not stored`);
  return stored;
}

const journeyIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
const unsavedCopyKeys = (page: Page) => page.evaluate((prefix) => Object.keys(sessionStorage).filter((key) => key.startsWith(prefix)), COPY_PREFIX);

test('an edit followed by a reload within 300 ms is there after the reload', async ({ page, expectDialogs }) => {
  let leaveAsked = 0;
  expectDialogs(async (dialog) => {
    if (dialog.type() !== 'beforeunload') {
      await dialog.dismiss();
      throw new Error(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    }
    leaveAsked += 1;
    await dialog.accept();
  });
  await openTemplate(page);
  const nodeId = (await page.locator('.react-flow__node').first().getAttribute('data-id')) ?? '';

  for (const delay of RELOAD_DELAYS_MS) {
    await test.step(`rename, reload after ${delay} ms`, async () => {
      const name = `Renamed ${delay} ms before a reload`;
      leaveAsked = 0;
      await rename(page, name);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      await nameField(page).waitFor();
      expect(await nameField(page).inputValue(), `the rename ${delay} ms before the reload was lost`).toBe(name);
      // With the save still pending the browser asked before leaving.
      if (delay === 0) expect(leaveAsked, 'leaving with a save pending did not ask first').toBe(1);
      await saved(page);
    });

    await test.step(`move a node, reload after ${delay} ms`, async () => {
      const moved = await dragNode(page, nodeId, 30 + delay / 10, 20);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
      await node.waitFor();
      expect(await node.evaluate((element) => element.style.transform), `the move ${delay} ms before the reload was lost`).toBe(moved);
      await saved(page);
    });
  }
  // Everything committed: no copy is left behind.
  expect(await unsavedCopyKeys(page)).toEqual([]);
  expect((await storedJourney(page, journeyIdOf(page))).name).toBe('Renamed 300 ms before a reload');
});

test('a full disk is reported, and once there is room nothing is lost', async ({ page, context }) => {
  // IndexedDB refuses to store journeys while the test says the disk is full.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'journeys' && localStorage.getItem('e2e:disk-full') === 'yes') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openTemplate(page);
  const id = journeyIdOf(page);
  const committed = await nameField(page).inputValue();
  const alert = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });

  await test.step('the disk fills up; the next edit cannot be saved and the user is told', async () => {
    await page.evaluate(() => localStorage.setItem('e2e:disk-full', 'yes'));
    await rename(page, 'Renamed while the disk is full');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/kept in this tab/);
    expect((await storedJourney(page, id)).name).toBe(committed);
  });

  await test.step('a reload keeps the edit (from the copy in this tab) and says again that it is not saved', async () => {
    await page.reload();
    await nameField(page).waitFor();
    expect(await nameField(page).inputValue()).toBe('Renamed while the disk is full');
    await alert.waitFor();
  });

  await test.step('room again: try again saves it, and the copy goes', async () => {
    await page.evaluate(() => localStorage.removeItem('e2e:disk-full'));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await saved(page);
    await expect(alert).toHaveCount(0);
    expect(await unsavedCopyKeys(page)).toEqual([]);
    expect((await storedJourney(page, id)).name).toBe('Renamed while the disk is full');
  });
});

test('a tab killed mid-save leaves the last committed save or a newer one, never a corrupt document', async ({ page, context }) => {
  await openTemplate(page);
  const url = page.url();
  const id = journeyIdOf(page);
  let committed = await storedJourney(page, id);
  const nodes = committed.nodes;
  let tab = page;
  // The autosave starts its write 300 ms after the edit: kill the tab before it, as it starts, and as it commits.
  for (const delay of [150, 300, 320]) {
    await test.step(`rename, kill the tab after ${delay} ms`, async () => {
      const name = `Renamed, tab killed ${delay} ms later`;
      await rename(tab, name);
      if (delay > 0) await tab.waitForTimeout(delay);
      await tab.close({ runBeforeUnload: false });

      tab = await context.newPage();
      await tab.goto(url);
      await nameField(tab).waitFor();
      const opened = await nameField(tab).inputValue();
      expect([committed.name, name], `after the kill the journey is named ${JSON.stringify(opened)}`).toContain(opened);
      await expect(tab.getByRole('alert'), 'the journey opened with an error').toHaveCount(0);
      const stored = await storedJourney(tab, id);
      expect([committed.name, name], `stored name ${JSON.stringify(stored.name)}`).toContain(stored.name);
      expect(stored.nodes).toBe(nodes);
      expect(stored.revision, 'a committed save went missing').toBeGreaterThanOrEqual(committed.revision);
      await saved(tab);
      committed = await storedJourney(tab, id);
    });
  }
});
