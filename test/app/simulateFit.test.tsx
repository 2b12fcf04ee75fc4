// The Simulate panel says where the journey does not fit the cohort picked, before the run and without
// stopping it (issue 15), found by role and accessible name as a screen-reader user would.
import { act, screen, within } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import { deliverSimulation, type SimulationRunner } from '../../src/app/simulate/protocol';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { openEditor } from '../support/openEditor';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

/** A runner that runs each request for real, in this thread, when the test says so. */
function instantRunner() {
  const pending: (() => void)[] = [];
  const runner: SimulationRunner = (request, callbacks) => {
    pending.push(() => act(() => runSimulationJob(request, (message) => deliverSimulation(message, callbacks))));
    return { cancel: () => {} };
  };
  return { runner, pending };
}

async function openPanel(input: JourneyDocumentInput) {
  const fake = instantRunner();
  const { user } = await openEditor(input, { simulationRunner: fake.runner });
  await user.click(screen.getByRole('button', { name: /Simulate/ }));
  const panel = await screen.findByRole('dialog', { name: 'Simulate this journey' });
  const users = within(panel).getByRole('spinbutton', { name: /Users/ });
  await user.clear(users);
  await user.type(users, '500');
  return { user, panel, fake };
}

/** The welcome journey as it was before issue 15: its branch reads `push_opt_in`, which no preset has. */
function pushOptInWelcome(): JourneyDocumentInput {
  const journey = instantiateTemplate(getTemplate('welcome-new-user')!, 'en');
  journey.nodes!.find((node) => node.id === 'usesApp')!.params = { cases: [{ label: 'Push allowed', condition: { attribute: 'push_opt_in', op: '=', value: true } }] };
  return journey;
}

describe('the Simulate panel and the cohort', () => {
  beforeEach(() => setLanguage('en'));

  it('warns before the run about what the journey reads that the cohort lacks, and runs anyway', async () => {
    const { user, panel, fake } = await openPanel(pushOptInWelcome());
    const fit = within(panel).getByRole('region', { name: 'This journey and the cohort' });
    expect(fit).toHaveTextContent('The simulation runs anyway');
    const items = within(fit).getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^cohort-missing-attribute .*usesApp.*reads the attribute “push_opt_in” \(Case 1 → Condition\), but the cohort “E-commerce shoppers” does not declare it/),
      expect.stringMatching(/^path-never-taken .*No user of the cohort “E-commerce shoppers” takes “Push allowed” of "Opened the app in 3 days\?" \(usesApp\)/),
    ]);
    // The warnings are no alert: nothing stops the run.
    expect(within(panel).queryByRole('alert')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: /Run/ }));
    fake.pending[0]!();
    expect(within(panel).getByRole('region', { name: 'Results' })).toBeInTheDocument();
    expect(within(panel).getByRole('region', { name: 'This journey and the cohort' })).toBeInTheDocument();
    // A warning takes the editor to the step it concerns.
    await user.click(items[0]!);
    expect(await screen.findByRole('textbox', { name: 'Label' })).toHaveValue('Opened the app in 3 days?');
  });

  it('follows the cohort picked: none on the one the journey fits, the missing event on another', async () => {
    const { user, panel } = await openPanel(instantiateTemplate(getTemplate('cart-abandonment')!, 'en'));
    expect(within(panel).queryByRole('region', { name: 'This journey and the cohort' })).toBeNull();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Cohort' }), 'telecom');
    const fit = within(panel).getByRole('region', { name: 'This journey and the cohort' });
    expect(fit).toHaveTextContent('cohort-missing-event');
    expect(fit).toHaveTextContent('“add_to_cart”');
    expect(fit).toHaveTextContent('Telecom subscribers');
  });

  it('speaks the interface language', async () => {
    const { panel } = await openPanel(pushOptInWelcome());
    await act(() => setLanguage('zh-CN'));
    const fit = within(panel).getByRole('region', { name: '旅程与模拟人群' });
    expect(fit).toHaveTextContent('模拟照常运行');
    expect(fit).toHaveTextContent(/读取属性“push_opt_in”.*模拟人群“电商用户”没有声明它/);
  });
});
