// The dashboard's Scenarios section, by role and accessible name: runs made through a simulation store
// with a fake runner that runs the worker's job for real in this thread, saved as scenarios, renamed,
// deleted and compared side by side. ECharts is mocked (the charts are not what is tested here).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository } from '../../src/app/persist/repository';
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


const journey = checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, 'en')).document as JourneyDocument;
/** The same journey with a bigger first coupon. */
const biggerCoupon: JourneyDocument = {
  ...journey,
  nodes: journey.nodes.map((node) => (node.id === 'ladder1' ? { ...node, params: { ...node.params, value: 25 } } : node)),
};

function runOf(store: SimulationStore, simulated: JourneyDocument, seed: string) {
  store.getState().setSettings({ users: '1500', seed, presetId: 'ecommerce' });
  store.getState().start(simulated);
  expect(store.getState().phase).toBe('done');
}

/** The dashboard of the store's last run, with storage and the store around it, as the editor gives it. */
async function renderDashboard(store: SimulationStore, repository: JourneyRepository) {
  const services: AppServices = { repository, tabId: 'tab-a', storageWarning: null, simulationRunner: instantRunner };
  const { report, run, stale } = store.getState();
  const view = render(
    <ServicesContext.Provider value={services}>
      <SimulationStoreContext.Provider value={store}>
        <Dashboard report={report!} currency="CNY" presetId={run!.presetId} stale={stale} onClose={() => {}} journey={run!.journey} />
      </SimulationStoreContext.Provider>
    </ServicesContext.Provider>,
  );
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { view, section: within(screen.getByRole('region', { name: 'Scenarios' })) };
}

async function saveAs(section: ReturnType<typeof within>, user: ReturnType<typeof userEvent.setup>, name: string) {
  const field = section.getByRole('textbox', { name: 'Scenario name' });
  await user.clear(field);
  await user.paste(name);
  await user.click(section.getByRole('button', { name: 'Save as scenario' }));
  await section.findByText(`Saved scenario “${name}”.`);
}

// Real runs and a full dashboard on a machine shared with other work: more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe('scenarios', () => {
  beforeEach(() => setLanguage('en'));

  it('saves two runs as scenarios and compares them side by side, marking the assumption that differs', async () => {
    const user = userEvent.setup();
    const repository = createMemoryRepository();
    const store = createSimulationStore(instantRunner);
    runOf(store, journey, '3');
    const first = await renderDashboard(store, repository);
    expect(first.section.getByText('No saved scenarios yet. Save this run to compare it with others later.')).toBeInTheDocument();
    // The name offered: journey · cohort · date.
    expect((first.section.getByRole('textbox', { name: 'Scenario name' }) as HTMLInputElement).value).toMatch(/^Churn .* · E-commerce shoppers · .+$/);
    await saveAs(first.section, user, 'Ten off');
    first.view.unmount();

    act(() => runOf(store, biggerCoupon, '3'));
    const { section } = await renderDashboard(store, repository);
    await saveAs(section, user, 'Twenty-five off');

    const list = section.getByRole('list', { name: 'Saved scenarios' });
    expect(within(list).getAllByRole('checkbox').map((box) => box.getAttribute('id') && (box as HTMLInputElement).labels![0]!.textContent)).toEqual(['Twenty-five off', 'Ten off']);
    expect(section.queryByRole('table', { name: /Key figures compared/ })).toBeNull();
    await user.click(section.getByRole('checkbox', { name: 'Ten off' }));
    await user.click(section.getByRole('checkbox', { name: 'Twenty-five off' }));

    const kpis = section.getByRole('table', { name: 'Key figures compared (differences from “Ten off”)' });
    expect(within(kpis).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Figure', 'Ten off', 'Twenty-five off']);
    const conversion = within(kpis).getByRole('row', { name: /^Conversion rate/ });
    const [baseline, other] = within(conversion).getAllByRole('cell');
    expect(baseline).toHaveTextContent(/^[\d.]+%95% interval [\d.]+% to [\d.]+%$/);
    expect(other).toHaveTextContent(/pp vs baseline/);
    expect(other).toHaveTextContent(/difference 95% interval [-+]?[\d.]+ pp to [-+]?[\d.]+ pp \(Newcombe\)/);
    expect(other).toHaveTextContent(/intervals (do not )?overlap/);
    // Incremental figures lead (what the journey adds over each user's twin); ROI as a percentage.
    const figures = within(kpis).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(figures.slice(0, 5)).toEqual(['Incremental conversions', 'Incremental revenue', 'Cost', 'Incremental ROI', 'Cost per incremental conversion']);
    for (const name of ['Attributed revenue', 'Attributed ROI', 'CAC', 'ARPU', 'Revenue per converted user', 'Customer value (next 12 months)', 'Unsubscribes', 'Churn', 'Lift vs holdout']) expect(figures).toContain(name);
    for (const cell of within(within(kpis).getByRole('row', { name: /^Incremental ROI/ })).getAllByRole('cell')) expect(cell.textContent).toMatch(/^-?[\d,.]+%/);
    expect(section.getByText(/^Attributed revenue counts everything users bought while in the journey/)).toBeInTheDocument();

    const assumptions = section.getByRole('table', { name: 'Assumptions each scenario ran on' });
    const differing = within(assumptions)
      .getAllByRole('rowheader')
      .filter((header) => header.textContent!.endsWith('(differs)'))
      .map((header) => header.textContent);
    expect(differing).toEqual(['Journey version (differs)', 'Offer: Ladder 1: 10 off 79 (differs)']);
    const offer = within(assumptions).getByRole('row', { name: /^Offer: Ladder 1/ });
    expect(within(offer).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Coupon CN¥10.00, minimum spend CN¥79.00', 'Coupon CN¥25.00, minimum spend CN¥79.00']);
    expect(within(within(assumptions).getByRole('row', { name: /^Seed/ })).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3', '3']);
    expect(within(assumptions).getByRole('row', { name: /^Mean order value/ })).toHaveTextContent(/CN¥[\d.,]+CN¥[\d.,]+/);
  });

  it('lets at most three be ticked, marks a run saved out of date, and renames and deletes scenarios', async () => {
    const user = userEvent.setup();
    const repository = createMemoryRepository();
    const store = createSimulationStore(instantRunner);
    runOf(store, journey, '5');
    // The open journey changes after the run: the run shown is out of date.
    act(() => store.getState().journeyChanged(biggerCoupon));
    const { section } = await renderDashboard(store, repository);
    expect(section.getByText(/the scenario keeps the run as it was and is marked out of date/)).toBeInTheDocument();
    for (const name of ['One', 'Two', 'Three', 'Four']) await saveAs(section, user, name);

    const boxes = ['One', 'Two', 'Three', 'Four'].map((name) => section.getByRole('checkbox', { name }));
    expect(boxes[0]).toHaveAccessibleDescription(/E-commerce shoppers · .+ · \(out of date when saved\)$/);
    for (const box of boxes.slice(0, 3)) await user.click(box);
    expect(boxes[3]).toBeDisabled();
    expect(within(section.getByRole('table', { name: /Key figures compared/ })).getAllByRole('columnheader')).toHaveLength(4);

    await user.click(section.getByRole('button', { name: 'Rename scenario Two' }));
    const field = section.getByRole('textbox', { name: 'New name for Two' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Second{Enter}');
    await section.findByText('Renamed the scenario to “Second”.');
    expect(section.getByRole('checkbox', { name: 'Second' })).toBeChecked();
    expect(section.getByRole('button', { name: 'Rename scenario Second' })).toHaveFocus();

    await user.click(section.getByRole('button', { name: 'Delete scenario One' }));
    await section.findByText('Deleted scenario “One”.');
    expect(section.queryByRole('checkbox', { name: 'One' })).toBeNull();
    expect(section.getByRole('checkbox', { name: 'Four' })).toBeEnabled();
    expect((await repository.scenarios.list()).map((scenario) => [scenario.name, scenario.stale])).toEqual([
      ['Four', true],
      ['Three', true],
      ['Second', true],
    ]);
  });

  it('is left out of a dashboard shown without storage around it', async () => {
    const store = createSimulationStore(instantRunner);
    runOf(store, journey, '1');
    const { report } = store.getState();
    render(<Dashboard report={report!} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
    expect(screen.queryByRole('region', { name: 'Scenarios' })).toBeNull();
  });
});
