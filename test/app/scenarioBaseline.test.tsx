// Which scenario the comparison measures the others from, by role and accessible name: the list is newest
// first, so the box ticked first is often the newest; the baseline is the oldest ticked unless the user
// picks another, and the picked one leads the tables. Real runs through a simulation store (each run at
// once in this thread, through the worker's own job); ECharts is mocked.
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

vi.setConfig({ testTimeout: 30_000 });

async function renderDashboard(store: SimulationStore, repository: JourneyRepository) {
  const services: AppServices = { repository, tabId: 'tab-a', storageWarning: null, simulationRunner: instantRunner };
  const { report, run } = store.getState();
  render(
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
  return within(screen.getByRole('region', { name: 'Scenarios' }));
}

/** Three scenarios saved a minute apart, oldest first: Old, Middle, New (listed New, Middle, Old). */
async function threeScenarios() {
  const user = userEvent.setup();
  const repository = createMemoryRepository();
  const store = createSimulationStore(instantRunner);
  store.getState().setSettings({ users: '800', seed: '2', presetId: 'ecommerce' });
  store.getState().start(journey);
  const section = await renderDashboard(store, repository);
  let now = Date.UTC(2025, 0, 1);
  const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
  for (const name of ['Old', 'Middle', 'New']) {
    now += 60_000;
    const field = section.getByRole('textbox', { name: 'Scenario name' });
    await user.clear(field);
    await user.paste(name);
    await user.click(section.getByRole('button', { name: 'Save as scenario' }));
    await section.findByText(`Saved scenario “${name}”.`);
  }
  clock.mockRestore();
  return { user, section };
}

const columns = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((cell) => cell.textContent);

describe('scenario baseline', () => {
  beforeEach(() => setLanguage('en'));

  it('is the oldest ticked by default, whatever was ticked first, and the user can pick another', async () => {
    const { user, section } = await threeScenarios();
    const boxes = within(section.getByRole('list', { name: 'Saved scenarios' })).getAllByRole('checkbox');
    expect(boxes.map((box) => (box as HTMLInputElement).labels![0]!.textContent)).toEqual(['New', 'Middle', 'Old']);
    // Top of the list first: the newest.
    await user.click(section.getByRole('checkbox', { name: 'New' }));
    await user.click(section.getByRole('checkbox', { name: 'Old' }));

    expect(columns(section.getByRole('table', { name: 'Key figures compared (differences from “Old”)' }))).toEqual(['Figure', 'Old', 'New']);
    const baseline = section.getByRole('combobox', { name: 'Baseline' });
    expect(baseline).toHaveDisplayValue('Old');
    expect(within(baseline).getAllByRole('option').map((option) => option.textContent)).toEqual(['Old', 'New']);

    await user.selectOptions(baseline, 'New');
    const kpis = section.getByRole('table', { name: 'Key figures compared (differences from “New”)' });
    expect(columns(kpis)).toEqual(['Figure', 'New', 'Old']);
    const [, other] = within(within(kpis).getByRole('row', { name: /^Conversion rate/ })).getAllByRole('cell');
    expect(other).toHaveTextContent(/pp vs baseline/);
    expect(columns(section.getByRole('table', { name: 'Assumptions each scenario ran on' }))).toEqual(['Figure', 'New', 'Old']);

    // A third one ticked joins after the baseline, oldest first; the baseline picked stays.
    await user.click(section.getByRole('checkbox', { name: 'Middle' }));
    expect(columns(section.getByRole('table', { name: /^Key figures compared/ }))).toEqual(['Figure', 'New', 'Old', 'Middle']);
    expect(section.getByRole('combobox', { name: 'Baseline' })).toHaveDisplayValue('New');
  });

  it('falls back to the oldest ticked when the baseline is unticked', async () => {
    const { user, section } = await threeScenarios();
    for (const name of ['New', 'Middle', 'Old']) await user.click(section.getByRole('checkbox', { name }));
    await user.selectOptions(section.getByRole('combobox', { name: 'Baseline' }), 'Middle');
    expect(columns(section.getByRole('table', { name: /^Key figures compared/ }))).toEqual(['Figure', 'Middle', 'Old', 'New']);
    await user.click(section.getByRole('checkbox', { name: 'Middle' }));
    expect(section.getByRole('table', { name: 'Key figures compared (differences from “Old”)' })).toBeInTheDocument();
    expect(section.getByRole('combobox', { name: 'Baseline' })).toHaveDisplayValue('Old');
  });
});
