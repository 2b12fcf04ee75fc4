// What an axe run of the dashboard and the cohort editor flagged, by role and accessible name: a table
// that scrolls is a named region in the tab order (keyboard users can scroll it, the segment table's CAC
// column included), and the cohort editor's picked segment is white on a blue dark enough to read (4.5:1).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import { simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

let report: SimulationReport;

beforeAll(async () => {
  const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
  report = (await simulate({ journey, cohort: getPreset('ecommerce')!.spec, users: 2_000, seed: 1 })).report;
});

async function open(lang: 'en' | 'zh-CN' = 'en') {
  await setLanguage(lang);
  render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return userEvent.setup();
}

const SEGMENTS = 'Every figure per cohort segment: what the journey adds first (with 95% intervals), then the attributed figures';

describe('scrolling tables', () => {
  it('the segment table scrolls in a region named by its caption, reached by Tab, with every column (CAC too) in it', async () => {
    const user = await open();
    const region = screen.getByRole('region', { name: SEGMENTS });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveClass('dashboard-table__scroll');
    const table = within(region).getByRole('table', { name: SEGMENTS });
    expect(within(table).getByRole('columnheader', { name: 'CAC' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Unsubscribes' })).toBeInTheDocument();
    // Reached from the control just before it.
    const before = screen.getAllByRole('button', { name: /^(Show|Hide) data$/ }).filter((button) => button.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1)!;
    before.focus();
    let guard = 0;
    while (document.activeElement !== region && guard++ < 40) await user.tab();
    expect(region).toHaveFocus();
  });

  it('every table that scrolls is a focusable named region, in English and in Chinese', async () => {
    const user = await open();
    for (const toggle of screen.getAllByRole('button', { name: 'Show data' })) await user.click(toggle);
    const boxes = [...document.querySelectorAll<HTMLElement>('.dashboard-table__scroll')];
    expect(boxes.length).toBeGreaterThan(8);
    for (const box of boxes) {
      expect(box).toHaveAttribute('role', 'region');
      expect(box).toHaveAttribute('tabindex', '0');
      expect(box).toHaveAccessibleName(/\S/);
    }
    // A chart's data table is named after its chart.
    expect(screen.getByRole('region', { name: 'Stage population over time: data table' })).toHaveAttribute('tabindex', '0');
  });

  it('names the chart data regions in Chinese too', async () => {
    const user = await open('zh-CN');
    for (const toggle of screen.getAllByRole('button', { name: '显示数据' })) await user.click(toggle);
    expect(screen.getAllByRole('region', { name: /：数据表$/ }).length).toBeGreaterThan(3);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('cohort editor colours', () => {
  it('the picked segment button is white on a blue of at least 4.5:1', () => {
    const css = readFileSync(path.resolve(__dirname, '../../src/app/cohorts/cohorts.css'), 'utf8');
    const rule = /\.cohort-segment-picker button\[aria-pressed='true'\]\s*\{([^}]*)\}/.exec(css)?.[1];
    expect(rule).toBeDefined();
    const background = /background:\s*(#[0-9a-f]{6})/i.exec(rule!)?.[1];
    const color = /color:\s*(#[0-9a-f]{6}|#fff)\b/i.exec(rule!.replace(/background:[^;]*;/, ''))?.[1];
    expect(background).toBeDefined();
    expect(color?.toLowerCase()).toMatch(/^#fff(fff)?$/);
    expect(contrast(background!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
