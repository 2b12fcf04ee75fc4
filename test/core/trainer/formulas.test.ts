import { DEFAULT_METRIC, metricFormula, metricIds, formatMoney } from '../../../src/core/trainer/formulas';
import { isGlossaryTermId } from '../../../src/core/glossary';
import { simulate } from '../../../src/core/sim/engine/simulate';
import type { SimulationReport } from '../../../src/core/sim/engine/report';
import { churnWinBackInput } from './support';
import { inEnglish, inChinese } from '../../support/messages.ts';

let report: SimulationReport;
beforeAll(async () => {
  report = (await simulate(churnWinBackInput(3, 2_000))).report;
});

describe('metric formulas with the run’s numbers', () => {
  const money = (value: number) => formatMoney(value, 'CNY', 'en');
  const percent = (value: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(value);

  it('plugs incremental revenue and cost into incremental ROI, a percentage, and gives the report’s figure', () => {
    const roi = metricFormula('incrementalRoi', report, 'CNY');
    expect(inEnglish(roi.formula)).toBe('Incremental ROI = (incremental revenue − cost) ÷ cost');
    expect(inChinese(roi.formula)).toBe('增量 ROI = (增量收入 − 成本) ÷ 成本');
    const { revenue, cost } = report.incremental;
    expect(inEnglish(roi.withNumbers!)).toBe(`(${money(revenue.value)} − ${money(cost.value)}) ÷ ${money(cost.value)} = ${percent(report.incremental.roi.value)}`);
    expect(inEnglish(roi.withNumbers!)).toMatch(/%$/);
    expect(roi.note).toBeNull();
  });

  it('explains incremental conversions and revenue as the users’ figures minus their twins’', () => {
    const conversions = metricFormula('incrementalConversions', report, 'CNY');
    const count = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 1 });
    const { incremental, baseline } = report;
    expect(inEnglish(conversions.withNumbers!)).toBe(`${count(baseline.converted + incremental.conversions.value)} − ${count(baseline.converted)} = ${count(incremental.conversions.value)}`);
    expect(conversions.terms).toContain('twin');
    const revenue = metricFormula('incrementalRevenue', report, 'CNY');
    expect(inEnglish(revenue.withNumbers!)).toMatch(new RegExp(`= ${money(incremental.revenue.value).replace(/[$.]/g, '\\$&')}$`));
    // Where both figures appear, the one-line explanation of attributed revenue.
    expect(inEnglish(revenue.meaning)).toContain('incremental revenue is only what the journey added');
  });

  it('plugs attributed revenue and cost into attributed ROI', () => {
    const roi = metricFormula('attributedRoi', report, 'CNY');
    expect(inEnglish(roi.formula)).toBe('Attributed ROI = (attributed revenue − cost) ÷ cost');
    expect(inEnglish(roi.withNumbers!)).toBe(
      `(${money(report.attributedRevenue)} − ${money(report.cost.total)}) ÷ ${money(report.cost.total)} = ${percent(report.attributedRoi.value)}`,
    );
    expect(inChinese(roi.withNumbers!)).toContain('¥');
  });

  it('has no cost per incremental conversion when the journey adds none, and says why', () => {
    expect(inEnglish(metricFormula('costPerIncrementalConversion', report, 'CNY').withNumbers!)).toMatch(/ ÷ /);
    const none = metricFormula('costPerIncrementalConversion', { ...report, incremental: { ...report.incremental, costPerConversion: null } }, 'CNY');
    expect(none.withNumbers).toBeNull();
    expect(inEnglish(none.unavailable!)).toContain('no conversions');
  });

  it('computes the conversion rate from converted and entered users', () => {
    const rate = metricFormula('conversionRate', report, 'CNY');
    expect(inEnglish(rate.withNumbers!)).toMatch(new RegExp(`^${report.converted.toLocaleString('en')} ÷ ${report.entered.toLocaleString('en')} = `));
    expect(report.converted).toBeGreaterThan(0);
  });

  it('shows lift in points when there is a holdout, and says why not when there is none', () => {
    expect(report.lift).not.toBeNull();
    const lift = metricFormula('lift', report, 'CNY');
    expect(inEnglish(lift.withNumbers!)).toMatch(/points$/);
    const none = metricFormula('lift', { ...report, lift: null }, 'CNY');
    expect(none.withNumbers).toBeNull();
    expect(inEnglish(none.unavailable!)).toContain('no holdout');
  });

  it('writes money in the journey’s currency', () => {
    expect(inEnglish(metricFormula('cac', report, 'USD').withNumbers!)).toContain('$');
    expect(inEnglish(metricFormula('cac', report, 'XXY').withNumbers!)).toContain('XXY');
  });

  it('notes when several replications make the dashboard’s ratio a mean of ratios', () => {
    expect(inEnglish(metricFormula('incrementalRoi', { ...report, replications: 3 }, 'CNY').note!)).toContain('3 replications');
  });

  it.each(metricIds)('%s has both languages, a meaning and glossary terms that exist', (metric) => {
    const explained = metricFormula(metric, report, 'CNY');
    for (const text of [explained.name, explained.formula, explained.meaning]) {
      expect(inEnglish(text)).not.toBe('');
      expect(inChinese(text)).not.toBe('');
    }
    expect(explained.terms.length).toBeGreaterThan(0);
    expect(explained.terms.every(isGlossaryTermId)).toBe(true);
  });
});

describe('metric names', () => {
  it('are the glossary’s', async () => {
    const { glossaryTerm } = await import('../../../src/core/glossary');
    for (const metric of ['cac', 'arpu', 'customerValue', 'churn', 'lift', 'unsubscribes'] as const) expect(metricFormula(metric, report, 'CNY').name).toEqual(glossaryTerm(metric).name);
    expect(metricFormula('revenuePerConverted', report, 'CNY').name).toEqual(glossaryTerm('ltv').name);
    expect(inEnglish(metricFormula('revenuePerConverted', report, 'CNY').name)).toBe('Revenue per converted user');
  });

  it('lead with the incremental figures, and the panel opens on incremental ROI', () => {
    expect(metricIds.slice(0, 4)).toEqual(['incrementalConversions', 'incrementalRevenue', 'incrementalRoi', 'costPerIncrementalConversion']);
    expect(DEFAULT_METRIC).toBe('incrementalRoi');
  });
});

describe('before anything is recorded', () => {
  it('gives the words without numbers', () => {
    const roi = metricFormula('incrementalRoi', null, 'CNY');
    expect(inEnglish(roi.formula)).toBe('Incremental ROI = (incremental revenue − cost) ÷ cost');
    expect(inChinese(roi.meaning)).not.toBe('');
    expect(roi.withNumbers).toBeNull();
    expect(metricFormula('lift', null, 'CNY').unavailable).toBeNull();
  });
});
