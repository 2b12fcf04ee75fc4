// The Simulate button and panel in the editor, by role and accessible name, with a fake runner in place
// of the Web Worker: the test decides when progress, the result or problems arrive (the result is a real
// run of the worker's job, done synchronously).
import { act, render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import type { SimulationCallbacks, SimulationRequest, SimulationRunner } from '../../src/app/simulate/protocol';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { localized, type Lang } from '../../src/core/i18n';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { validJourney } from '../fixtures/journeys';
import { simulationFailed } from '../../src/core/sim/engine/runFailure';
import { deliverSimulation } from '../../src/app/simulate/protocol';
import { verbatim } from '../../src/core/i18n';

interface FakeRun {
  request: SimulationRequest;
  callbacks: SimulationCallbacks;
  cancelled: boolean;
  /** Runs the request for real (in this thread) and hands its messages to the store. */
  complete(): void;
}

function fakeRunner() {
  const runs: FakeRun[] = [];
  const runner: SimulationRunner = (request, callbacks) => {
    const run: FakeRun = {
      request,
      callbacks,
      cancelled: false,
      complete: () =>
        act(() =>
          runSimulationJob(request, (message) => deliverSimulation(message, callbacks)),
        ),
    };
    runs.push(run);
    return { cancel: () => void (run.cancelled = true) };
  };
  return { runner, runs };
}

/**
 * The node badges' accessible names. jsdom measures nothing, so React Flow keeps every node hidden and
 * role queries give hidden elements no name: read the badges (role img) and their labels directly.
 */
const badgeLabels = (within: HTMLElement = document.body) =>
  [...within.querySelectorAll('.react-flow__node [role="img"].simulation-badge')].map((badge) => badge.getAttribute('aria-label') ?? '');

const editorScreen = (services: AppServices, journeyId: string) => (
  <ServicesContext.Provider value={services}>
    <EditorScreen journeyId={journeyId} onBack={() => {}} />
  </ServicesContext.Provider>
);

async function openEditor(input: unknown, lang: Lang = 'en') {
  const document = checkJourney(input).document as JourneyDocument;
  const fake = fakeRunner();
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null, simulationRunner: fake.runner };
  await services.repository.save(document, { expectedRevision: null, writer: 'setup' });
  const user = userEvent.setup();
  const view = render(editorScreen(services, document.id));
  await screen.findByRole('toolbar', { name: lang === 'en' ? 'Journey tools' : /./ });
  return { user, fake, view, services };
}

async function openPanel(user: ReturnType<typeof userEvent.setup>, users = '2000') {
  await user.click(screen.getByRole('button', { name: /Simulate/ }));
  const panel = await screen.findByRole('dialog', { name: 'Simulate this journey' });
  const field = within(panel).getByRole('spinbutton', { name: /Users/ });
  await user.clear(field);
  await user.type(field, users);
  return panel;
}

describe('simulate', () => {
  beforeEach(() => setLanguage('en'));

  it('opens a labelled panel from the toolbar with the default settings, and closes it with Escape', async () => {
    const { user } = await openEditor(validJourney());
    const button = screen.getByRole('button', { name: /Simulate/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('dialog', { name: 'Simulate this journey' });
    const users = within(panel).getByRole('spinbutton', { name: /Users/ });
    expect(users).toHaveFocus();
    expect(users).toHaveValue(100_000);
    expect(within(panel).getByRole('spinbutton', { name: /Seed/ })).toHaveValue(1);
    const cohort = within(panel).getByRole('combobox', { name: 'Cohort' });
    expect(cohort).toHaveDisplayValue(/commerce/i);
    expect(within(cohort).getAllByRole('option')).toHaveLength(6);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('runs with the chosen settings, shows progress, then the headline numbers and a count on each node', async () => {
    const { user, fake } = await openEditor(instantiateTemplate(getTemplate('churn-win-back')!, 'en'));
    const panel = await openPanel(user);
    const seed = within(panel).getByRole('spinbutton', { name: /Seed/ });
    await user.clear(seed);
    await user.type(seed, '7');
    const replications = within(panel).getByRole('spinbutton', { name: /Replications/ });
    expect(replications).toHaveValue(1);
    expect(replications).toHaveAccessibleDescription(/interval over the runs/);
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Cohort' }), 'ecommerce');
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    expect(fake.runs).toHaveLength(1);
    const [run] = fake.runs as [FakeRun];
    expect(run.request).toMatchObject({ users: 2_000, seed: 7, replications: 1, journey: expect.objectContaining({ id: 'churn-win-back' }) });
    expect(within(panel).getByRole('button', { name: /Run/ })).toBeDisabled();

    act(() => run.callbacks.onProgress(500, 2_000));
    const bar = within(panel).getByRole('progressbar', { name: 'Simulation progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(within(panel).getByText('500 of 2,000 users')).toBeInTheDocument();

    run.complete();
    expect(within(panel).queryByRole('progressbar')).toBeNull();
    const results = within(panel).getByRole('region', { name: 'Results' });
    const metric = (name: string) => within(results).getByText(name).closest('div')!.querySelector('dd')!.textContent!;
    expect(results).toHaveTextContent('2,000 users · seed 7');
    // What the journey adds over each user's twin comes first, under its own heading; the attributed and
    // other figures follow, after the note that tells attributed from incremental revenue.
    expect(within(results).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      'What the journey adds (incremental)',
      'Attributed and other figures',
    ]);
    const terms = [...results.querySelectorAll('dt')].map((term) => term.textContent);
    expect(terms.slice(0, 4)).toEqual(['Incremental conversions', 'Incremental revenue', 'Cost', 'Incremental ROI']);
    expect(terms.indexOf('Incremental revenue')).toBeLessThan(terms.indexOf('Attributed revenue'));
    expect(terms.indexOf('Incremental ROI')).toBeLessThan(terms.indexOf('Attributed ROI'));
    expect(results).toHaveTextContent(/Attributed revenue counts everything users bought while in the journey/);
    expect(metric('Incremental conversions')).toMatch(/^-?[\d,]+95% interval -?[\d,.]+ to -?[\d,.]+$/);
    expect(metric('Incremental revenue')).toMatch(/^-?CN¥[\d,.]+95% interval /);
    expect(metric('Cost')).toMatch(/^CN¥[\d,.]+/);
    expect(metric('Incremental ROI')).toMatch(/^-?[\d.,]+%/);
    expect(metric('Entered')).toMatch(/^[\d,]+$/);
    expect(metric('Converted')).toMatch(/^[\d,]+ \([\d.]+%\)95% interval [\d.]+% to [\d.]+%$/);
    expect(metric('Attributed revenue')).toMatch(/^CN¥[\d,.]+$/);
    for (const name of ['Attributed ROI', 'CAC (cost per conversion)', 'ARPU (revenue per entrant)', 'Revenue per converted user', 'Customer value (12 months)', 'Churned', 'Cost per incremental conversion', 'Converted anyway (without the journey)'])
      expect(metric(name)).not.toBe('');
    expect(metric('Lift vs holdout')).toMatch(/pp/);

    const canvas = screen.getByRole('region', { name: 'Journey canvas' });
    const labels = badgeLabels(canvas);
    expect(labels).toHaveLength(run.request.journey.nodes.length);
    for (const label of labels) expect(label).toMatch(/^Simulated: [\d,]+ entries, [\d,]+ users$/);
  });

  it('cancels a run at once and says it stopped; a late message from it changes nothing', async () => {
    const { user, fake } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    const [run] = fake.runs as [FakeRun];
    act(() => run.callbacks.onProgress(1_000, 2_000));
    await user.click(within(panel).getByRole('button', { name: /Cancel/ }));
    expect(run.cancelled).toBe(true);
    expect(within(panel).getByRole('status')).toHaveTextContent('Simulation stopped');
    expect(within(panel).queryByRole('progressbar')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /Cancel/ })).toBeNull();
    expect(within(panel).getByRole('button', { name: /Run/ })).toBeEnabled();
    run.complete();
    expect(within(panel).queryByRole('region', { name: 'Results' })).toBeNull();
    expect(badgeLabels()).toHaveLength(0);
  });

  it('shows a worker that died as a problem with its code and a sentence in the interface language, never the raw message alone', async () => {
    const { user, fake, view, services } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    const [run] = fake.runs as [FakeRun];
    act(() => run.callbacks.onFailed(simulationFailed(new RangeError('Invalid typed array length: 2.3e+21'))));
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'The simulation failed: The simulation stopped unexpectedly (RangeError: Invalid typed array length: 2.3e+21). This is not a problem of the journey',
    );
    expect(within(panel).getByRole('alert')).toHaveTextContent('(simulation-failed)');
    expect(within(panel).getByRole('button', { name: /Run/ })).toBeEnabled();
    view.rerender(editorScreen(services, 'basic'));
    await setLanguage('zh-CN');
    expect(await screen.findByText(/模拟意外中止（RangeError: Invalid typed array length: 2\.3e\+21）/)).toBeInTheDocument();
  });

  it('shows the problems that stop a run, in the interface language, and selects what one concerns', async () => {
    const { user, fake, view, services } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    const [run] = fake.runs as [FakeRun];
    act(() =>
      run.callbacks.onProblems([
        {
          severity: 'error',
          code: 'simulation-runaway',
          message: verbatim(localized('The journey loops without time passing at remind.', '旅程在 remind 处无限循环。')),
          location: { nodeId: 'remind', path: ['nodes'] },
        },
      ]),
    );
    const alert = within(panel).getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The simulation cannot run' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('simulation-runaway');
    expect(alert).toHaveTextContent('The journey loops without time passing at remind.');
    await user.click(within(alert).getByRole('button', { name: /runaway/ }));
    expect(await screen.findByRole('textbox', { name: 'Label' })).toHaveValue('remind');
    await act(() => setLanguage('zh-CN'));
    view.rerender(editorScreen(services, 'basic'));
    expect(within(screen.getByRole('alert', { name: '无法运行模拟' })).getByText('旅程在 remind 处无限循环。')).toBeInTheDocument();
  });

  it('shows a journey’s own errors and bad settings from a real check', async () => {
    const { user, fake } = await openEditor(validJourney());
    const panel = await openPanel(user, '0');
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    fake.runs[0]!.complete();
    expect(within(panel).getByRole('alert')).toHaveTextContent('Users must be a whole number from 1 to 10,000,000, not 0.');
  });

  it('marks the results and badges stale after an edit, and fresh again after undo', async () => {
    const { user, fake } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    fake.runs[0]!.complete();
    expect(within(panel).queryByText(/has changed since this run/)).toBeNull();
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    await user.clear(name);
    await user.type(name, 'Renamed{Enter}');
    // The name does not change what is simulated.
    expect(within(panel).queryByText(/has changed since this run/)).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /exit/i }));
    expect(within(panel).getByText(/has changed since this run/)).toBeInTheDocument();
    expect(badgeLabels().filter((label) => label.startsWith('Simulated before the last change'))).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(within(panel).queryByText(/has changed since this run/)).toBeNull());
    expect(badgeLabels().filter((label) => label.startsWith('Simulated: '))).toHaveLength(6);
  });

  it('marks the results stale when another cohort is picked, and fresh again when the one run is picked back', async () => {
    const { user, fake } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    fake.runs[0]!.complete();
    const cohort = within(panel).getByRole('combobox', { name: /Cohort/ });
    const ran = (cohort as HTMLSelectElement).value;
    const other = [...(cohort as HTMLSelectElement).options].find((option) => option.value !== ran)!.value;
    await user.selectOptions(cohort, other);
    expect(within(panel).getByText(/has changed since this run/)).toBeInTheDocument();
    await user.selectOptions(cohort, ran);
    expect(within(panel).queryByText(/has changed since this run/)).toBeNull();
  });

  it('marks a result stale when the journey changed while it ran', async () => {
    const { user, fake } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    await user.click(screen.getByRole('checkbox', { name: /exit/i }));
    fake.runs[0]!.complete();
    expect(within(panel).getByText(/has changed since this run/)).toBeInTheDocument();
  });

  it('keeps the last run: reopening the journey (as after a reload) shows its results and badges again, stale after an edit', async () => {
    const { user, fake, view, services } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    fake.runs[0]!.complete();
    await waitFor(async () => expect(await services.repository.runs.get('basic')).toBeDefined());
    const saved = (await services.repository.runs.get('basic'))!;
    expect(saved).toMatchObject({ journeyId: 'basic', settings: { users: 2_000, seed: 1, replications: 1, presetId: 'ecommerce' } });
    expect(saved.journey).toEqual(fake.runs[0]!.request.journey);
    view.unmount();

    // A new editor, and with it a new simulation store, on the same storage.
    render(editorScreen(services, 'basic'));
    await screen.findByRole('toolbar', { name: 'Journey tools' });
    await waitFor(() => expect(badgeLabels().filter((label) => label.startsWith('Simulated: '))).toHaveLength(6));
    expect(fake.runs).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: /Simulate/ }));
    const reopened = await screen.findByRole('dialog', { name: 'Simulate this journey' });
    expect(within(reopened).getByRole('region', { name: 'Results' })).toHaveTextContent('2,000 users · seed 1');
    expect(within(reopened).getByRole('spinbutton', { name: /Users/ })).toHaveValue(2_000);
    expect(within(reopened).queryByText(/has changed since this run/)).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: /exit/i }));
    expect(within(reopened).getByText(/has changed since this run/)).toBeInTheDocument();
    expect(badgeLabels().filter((label) => label.startsWith('Simulated before the last change'))).toHaveLength(6);
  });

  it('shows a kept run as stale at once when the journey was changed after it', async () => {
    const { user, fake, view, services } = await openEditor(validJourney());
    const panel = await openPanel(user);
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    fake.runs[0]!.complete();
    await waitFor(async () => expect(await services.repository.runs.get('basic')).toBeDefined());
    view.unmount();
    const loaded = await services.repository.load('basic');
    if (!loaded.ok) throw new Error('journey not stored');
    const { document, revision } = loaded.stored;
    const changed = { ...document, nodes: document.nodes.map((node, index) => (index === 1 ? { ...node, label: `${node.label} (changed)` } : node)) };
    expect((await services.repository.save(changed, { expectedRevision: revision, writer: 'other' })).ok).toBe(true);

    render(editorScreen(services, 'basic'));
    await screen.findByRole('toolbar', { name: 'Journey tools' });
    await waitFor(() => expect(badgeLabels().filter((label) => label.startsWith('Simulated before the last change'))).toHaveLength(6));
    await user.click(screen.getByRole('button', { name: /Simulate/ }));
    expect(within(await screen.findByRole('dialog', { name: 'Simulate this journey' })).getByText(/has changed since this run/)).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    await setLanguage('zh-CN');
    const { user, fake } = await openEditor(validJourney(), 'zh-CN');
    await user.click(screen.getByRole('button', { name: /模拟/ }));
    const panel = await screen.findByRole('dialog', { name: '模拟此旅程' });
    const field = within(panel).getByRole('spinbutton', { name: /用户数/ });
    await user.clear(field);
    await user.type(field, '1500');
    expect(within(panel).getByRole('combobox', { name: '模拟人群' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: /运行/ }));
    fake.runs[0]!.complete();
    const results = within(panel).getByRole('region', { name: '结果' });
    expect(results).toHaveTextContent('1,500 位用户 · 种子 1');
    const zhMetric = (name: string) => within(results).getByText(name).closest('div')!.querySelector('dd');
    expect(within(results).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual(['旅程带来的增量', '归因及其他指标']);
    const zhLabels = [...results.querySelectorAll('dt')].map((term) => term.textContent);
    expect(zhLabels.indexOf('增量收入')).toBeLessThan(zhLabels.indexOf('归因收入'));
    expect(zhMetric('增量收入')).toHaveTextContent(/^-?¥[\d,.]+95% 置信区间/);
    expect(zhMetric('归因收入')).toHaveTextContent(/^¥[\d,.]+$/);
    expect(results).toHaveTextContent('增量收入只计旅程额外带来的部分');
    expect(badgeLabels().filter((label) => /^模拟：进入 [\d,]+ 次，[\d,]+ 位用户$/.test(label))).toHaveLength(6);
  });
});
