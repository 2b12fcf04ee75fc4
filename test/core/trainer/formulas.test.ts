import { metricFormula, metricIds, formatMoney } from '../../../src/core/trainer/formulas';
import { isGlossaryTermId } from '../../../src/core/glossary';
import { simulate } from '../../../src/core/sim/engine/simulate';
import type { SimulationReport } from '../../../src/core/sim/engine/report';
import { churnWinBackInput } from './support';

let report: SimulationReport;
beforeAll(async () => {
  report = (await simulate(churnWinBackInput(3, 2_000))).report;
});

describe('metric formulas with the run’s numbers', () => {
  it('plugs revenue and cost into ROI and gives the report’s ROI', () => {
    const roi = metricFormula('roi', report, 'CNY');
    expect(roi.formula.en).toBe('ROI = (revenue − cost) ÷ cost');
    const money = (value: number) => formatMoney(value, 'CNY', 'en');
    expect(roi.withNumbers!.en).toBe(
      `(${money(report.revenue)} − ${money(report.cost.total)}) ÷ ${money(report.cost.total)} = ${new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(report.roi.value)}`,
    );
    expect(roi.withNumbers!['zh-CN']).toContain('¥');
    expect(roi.note).toBeNull();
  });

  it('computes the conversion rate from converted and entered users', () => {
    const rate = metricFormula('conversionRate', report, 'CNY');
    expect(rate.withNumbers!.en).toMatch(new RegExp(`^${report.converted.toLocaleString('en')} ÷ ${report.entered.toLocaleString('en')} = `));
    expect(report.converted).toBeGreaterThan(0);
  });

  it('shows lift in points when there is a holdout, and says why not when there is none', () => {
    expect(report.lift).not.toBeNull();
    const lift = metricFormula('lift', report, 'CNY');
    expect(lift.withNumbers!.en).toMatch(/points$/);
    const none = metricFormula('lift', { ...report, lift: null }, 'CNY');
    expect(none.withNumbers).toBeNull();
    expect(none.unavailable!.en).toContain('no holdout');
  });

  it('writes money in the journey’s currency', () => {
    expect(metricFormula('cac', report, 'USD').withNumbers!.en).toContain('$');
    expect(metricFormula('cac', report, 'XXY').withNumbers!.en).toContain('XXY');
  });

  it('notes when several replications make the dashboard’s ratio a mean of ratios', () => {
    expect(metricFormula('roi', { ...report, replications: 3 }, 'CNY').note!.en).toContain('3 replications');
  });

  it.each(metricIds)('%s has both languages, a meaning and glossary terms that exist', (metric) => {
    const explained = metricFormula(metric, report, 'CNY');
    for (const text of [explained.name, explained.formula, explained.meaning]) {
      expect(text.en).not.toBe('');
      expect(text['zh-CN']).not.toBe('');
    }
    expect(explained.terms.length).toBeGreaterThan(0);
    expect(explained.terms.every(isGlossaryTermId)).toBe(true);
  });
});

describe('metric names', () => {
  it('are the glossary’s', async () => {
    const { glossaryTerm } = await import('../../../src/core/glossary');
    for (const metric of ['roi', 'cac', 'arpu', 'ltv', 'churn', 'lift', 'unsubscribes'] as const) expect(metricFormula(metric, report, 'CNY').name).toEqual(glossaryTerm(metric).name);
  });
});

describe('before anything is recorded', () => {
  it('gives the words without numbers', () => {
    const roi = metricFormula('roi', null, 'CNY');
    expect(roi.formula.en).toBe('ROI = (revenue − cost) ÷ cost');
    expect(roi.meaning['zh-CN']).not.toBe('');
    expect(roi.withNumbers).toBeNull();
    expect(metricFormula('lift', null, 'CNY').unavailable).toBeNull();
  });
});
