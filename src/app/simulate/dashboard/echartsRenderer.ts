// The only module that imports ECharts. Chart.tsx loads it with a dynamic import(), so ECharts goes
// into its own chunk, fetched when the dashboard first shows a chart, and the main bundle does not
// grow. Only the chart kinds and components the dashboard uses are registered (tree-shaken), drawn
// with the SVG renderer (crisp at any zoom, text selectable, printable).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as register, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface ChartHandle {
  dispose(): void;
}

export function renderChart(element: HTMLElement, option: EChartsCoreOption, locale: 'EN' | 'ZH'): ChartHandle {
  const chart = init(element, null, { renderer: 'svg', locale });
  chart.setOption(option);
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
  observer?.observe(element);
  return {
    dispose: () => {
      observer?.disconnect();
      chart.dispose();
    },
  };
}
