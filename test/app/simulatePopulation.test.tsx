// The Simulate panel with a saved cohort that keeps a population: a box offers its real customers as the
// run's users (the users field then does not apply), the run gets the population read against the
// cohort, the results say how many customers ran, and a population no longer kept is a clear problem.
import { act, screen, within } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import { deliverSimulation, type SimulationCallbacks, type SimulationRequest, type SimulationRunner } from '../../src/app/simulate/protocol';
import type { PopulationData } from '../../src/core/calibration';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { openEditor } from '../support/openEditor';

const SIZE = 40;
const cohort = { ...structuredClone(ecommercePreset.spec), id: 'fitted', name: { en: 'My customers', 'zh-CN': '我的客户' } };

const population = (): PopulationData => ({
  cohort: 'fitted',
  asOf: 10_407,
  seed: 1,
  idsHashed: true,
  // By id: the cohort's last segment is index 0 here, so the population is renumbered on the way in.
  segments: [cohort.segments.at(-1)!.id, cohort.segments[0]!.id],
  source: null,
  customer: Array.from({ length: SIZE }, (_, index) => `c${index}`),
  population: {
    size: SIZE,
    asOf: 10_407,
    segment: Uint16Array.from({ length: SIZE }, (_, index) => index % 2),
    recency: new Uint8Array(SIZE).fill(2),
    frequency: new Uint8Array(SIZE).fill(3),
    monetary: new Uint8Array(SIZE).fill(3),
    alive: Uint8Array.from({ length: SIZE }, (_, index) => (index % 4 === 0 ? 0 : 1)),
    lambdaPerDay: new Float64Array(SIZE).fill(0.02),
    dropout: new Float64Array(SIZE).fill(0.1),
    spendRate: new Float64Array(SIZE).fill(0.05),
  },
});

async function openPanel() {
  const requests: { request: SimulationRequest; callbacks: SimulationCallbacks }[] = [];
  const runner: SimulationRunner = (request, callbacks) => (requests.push({ request, callbacks }), { cancel() {} });
  const { user, services } = await openEditor(instantiateTemplate(getTemplate('churn-win-back')!, 'en'), { simulationRunner: runner });
  // The panel reads the saved cohorts and their populations each time it opens.
  await services.repository.cohorts.put(cohort);
  await services.repository.populations.put(population());
  await user.click(screen.getByRole('button', { name: /Simulate/ }));
  const panel = await screen.findByRole('dialog', { name: 'Simulate this journey' });
  await within(panel).findByRole('option', { name: 'My customers' });
  return { user, panel, requests, services };
}

describe('simulating a saved cohort’s population', () => {
  beforeEach(() => setLanguage('en'));

  it('offers the real customers as the users, runs them, and says how many ran', async () => {
    const { user, panel, requests } = await openPanel();
    expect(within(panel).queryByRole('checkbox', { name: /Simulate each real customer/ })).toBeNull();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Cohort' }), 'saved:fitted');
    const box = await within(panel).findByRole('checkbox', { name: 'Simulate each real customer (40)' });
    expect(box).toHaveAccessibleDescription(/as they stood on 1998-06-30 \(30 still active\)/);
    await user.click(box);
    expect(within(panel).getByRole('spinbutton', { name: /Users/ })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    const [{ request, callbacks }] = requests as [(typeof requests)[number]];
    expect(request.users).toBe(SIZE);
    // Read against the cohort by segment id: the population's 0 is the cohort's last segment.
    expect(request.population?.segment[0]).toBe(cohort.segments.length - 1);
    expect(request.population?.segment[1]).toBe(0);
    act(() => runSimulationJob(request, (message) => deliverSimulation(message, callbacks)));
    expect(within(panel).getByRole('region', { name: 'Results' })).toHaveTextContent(/40 real customers · seed 1 · My customers/);
  });

  it('says so when the population is no longer kept, and runs synthetic users once the box is unticked', async () => {
    const { user, panel, requests, services } = await openPanel();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Cohort' }), 'saved:fitted');
    await user.click(await within(panel).findByRole('checkbox', { name: /Simulate each real customer/ }));
    await services.repository.populations.remove('fitted');
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    expect(await within(panel).findByText(/population is no longer kept in this browser/)).toBeInTheDocument();
    expect(requests).toHaveLength(0);
    await user.click(within(panel).getByRole('checkbox', { name: /Simulate each real customer/ }));
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.request.population).toBeUndefined();
    expect(requests[0]!.request.users).toBe(100_000);
  });
});
