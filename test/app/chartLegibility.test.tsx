// The dashboard's charts are readable at 1024 px: the ECharts options each chart is drawn with (the
// renderer is mocked; what it is given is read), found by the chart's accessible name. Day labels that
// would overlap are left out, legends scroll instead of overlapping, the operations peak is named above
// the bars rather than on them, the flow diagram's step names fit between its columns, and text is
// measured in the page's font rather than `inherit` (which a canvas cannot measure in).
import { act, render, screen } from '@testing-library/react';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { inFont } from '../../src/app/simulate/dashboard/echartsRenderer';
import { FLOW_USUAL_WIDTH, LABEL_MAX, LABEL_MIN, sankeyColumns, sankeyLayout } from '../../src/app/simulate/dashboard/flowLayout';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { instantRunner } from '../support/instantRunner';

const renderChart = vi.hoisted(() => vi.fn((_element: HTMLElement, _option: unknown, _locale: string) => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', async (original) => ({ ...(await original<object>()), renderChart }));

interface AxisOption {
  axisLabel?: { interval?: unknown; hideOverlap?: boolean };
}
interface ChartOption {
  xAxis?: AxisOption;
  legend?: { type?: string; top?: number };
  title?: { text?: string; top?: number };
  grid?: { top?: number };
  series?: { type: string; markLine?: { label?: { show?: boolean; formatter?: unknown } }; label?: { width?: number; overflow?: string; lineOverflow?: string }; right?: number; left?: number }[];
}

const journey = checkJourney(instantiateTemplate(getTemplate('cart-abandonment')!, 'en')).document as JourneyDocument;

/** The options each chart was last drawn with, by the chart's accessible name. */
async function drawnCharts(lang: 'en' | 'zh-CN' = 'en') {
  await setLanguage(lang);
  const store = createSimulationStore(instantRunner);
  store.getState().setSettings({ users: '3000', seed: '1', presetId: 'ecommerce' });
  store.getState().start(journey);
  const { report } = store.getState();
  render(
    <SimulationStoreContext.Provider value={store}>
      <Dashboard report={report!} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />
    </SimulationStoreContext.Provider>,
  );
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const charts = new Map<string, ChartOption>();
  for (const [element, option] of renderChart.mock.calls) charts.set(element.getAttribute('aria-label') ?? '', option as ChartOption);
  const chart = (name: RegExp) => {
    const label = screen.getByRole('img', { name }).getAttribute('aria-label')!;
    const option = charts.get(label);
    expect(option, label).toBeDefined();
    return option!;
  };
  return { chart, report: report!, store };
}

describe('chart legibility', () => {
  beforeEach(() => renderChart.mockClear());

  it('leaves out day and hour labels that would overlap, at an interval ECharts picks', async () => {
    const { chart } = await drawnCharts();
    for (const name of [/^Stage population over time/, /^Operations load/, /^Cumulative incremental/, /^Sends by hour of day/]) {
      const { xAxis } = chart(name);
      expect(xAxis?.axisLabel, String(name)).toMatchObject({ interval: 'auto', hideOverlap: true });
    }
  });

  it('gives every legend a single scrolling line', async () => {
    const { chart } = await drawnCharts();
    for (const name of [/^Stage population over time/, /^Operations load/, /^Cumulative incremental/, /^Sends by hour of day/]) expect(chart(name).legend?.type, String(name)).toBe('scroll');
  });

  it('names the operations peak on a line above the legend and the bars, not on the bars', async () => {
    const { chart, report } = await drawnCharts();
    const option = chart(/^Operations load/);
    expect(report.operations.peakSends).toBeGreaterThan(0);
    expect(option.title?.text).toMatch(new RegExp(`^Peak: day ${report.operations.peakDay}, `));
    expect(option.title?.top).toBe(0);
    expect(option.legend!.top!).toBeGreaterThan(0);
    expect(option.grid!.top!).toBeGreaterThan(option.legend!.top! + 20);
    const marked = option.series!.find((series) => series.markLine)!;
    expect(marked.markLine!.label).toEqual({ show: false });
  });

  it('fits the flow diagram’s step names between its columns, on three lines at most', async () => {
    const { chart, store } = await drawnCharts();
    const sankey = chart(/^Flow through the journey/).series!.find((series) => series.type === 'sankey')!;
    const flow = store.getState().flow!;
    const columns = sankeyColumns(flow.sankey.nodes, flow.sankey.links);
    expect(columns).toBeGreaterThan(5);
    const width = sankey.label!.width!;
    expect(sankey.label).toMatchObject({ overflow: 'break', lineOverflow: 'truncate' });
    // The chart is drawn at least this wide: the gap between columns holds a name.
    const drawnWidth = Math.max(FLOW_USUAL_WIDTH, sankeyLayout(columns).minWidth ?? 0);
    const gap = (drawnWidth - sankey.left! - sankey.right! - 20) / (columns - 1);
    expect(20 + 5 + width).toBeLessThanOrEqual(gap);
    expect(sankey.right!).toBeGreaterThanOrEqual(width);
  });

  it('lays out any number of columns so that names never run into the next column', () => {
    for (let columns = 1; columns <= 30; columns += 1) {
      const layout = sankeyLayout(columns);
      expect(layout.labelWidth).toBeGreaterThanOrEqual(LABEL_MIN);
      expect(layout.labelWidth).toBeLessThanOrEqual(LABEL_MAX);
      const width = layout.minWidth ?? FLOW_USUAL_WIDTH;
      if (layout.minWidth !== null) expect(layout.minWidth).toBeGreaterThan(FLOW_USUAL_WIDTH);
      if (columns > 1) expect((width - layout.left - layout.right - 20) / (columns - 1)).toBeGreaterThanOrEqual(20 + 5 + layout.labelWidth);
    }
    // Few columns: the chart fits its usual width; many: it is drawn wider and scrolls.
    expect(sankeyLayout(4).minWidth).toBeNull();
    expect(sankeyLayout(14).minWidth).toBeGreaterThan(FLOW_USUAL_WIDTH);
  });

  it('counts columns as ECharts lays them out: the longest path from an entry', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
    const link = (source: string, target: string) => ({ edgeId: `${source}${target}`, source, target, value: 1 });
    expect(sankeyColumns(nodes, [link('a', 'b'), link('b', 'c'), link('a', 'c'), link('c', 'd')])).toBe(4);
    expect(sankeyColumns(nodes, [link('a', 'd'), link('b', 'd'), link('c', 'd')])).toBe(2);
    expect(sankeyColumns(nodes, [])).toBe(1);
  });

  it('a flow too wide for its section scrolls sideways in a named box reached by keyboard', async () => {
    const { chart } = await drawnCharts();
    chart(/^Flow through the journey/);
    const canvas = screen.getByRole('img', { name: /^Flow through the journey/ });
    const minWidth = parseFloat(canvas.style.minWidth || '0');
    if (minWidth > 0) {
      const box = screen.getByRole('region', { name: /^Flow through the journey: chart, scrolls sideways$/ });
      expect(box).toHaveAttribute('tabindex', '0');
      expect(box).toContainElement(canvas);
    } else expect(screen.queryByRole('region', { name: /scrolls sideways/ })).toBeNull();
  });

  it('measures text in the page’s font stack, not `inherit`', () => {
    const option = inFont({ animation: false, textStyle: { fontFamily: 'inherit', fontSize: 12 } }, 'system-ui, "Noto Sans CJK SC", sans-serif');
    expect(option.textStyle).toEqual({ fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif', fontSize: 12 });
    expect(inFont({ series: [] }, 'serif')).toEqual({ series: [], textStyle: { fontFamily: 'serif' } });
  });
});
