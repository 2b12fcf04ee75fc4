// `journey-lab simulate` says where the journey does not fit the cohort before it runs, and runs anyway.
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { runCli } from '../support/cliRun';

/** The welcome journey as it was before issue 15: its branch reads `push_opt_in`, which no preset has. */
function pushOptInWelcome(lang: 'en' | 'zh-CN') {
  const journey = instantiateTemplate(getTemplate('welcome-new-user')!, lang);
  const branch = journey.nodes!.find((node) => node.id === 'usesApp')!;
  branch.params = { cases: [{ label: 'Push allowed', condition: { attribute: 'push_opt_in', op: '=', value: true } }] };
  return JSON.stringify(journey);
}

const files = {
  'push.journey.json': pushOptInWelcome('en'),
  'push-zh.journey.json': pushOptInWelcome('zh-CN'),
  'welcome.journey.json': JSON.stringify(instantiateTemplate(getTemplate('welcome-new-user')!, 'en')),
  'shop.cohort.json': JSON.stringify(ecommercePreset.spec),
};

describe('journey-lab simulate: the journey against the cohort', () => {
  it('prints the warnings before the run, located in the journey, and still runs', async () => {
    const result = await runCli(['simulate', 'push.journey.json', '--preset', 'ecommerce', '--users', '500'], files);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines[0]).toBe('Warnings (the simulation runs anyway):');
    expect(lines[1]).toBe(
      'WARNING cohort-missing-attribute node usesApp (nodes[4].params.cases[0].condition): "Opened the app in 3 days?" (usesApp) reads the attribute “push_opt_in” (Case 1 → Condition), but the cohort “E-commerce shoppers” does not declare it, so no user has it.',
    );
    expect(lines[2]).toMatch(/^WARNING path-never-taken node usesApp \(nodes\[4\]\): No user of the cohort “E-commerce shoppers” takes “Push allowed” of "Opened the app in 3 days\?" \(usesApp\)/);
    expect(result.stdout).toContain('Results');
  });

  it('locates the warning in the journey with a cohort file too, and in Chinese', async () => {
    const result = await runCli(['simulate', 'push-zh.journey.json', '--cohort', 'shop.cohort.json', '--users', '500', '--lang', 'zh-CN'], files);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('警告（模拟照常运行）：');
    expect(result.stderr).toMatch(/cohort-missing-attribute \S+ usesApp .*push_opt_in.*电商用户/);
    expect(result.stderr).not.toContain('shop.cohort.json');
  });

  it('prints nothing when the journey fits', async () => {
    const result = await runCli(['simulate', 'welcome.journey.json', '--users', '500'], files);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
