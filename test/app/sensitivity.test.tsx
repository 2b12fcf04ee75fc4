// The dashboard's Sensitivity section, by role and accessible name: a real last run (cart abandonment on
// the e-commerce preset) made through a simulation store, and a fake runner in place of the Web Worker
// that runs the worker's job for real in this thread (at once, or when the test says). ECharts is mocked;
// the tests read the data tables.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import type { SimulationCallbacks, SimulationRequest, SimulationRunner } from '../../src/app/simulate/protocol';
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { formatMoney, formatPercent } from '../../src/app/simulate/format';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { assumptionsFor } from '../../src/core/sim/analysis/sensitivity';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { deliverSimulation } from '../../src/app/simulate/protocol';
import { inEnglish } from '../support/messages.ts';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

interface FakeRun {
  request: SimulationRequest;
  cancelled: boolean;
  complete(): void;
}

/** Runs the worker's job for real in this thread: at once (`auto`), or when the test calls complete(). */
function fakeRunner(mode: { auto: boolean }) {
  const runs: FakeRun[] = [];
  const execute = (request: SimulationRequest, callbacks: SimulationCallbacks) =>
    runSimulationJob(request, (message) => deliverSimulation(message, callbacks));
  const runner: SimulationRunner = (request, callbacks) => {
    const run: FakeRun = { request, cancelled: false, complete: () => execute(request, callbacks) };
    runs.push(run);
    if (mode.auto) run.complete();
    return { cancel: () => void (run.cancelled = true) };
  };
  return { runner, runs };
}

const journey = checkJourney(instantiateTemplate(getTemplate('cart-abandonment')!, 'en')).document as JourneyDocument;

async function open() {
  const mode = { auto: true };
  const fake = fakeRunner(mode);
  const store = createSimulationStore(fake.runner);
  store.getState().setSettings({ users: '2000', seed: '3', presetId: 'ecommerce' });
  store.getState().start(journey);
  const { report, run } = store.getState();
  expect(report).not.toBeNull();
  expect(run?.cohort).toBeTruthy();
  fake.runs.length = 0;
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null, simulationRunner: fake.runner };
  render(
    <ServicesContext.Provider value={services}>
      <SimulationStoreContext.Provider value={store}>
        <Dashboard report={report!} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />
      </SimulationStoreContext.Provider>
    </ServicesContext.Provider>,
  );
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const section = within(screen.getByRole('region', { name: 'Sensitivity' }));
  return { user: userEvent.setup(), mode, fake, report: report!, section };
}

const money = (text: string) => Number(text.replace(/[^\d.-]/g, ''));
const percent = (text: string) => Number(text.replace(/[^\d.-]/g, ''));
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('sensitivity', () => {
  beforeEach(() => {
    setLanguage('en');
    renderChart.mockClear();
  });

  it('sweeps SMS cost per touch over three points in the worker runner: cost rises with the factor, and 100 % is the base run', async () => {
    const { user, fake, report, section } = await open();
    expect(section.getByText(/at most 50,000 users per point/)).toBeInTheDocument();
    await user.selectOptions(section.getByRole('combobox', { name: 'Figure' }), 'cost');
    await user.selectOptions(section.getByRole('combobox', { name: 'Assumption' }), 'SMS cost per touch');
    expect(section.getByRole('spinbutton', { name: 'From (% of current)' })).toHaveValue(50);
    expect(section.getByRole('spinbutton', { name: 'To (% of current)' })).toHaveValue(150);
    const points = section.getByRole('spinbutton', { name: 'Points' });
    expect(points).toHaveValue(5);
    await user.clear(points);
    await user.type(points, '3');
    await user.click(section.getByRole('button', { name: 'Run sweep' }));

    expect(fake.runs).toHaveLength(3);
    for (const run of fake.runs) expect(run.request).toMatchObject({ seed: 3, users: 2_000 });
    const smsCosts = fake.runs.map((run) => run.request.journey.settings.channelCosts?.sms ?? Number.NaN);
    [0.025, 0.05, 0.075].forEach((cost, index) => expect(smsCosts[index]).toBeCloseTo(cost, 10));

    await user.click(await section.findByRole('button', { name: 'Show data' }));
    const table = section.getByRole('table', { name: 'Cost at each value of SMS cost per touch, as % of its current value' });
    const rows = bodyRows(table).map((row) => [within(row).getByRole('rowheader').textContent, within(row).getByRole('cell').textContent ?? '']);
    expect(rows.map(([factor]) => factor)).toEqual(['50%', '100%', '150%']);
    const costs = rows.map(([, cost]) => money(cost!));
    expect(costs[0]).toBeLessThan(costs[1]!);
    expect(costs[1]).toBeLessThan(costs[2]!);
    expect(rows[1]![1]).toBe(formatMoney(report.cost.total, 'CNY', 'en'));
    expect(section.getByRole('img', { name: /Cost against SMS cost per touch/ })).toBeInTheDocument();
    expect(renderChart).toHaveBeenCalled();
  });

  it('follows incremental ROI unless told otherwise, as a percentage in the table and on the chart’s axis', async () => {
    const { user, report, section } = await open();
    expect(section.getByRole('combobox', { name: 'Figure' })).toHaveDisplayValue('Incremental ROI');
    await user.click(section.getByRole('button', { name: 'Run sweep' }));
    await user.click(await section.findByRole('button', { name: 'Show data' }));
    const table = section.getByRole('table', { name: /^Incremental ROI at each value of / });
    const values = bodyRows(table).map((row) => within(row).getByRole('cell').textContent ?? '');
    expect(values).toHaveLength(5);
    for (const value of values) expect(value).toMatch(/^-?[\d,.]+%$|^—$/);
    // 100 % of every assumption is the last run itself (the same users, seed and cap).
    expect(values[2]).toBe(formatPercent(report.incremental.roi.value, 'en'));
    const option = (renderChart.mock.calls.at(-1) as unknown as [unknown, { yAxis: { axisLabel: { formatter(value: number): string } } }])[1];
    expect(option.yAxis.axisLabel.formatter(0.25)).toBe('25%');
  });

  it('runs a tornado at 80 % and 120 % and lists the assumptions ranked by swing of incremental ROI', async () => {
    const { user, fake, section } = await open();
    expect(section.getByRole('combobox', { name: 'Figure' })).toHaveDisplayValue('Incremental ROI');
    await user.click(section.getByRole('button', { name: 'Run tornado' }));
    const assumptions = assumptionsFor(journey);
    expect(fake.runs).toHaveLength(1 + assumptions.length * 2);

    await user.click(await section.findByRole('button', { name: 'Show data' }));
    const table = section.getByRole('table', { name: /^Incremental ROI with each assumption at 80% and 120% of its current value \(base -?[\d,.]+%\), largest swing first$/ });
    const rows = bodyRows(table);
    expect(rows).toHaveLength(assumptions.length);
    const names = rows.map((row) => within(row).getByRole('rowheader').textContent);
    expect(new Set(names)).toEqual(new Set(assumptions.map((assumption) => inEnglish(assumption.name))));
    for (const row of rows) for (const cell of within(row).getAllByRole('cell')) expect(cell.textContent).toMatch(/%$|^—$/);
    const swings = rows.map((row) => percent(within(row).getAllByRole('cell')[2]!.textContent ?? ''));
    for (let index = 1; index < swings.length; index += 1) expect(swings[index - 1]).toBeGreaterThanOrEqual(swings[index]!);
    expect(swings[0]).toBeGreaterThan(0);
    // The chart's bars are in the same order as the table.
    const option = (renderChart.mock.calls.at(-1) as unknown as [unknown, { yAxis: { data: string[] }; xAxis: { axisLabel: { formatter(value: number): string } } }])[1];
    expect(option.yAxis.data).toEqual(names);
    expect(option.xAxis.axisLabel.formatter(-0.1)).toBe('-10%');
  });

  it('starts every point at once, shows progress, and Cancel stops them all', async () => {
    const { user, mode, fake, section } = await open();
    mode.auto = false;
    await user.click(section.getByRole('button', { name: 'Run tornado' }));
    // The base and each assumption down and up, all handed to the worker pool together.
    const started = fake.runs.length;
    expect(started).toBeGreaterThan(2);
    expect(started % 2).toBe(1);
    expect(section.getByRole('progressbar', { name: 'Sensitivity progress' })).toBeInTheDocument();
    expect(section.getByRole('button', { name: 'Run tornado' })).toBeDisabled();

    await act(async () => fake.runs[0]!.complete());
    expect(fake.runs).toHaveLength(started);
    await user.click(section.getByRole('button', { name: 'Cancel' }));
    expect(fake.runs.slice(1).every((run) => run.cancelled)).toBe(true);
    expect(section.getByRole('status')).toHaveTextContent('Stopped');
    expect(section.queryByRole('progressbar')).toBeNull();
    // A cancelled run finishing anyway changes nothing and starts nothing.
    await act(async () => fake.runs[1]!.complete());
    expect(fake.runs).toHaveLength(started);
    expect(section.queryByRole('table')).toBeNull();
    expect(section.getByRole('button', { name: 'Run tornado' })).toBeEnabled();
  });
});
