// The only module that imports ECharts. Chart.tsx loads it with a dynamic import(), so ECharts goes
// into its own chunk, fetched when the dashboard first shows a chart, and the main bundle does not
// grow. Only the chart kinds and components the dashboard uses are registered (tree-shaken), drawn
// with the SVG renderer (crisp at any zoom, text selectable, printable). The canvas renderer is there
// only for PNG downloads: with the SVG renderer, getDataURL() gives SVG whatever type is asked for.
// Tooltips are the one place ECharts writes HTML: every option goes through withPlainTextTooltips first,
// so a user string in a tooltip is shown as text, never run as markup. Text is drawn and measured in
// the page's own font (the element's computed font-family): ECharts measures labels on a canvas, where
// `inherit` means nothing and a 10 px default font was measured instead, so labels it thought apart were
// drawn over each other (day numbers, legend entries, Sankey names).
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use as register, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { withPlainTextTooltips } from './plainTextTooltips';

register([BarChart, LineChart, SankeyChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

export interface ChartHandle {
  dispose(): void;
  /** The chart as drawn now, as a PNG data URL (twice the on-screen size, on white). */
  toPng(): string;
}

/** The option with its text in `fontFamily` (a font stack a canvas understands, unlike `inherit`). */
export function inFont<T extends object>(option: T, fontFamily: string): T {
  const textStyle = 'textStyle' in option && typeof option.textStyle === 'object' ? option.textStyle : {};
  return { ...option, textStyle: { ...textStyle, fontFamily } };
}

const fontOf = (element: HTMLElement): string => getComputedStyle(element).fontFamily || 'sans-serif';

/**
 * Draws the chart's current option again on an off-screen canvas of the same size and reads it back.
 * `inherit` fonts mean nothing on a canvas, so the text gets the element's computed font. The option
 * comes from getOption(), so its tooltips are plain text already.
 */
function chartPng(element: HTMLElement, option: EChartsCoreOption, locale: string, width: number, height: number): string {
  const copy = init(document.createElement('div'), null, { renderer: 'canvas', locale, width, height });
  try {
    copy.setOption({ ...inFont(option, fontOf(element)), animation: false });
    return copy.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    copy.dispose();
  }
}

/** `locale` names one of ECharts' built-in locales ('EN', 'ZH', …), for the words ECharts writes itself. */
export function renderChart(element: HTMLElement, option: EChartsCoreOption, locale: string): ChartHandle {
  const chart = init(element, null, { renderer: 'svg', locale });
  chart.setOption(withPlainTextTooltips(inFont(option, fontOf(element))));
  // A ResizeObserver reports an element once as soon as it observes it, at the size the chart was just
  // drawn at: resizing then drew every chart of an opening dashboard twice (a tenth of a second of the
  // page's time on this project's machine). Only a change of the box's size redraws it.
  let width = element.clientWidth;
  let height = element.clientHeight;
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (element.clientWidth === width && element.clientHeight === height) return;
          width = element.clientWidth;
          height = element.clientHeight;
          chart.resize();
        });
  observer?.observe(element);
  return {
    toPng: () => chartPng(element, chart.getOption(), locale, chart.getWidth(), chart.getHeight()),
    dispose: () => {
      observer?.disconnect();
      chart.dispose();
    },
  };
}
