// Sharing from the dashboard: each chart's PNG download and the printable report (the journey picture,
// the assumptions, every KPI with its formula — incremental figures first — then window.print). ECharts
// cannot draw in jsdom: its module is mocked (a PNG handle per chart), and the file download is spied on.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { JourneyDocument } from '../../src/core/journey/schema';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import { checkSimulation, simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {}, toPng: () => 'data:image/png;base64,UE5H' })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));
const downloadDataUrl = vi.hoisted(() => vi.fn());
vi.mock('../../src/app/persist/files', async (importOriginal) => ({ ...(await importOriginal<object>()), downloadDataUrl }));

let report: SimulationReport;
let journey: JourneyDocument;

beforeAll(async () => {
  const input = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
  const cohort = getPreset('ecommerce')!.spec;
  const checked = checkSimulation({ journey: input, cohort, users: 2_000, seed: 7 });
  if (!checked.ok) throw new Error('the template does not simulate');
  // The journey as the run holds it (defaults filled in), with settings of its own to read back.
  const settings = { ...checked.checked.journey.settings, channelCosts: { sms: 0.08 }, frequencyCap: { touches: 4, window: 'P3D' }, quietHours: { start: '21:30', end: '09:00' } };
  journey = { ...checked.checked.journey, settings };
  report = (await simulate({ journey, cohort, users: 2_000, seed: 7 })).report;
});

const print = vi.fn();
beforeEach(() => {
  setLanguage('en');
  renderChart.mockClear();
  downloadDataUrl.mockClear();
  print.mockClear();
  vi.spyOn(window, 'print').mockImplementation(print);
});

async function open(lang: 'en' | 'zh-CN' = 'en', stale = false) {
  await setLanguage(lang);
  render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={stale} onClose={() => {}} journey={journey} />);
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return userEvent.setup();
}

describe('chart PNG download', () => {
  it('is offered per chart, disabled until the chart is drawn, and saves <journey>-<chart>.png', async () => {
    render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} journey={journey} />);
    const name = 'Download Funnel by lifecycle stage as PNG';
    expect(screen.getByRole('button', { name })).toBeDisabled();
    await act(async () => {
      await import('../../src/app/simulate/dashboard/echartsRenderer');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const button = screen.getByRole('button', { name });
    expect(button).toBeEnabled();
    await userEvent.setup().click(button);
    expect(downloadDataUrl).toHaveBeenCalledTimes(1);
    expect(downloadDataUrl).toHaveBeenCalledWith('churn-win-back-by-cause-with-a-holdout-funnel-by-lifecycle-stage.png', 'data:image/png;base64,UE5H');
    // One button per drawn chart.
    expect(screen.getAllByRole('button', { name: /^Download .+ as PNG$/ })).toHaveLength(renderChart.mock.calls.length);
  });

  it('says so when the picture cannot be made', async () => {
    const drawing = renderChart.getMockImplementation()!;
    renderChart.mockImplementation(() => ({
      dispose: () => {},
      toPng: () => {
        throw new Error('no canvas');
      },
    }));
    try {
      const user = await open();
      await user.click(screen.getByRole('button', { name: 'Download Funnel by lifecycle stage as PNG' }));
      expect(screen.getByRole('alert')).toHaveTextContent('The chart could not be saved as a picture.');
      expect(downloadDataUrl).not.toHaveBeenCalled();
    } finally {
      renderChart.mockImplementation(drawing);
    }
  });
});

describe('printable report', () => {
  it('is not in the page until asked for', async () => {
    await open();
    expect(screen.queryByRole('region', { name: 'Report' })).not.toBeInTheDocument();
    expect(print).not.toHaveBeenCalled();
  });

  it('renders the journey picture, the assumptions and every KPI with its formula, then prints', async () => {
    const user = await open('en', true);
    await user.click(screen.getByRole('button', { name: 'Print report' }));
    const reportRegion = screen.getByRole('region', { name: 'Report' });
    const region = within(reportRegion);
    expect(region.getByRole('heading', { level: 1, name: `Simulation report: ${report.journey.name}` })).toBeInTheDocument();
    expect(reportRegion).toHaveTextContent(/Printed \w+ \d{1,2}, \d{4}/);
    expect(reportRegion).toHaveTextContent('changed since');

    const picture = region.getByRole('img', { name: `Journey map of ${journey.name}: ${journey.nodes.length} steps and ${journey.edges.length} connections, in their stage lanes` });
    const svg = decodeURIComponent(picture.getAttribute('src')!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toContain('Ladder 1: 10 off 79');

    const assumptions = within(region.getByRole('table', { name: 'Assumptions' }));
    const row = (name: string) => assumptions.getByRole('rowheader', { name }).closest('tr')!;
    expect(row('Users simulated')).toHaveTextContent('2,000');
    expect(row('Random seed')).toHaveTextContent('7');
    expect(row('Replications')).toHaveTextContent('1');
    expect(row('Cohort')).toHaveTextContent(getPreset('ecommerce')!.name.en);
    expect(row('Horizon')).toHaveTextContent(`${report.horizonDays} days`);
    expect(row('Currency')).toHaveTextContent('CNY');
    expect(row('Frequency cap')).toHaveTextContent('At most 4 touches per 3 d');
    expect(row('Quiet hours')).toHaveTextContent('21:30–09:00');

    const costs = within(region.getByRole('table', { name: 'Channel costs' }));
    expect(costs.getByRole('rowheader', { name: 'SMS' }).closest('tr')).toHaveTextContent(/CN¥0\.08$/);
    expect(costs.getByRole('rowheader', { name: 'Outbound call' }).closest('tr')).toHaveTextContent('CN¥1.50 (default)');

    const offers = within(region.getByRole('table', { name: 'Offers' }));
    expect(offers.getByRole('rowheader', { name: 'Ladder 2: 20 off 99' }).closest('tr')).toHaveTextContent(/CouponCN¥20\.00CN¥99\.007 d/);

    // What the journey adds first, each figure with one unit and its interval; then the attributed and other figures, with what tells them apart.
    const tables = region.getAllByRole('table', { name: /^Key figures/ });
    expect(tables.map((table) => table.querySelector('caption')!.textContent)).toEqual(['Key figures: what the journey adds (incremental)', 'Key figures: attributed and other']);
    const incremental = within(tables[0]!);
    expect(incremental.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'Incremental conversions',
      'Incremental revenue',
      'Cost',
      'Incremental ROI',
      'Cost per incremental conversion',
      'Converted anyway',
    ]);
    const roi = incremental.getByRole('rowheader', { name: 'Incremental ROI' }).closest('tr')!;
    expect(within(roi).getAllByRole('cell')[0]).toHaveTextContent(/^-?[\d,.]+%$/);
    expect(within(roi).getAllByRole('cell')[1]).toHaveTextContent(/^95% interval -?[\d,.]+% to -?[\d,.]+%$/);
    expect(roi).toHaveTextContent('Incremental ROI = (incremental revenue − cost) ÷ cost');
    expect(within(incremental.getByRole('rowheader', { name: 'Incremental revenue' }).closest('tr')!).getAllByRole('cell')[0]).toHaveTextContent(/^-?CN¥[\d,.]+$/);

    const kpis = within(tables[1]!);
    const conversions = kpis.getByRole('rowheader', { name: 'Conversions' }).closest('tr')!;
    expect(conversions).toHaveTextContent(/95% interval [\d.]+% to [\d.]+%/);
    expect(conversions).toHaveTextContent('Conversion rate = users who reached a goal ÷ users who entered');
    expect(kpis.getByRole('rowheader', { name: 'Attributed ROI' }).closest('tr')).toHaveTextContent('Attributed ROI = (attributed revenue − cost) ÷ cost');
    expect(kpis.getByRole('rowheader', { name: 'Revenue per converted user' })).toBeInTheDocument();
    expect(kpis.getByRole('rowheader', { name: 'Customer value (12 months)' })).toBeInTheDocument();
    expect(reportRegion).toHaveTextContent('Attributed revenue counts everything users bought while in the journey, including what they would have bought anyway; incremental revenue is only what the journey added.');

    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    // Asking again prints again (with the time of the new request).
    await user.click(screen.getByRole('button', { name: 'Print report' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
  });

  it('is written in the interface language, with its lang attribute', async () => {
    setLanguage('zh-CN');
    const user = await open('zh-CN');
    await user.click(screen.getByRole('button', { name: '打印报告' }));
    const reportRegion = screen.getByRole('region', { name: '报告' });
    expect(reportRegion).toHaveAttribute('lang', 'zh-CN');
    expect(within(reportRegion).getByRole('table', { name: '假设条件' })).toHaveTextContent('免打扰时段');
    expect(within(reportRegion).getByRole('img', { name: /旅程图/ })).toBeInTheDocument();
    const incremental = within(reportRegion).getByRole('table', { name: '关键指标：旅程带来的增量' });
    expect(within(incremental).getAllByRole('rowheader')[0]).toHaveTextContent('增量转化');
    expect(within(reportRegion).getByRole('table', { name: '关键指标：归因及其他' })).toHaveTextContent('归因收入');
    expect(reportRegion).toHaveTextContent('归因收入计入用户在旅程中购买的全部金额，包括他们本来就会购买的部分；增量收入只计旅程额外带来的部分。');
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
  });
});
