// A drawn chart follows its box's size, and is not drawn again when nothing changed: a ResizeObserver
// reports every element once as it starts observing it, which used to redraw each chart of an opening
// dashboard a second time.
const chart = vi.hoisted(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn(), getOption: vi.fn(), getWidth: vi.fn(), getHeight: vi.fn() }));
vi.mock('echarts/core', async (original) => ({ ...(await original<typeof EchartsCore>()), init: vi.fn(() => chart) }));
import type * as EchartsCore from 'echarts/core';
import { renderChart } from '../../src/app/simulate/dashboard/echartsRenderer';

type Observed = { callback: ResizeObserverCallback; disconnect: ReturnType<typeof vi.fn> };
const observers: Observed[] = [];

class FakeResizeObserver {
  readonly disconnect = vi.fn();
  constructor(private readonly callback: ResizeObserverCallback) {
    observers.push({ callback, disconnect: this.disconnect });
  }
  observe(): void {
    // As browsers do: one report as soon as the element is observed.
    this.callback([], this as unknown as ResizeObserver);
  }
  unobserve(): void {}
}

function boxOf(width: number, height: number): HTMLDivElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(element, 'clientHeight', { configurable: true, get: () => height });
  return element;
}

function resizeTo(element: HTMLElement, width: number, height: number): void {
  Object.defineProperty(element, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(element, 'clientHeight', { configurable: true, get: () => height });
  for (const observer of observers) observer.callback([], {} as ResizeObserver);
}

describe('a drawn chart', () => {
  beforeEach(() => {
    observers.length = 0;
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    for (const spy of Object.values(chart)) spy.mockClear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is drawn once, not again when its observer first reports the size it was drawn at', () => {
    renderChart(boxOf(640, 280), { series: [] }, 'EN');
    expect(chart.setOption).toHaveBeenCalledTimes(1);
    expect(observers).toHaveLength(1);
    expect(chart.resize).not.toHaveBeenCalled();
  });

  it('is redrawn when its box changes size, once per change, and stops following it when disposed', () => {
    const element = boxOf(640, 280);
    const handle = renderChart(element, { series: [] }, 'EN');
    resizeTo(element, 480, 280);
    expect(chart.resize).toHaveBeenCalledTimes(1);
    resizeTo(element, 480, 280);
    expect(chart.resize).toHaveBeenCalledTimes(1);
    resizeTo(element, 480, 320);
    expect(chart.resize).toHaveBeenCalledTimes(2);
    handle.dispose();
    expect(observers[0]!.disconnect).toHaveBeenCalled();
    expect(chart.dispose).toHaveBeenCalled();
  });
});
