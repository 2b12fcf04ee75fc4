// The last sensitivity results stay with the run, by role and accessible name: a tornado (or sweep) run in
// the dashboard is there again when the dashboard is closed and opened again on the same run, and gone
// once a new run replaces it. Real runs through a simulation store, each simulation run at once in this
// thread through the worker's own job; ECharts is mocked (the tests read the data tables).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createSimulationStore, type SimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { instantRunner } from '../support/instantRunner';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

const journey = checkJourney(instantiateTemplate(getTemplate('cart-abandonment')!, 'en')).document as JourneyDocument;

function runOf(store: SimulationStore, seed: string) {
  store.getState().setSettings({ users: '1000', seed, presetId: 'ecommerce' });
  store.getState().start(journey);
  expect(store.getState().phase).toBe('done');
}

/** The dashboard of the store's last run, as the editor opens it. */
async function openDashboard(store: SimulationStore) {
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null, simulationRunner: instantRunner };
  const { report, run } = store.getState();
  const view = render(
    <ServicesContext.Provider value={services}>
      <SimulationStoreContext.Provider value={store}>
        <Dashboard report={report!} currency="CNY" presetId={run!.presetId} stale={false} onClose={() => {}} />
      </SimulationStoreContext.Provider>
    </ServicesContext.Provider>,
  );
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { view, section: within(screen.getByRole('region', { name: 'Sensitivity' })) };
}

const TORNADO = /^Incremental ROI with each assumption at 80% and 120% of its current value/;
const tornadoChart = /^Swing of Incremental ROI by assumption/;

vi.setConfig({ testTimeout: 60_000 });

describe('sensitivity results kept with the run', () => {
  beforeEach(() => setLanguage('en'));

  it('shows the last tornado and sweep again when the dashboard is reopened on the same run', async () => {
    const user = userEvent.setup();
    const store = createSimulationStore(instantRunner);
    runOf(store, '4');
    const first = await openDashboard(store);
    await user.click(first.section.getByRole('button', { name: 'Run tornado' }));
    await user.click(first.section.getByRole('button', { name: 'Run sweep' }));
    const [sweepToggle, tornadoToggle] = await first.section.findAllByRole('button', { name: 'Show data' });
    await user.click(tornadoToggle!);
    const rowsBefore = within(first.section.getByRole('table', { name: TORNADO })).getAllByRole('row').map((row) => row.textContent);
    await user.click(sweepToggle!);
    const sweepBefore = within(first.section.getByRole('table', { name: /^Incremental ROI at each value of / })).getAllByRole('row').map((row) => row.textContent);
    first.view.unmount();

    const again = await openDashboard(store);
    expect(again.section.getByRole('img', { name: tornadoChart })).toBeInTheDocument();
    const [sweepAgain, tornadoAgain] = again.section.getAllByRole('button', { name: 'Show data' });
    await user.click(tornadoAgain!);
    expect(within(again.section.getByRole('table', { name: TORNADO })).getAllByRole('row').map((row) => row.textContent)).toEqual(rowsBefore);
    await user.click(sweepAgain!);
    expect(within(again.section.getByRole('table', { name: /^Incremental ROI at each value of / })).getAllByRole('row').map((row) => row.textContent)).toEqual(sweepBefore);
    // The figure can still be changed over the kept results, without running again.
    await user.selectOptions(again.section.getByRole('combobox', { name: 'Figure' }), 'cost');
    expect(again.section.getByRole('table', { name: /^Cost with each assumption at 80% and 120%/ })).toBeInTheDocument();
  });

  it('drops them once a new run replaces the run they were made on', async () => {
    const user = userEvent.setup();
    const store = createSimulationStore(instantRunner);
    runOf(store, '4');
    const first = await openDashboard(store);
    await user.click(first.section.getByRole('button', { name: 'Run tornado' }));
    expect(await first.section.findByRole('img', { name: tornadoChart })).toBeInTheDocument();
    first.view.unmount();

    act(() => runOf(store, '4'));
    const next = await openDashboard(store);
    expect(next.section.queryByRole('img', { name: tornadoChart })).toBeNull();
    expect(next.section.queryByRole('button', { name: 'Show data' })).toBeNull();
  });

  it('drops them when a new run finishes while the dashboard is open', async () => {
    const user = userEvent.setup();
    const store = createSimulationStore(instantRunner);
    runOf(store, '4');
    const { section } = await openDashboard(store);
    await user.click(section.getByRole('button', { name: 'Run tornado' }));
    expect(await section.findByRole('img', { name: tornadoChart })).toBeInTheDocument();
    act(() => runOf(store, '5'));
    expect(section.queryByRole('img', { name: tornadoChart })).toBeNull();
  });
});
