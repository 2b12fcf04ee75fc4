// The results dashboard, by role and accessible name, on a real report (the churn win-back template on
// the e-commerce preset, which has a holdout). ECharts cannot draw in jsdom: its module is mocked, and
// the tests read the data tables and the CSV exports instead.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { daysCsv, nodesCsv, stageFunnel } from '../../src/app/simulate/dashboard/dashboardData';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { channels } from '../../src/core/journey/channels';
import { stages } from '../../src/core/journey/stages';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import { cumulativeByDay } from '../../src/app/simulate/dashboard/CumulativeSection';
import { quietHourSet, quietRanges, type QuietHours } from '../../src/app/simulate/dashboard/HourlySection';
import { checkSimulation, simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

let report: SimulationReport;
let quietHours: QuietHours;

beforeAll(async () => {
  const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
  // The journey as the run reads it (defaults filled in: quiet hours 22:00–08:00).
  const checked = checkSimulation({ journey, cohort: getPreset('ecommerce')!.spec, users: 3_000, seed: 1 });
  if (!checked.ok) throw new Error('the template does not simulate');
  quietHours = checked.checked.journey.settings.quietHours;
  report = (await simulate({ journey, cohort: getPreset('ecommerce')!.spec, users: 3_000, seed: 1 })).report;
});

beforeEach(() => {
  setLanguage('en');
  renderChart.mockClear();
});

/** Renders the dashboard and lets its charts' (mocked) module load. */
async function open(lang: 'en' | 'zh-CN' = 'en', quiet: QuietHours = quietHours) {
  const onClose = vi.fn();
  await setLanguage(lang);
  render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={false} onClose={onClose} quietHours={quiet} />);
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(document.querySelectorAll('.dashboard-chart__canvas[data-phase="loading"]')).toHaveLength(0);
  return { onClose, user: userEvent.setup() };
}

const parseCsv = (text: string) =>
  text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

describe('dashboard', () => {
  it('is a labelled modal dialog with the close button focused, and Escape closes it', async () => {
    const { onClose, user } = await open();
    const dialog = screen.getByRole('dialog', { name: `Dashboard: ${report.journey.name}` });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('button', { name: 'Close dashboard' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows every KPI card with its interval and its formula as the description', async () => {
    await open();
    const cards = within(screen.getByRole('list', { name: 'Key figures' }));
    const conversions = cards.getByRole('group', { name: 'Conversions' });
    expect(conversions).toHaveTextContent(`${report.converted.toLocaleString('en')} (`);
    expect(conversions).toHaveTextContent(/95% interval [\d.]+% to [\d.]+%/);
    expect(conversions).toHaveAccessibleDescription('Conversion rate = users who reached a goal ÷ users who entered');
    expect(conversions).toHaveAttribute('tabindex', '0');
    for (const name of ['Revenue', 'Cost', 'ROI', 'CAC', 'ARPU', 'LTV', 'Unsubscribes', 'Churn', 'Lift vs holdout', 'Incremental revenue', 'Incremental ROI'])
      expect(cards.getByRole('group', { name })).toHaveAccessibleDescription(/=/);
    expect(cards.getByRole('group', { name: 'Revenue' })).toHaveTextContent(/CN¥[\d,.]+/);
    expect(cards.getByRole('group', { name: 'ROI' })).toHaveAccessibleDescription('ROI = (revenue − cost) ÷ cost');
    expect(cards.getByRole('group', { name: 'Lift vs holdout' })).toHaveTextContent(/pp/);
    expect(cards.getByRole('group', { name: 'Churn' })).toHaveTextContent(report.churned.toLocaleString('en'));
  });

  it('draws each chart through the lazily loaded ECharts module, with a data table behind a Show data toggle', async () => {
    const { user } = await open();
    const dialog = screen.getByRole('dialog');
    // Each chart on the page was drawn once, into its own element, in English, and shows as drawn.
    const charts = within(dialog).getAllByRole('img', { name: /: chart \(the data table has the numbers\)$/ });
    expect(charts).toHaveLength(6);
    const drawn = renderChart.mock.calls.map((call) => call as unknown as [HTMLElement, unknown, string]);
    expect(drawn.map(([element, , locale]) => [element.getAttribute('aria-label'), locale])).toEqual(charts.map((chart) => [chart.getAttribute('aria-label'), 'EN']));
    drawn.forEach(([element], index) => expect(element).toBe(charts[index]));
    for (const chart of charts) expect(chart).toHaveAttribute('data-phase', 'ready');
    expect(within(dialog).getByRole('img', { name: /Stage population over time/ })).toBeInTheDocument();

    const section = within(within(dialog).getByRole('region', { name: 'Stage population over time' }));
    expect(section.queryByRole('table')).toBeNull();
    const toggle = section.getByRole('button', { name: 'Show data' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Hide data');
    const table = section.getByRole('table', { name: /Users at a step of each stage at the end of each day/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(report.horizonDays + 1);
    const day0 = within(rows[1]!).getAllByRole('cell').map((cell) => Number(cell.textContent!.replaceAll(',', '')));
    expect(day0).toEqual(stages.map((stage) => report.stagesByDay[stage][0]));

    const funnel = within(within(dialog).getByRole('region', { name: 'Funnel by lifecycle stage' }));
    await user.click(funnel.getByRole('button', { name: 'Show data' }));
    const funnelRows = within(funnel.getByRole('table')).getAllByRole('row').slice(1);
    expect(funnelRows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(stageFunnel(report).map((row) => row.stage[0]!.toUpperCase() + row.stage.slice(1)));

    const operations = within(within(dialog).getByRole('region', { name: 'Operations load' }));
    await user.click(operations.getByRole('button', { name: 'Show data' }));
    expect(operations.getByText(`Peak: day ${report.operations.peakDay}, ${report.operations.peakSends.toLocaleString('en')} touches sent`)).toBeInTheDocument();
    expect(within(operations.getByRole('table')).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(expect.arrayContaining(['Day', 'SMS sent', 'SMS suppressed', 'Total sent']));

    // The option handed to ECharts for the operations chart stacks the channels' sends and marks the peak day.
    const options = renderChart.mock.calls.map((call) => (call as unknown as [unknown, { series: { stack?: string; markLine?: unknown }[] }])[1]);
    const operationsOption = options.find((option) => option.series.some((series) => series.stack === 'sent'))!;
    expect(operationsOption.series.some((series) => series.markLine)).toBe(true);
  });

  it('charts cumulative conversions and revenue, whose totals are the report’s', async () => {
    const { user } = await open();
    const section = within(screen.getByRole('region', { name: 'Cumulative conversions and revenue' }));
    expect(section.getByRole('img', { name: /^Cumulative conversions and revenue/ })).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Show data' }));
    const table = section.getByRole('table', { name: /^Conversions \(users reaching a first goal\) and journey revenue \(CNY\)/ });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Day', 'Conversions that day', 'Cumulative conversions', 'Revenue that day', 'Cumulative revenue']);
    expect(rows).toHaveLength(report.horizonDays + 1);
    const last = within(rows[rows.length - 1]!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(report.converted).toBeGreaterThan(0);
    expect(last[1]).toBe(report.converted.toLocaleString('en'));
    expect(last[3]).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(report.revenue));
    const days = cumulativeByDay(report);
    expect(days.at(-1)!.totalConversions).toBe(report.converted);
    expect(days.at(-1)!.totalRevenue).toBeCloseTo(report.revenue, 6);

    // Two lines, revenue on the second y axis.
    const options = renderChart.mock.calls.map((call) => (call as unknown as [unknown, { yAxis?: unknown; series: { type: string; yAxisIndex?: number; data: number[] }[] }])[1]);
    const option = options.find((candidate) => Array.isArray(candidate.yAxis))!;
    expect(option.series.map((series) => [series.type, series.yAxisIndex])).toEqual([['line', 0], ['line', 1]]);
    expect(option.series[0]!.data.at(-1)).toBe(report.converted);
  });

  it('charts sends by hour of day per channel, with the quiet hours shaded and named in the caption', async () => {
    const { user } = await open();
    expect(quietHours).toEqual({ start: '22:00', end: '08:00' });
    const section = within(screen.getByRole('region', { name: 'Sends by hour of day' }));
    await user.click(section.getByRole('button', { name: 'Show data' }));
    const table = section.getByRole('table', { name: /quiet hours 22:00–08:00 are shaded/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(25);
    const header = within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent);
    const used = channels.filter((channel) => report.channels[channel].sent > 0);
    expect(used.length).toBeGreaterThan(0);
    expect(header).toHaveLength(used.length + 2);
    const cells = rows.slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => Number(cell.textContent!.replaceAll(',', ''))));
    used.forEach((channel, column) => {
      expect(cells.map((row) => row[column])).toEqual(report.channels[channel].sentByHour);
      expect(cells.reduce((sum, row) => sum + row[column]!, 0)).toBe(report.channels[channel].sent);
    });
    expect(within(rows[23]!).getByRole('rowheader')).toHaveTextContent('22:00 (quiet)');
    expect(within(rows[9]!).getByRole('rowheader')).toHaveTextContent(/^08:00$/);

    const options = renderChart.mock.calls.map((call) => (call as unknown as [unknown, { series: { stack?: string; markArea?: { data: { xAxis: string }[][] } }[] }])[1]);
    const option = options.find((candidate) => candidate.series.some((series) => series.stack === 'hour'))!;
    expect(option.series).toHaveLength(used.length);
    expect(option.series[0]!.markArea!.data.map((pair) => pair.map((point) => point.xAxis))).toEqual([['0', '7'], ['22', '23']]);
  });

  it('reads quiet hours as the engine does: wrapping midnight, partial hours, none', async () => {
    expect([...quietHourSet({ start: '22:00', end: '08:00' })]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 22, 23]);
    expect(quietRanges(quietHourSet({ start: '12:30', end: '14:00' }))).toEqual([[12, 13]]);
    expect(quietHourSet({ start: '09:00', end: '09:00' }).size).toBe(0);
    expect(quietHourSet(null).size).toBe(0);
    await open('en', null);
    const section = within(screen.getByRole('region', { name: 'Sends by hour of day' }));
    expect(section.getByRole('table', { name: /this journey has no quiet hours/, hidden: true })).toBeInTheDocument();
  });

  it('breaks every figure down per segment', async () => {
    await open();
    const table = screen.getByRole('table', { name: 'Every figure per cohort segment' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(report.segments.length + 1);
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Segment', 'Users', 'Entered', 'Converted', 'Conversion rate', 'Purchases', 'Revenue', 'Cost', 'ROI', 'CAC', 'ARPU', 'Churned', 'Unsubscribes',
    ]);
    const first = report.segments[0]!;
    expect(within(rows[1]!).getAllByRole('cell')[0]).toHaveTextContent(first.users.toLocaleString('en'));
  });

  it('exports the per-node and per-day tables as CSV with the report’s exact numbers', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), `blob:${blobs.length}`));
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Download the per-node table (CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Download the per-day table (CSV)' }));
    click.mockRestore();
    expect(names).toEqual(['churn-win-back-by-cause-with-a-holdout-nodes.csv', 'churn-win-back-by-cause-with-a-holdout-days.csv']);
    const [nodesText, daysText] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(nodesText).toBe(nodesCsv(report));
    expect(daysText).toBe(daysCsv(report));

    const nodeRows = parseCsv(nodesText!);
    const ports = nodeRows[0]!.slice(5);
    expect(nodeRows[0]!.slice(0, 5)).toEqual(['id', 'label', 'stage', 'entries', 'users']);
    expect(nodeRows).toHaveLength(report.nodes.length + 1);
    const node = report.nodes[0]!;
    expect(nodeRows[1]!.slice(0, 5)).toEqual([node.id, node.label, node.stage, String(node.entries), String(node.users)]);
    expect(nodeRows[1]!.slice(5)).toEqual(ports.map((port) => (port.slice(5) in node.ports ? String(node.ports[port.slice(5)]) : '')));

    const dayRows = parseCsv(daysText!);
    expect(dayRows[0]).toEqual(['day', ...stages, ...channels.flatMap((channel) => [`${channel}:sent`, `${channel}:suppressed`])]);
    expect(dayRows).toHaveLength(report.horizonDays + 1);
    const day = report.operations.peakDay;
    expect(dayRows[day + 1]).toEqual([
      String(day),
      ...stages.map((stage) => String(report.stagesByDay[stage][day])),
      ...channels.flatMap((channel) => [String(report.channels[channel].sentByDay[day]), String(report.channels[channel].suppressedByDay[day])]),
    ]);
  });

  it('quotes CSV fields that hold a comma or a quote', () => {
    const tricky = { ...report, nodes: [{ ...report.nodes[0]!, label: 'Say "hi", then wait' }] };
    expect(nodesCsv(tricky).split('\r\n')[1]).toContain('"Say ""hi"", then wait"');
  });

  it('speaks Chinese, with money in yuan', async () => {
    await act(async () => setLanguage('zh-CN'));
    await open('zh-CN');
    const dialog = screen.getByRole('dialog', { name: `仪表板：${report.journey.name}` });
    const cards = within(within(dialog).getByRole('list', { name: '关键指标' }));
    expect(cards.getByRole('group', { name: '收入' })).toHaveTextContent(/¥[\d,.]+/);
    expect(cards.getByRole('group', { name: 'ROI（投资回报率）' })).toHaveAccessibleDescription('ROI = (收入 − 成本) ÷ 成本');
    expect(within(dialog).getByRole('region', { name: '运营负载' })).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: '累计转化与收入' })).toBeInTheDocument();
    expect(within(within(dialog).getByRole('region', { name: '按一天中各小时的发送量' })).getByRole('table', { name: /免打扰时段 22:00–08:00/, hidden: true })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '下载节点明细表（CSV）' })).toBeInTheDocument();
  });
});
