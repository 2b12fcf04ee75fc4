// The cohort editor's calendar and "when people respond" sections (cohort format v5): found by role
// and accessible name as a person finds them, edited through the screen and checked in what it saves.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { AppServices } from '../../src/app/services';
import { CohortEditor } from '../../src/app/cohorts/CohortEditor';
import type { Json } from '../../src/app/cohorts/draft';
import { checkCohort } from '../../src/core/cohort/schema';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { CohortsHarness, newServices } from '../support/cohortsHarness';


/** The e-commerce preset as a saved cohort, without its calendar and timing profiles unless `keepTime`. */
async function openShop(services: AppServices, { keepTime = false } = {}) {
  const spec: Json & { id: string } = { ...(structuredClone(ecommercePreset.spec) as unknown as Json), id: 'shop' };
  if (!keepTime) {
    delete spec.calendar;
    delete spec.timing;
  }
  await services.repository.cohorts.put(spec);
  render(<CohortsHarness services={services} start="shop" />);
  await screen.findByRole('button', { name: 'Save cohort' }, { timeout: 20_000 });
}

/** Saves the cohort and returns the spec the repository holds, checked. */
async function saved(services: AppServices) {
  fireEvent.click(screen.getByRole('button', { name: 'Save cohort' }));
  expect(await screen.findByText('Saved.')).toBeInTheDocument();
  const [stored] = await services.repository.cohorts.list();
  const { spec, problems } = checkCohort(stored!.spec);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return spec!;
}

// The editor has about 180 fields, and finding a field by role and name computes every candidate's name:
// fields are looked for in the section (a fieldset, by its name) that holds them.
const group = (name: string) => screen.getByRole('group', { name });
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const ones = (count: number) => Array<number>(count).fill(1);

describe('cohort editor: calendar and when people respond', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('adds a calendar date, shows a bad date at its field, saves it and removes it', async () => {
    const services = newServices();
    await openShop(services);
    const user = userEvent.setup();
    const calendar = group('Calendar');
    expect(calendar).toHaveAccessibleDescription(expect.stringContaining('Dates on which everyone’s own purchase rate is multiplied'));
    expect(within(calendar).getByText('No calendar dates: everyone buys at their own rate every day.')).toBeInTheDocument();
    fireEvent.click(within(calendar).getByRole('button', { name: 'Add a calendar date' }));

    const name = within(calendar).getByRole('textbox', { name: 'Name of calendar date 1' });
    expect(name).toHaveValue('New date 1');
    type(name, '618');
    const from = within(calendar).getByRole('textbox', { name: 'First day of 618' });
    const to = within(calendar).getByRole('textbox', { name: 'Last day of 618' });
    expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD');

    await user.clear(from);
    await user.type(from, '2027-06-31');
    expect(from).toHaveValue('2027-06-31');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(/calendar\[0\]\.from: Dates are written YYYY-MM-DD and must exist/);
    await user.clear(from);
    await user.type(from, '2027-06-01');
    expect(from).not.toHaveAttribute('aria-invalid');

    await user.clear(to);
    await user.type(to, '2027-05-20');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(/The last day comes before the first/);
    await user.clear(to);
    await user.type(to, '2027-06-18');
    expect(to).not.toHaveAttribute('aria-invalid');

    const rate = within(calendar).getByRole('textbox', { name: 'Purchase-rate multiplier on 618' });
    type(rate, '25');
    expect(rate).toHaveAccessibleDescription(/Multipliers are at most 20/);
    type(rate, '2.5');
    expect(rate).not.toHaveAttribute('aria-invalid');

    // The name was edited in English; its Chinese text is kept.
    expect((await saved(services)).calendar).toEqual([{ name: { en: '618', 'zh-CN': '新日期 1' }, from: '2027-06-01', to: '2027-06-18', purchaseRate: 2.5 }]);

    fireEvent.click(within(calendar).getByRole('button', { name: 'Remove 618' }));
    expect(within(calendar).queryByRole('textbox', { name: 'First day of 618' })).toBeNull();
    expect(within(calendar).getByText('No calendar dates: everyone buys at their own rate every day.')).toBeInTheDocument();
    expect((await saved(services)).calendar).toEqual([]);
  });

  it('adds an SMS profile, sets one hour’s open multiplier, shows a bad one in place, saves it and removes the profile', async () => {
    const services = newServices();
    await openShop(services);
    const section = group('When people respond');
    expect(within(section).getByText('No channel has a profile: people respond alike at every hour and on every day.')).toBeInTheDocument();
    expect(within(section).getByRole('combobox', { name: 'Channel for a new profile' })).toHaveValue('sms');
    fireEvent.click(within(section).getByRole('button', { name: 'Add a profile for SMS' }));

    const sms = within(section).getByRole('group', { name: 'Response times on SMS' });
    const opens = within(sms).getByRole('group', { name: 'Open chance by hour (×)' });
    const eight = within(opens).getByRole('textbox', { name: 'SMS open multiplier at 20:00' });
    expect(eight).toHaveValue('1');
    expect(within(sms).getByText('Opens alike at every hour.')).toBeInTheDocument();
    type(eight, '3');
    expect(within(sms).getByText('Opens peak at 20:00–21:00 (×3).')).toBeInTheDocument();

    const delays = within(sms).getByRole('group', { name: 'Response delay by hour (×)' });
    const late = within(delays).getByRole('textbox', { name: 'SMS delay multiplier at 23:00' });
    type(late, '-1');
    expect(late).toHaveAttribute('aria-invalid', 'true');
    expect(late).toHaveAccessibleDescription(/timing\.delayByHour\.sms\[23\]: Multipliers cannot be below 0/);
    expect(within(delays).getAllByText(/Multipliers cannot be below 0/).length).toBeGreaterThan(0);
    type(late, '4');
    expect(late).not.toHaveAttribute('aria-invalid');

    const days = within(sms).getByRole('group', { name: 'Open chance by weekday (×)' });
    type(within(days).getByRole('textbox', { name: 'SMS open multiplier on Saturday' }), '1.5');

    const spec = await saved(services);
    const opensAt20 = ones(24);
    opensAt20[20] = 3;
    const slowAt23 = ones(24);
    slowAt23[23] = 4;
    expect(spec.timing).toEqual({ openByHour: { sms: opensAt20 }, delayByHour: { sms: slowAt23 }, openByWeekday: { sms: [1, 1, 1, 1, 1, 1.5, 1] } });

    // The next channel is offered; removing the profile leaves every channel alike at every hour.
    expect(within(section).getByRole('button', { name: 'Add a profile for App push' })).toBeInTheDocument();
    fireEvent.click(within(sms).getByRole('button', { name: 'Remove the profile for SMS' }));
    expect(within(section).queryByRole('group', { name: 'Response times on SMS' })).toBeNull();
    expect((await saved(services)).timing).toEqual({ openByHour: {}, delayByHour: {}, openByWeekday: {} });
  });
});

describe('cohort editor: the preset’s calendar and timing', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('shows the preset’s dates and profiles with their peaks, and saves one changed hour without touching the rest', async () => {
    const services = newServices();
    await openShop(services, { keepTime: true });
    const calendar = group('Calendar');
    expect(within(calendar).getByRole('textbox', { name: 'Name of calendar date 6' })).toHaveValue('Double 11');
    expect(within(calendar).getByRole('textbox', { name: 'Purchase-rate multiplier on Double 11' })).toHaveValue('4');
    expect(within(calendar).getByRole('button', { name: 'Remove Double 11' })).toBeInTheDocument();

    const section = group('When people respond');
    const sms = within(section).getByRole('group', { name: 'Response times on SMS' });
    expect(within(sms).getByText('Opens peak at 20:00–22:00 (×1.4).')).toBeInTheDocument();
    // Channels with a profile are not offered again.
    const channel = within(section).getByRole('combobox', { name: 'Channel for a new profile' });
    expect([...(channel as HTMLSelectElement).options].map((option) => option.value)).toEqual(['email', 'wecom', 'in_app', 'community', 'call']);
    const wechat = within(section).getByRole('group', { name: 'Response times on WeChat official account' });
    expect(within(wechat).getByRole('textbox', { name: 'WeChat official account open multiplier on Saturday' })).toHaveValue('1.1');

    type(within(sms).getByRole('textbox', { name: 'SMS open multiplier at 03:00' }), '0.5');
    const spec = await saved(services);
    const expected = [...ecommercePreset.spec.timing!.openByHour!.sms!];
    expected[3] = 0.5;
    expect(spec.timing.openByHour.sms).toEqual(expected);
    expect(spec.timing.openByHour.push).toEqual(ecommercePreset.spec.timing!.openByHour!.push);
    expect(spec.calendar).toEqual(ecommercePreset.spec.calendar);
  });
});

describe('cohort editor: calendar and timing in Chinese', { timeout: 120_000 }, () => {
  let latest: Json = {};
  function CohortHarness({ start }: { start: Json }) {
    const [draft, setDraft] = useState<Json>(start);
    useEffect(() => {
      latest = draft;
    }, [draft]);
    return <CohortEditor draft={draft} problems={checkCohort(draft).problems} onChange={(update) => setDraft((current) => update(current))} />;
  }

  it('names every field in Chinese, edits the Chinese name of a date and keeps the English one', async () => {
    await setLanguage('zh-CN');
    const start: Json = {
      ...(structuredClone(ecommercePreset.spec) as unknown as Json),
      calendar: [{ name: { en: 'Double 11', 'zh-CN': '双11' }, from: '2027-11-01', to: '2027-11-11', purchaseRate: 3 }],
      timing: { openByHour: { wechat_oa: ones(24) } },
    };
    render(<CohortHarness start={start} />);
    const calendar = group('日历');
    const name = within(calendar).getByRole('textbox', { name: '日历日期 1 的名称' });
    expect(name).toHaveValue('双11');
    type(name, '双十一');
    expect(latest.calendar).toEqual([{ name: { en: 'Double 11', 'zh-CN': '双十一' }, from: '2027-11-01', to: '2027-11-11', purchaseRate: 3 }]);
    expect(within(calendar).getByRole('button', { name: '删除 双十一' })).toBeInTheDocument();

    const section = group('响应时间规律');
    const profile = within(section).getByRole('group', { name: '微信公众号的响应时间规律' });
    // A list left out of the profile is 1 everywhere; editing one cell writes the whole list.
    type(within(profile).getByRole('textbox', { name: '微信公众号星期日打开乘数' }), '0.5');
    expect(latest.timing).toEqual({ openByHour: { wechat_oa: ones(24) }, openByWeekday: { wechat_oa: [1, 1, 1, 1, 1, 1, 0.5] } });
    expect(within(profile).getByRole('textbox', { name: '微信公众号 09:00 响应延迟乘数' })).toHaveValue('1');
    expect(checkCohort(latest).spec).not.toBeNull();
  });
});
