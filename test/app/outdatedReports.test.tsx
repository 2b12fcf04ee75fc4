// Runs and scenarios kept in the browser by an older version of the simulator (report format version 1,
// with revenue, ROI and LTV under their old meanings), by role and accessible name: the journey's saved
// run opens marked outdated — a note and Re-run, none of its figures — and an old scenario is listed but
// left out of comparisons, with the note. Nothing breaks.
import { act, render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { RunRecord } from '../../src/app/persist/runRepository';
import type { ComparableScenario, ScenarioRecord } from '../../src/app/persist/scenarioRepository';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { SimulationRequest, SimulationRunner } from '../../src/app/simulate/protocol';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { ScenariosSection } from '../../src/app/simulate/dashboard/ScenariosSection';
import { formatPercent } from '../../src/app/simulate/format';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import type { Lang } from '../../src/core/i18n';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { validJourney } from '../fixtures/journeys';
import { instantRunner } from '../support/instantRunner';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

// Real runs on a machine shared with other work: more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

/** A report as a version 1 build kept it: the old names, no incremental figures, no twin. */
const versionOneReport = (users: number) => ({
  format: 'journey-lab-report',
  version: 1,
  journey: { id: 'basic', name: 'Basic' },
  cohort: { id: 'ecommerce' },
  engine: 'fast',
  seed: 4,
  users,
  replications: 1,
  horizonDays: 30,
  entered: users,
  converted: 500,
  conversionRate: { value: 0.25, interval: null },
  revenue: 123_456,
  roi: { value: 50.46, interval: null },
  ltv: { value: 246.9, interval: null },
  cost: { touches: 100, offers: 0, total: 100, byChannel: {} },
  nodes: [{ id: 'entry', kind: 'entry', label: 'Entry', stage: 'awareness', entries: users, users, ports: {} }],
});

describe('a run kept by an older version of the simulator', () => {
  async function openEditorWithOldRun(lang: Lang) {
    setLanguage(lang);
    const document = checkJourney(validJourney()).document as JourneyDocument;
    const requests: SimulationRequest[] = [];
    const runner: SimulationRunner = (request) => {
      requests.push(request);
      return { cancel: () => {} };
    };
    const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null, simulationRunner: runner };
    await services.repository.save(document, { expectedRevision: null, writer: 'setup' });
    const old = { journeyId: document.id, savedAt: Date.UTC(2024, 0, 2, 3, 4), journey: document, settings: { users: 2_000, seed: 4, replications: 1, presetId: 'ecommerce' }, cohort: structuredClone(ecommercePreset.spec), report: versionOneReport(2_000) };
    await services.repository.runs.put(old as RunRecord);
    const user = userEvent.setup();
    render(
      <ServicesContext.Provider value={services}>
        <EditorScreen journeyId={document.id} onBack={() => {}} />
      </ServicesContext.Provider>,
    );
    await screen.findByRole('toolbar');
    return { user, requests, document };
  }

  it('opens marked outdated, shows none of its figures, and Re-run runs again with its settings', async () => {
    const { user, requests, document } = await openEditorWithOldRun('en');
    await user.click(screen.getByRole('button', { name: /Simulate/ }));
    const panel = await screen.findByRole('dialog', { name: 'Simulate this journey' });
    const note = await within(panel).findByRole('status');
    expect(note).toHaveTextContent(/made with an older version of the simulator — re-run to compare/);
    // None of the old figures (their revenue and ROI meant other things): no results at all.
    expect(within(panel).queryByRole('region', { name: 'Results' })).toBeNull();
    expect(panel).not.toHaveTextContent(/123,456|5,046/);
    // The settings it ran with are picked again.
    expect(within(panel).getByRole('spinbutton', { name: /Users/ })).toHaveValue(2_000);
    expect(within(panel).getByRole('spinbutton', { name: /Seed/ })).toHaveValue(4);

    await user.click(within(note).getByRole('button', { name: 'Re-run' }));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ users: 2_000, seed: 4 });
    expect(requests[0]!.journey.id).toBe(document.id);
    await waitFor(() => expect(within(panel).queryByText(/older version of the simulator/)).toBeNull());
  });

  it('says so in Chinese', async () => {
    const { user } = await openEditorWithOldRun('zh-CN');
    await user.click(screen.getByRole('button', { name: /模拟/ }));
    const note = await screen.findByText(/旧版模拟器生成——请重新运行后再比较/);
    expect(within(note.closest('[role="status"]') as HTMLElement).getByRole('button', { name: '重新运行' })).toBeInTheDocument();
  });
});

describe('a scenario kept by an older version of the simulator', () => {
  beforeEach(() => setLanguage('en'));

  it('is listed but cannot be ticked, is left out of the comparison with the note, and the others compare on incremental ROI in %', async () => {
    const journey = checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, 'en')).document as JourneyDocument;
    const repository = createMemoryRepository();
    const store = createSimulationStore(instantRunner);
    const scenarioOf = (id: string, name: string, seed: string): ComparableScenario => {
      store.getState().setSettings({ users: '1500', seed, presetId: 'ecommerce' });
      store.getState().start(journey);
      const { report, run } = store.getState();
      expect(report).not.toBeNull();
      return { id, name, stale: false, journeyId: journey.id, savedAt: Number(seed), journey, settings: { users: 1_500, seed: Number(seed), replications: 1, presetId: 'ecommerce' }, cohort: run!.cohort, report: report! };
    };
    const first = scenarioOf('s1', 'Seed one', '1');
    const second = scenarioOf('s2', 'Seed two', '2');
    await repository.scenarios.put(first);
    await repository.scenarios.put(second);
    await repository.scenarios.put({ ...first, id: 'old', name: 'Old run', savedAt: 0, report: versionOneReport(1_500) } as ScenarioRecord);
    const services: AppServices = { repository, tabId: 'tab-a', storageWarning: null, simulationRunner: instantRunner };
    render(
      <ServicesContext.Provider value={services}>
        <SimulationStoreContext.Provider value={store}>
          <ScenariosSection />
        </SimulationStoreContext.Provider>
      </ServicesContext.Provider>,
    );
    const section = within(screen.getByRole('region', { name: 'Scenarios' }));
    const old = await section.findByRole('checkbox', { name: 'Old run' });
    expect(old).toBeDisabled();
    expect(old).toHaveAccessibleDescription(/\(made with an older version of the simulator — re-run to compare\)$/);
    expect(section.getByText(/^1 saved scenario was made with an older version of the simulator — re-run to compare\. They are left out of comparisons/)).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(section.getByRole('checkbox', { name: 'Seed one' }));
    await user.click(section.getByRole('checkbox', { name: 'Seed two' }));
    const kpis = section.getByRole('table', { name: 'Key figures compared (differences from “Seed one”)' });
    expect(within(kpis).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Figure', 'Seed one', 'Seed two']);
    const rows = within(kpis).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(rows.indexOf('Incremental ROI')).toBeLessThan(rows.indexOf('Attributed revenue'));
    const roi = within(within(kpis).getByRole('row', { name: /^Incremental ROI/ })).getAllByRole('cell');
    expect(roi[0]).toHaveTextContent(formatPercent(first.report.incremental.roi.value, 'en'));
    expect(roi[1]).toHaveTextContent(/pp vs baseline/);
    expect(section.getByText(/^Attributed revenue counts everything users bought while in the journey/)).toBeInTheDocument();
    await act(async () => {});
  });
});
