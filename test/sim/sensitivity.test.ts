import { checkSimulation, simulateChecked } from '../../src/core/sim/engine/simulate';
import { assumptionsFor, DEFAULT_FIGURE, figures, figureUnits, sweep, tornado } from '../../src/core/sim/analysis/sensitivity';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { inEnglish, inChinese } from '../support/messages.ts';

function checked() {
  const result = checkSimulation({ journey: instantiateTemplate(getTemplate('cart-abandonment')!, 'en'), cohort: ecommercePreset.spec, users: 3_000, seed: 5 });
  if (!result.ok) throw new Error('should check');
  return result.checked;
}

describe('sensitivity', { timeout: 60_000 }, () => {
  it('lists the assumptions of the channels a journey sends on, with names in both languages', () => {
    const ids = assumptionsFor(checked().journey).map((assumption) => assumption.id);
    expect(ids).toEqual(expect.arrayContaining(['sms.click', 'sms.cost', 'push.open', 'clickLift', 'priceElasticity', 'purchaseRate', 'orderValue']));
    expect(ids).not.toContain('email.click');
    for (const assumption of assumptionsFor(checked().journey)) expect(inChinese(assumption.name)).not.toBe(inEnglish(assumption.name));
  });

  it('sweeps one assumption on the same users: factor 1 is the base run, and costs scale exactly', async () => {
    const base = checked();
    const sms = assumptionsFor(base.journey).find((assumption) => assumption.id === 'sms.cost')!;
    const points = await sweep(base, sms, [0.5, 1, 2], 'cost');
    const plain = (await simulateChecked(base)).report;
    expect(points.map((point) => point.factor)).toEqual([0.5, 1, 2]);
    expect(points[1]!.report).toEqual(plain);
    // Cost of touches only changes with the price: same users, same sends.
    const touches = points.map((point) => point.report.cost.byChannel.sms);
    expect(plain.cost.byChannel.sms).toBeGreaterThan(0);
    expect(touches[0]).toBeCloseTo(plain.cost.byChannel.sms / 2, 6);
    expect(touches[2]).toBeCloseTo(plain.cost.byChannel.sms * 2, 6);
  });

  it('ranks assumptions by how far they swing the figure', async () => {
    const base = checked();
    const chosen = assumptionsFor(base.journey).filter((assumption) => ['sms.cost', 'orderValue', 'purchaseRate'].includes(assumption.id));
    const { base: value, bars } = await tornado(base, chosen, 'attributedRevenue');
    expect(bars.map((bar) => bar.swing)).toEqual([...bars.map((bar) => bar.swing)].sort((a, b) => b - a));
    expect(bars.find((bar) => bar.assumption.id === 'sms.cost')!.swing).toBe(0); // price moves cost, never revenue
    expect(bars[0]!.low).toBeLessThan(value);
    expect(bars[0]!.high).toBeGreaterThan(value);
  });

  it('follows incremental ROI unless told otherwise, a percentage, with incremental revenue and conversions to pick', async () => {
    expect(DEFAULT_FIGURE).toBe('incrementalRoi');
    expect(Object.keys(figures).slice(0, 3)).toEqual(['incrementalRoi', 'incrementalRevenue', 'incrementalConversions']);
    expect(figureUnits).toMatchObject({ incrementalRoi: 'percent', attributedRoi: 'percent', incrementalRevenue: 'money', incrementalConversions: 'count' });
    const base = checked();
    const sms = assumptionsFor(base.journey).find((assumption) => assumption.id === 'sms.cost')!;
    const points = await sweep(base, sms, [1, 2]);
    expect(points.map((point) => point.value)).toEqual(points.map((point) => point.report.incremental.roi.value));
    // Dearer touches, same users and sends: the journey's return falls.
    expect(points[1]!.value).toBeLessThan(points[0]!.value);
    const revenue = await sweep(base, sms, [1], 'incrementalRevenue');
    expect(revenue[0]!.value).toBe(revenue[0]!.report.incremental.revenue.value);
  });
});
