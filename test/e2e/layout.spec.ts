// The editor fits the window at 1024, 1440 and 1920 px in both languages (issue 17): nothing makes the
// page scroll sideways, the Simulate panel with its Seed field lies inside the window, the toolbar keeps
// to one row at narrow widths (its secondary actions in the More menu), and the lanes fill the canvas.
import { expect, test } from './fixtures';

const sizes = [
  [1024, 768],
  [1440, 900],
  [1920, 1080],
] as const;

for (const lang of ['en', 'zh-CN'] as const)
  for (const [width, height] of sizes)
    test(`the editor fits a ${width} px window (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      if (lang !== 'en') await page.addInitScript((code) => localStorage.setItem('journey-lab.lang', code), lang);
      await page.goto('/');
      // The longest template name: the name field must give way, not the window.
      await page.getByRole('button', { name: /^Use template: Churn win-back|^使用模板: 按流失原因召回/ }).click();
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('toolbar').first().getByRole('button', { name: /^(Simulate|模拟)$/ }).click();
      const seed = page.getByRole('spinbutton', { name: /Seed|随机种子/ });
      await seed.waitFor();
      const fits = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }));
      expect(fits.scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(fits.window);
      const box = (await seed.boundingBox())!;
      expect(box.x + box.width, 'the Seed field lies inside the window').toBeLessThanOrEqual(width);
      const toolbar = (await page.getByRole('toolbar').first().boundingBox())!;
      if (width <= 1100) expect(toolbar.height, 'one row of tools').toBeLessThan(64);
      // The lanes reach the canvas's top and bottom edges: the first and last run on (their ::before and
      // ::after, in their own colour), so no bare band shows above or below them.
      const gaps = await page.evaluate(() => {
        const canvas = document.querySelector('.journey-canvas')!.getBoundingClientRect();
        const lanes = [...document.querySelectorAll<HTMLElement>('.lanes-layer__lane')];
        const first = lanes[0]!;
        const last = lanes.at(-1)!;
        const runOn = (lane: HTMLElement, pseudo: '::before' | '::after') => {
          const style = getComputedStyle(lane, pseudo);
          const coloured = style.backgroundColor === getComputedStyle(lane).backgroundColor && style.content !== 'none';
          return coloured ? parseFloat(style.height) || 0 : 0;
        };
        return { top: first.getBoundingClientRect().top - runOn(first, '::before') - canvas.top, bottom: canvas.bottom - (last.getBoundingClientRect().bottom + runOn(last, '::after')) };
      });
      expect(gaps.top, 'the lanes reach the canvas top').toBeLessThanOrEqual(1);
      expect(gaps.bottom, 'the lanes reach the canvas bottom').toBeLessThanOrEqual(1);
    });
