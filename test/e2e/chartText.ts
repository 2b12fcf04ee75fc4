// What makes a chart unreadable, measured in the page: two pieces of its SVG's text overlapping, or the
// figure wider than its box. Shared by the dashboard's and the fit results' e2e checks.
import type { Page } from '@playwright/test';

interface Collision {
  chart: string;
  first: string;
  second: string;
}

/** Overlapping text pairs and overflowing figures of every chart drawn on the page (dashboard or fit results). */
export function measureCharts(page: Page) {
  return page.evaluate(() => {
    const collisions: Collision[] = [];
    const overflowing: string[] = [];
    for (const canvas of document.querySelectorAll<HTMLElement>('.dashboard-chart__canvas[data-phase="ready"]')) {
      const chart = canvas.getAttribute('aria-label') ?? '?';
      const svg = canvas.querySelector('svg');
      if (!svg) continue;
      // The box the chart must fit: its own scroll box if it has one (a wide flow), else its section.
      const box = (canvas.closest('.dashboard-chart__scroll') ?? canvas.closest('section') ?? canvas.parentElement)!.getBoundingClientRect();
      const figure = svg.getBoundingClientRect();
      if (!canvas.closest('.dashboard-chart__scroll') && figure.width > box.width + 1) overflowing.push(`${chart}: ${Math.round(figure.width)} px in ${Math.round(box.width)} px`);
      const texts = [...svg.querySelectorAll('text')]
        .filter((text) => (text.textContent ?? '').trim() !== '' && getComputedStyle(text).visibility !== 'hidden' && Number(text.getAttribute('opacity') ?? 1) > 0)
        .map((text) => ({ text: (text.textContent ?? '').trim(), rect: text.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width > 0 && rect.height > 0);
      // A scrolling legend's pager ("1/2") is drawn over the entries scrolled out of view, which are clipped.
      const pager = /^\d+\/\d+$/;
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          if (pager.test(texts[i]!.text) || pager.test(texts[j]!.text)) continue;
          const a = texts[i]!.rect;
          const b = texts[j]!.rect;
          const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // More than a sliver: glyph boxes include line spacing, so touching lines may share a pixel or two.
          if (width > 2 && height > 2) collisions.push({ chart, first: texts[i]!.text, second: texts[j]!.text });
        }
    }
    return { collisions, overflowing, charts: document.querySelectorAll('.dashboard-chart__canvas[data-phase="ready"] svg').length };
  });
}
