import { metricFormula, metricIds, formatMoney } from '../../../src/core/trainer/formulas';
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
  it('plugs revenue and cost into ROI and gives the report’s ROI', () => {
    const roi = metricFormula('roi', report, 'CNY');
    expect(inEnglish(roi.formula)).toBe('ROI = (revenue − cost) ÷ cost');
    const money = (value: number) => formatMoney(value, 'CNY', 'en');
    expect(inEnglish(roi.withNumbers!)).toBe(
      `(${money(report.revenue)} − ${money(report.cost.total)}) ÷ ${money(report.cost.total)} = ${new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(report.roi.value)}`,
    );
    expect(inChinese(roi.withNumbers!)).toContain('¥');
    expect(roi.note).toBeNull();
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
    expect(inEnglish(metricFormula('roi', { ...report, replications: 3 }, 'CNY').note!)).toContain('3 replications');
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
    for (const metric of ['roi', 'cac', 'arpu', 'ltv', 'churn', 'lift', 'unsubscribes'] as const) expect(metricFormula(metric, report, 'CNY').name).toEqual(glossaryTerm(metric).name);
  });
});

describe('before anything is recorded', () => {
  it('gives the words without numbers', () => {
    const roi = metricFormula('roi', null, 'CNY');
    expect(inEnglish(roi.formula)).toBe('ROI = (revenue − cost) ÷ cost');
    expect(inChinese(roi.meaning)).not.toBe('');
    expect(roi.withNumbers).toBeNull();
    expect(metricFormula('lift', null, 'CNY').unavailable).toBeNull();
  });
});
