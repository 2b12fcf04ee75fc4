// Chart tooltips are HTML (ECharts sets innerHTML), and what they show comes from journeys that travel
// between people who do not trust each other. Every tooltip formatter is plain text: its result is
// escaped before ECharts sees it. Checked on the wrapper itself, on the Sankey chart's option built
// from a journey whose step labels are script, and on a real ECharts tooltip drawn in jsdom.
import { act, render } from '@testing-library/react';
import { getInstanceByDom } from 'echarts/core';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { FlowSection } from '../../src/app/simulate/dashboard/FlowSection';
import { plainTextFormatter, plainTextHtml, withPlainTextTooltips } from '../../src/app/simulate/dashboard/plainTextTooltips';
import type * as Renderer from '../../src/app/simulate/dashboard/echartsRenderer';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { instantRunner } from '../support/instantRunner';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {}, toPng: () => '' })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

const PAYLOAD = '<img src=x onerror=alert(1)>';
const SVG_PAYLOAD = '"><svg onload=alert(2)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

type Formatter = (params: unknown, ticket?: string, callback?: (ticket: string, html: string) => void) => string;
interface TooltipOption {
  formatter?: unknown;
}
interface SeriesOption {
  tooltip: TooltipOption[];
  series: { tooltip?: TooltipOption; data?: unknown[]; markLine?: { tooltip: TooltipOption } }[];
}

describe('plain-text tooltips', () => {
  it('escapes HTML and turns line breaks into <br/>', () => {
    expect(plainTextHtml(`${PAYLOAD}\n${SVG_PAYLOAD} & 'x'`)).toBe(`${ESCAPED}<br/>&quot;&gt;&lt;svg onload=alert(2)&gt; &amp; &#39;x&#39;`);
    expect(plainTextHtml('{a|x} {b}')).toBe('{a|x} {b}');
  });

  it('escapes what a function formatter returns, and what it hands to the async callback', () => {
    const callback = vi.fn();
    const formatter = plainTextFormatter((_params, ticket, done) => {
      done(ticket, PAYLOAD);
      return `${SVG_PAYLOAD}\nnext`;
    });
    expect(formatter({}, 't1', callback)).toBe('&quot;&gt;&lt;svg onload=alert(2)&gt;<br/>next');
    expect(callback).toHaveBeenCalledWith('t1', ESCAPED);
    // Wrapping twice (getOption() hands wrapped formatters back) escapes once.
    expect(plainTextFormatter(formatter)).toBe(formatter);
  });

  it('makes anything but text an empty tooltip', () => {
    const element = document.createElement('img');
    expect(plainTextFormatter(() => element)({}, '', () => {})).toBe('');
    expect(plainTextFormatter(() => 42)({}, '', () => {})).toBe('42');
    expect(plainTextFormatter(() => undefined)({}, '', () => {})).toBe('');
  });

  it('finds every tooltip in an option: top level, series, data items, mark lines, lists of tooltips', () => {
    const raw = () => PAYLOAD;
    const shared = { trigger: 'item', formatter: raw };
    const option = {
      tooltip: [{ formatter: `${PAYLOAD} {b}: {c}` }],
      series: [
        { type: 'bar', tooltip: shared, data: [{ value: 1, tooltip: { formatter: raw } }, 2], markLine: { tooltip: shared, data: [] } },
        { type: 'line', tooltip: { formatter: document.createElement('div') }, data: [1, 2, 3] },
      ],
    };
    const safe = withPlainTextTooltips(option) as unknown as SeriesOption;
    const run = (tooltip: TooltipOption | undefined) => (tooltip?.formatter as Formatter)({});
    expect(safe.tooltip[0]!.formatter).toBe(`${ESCAPED} {b}: {c}`);
    const [bar, line] = safe.series;
    expect(run(bar!.tooltip)).toBe(ESCAPED);
    expect(run(bar!.markLine!.tooltip)).toBe(ESCAPED);
    expect(run((bar!.data![0] as { tooltip: TooltipOption }).tooltip)).toBe(ESCAPED);
    expect(line!.tooltip!.formatter).toBeUndefined();
    // The option as written is left as it was (React memoises it), and plain data is shared.
    expect(option.series[0]!.tooltip.formatter).toBe(raw);
    expect(safe.series[1]!.data).toBe(option.series[1]!.data);
    const untouched = { series: [{ type: 'bar', data: [1, 2] }] };
    expect(withPlainTextTooltips(untouched)).toBe(untouched);
  });
});


/** The basic journey with script for step labels. */
function hostileJourney(): JourneyDocument {
  const journey = validJourney();
  journey.name = PAYLOAD;
  journey.nodes = journey.nodes.map((node) => ({ ...node, label: node.id === 'start' ? PAYLOAD : `${SVG_PAYLOAD} ${node.id}` }));
  return checkJourney(journey).document as JourneyDocument;
}

interface SankeyOption {
  tooltip: TooltipOption;
  series: { type: string; links: { source: string; target: string; value: number }[] }[];
}

describe('the flow chart of a hostile journey', () => {
  beforeEach(() => {
    setLanguage('en');
    renderChart.mockClear();
  });

  it('shows step labels in its tooltips as text', async () => {
    const journey = hostileJourney();
    const store = createSimulationStore(instantRunner);
    store.getState().setSettings({ users: '200' });
    store.getState().journeyChanged(journey);
    store.getState().start(journey);
    render(
      <SimulationStoreContext.Provider value={store}>
        <FlowSection />
      </SimulationStoreContext.Provider>,
    );
    await act(async () => {
      await import('../../src/app/simulate/dashboard/echartsRenderer');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const option = renderChart.mock.calls.map((call) => (call as unknown[])[1] as SankeyOption).find((each) => each.series[0]?.type === 'sankey');
    expect(option).toBeDefined();
    const link = option!.series[0]!.links.find((each) => each.source === 'start')!;
    const safe = withPlainTextTooltips(option!);
    const tooltip = safe.tooltip.formatter as Formatter;

    const nodeText = tooltip({ dataType: 'node', name: 'start', value: 200 });
    expect(nodeText).toBe(`${ESCAPED}: 200`);
    const linkText = tooltip({ dataType: 'edge', value: link.value, data: { source: link.source, target: link.target } });
    expect(linkText).toBe(`${ESCAPED} → &quot;&gt;&lt;svg onload=alert(2)&gt; ${link.target}: ${link.value}`);
    // What the section wrote is the raw label: the renderer's wrapper is what makes it safe.
    expect((option!.tooltip.formatter as Formatter)({ dataType: 'node', name: 'start', value: 200 })).toBe(`${PAYLOAD}: 200`);
  });
});

describe('a real ECharts tooltip', () => {
  it('puts a label that is script into the page as text', async () => {
    const { renderChart: realRenderChart } = await vi.importActual<typeof Renderer>('../../src/app/simulate/dashboard/echartsRenderer');
    const element = document.createElement('div');
    document.body.append(element);
    // jsdom lays nothing out: give the chart a size.
    Object.defineProperty(element, 'clientWidth', { value: 400 });
    Object.defineProperty(element, 'clientHeight', { value: 300 });
    const handle = realRenderChart(
      element,
      {
        tooltip: { trigger: 'item', formatter: ({ name }: { name: string }) => `${name}\n${PAYLOAD}` },
        series: [{ type: 'sankey', data: [{ name: 'a' }, { name: SVG_PAYLOAD }], links: [{ source: 'a', target: SVG_PAYLOAD, value: 3 }] }],
      },
      'EN',
    );
    try {
      getInstanceByDom(element)!.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 1 });
      const shown = [...element.querySelectorAll('div')].find((each) => each.textContent?.includes('alert(1)'));
      expect(shown).toBeDefined();
      expect(shown!.textContent).toBe(`${SVG_PAYLOAD}${PAYLOAD}`);
      expect(element.querySelector('img, svg[onload], [onerror]')).toBeNull();
      expect(shown!.querySelectorAll('br')).toHaveLength(1);
    } finally {
      handle.dispose();
      element.remove();
    }
  });
});
