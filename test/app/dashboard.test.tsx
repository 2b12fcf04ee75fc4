// The results dashboard, by role and accessible name, on a real report (the churn win-back template on
// the e-commerce preset, which has a holdout). ECharts cannot draw in jsdom: its module is mocked, and
// the tests read the data tables and the CSV exports instead.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { daysCsv, nodesCsv, stageFunnel } from '../../src/app/simulate/dashboard/dashboardData';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { channels } from '../../src/core/journey/channels';
import { stages } from '../../src/core/journey/stages';
import type { ControlGroupReport, SimulationReport } from '../../src/core/sim/engine/report';
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

  it('leads with the incremental cards, each with its 95% interval, and names the attributed figures so, with what tells them apart', async () => {
    await open();
    const dialog = screen.getByRole('dialog');
    const incremental = within(screen.getByRole('list', { name: 'What the journey adds (incremental)' }));
    const attributed = screen.getByRole('list', { name: 'Attributed and other figures' });
    // Every card in the order a reader meets them: the incremental row first.
    const cards = within(dialog).getAllByRole('group').filter((card) => card.closest('.dashboard-kpis'));
    expect(cards.slice(0, 6).map((card) => card.querySelector('.dashboard-kpi__label')!.textContent)).toEqual([
      'Incremental conversions',
      'Incremental revenue',
      'Cost',
      'Incremental ROI',
      'Cost per incremental conversion',
      'Converted anyway',
    ]);
    expect(incremental.getAllByRole('group')).toHaveLength(6);
    for (const name of ['Incremental conversions', 'Incremental revenue', 'Cost', 'Incremental ROI']) {
      expect(incremental.getByRole('group', { name })).toHaveTextContent(/95% interval -?(CN¥)?[\d,.]+%? to -?(CN¥)?[\d,.]+/);
      expect(incremental.getByRole('group', { name })).toHaveAccessibleDescription(/=/);
    }
    const conversions = incremental.getByRole('group', { name: 'Incremental conversions' });
    expect(conversions).toHaveAccessibleDescription('Incremental conversions = users who reached a goal − users whose twin (the same user without the journey) did');
    expect(conversions).toHaveAttribute('tabindex', '0');
    expect(incremental.getByRole('group', { name: 'Incremental revenue' })).toHaveTextContent(/^Incremental revenue-?CN¥[\d,.]+95% interval -?CN¥[\d,.]+ to -?CN¥[\d,.]+/);
    // ROI is a percentage, its interval too.
    const roi = incremental.getByRole('group', { name: 'Incremental ROI' });
    expect(roi.querySelector('.dashboard-kpi__value')!.textContent).toMatch(/^-?[\d,.]+%$/);
    expect(roi).toHaveTextContent(/95% interval -?[\d,.]+% to -?[\d,.]+%/);
    expect(roi).toHaveAccessibleDescription('Incremental ROI = (incremental revenue − cost) ÷ cost');
    expect(incremental.getByRole('group', { name: 'Converted anyway' })).toHaveTextContent(`Converted anyway${report.baseline.converted.toLocaleString('en')}`);

    // The attributed figures come after, named so, with the one-line explanation describing them.
    expect(attributed).toHaveAccessibleDescription(
      'Attributed revenue counts everything users bought while in the journey, including what they would have bought anyway; incremental revenue is only what the journey added.',
    );
    const others = within(attributed);
    expect(others.getByRole('group', { name: 'Attributed revenue' })).toHaveTextContent(/CN¥[\d,.]+/);
    expect(others.getByRole('group', { name: 'Attributed ROI' }).querySelector('.dashboard-kpi__value')!.textContent).toMatch(/^-?[\d,.]+%$/);
    expect(others.getByRole('group', { name: 'Attributed ROI' })).toHaveAccessibleDescription('Attributed ROI = (attributed revenue − cost) ÷ cost');
    for (const name of ['Conversions', 'CAC', 'ARPU', 'Revenue per converted user', 'Customer value (12 months)', 'Unsubscribes', 'Churn', 'Lift vs holdout'])
      expect(others.getByRole('group', { name })).toHaveAccessibleDescription(/=/);
    expect(others.getByRole('group', { name: 'Conversions' })).toHaveTextContent(/95% interval [\d.]+% to [\d.]+%/);
    expect(others.getByRole('group', { name: 'Lift vs holdout' })).toHaveTextContent(/pp/);
    expect(others.getByRole('group', { name: 'Churn' })).toHaveTextContent(report.churned.toLocaleString('en'));
    // Nothing is called plain revenue, ROI or LTV any more.
    for (const name of ['Revenue', 'ROI', 'LTV']) expect(within(dialog).queryByRole('group', { name })).toBeNull();
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

    // The funnel by stage: users who reached each stage or a later one, in stage order, never widening.
    const funnel = within(within(dialog).getByRole('region', { name: 'Funnel by lifecycle stage' }));
    await user.click(funnel.getByRole('button', { name: 'Show data' }));
    expect(funnel.getByRole('table')).toHaveAccessibleName('Users who reached each stage or a later one, in stage order, and their share of the users who entered the journey');
    const funnelRows = within(funnel.getByRole('table')).getAllByRole('row').slice(1);
    expect(funnelRows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(stages.map((stage) => stage[0]!.toUpperCase() + stage.slice(1)));
    const reached = funnelRows.map((row) => Number(within(row).getAllByRole('cell')[0]!.textContent!.replaceAll(',', '')));
    expect(reached).toEqual(stages.map((stage) => report.stageFunnel[stage]));
    expect(stageFunnel(report).map((row) => row.users)).toEqual(reached);
    reached.slice(1).forEach((users, index) => expect(users).toBeLessThanOrEqual(reached[index]!));

    const operations = within(within(dialog).getByRole('region', { name: 'Operations load' }));
    await user.click(operations.getByRole('button', { name: 'Show data' }));
    expect(operations.getByText(`Peak: day ${report.operations.peakDay}, ${report.operations.peakSends.toLocaleString('en')} touches sent`)).toBeInTheDocument();
    expect(within(operations.getByRole('table')).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(expect.arrayContaining(['Day', 'SMS sent', 'SMS suppressed', 'Total sent']));

    // The option handed to ECharts for the operations chart stacks the channels' sends and marks the peak day.
    const options = renderChart.mock.calls.map((call) => (call as unknown as [unknown, { series: { stack?: string; markLine?: unknown }[] }])[1]);
    const operationsOption = options.find((option) => option.series.some((series) => series.stack === 'sent'))!;
    expect(operationsOption.series.some((series) => series.markLine)).toBe(true);
  });

  it('charts cumulative incremental conversions and revenue first, with all conversions and attributed revenue beside them', async () => {
    const { user } = await open();
    const section = within(screen.getByRole('region', { name: 'Cumulative incremental conversions and revenue' }));
    expect(section.getByRole('img', { name: /^Cumulative incremental conversions and revenue/ })).toBeInTheDocument();
    expect(section.getByText(/^Attributed revenue counts everything users bought while in the journey/)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Show data' }));
    const table = section.getByRole('table', { name: /^Incremental conversions and revenue \(what the journey adds over the users' twins\), then all conversions .* in CNY/ });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Day',
      'Incremental conversions that day',
      'Cumulative incremental conversions',
      'Incremental revenue that day',
      'Cumulative incremental revenue',
      'Conversions that day',
      'Cumulative conversions',
      'Attributed revenue that day',
      'Cumulative attributed revenue',
    ]);
    expect(rows).toHaveLength(report.horizonDays + 1);
    const money = (value: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(value);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const last = within(rows[rows.length - 1]!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(report.converted).toBeGreaterThan(0);
    expect(last[1]).toBe(sum(report.incremental.byDay.conversions).toLocaleString('en', { maximumFractionDigits: 1 }));
    expect(last[3]).toBe(money(sum(report.incremental.byDay.revenue)));
    expect(last[5]).toBe(report.converted.toLocaleString('en'));
    expect(last[7]).toBe(money(report.attributedRevenue));
    const days = cumulativeByDay(report);
    expect(days.at(-1)!.totalConversions).toBe(report.converted);
    expect(days.at(-1)!.totalRevenue).toBeCloseTo(report.attributedRevenue, 6);
    expect(days.at(-1)!.totalIncrementalRevenue).toBeCloseTo(sum(report.incremental.byDay.revenue), 6);

    // Four lines: incremental first (solid), then all conversions and attributed revenue (dashed); money on the second y axis.
    const options = renderChart.mock.calls.map((call) => (call as unknown as [unknown, { yAxis?: unknown; series: { type: string; yAxisIndex?: number; lineStyle?: { type: string }; data: number[] }[] }])[1]);
    const option = options.find((candidate) => Array.isArray(candidate.yAxis))!;
    expect(option.series.map((series) => [series.type, series.yAxisIndex, series.lineStyle?.type ?? 'solid'])).toEqual([
      ['line', 0, 'solid'],
      ['line', 1, 'solid'],
      ['line', 0, 'dashed'],
      ['line', 1, 'dashed'],
    ]);
    expect(option.series[0]!.data.at(-1)).toBe(days.at(-1)!.totalIncrementalConversions);
    expect(option.series[2]!.data.at(-1)).toBe(report.converted);
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

  it('breaks every figure down per segment, what the journey adds first', async () => {
    await open();
    const table = screen.getByRole('table', { name: 'Every figure per cohort segment: what the journey adds first (with 95% intervals), then the attributed figures' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(report.segments.length + 1);
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Segment', 'Users', 'Incremental conversions', 'Incremental revenue', 'Cost', 'Incremental ROI', 'Entered', 'Converted', 'Conversion rate', 'Purchases', 'Attributed revenue', 'Attributed ROI', 'CAC', 'ARPU', 'Churned', 'Unsubscribes',
    ]);
    const first = report.segments[0]!;
    const cells = within(rows[1]!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(first.users.toLocaleString('en'));
    expect(cells[1]).toHaveTextContent(/^-?[\d,.]+ 95% interval -?[\d,.]+ to -?[\d,.]+$/);
    expect(cells[4]).toHaveTextContent(/^-?[\d,.]+% 95% interval -?[\d,.]+% to -?[\d,.]+%$/);
    expect(cells[10]).toHaveTextContent(/^-?[\d,.]+%$/);
    expect(within(table.closest('section')!).getByText(/^Attributed revenue counts everything users bought/)).toBeInTheDocument();
  });

  it('shows the global control group when the cohort has one: each group’s rate and revenue, the difference and the incremental revenue with their intervals', async () => {
    expect(report.controlGroup).toBeNull();
    await open();
    expect(screen.queryByRole('region', { name: 'Global control group' })).toBeNull();
    cleanup();

    const controlGroup: ControlGroupReport = {
      share: 0.1,
      controlUsers: 300,
      treatedUsers: 2_700,
      controlRate: 0.05,
      treatedRate: 0.08,
      difference: { value: 0.03, interval: { low: 0.012, high: 0.0475, method: 'newcombe' } },
      controlRevenuePerUser: 12,
      treatedRevenuePerUser: 15.5,
      incrementalRevenue: { value: 9_450, interval: { low: 2_100, high: 16_800, method: 't' } },
    };
    await setLanguage('en');
    render(<Dashboard report={{ ...report, controlGroup }} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
    const section = within(screen.getByRole('region', { name: 'Global control group' }));
    expect(section.getByText('10% of the cohort is held out of every journey: the whole journey\'s effect, measured against it.')).toBeInTheDocument();
    const table = section.getByRole('table', { name: 'Treated users and the global control group: conversion rate over the horizon and revenue per user (CNY)' });
    const row = (name: string) => within(within(table).getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(row('Treated')).toEqual(['2,700', '8%', 'CN¥15.50']);
    expect(row('Global control group')).toEqual(['300', '5%', 'CN¥12.00']);
    expect(section.getByText('Conversion difference (treated − control)').nextElementSibling).toHaveTextContent('+3.00 pp 95% interval +1.20 pp to +4.75 pp');
    expect(section.getByText('Incremental revenue (treated users vs as many control users)').nextElementSibling).toHaveTextContent('CN¥9,450.00 95% interval CN¥2,100.00 to CN¥16,800.00');
    cleanup();

    await act(async () => setLanguage('zh-CN'));
    render(<Dashboard report={{ ...report, controlGroup }} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
    const zh = within(screen.getByRole('region', { name: '全局对照组' }));
    expect(zh.getByRole('table', { name: '实验用户与全局对照组：整个周期内的转化率和人均收入（CNY）' })).toBeInTheDocument();
    expect(zh.getByText('转化率差（实验组 − 对照组）').nextElementSibling).toHaveTextContent('+3.00 个百分点 95% 置信区间 +1.20 个百分点 至 +4.75 个百分点');
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
    expect(nodesText).toBe(nodesCsv(report, 'CNY'));
    expect(daysText).toBe(daysCsv(report, 'CNY'));

    // Per node: what its users gained over their twins first, money columns naming the currency.
    const nodeRows = parseCsv(nodesText!);
    const ports = nodeRows[0]!.slice(8);
    expect(nodeRows[0]!.slice(0, 8)).toEqual(['id', 'label', 'stage', 'entries', 'users', 'incremental:conversions', 'incremental:revenue:CNY', 'incremental:cost:CNY']);
    expect(ports.every((port) => port.startsWith('port:'))).toBe(true);
    expect(nodeRows).toHaveLength(report.nodes.length + 1);
    const node = report.nodes[0]!;
    expect(nodeRows[1]!.slice(0, 8)).toEqual([node.id, node.label, node.stage, String(node.entries), String(node.users), String(node.incremental.conversions), String(node.incremental.revenue), String(node.incremental.cost)]);
    expect(nodeRows[1]!.slice(8)).toEqual(ports.map((port) => (port.slice(5) in node.ports ? String(node.ports[port.slice(5)]) : '')));
    expect(report.nodes.some((each) => each.incremental.cost > 0)).toBe(true);

    const dayRows = parseCsv(daysText!);
    expect(dayRows[0]).toEqual([
      'day',
      'incremental:conversions',
      'incremental:revenue:CNY',
      'conversions',
      'attributed:revenue:CNY',
      ...stages,
      ...channels.flatMap((channel) => [`${channel}:sent`, `${channel}:suppressed`]),
    ]);
    expect(dayRows).toHaveLength(report.horizonDays + 1);
    const day = report.operations.peakDay;
    expect(dayRows[day + 1]).toEqual([
      String(day),
      String(report.incremental.byDay.conversions[day]),
      String(report.incremental.byDay.revenue[day]),
      String(report.conversionsByDay[day]),
      String(report.revenueByDay[day]),
      ...stages.map((stage) => String(report.stagesByDay[stage][day])),
      ...channels.flatMap((channel) => [String(report.channels[channel].sentByDay[day]), String(report.channels[channel].suppressedByDay[day])]),
    ]);
  });

  it('quotes CSV fields that hold a comma or a quote', () => {
    const tricky = { ...report, nodes: [{ ...report.nodes[0]!, label: 'Say "hi", then wait' }] };
    expect(nodesCsv(tricky, 'CNY').split('\r\n')[1]).toContain('"Say ""hi"", then wait"');
  });

  it('speaks Chinese, with money in yuan', async () => {
    await act(async () => setLanguage('zh-CN'));
    await open('zh-CN');
    const dialog = screen.getByRole('dialog', { name: `仪表板：${report.journey.name}` });
    const cards = within(within(dialog).getByRole('list', { name: '旅程带来的增量' }));
    const first = within(dialog).getAllByRole('group').find((card) => card.closest('.dashboard-kpis'))!;
    expect(first).toHaveAccessibleName('增量转化');
    expect(first).toHaveTextContent(/95% 置信区间 -?[\d,.]+ 至 -?[\d,.]+/);
    expect(cards.getByRole('group', { name: '增量收入' })).toHaveTextContent(/¥[\d,.]+/);
    expect(cards.getByRole('group', { name: '增量 ROI' })).toHaveAccessibleDescription('增量 ROI = (增量收入 − 成本) ÷ 成本');
    expect(cards.getByRole('group', { name: '增量 ROI' }).querySelector('.dashboard-kpi__value')!.textContent).toMatch(/%$/);
    expect(cards.getByRole('group', { name: '本来就会转化' })).toBeInTheDocument();
    const attributed = within(dialog).getByRole('list', { name: '归因及其他指标' });
    expect(attributed).toHaveAccessibleDescription('归因收入计入用户在旅程中购买的全部金额，包括他们本来就会购买的部分；增量收入只计旅程额外带来的部分。');
    expect(within(attributed).getByRole('group', { name: '归因收入' })).toHaveTextContent(/¥[\d,.]+/);
    expect(within(attributed).getByRole('group', { name: '每位转化用户的收入' })).toBeInTheDocument();
    expect(within(attributed).getByRole('group', { name: '客户价值（12 个月）' })).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: '运营负载' })).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: '累计增量转化与收入' })).toBeInTheDocument();
    expect(within(within(dialog).getByRole('region', { name: '按一天中各小时的发送量' })).getByRole('table', { name: /免打扰时段 22:00–08:00/, hidden: true })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '下载节点明细表（CSV）' })).toBeInTheDocument();
  });
});
