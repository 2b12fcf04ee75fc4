// The global control group in the app (issue 14 §2): the cohort editor's percentage field and the
// journey settings' opt-out checkbox, found by role and accessible name as a person finds them.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { CohortEditor } from '../../src/app/cohorts/CohortEditor';
import type { Json } from '../../src/app/cohorts/draft';
import { Inspector } from '../../src/app/panels/Inspector.tsx';
import { checkCohort } from '../../src/core/cohort/schema';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { settingsSchema, type JourneySettings } from '../../src/core/journey/schema';
import type { Lang } from '../../src/core/i18n';

let latest: Json = {};
const keep = (draft: Json) => {
  latest = draft;
};

/** The editor over a draft it checks as the Cohorts screen does; `latest` is the draft as edited. */
function CohortHarness({ start }: { start: Json }) {
  const [draft, setDraft] = useState<Json>(start);
  useEffect(() => keep(draft), [draft]);
  return <CohortEditor draft={draft} problems={checkCohort(draft).problems} onChange={(update) => setDraft((current) => update(current))} />;
}

const preset = (): Json => structuredClone(ecommercePreset.spec) as unknown as Json;

// The cohort editor has about 180 fields: rendering and typing in it takes seconds in jsdom.
describe('cohort editor: global control group', { timeout: 120_000 }, () => {
  it.each<[Lang, string, string]>([
    ['en', 'Global control group (%)', 'held out of every journey simulated on this cohort'],
    ['zh-CN', '全局对照组（%）', '报告以他们为对照'],
  ])('in %s, sets controlGroupShare from a percentage, with its help', async (lang, name, help) => {
    await setLanguage(lang);
    const user = userEvent.setup();
    render(<CohortHarness start={preset()} />);
    const field = screen.getByRole('textbox', { name });
    expect(field).toHaveValue('');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(help));
    await user.type(field, '10');
    await waitFor(() => expect(latest.controlGroupShare).toBe(0.1));
    expect(checkCohort(latest).spec?.controlGroupShare).toBe(0.1);
  });

  it('shows an out-of-range share next to the field, in words, and keeps what was typed', async () => {
    await setLanguage('en');
    const user = userEvent.setup();
    render(<CohortHarness start={{ ...preset(), controlGroupShare: 0.05 }} />);
    const field = screen.getByRole('textbox', { name: 'Global control group (%)' });
    expect(field).toHaveValue('5');
    await user.clear(field);
    await user.type(field, '60');
    expect(latest.controlGroupShare).toBe(0.6);
    expect(field).toHaveValue('60');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('The global control group (controlGroupShare) is a proportion of the cohort from 0 to 0.5'));
    await user.clear(field);
    expect(latest).not.toHaveProperty('controlGroupShare');
    expect(checkCohort(latest).spec?.controlGroupShare).toBe(0);
  });
});

describe('journey settings: opt out of the global control group', () => {
  const defaults: JourneySettings = settingsSchema.parse({});

  function renderSettings(lang: Lang, settings: JourneySettings = defaults) {
    void setLanguage(lang);
    const onChangeSettings = vi.fn<(next: JourneySettings) => void>();
    render(<Inspector node={null} settings={settings} problems={[]} onChangeNode={vi.fn()} onChangeSettings={onChangeSettings} />);
    return { onChangeSettings, user: userEvent.setup() };
  }

  it('is off by default, with its help; ticking it opts the journey out', async () => {
    const { onChangeSettings, user } = renderSettings('en');
    const box = screen.getByRole('checkbox', { name: 'Simulate the control group too (opt out of the global control group)' });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(expect.stringContaining('users in the cohort’s global control group never enter this journey'));
    await user.click(box);
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaults, optOutOfControlGroup: true });
  });

  it('is named in Chinese, and shows a journey that opted out as ticked; unticking opts it back in', async () => {
    const { onChangeSettings, user } = renderSettings('zh-CN', { ...defaults, optOutOfControlGroup: true });
    const box = screen.getByRole('checkbox', { name: '对照组也参与模拟（本旅程不使用全局对照组）' });
    expect(box).toBeChecked();
    await user.click(box);
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaults, optOutOfControlGroup: false });
  });
});
