// The dashboard's KPI cards at large figures, by role and accessible name: a real report (the churn
// win-back template on the e-commerce preset) with its money figures scaled up to tens of millions, as a
// run of millions of users gives. The cards show them short (CN¥24.6M, ¥2460万) with the exact amount on
// hover; the printed report's table keeps the exact amount. Each card is a list item of its list.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { formatMoney, formatMoneyShort, formatCountShort } from '../../src/app/simulate/format';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import { simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

const REVENUE = 24_602_445.2;
let report: SimulationReport;

beforeAll(async () => {
  const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
  const small = (await simulate({ journey, cohort: getPreset('ecommerce')!.spec, users: 2_000, seed: 1 })).report;
  // The incremental revenue and the attributed revenue of a very large run.
  report = {
    ...small,
    attributedRevenue: 98_765_432.1,
    incremental: { ...small.incremental, revenue: { value: REVENUE, interval: { low: 23_100_000, high: 26_050_000, method: 'paired' } } },
  };
});

async function open(lang: 'en' | 'zh-CN') {
  await setLanguage(lang);
  render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
  await act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return userEvent.setup();
}

describe('short figures', () => {
  it('writes amounts of a million or more in compact notation, in each language, and smaller ones in full', () => {
    expect(formatMoneyShort(REVENUE, 'CNY', 'en')).toBe('CN¥24.6M');
    expect(formatMoneyShort(REVENUE, 'CNY', 'zh-CN')).toBe('¥2460万');
    expect(formatMoneyShort(-2_460_244, 'CNY', 'en')).toBe('-CN¥2.46M');
    expect(formatMoneyShort(105_688.91, 'CNY', 'en')).toBe('CN¥105,688.91');
    expect(formatCountShort(1_234_567, 'en')).toBe('1.23M');
    expect(formatCountShort(123_456_789, 'zh-CN')).toBe('1.23亿');
    expect(formatCountShort(98_765, 'en')).toBe('98,765');
  });
});

describe('KPI cards', () => {
  beforeEach(() => renderChart.mockClear());

  it('are list items of a list named by its heading, each a focusable group named by its figure', async () => {
    await open('en');
    const incremental = screen.getByRole('list', { name: 'What the journey adds (incremental)' });
    const items = within(incremental).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    // Nothing but list items directly in the list (a group there is not a list item).
    for (const child of incremental.children) expect(child.tagName).toBe('LI');
    for (const item of items) expect(within(item).getByRole('group')).toHaveAttribute('tabindex', '0');
    expect(within(items[1]!).getByRole('group', { name: 'Incremental revenue' })).toHaveAccessibleDescription(/^Incremental revenue = /);
  });

  it('show a large amount short, with the exact amount on hover, in English', async () => {
    await open('en');
    const card = within(screen.getByRole('list', { name: 'What the journey adds (incremental)' })).getByRole('group', { name: 'Incremental revenue' });
    const value = card.querySelector('.dashboard-kpi__value')!;
    expect(value).toHaveTextContent(/^CN¥24\.6M$/);
    expect(value).toHaveAttribute('title', formatMoney(REVENUE, 'CNY', 'en'));
    expect(value.getAttribute('title')).toBe('CN¥24,602,445.20');
    // The interval is short too; an amount that fits is written in full, without a hover text.
    expect(card).toHaveTextContent('95% interval CN¥23.1M to CN¥26.1M');
    const cost = within(screen.getByRole('list', { name: 'What the journey adds (incremental)' })).getByRole('group', { name: 'Cost' });
    expect(cost.querySelector('.dashboard-kpi__value')!.textContent).toBe(formatMoney(report.incremental.cost.value, 'CNY', 'en'));
    expect(cost.querySelector('.dashboard-kpi__value')).not.toHaveAttribute('title');
    const attributed = within(screen.getByRole('list', { name: 'Attributed and other figures' })).getByRole('group', { name: 'Attributed revenue' });
    expect(attributed.querySelector('.dashboard-kpi__value')).toHaveTextContent(/^CN¥98\.8M$/);
  });

  it('show a large amount in 万 in Chinese, with the exact amount on hover', async () => {
    await open('zh-CN');
    const card = within(screen.getByRole('list', { name: '旅程带来的增量' })).getByRole('group', { name: '增量收入' });
    const value = card.querySelector('.dashboard-kpi__value')!;
    expect(value).toHaveTextContent(/^¥2460万$/);
    expect(value).toHaveAttribute('title', '¥24,602,445.20');
  });

  it('keep the exact amounts in the printed report’s table', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = await open('en');
    await user.click(screen.getByRole('button', { name: 'Print report' }));
    const table = screen.getByRole('table', { name: 'Key figures: what the journey adds (incremental)' });
    const row = within(table).getByRole('rowheader', { name: 'Incremental revenue' }).closest('tr')!;
    const [value, interval] = within(row).getAllByRole('cell');
    expect(value).toHaveTextContent(/^CN¥24,602,445\.20$/);
    expect(interval).toHaveTextContent('95% interval CN¥23,100,000.00 to CN¥26,050,000.00');
    print.mockRestore();
  });
});
