// Comparing saved scenarios: KPIs side by side with differences from the first, the conversion-rate
// difference interval, and the assumptions each scenario ran on, on real runs of a template.
import { checkSimulation, simulate } from '../../src/core/sim/engine/simulate';
import { newcombe, type SimulationReport } from '../../src/core/sim/engine/report';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { compareScenarios, conversionDifference, journeyFingerprint, meanOrderValue, type ScenarioInput } from '../../src/core/sim/analysis/scenarios';

const cohort = getPreset('ecommerce')!.spec;

async function scenario(edit: (journey: JourneyDocument) => JourneyDocument, seed: number, replications = 1): Promise<ScenarioInput> {
  const checked = checkSimulation({ journey: instantiateTemplate(getTemplate('churn-win-back')!, 'en'), cohort, users: 1_500, seed });
  if (!checked.ok) throw new Error('the template does not simulate');
  const journey = edit(checked.checked.journey);
  const { report } = await simulate({ journey, cohort, users: 1_500, seed, replications });
  return { journey, cohort, settings: { users: 1_500, seed, replications, presetId: 'ecommerce' }, report };
}

const richerCoupon = (journey: JourneyDocument): JourneyDocument => ({
  ...journey,
  settings: { ...journey.settings, channelCosts: { ...journey.settings.channelCosts, sms: 0.2 } },
  nodes: journey.nodes.map((node) => (node.id === 'ladder1' ? { ...node, params: { ...node.params, value: 15 } } : node)),
});

let base: ScenarioInput;
let richer: ScenarioInput;

beforeAll(async () => {
  base = await scenario((journey) => journey, 1);
  richer = await scenario(richerCoupon, 2);
});

describe('compareScenarios', () => {
  it('puts every KPI side by side with its difference from the first scenario', () => {
    const { kpis } = compareScenarios([base, richer]);
    // Incremental figures lead; attributed ones follow, each named so.
    expect(kpis.map((row) => row.key)).toEqual([
      'incrementalConversions',
      'incrementalRevenue',
      'cost',
      'incrementalRoi',
      'costPerIncrementalConversion',
      'conversionRate',
      'attributedRevenue',
      'attributedRoi',
      'cac',
      'arpu',
      'revenuePerConverted',
      'customerValue',
      'unsubscribes',
      'churn',
      'lift',
    ]);
    const revenue = kpis.find((row) => row.key === 'attributedRevenue')!;
    expect(revenue.cells).toEqual([
      { value: base.report.attributedRevenue, interval: null, difference: null },
      { value: richer.report.attributedRevenue, interval: null, difference: richer.report.attributedRevenue - base.report.attributedRevenue },
    ]);
    const incremental = kpis.find((row) => row.key === 'incrementalRevenue')!;
    expect(incremental.unit).toBe('money');
    expect(incremental.cells[0]).toEqual({ value: base.report.incremental.revenue.value, interval: base.report.incremental.revenue.interval, difference: null });
    expect(incremental.cells[1]!.difference).toBeCloseTo(richer.report.incremental.revenue.value - base.report.incremental.revenue.value, 9);
    // ROI is a percentage, not a proportion: a ratio that passes 100 % or goes below 0.
    expect(kpis.filter((row) => row.unit === 'percent').map((row) => row.key)).toEqual(['incrementalRoi', 'attributedRoi']);
    expect(kpis.find((row) => row.key === 'incrementalRoi')!.cells[0]!.value).toBe(base.report.incremental.roi.value);
    const conversion = kpis.find((row) => row.key === 'conversionRate')!;
    expect(conversion.cells[0]!.interval).toEqual(base.report.conversionRate.interval);
    expect(conversion.cells[1]!.difference).toBeCloseTo(richer.report.conversionRate.value - base.report.conversionRate.value, 12);
    // The template has a holdout: lift is there for both.
    expect(kpis.find((row) => row.key === 'lift')!.cells.every((cell) => cell !== null)).toBe(true);
  });

  it('gives the conversion-rate difference Newcombe’s interval with one replication each, and says whether the intervals overlap', () => {
    const { kpis } = compareScenarios([base, richer]);
    const [first, second] = kpis.find((row) => row.key === 'conversionRate')!.comparisons!;
    expect(first).toBeNull();
    const expected = newcombe(richer.report.converted, richer.report.entered, base.report.converted, base.report.entered)!;
    expect(second!.interval).toEqual({ low: expected.low, high: expected.high, method: 'newcombe' });
    const a = richer.report.conversionRate.interval!;
    const b = base.report.conversionRate.interval!;
    expect(second!.overlap).toBe(a.low <= b.high && b.low <= a.high);
  });

  it('combines the runs’ half-widths when a run has replications', () => {
    const first = { replications: 2, conversionRate: { value: 0.1, interval: { low: 0.08, high: 0.12, method: 't' } } } as SimulationReport;
    const second = { replications: 1, converted: 30, entered: 200, conversionRate: { value: 0.15, interval: { low: 0.12, high: 0.18, method: 'wilson' } } } as SimulationReport;
    const interval = conversionDifference(second, first)!;
    expect(interval.method).toBe('combined');
    expect(interval.low).toBeCloseTo(0.05 - Math.sqrt(0.02 ** 2 + 0.03 ** 2), 12);
    expect(interval.high).toBeCloseTo(0.05 + Math.sqrt(0.02 ** 2 + 0.03 ** 2), 12);
    expect(conversionDifference(second, { ...first, conversionRate: { value: 0.1, interval: null } })).toBeNull();
  });

  it('lists the assumptions and marks the ones that differ', () => {
    const { assumptions } = compareScenarios([base, richer, base]);
    const row = (key: string, subject?: string) => assumptions.find((item) => item.key === key && item.subject === subject)!;
    expect(row('journey').differs).toBe(false);
    expect(row('journeyVersion').differs).toBe(true);
    expect(row('journeyVersion').values[0]).toEqual({ type: 'text', text: journeyFingerprint(base.journey) });
    expect(row('channelCost', 'sms')).toMatchObject({ differs: true, values: [{ type: 'money', value: 0.05 }, { type: 'money', value: 0.2 }, { type: 'money', value: 0.05 }] });
    expect(row('channelCost', 'wecom').differs).toBe(false);
    expect(row('offer', 'ladder1')).toMatchObject({ differs: true, subjectLabel: 'Ladder 1: 10 off 79', values: [{ value: 10, minSpend: 79 }, { value: 15, minSpend: 79 }, { value: 10 }] });
    expect(row('offer', 'ladder2').differs).toBe(false);
    expect(row('horizon')).toEqual({ key: 'horizon', values: Array(3).fill({ type: 'duration', ms: 90 * 86_400_000 }), differs: false });
    expect(row('quietHours').values[0]).toEqual({ type: 'quietHours', start: '22:00', end: '08:00' });
    expect(row('cohort').values[0]).toEqual({ type: 'name', text: cohort.name });
    expect(row('cohortVersion').differs).toBe(false);
    expect(row('meanOrderValue').values[0]).toEqual({ type: 'money', value: meanOrderValue(cohort), currency: 'CNY' });
    expect(row('seed')).toMatchObject({ differs: true, values: [{ value: 1 }, { value: 2 }, { value: 1 }] });
    expect(row('users').differs).toBe(false);
  });

  it('shows an offer missing from a journey as none, and does not compare money across currencies', () => {
    const dollars: ScenarioInput = {
      ...richer,
      journey: { ...richer.journey, settings: { ...richer.journey.settings, currency: 'USD' }, nodes: richer.journey.nodes.filter((node) => node.id !== 'ladder3') },
    };
    const { kpis, assumptions } = compareScenarios([base, dollars]);
    expect(assumptions.find((item) => item.subject === 'ladder3')!.values[1]).toEqual({ type: 'none' });
    expect(assumptions.find((item) => item.key === 'currency')!.differs).toBe(true);
    expect(kpis.find((row) => row.key === 'attributedRevenue')!.cells[1]!.difference).toBeNull();
    expect(kpis.find((row) => row.key === 'incrementalRevenue')!.cells[1]!.difference).toBeNull();
    expect(kpis.find((row) => row.key === 'churn')!.cells[1]!.difference).toBe(richer.report.churned - base.report.churned);
  });

  it('marks a scenario kept from a version-1 report stale, without figures, and still compares the others and the assumptions', () => {
    // A report as version 1 wrote it: revenue, roi and ltv, no incremental figures.
    const { incremental: _incremental, attributedRevenue, attributedRoi, revenuePerConverted, ...rest } = base.report;
    const old = { ...base, report: { ...rest, version: 1, revenue: attributedRevenue, roi: attributedRoi, ltv: revenuePerConverted } as unknown as SimulationReport };
    const { kpis, stale, assumptions } = compareScenarios([base, old, richer]);
    expect(stale).toEqual([false, true, false]);
    for (const row of kpis) {
      expect(row.cells[1], row.key).toBeNull();
      expect(row.cells[0], row.key).not.toBeNull();
    }
    expect(kpis.find((row) => row.key === 'conversionRate')!.comparisons![1]).toBeNull();
    expect(kpis.find((row) => row.key === 'incrementalRevenue')!.cells[2]!.difference).toBeCloseTo(richer.report.incremental.revenue.value - base.report.incremental.revenue.value, 9);
    expect(assumptions.find((item) => item.key === 'seed')!.values).toEqual([{ type: 'count', value: 1 }, { type: 'count', value: 1 }, { type: 'count', value: 2 }]);
    // A stale first scenario leaves no baseline: figures, but no differences.
    const first = compareScenarios([old, richer]);
    expect(first.stale).toEqual([true, false]);
    expect(first.kpis.find((row) => row.key === 'incrementalRevenue')!.cells).toEqual([null, { value: richer.report.incremental.revenue.value, interval: richer.report.incremental.revenue.interval, difference: null }]);
  });

  it('weights each segment’s gamma-gamma mean order value by its share', () => {
    const spec = structuredClone(cohort);
    const means = spec.segments.map((segment) => (segment.behaviour.orderValue.p * segment.behaviour.orderValue.gamma) / (segment.behaviour.orderValue.q - 1));
    const expected = spec.segments.reduce((total, segment, index) => total + (segment.share / 100) * means[index]!, 0);
    expect(meanOrderValue(spec)).toBeCloseTo(expected, 9);
    expect(meanOrderValue({ nonsense: true })).toBeNull();
  });

  it('fingerprints what simulates, not where nodes sit, and refuses fewer than two or more than three scenarios', () => {
    const moved = { ...base.journey, nodes: base.journey.nodes.map((node) => ({ ...node, position: { x: node.position.x + 40, y: node.position.y } })) };
    expect(journeyFingerprint(moved)).toBe(journeyFingerprint(base.journey));
    expect(journeyFingerprint(richer.journey)).not.toBe(journeyFingerprint(base.journey));
    expect(journeyFingerprint(base.journey)).toMatch(/^[0-9a-f]{8}$/);
    expect(() => compareScenarios([base])).toThrow(RangeError);
    expect(() => compareScenarios([base, base, base, base])).toThrow(RangeError);
  });
});
