import { checkChallenge, metricValue } from '../../../src/core/lessons/challenge';
import { conditionSchema, type ChallengeCondition } from '../../../src/core/lessons/schema';
import type { SimulationReport } from '../../../src/core/sim/engine/report';
import { inEnglish, inChinese } from '../../support/messages.ts';

/** Just the figures the challenge reads; the rest of a report is not looked at. */
function report(figures: { conversionRate: number; cac: number; converted: number; sms: number; lift?: number }): SimulationReport {
  return {
    conversionRate: { value: figures.conversionRate, interval: null },
    cac: { value: figures.cac, interval: null },
    converted: figures.converted,
    unsubscribes: { sms: figures.sms, push: 1 },
    lift: figures.lift === undefined ? null : { difference: { value: figures.lift, interval: null } },
    nodes: [{ id: 'coupon', users: 40 }],
  } as unknown as SimulationReport;
}

const condition = (input: unknown): ChallengeCondition => conditionSchema.parse(input);
const baseline = report({ conversionRate: 0.2, cac: 30, converted: 100, sms: 19 });

describe('checkChallenge', () => {
  const goal = { conditions: [condition({ metric: 'conversionRate', change: 'relative', atLeast: 0.2 }), condition({ metric: 'cac', atMost: 'baseline' })] };

  it('is met only when every condition holds, each with both figures and a text in both languages', () => {
    const better = checkChallenge(goal, baseline, report({ conversionRate: 0.25, cac: 29, converted: 125, sms: 10 }));
    expect(better.met).toBe(true);
    expect(better.conditions.map((result) => [result.met, result.baseline, result.attempt])).toEqual([
      [true, 0.2, 0.25],
      [true, 30, 29],
    ]);
    expect(inEnglish(better.conditions[0]!.text)).toBe('✓ change in conversion rate +25.0 % (20.0 % → 25.0 %); wanted at least +20.0 %.');
    expect(inChinese(better.conditions[1]!.text)).toContain('不高于 30');
    const dearer = checkChallenge(goal, baseline, report({ conversionRate: 0.25, cac: 31, converted: 125, sms: 10 }));
    expect([dearer.met, dearer.conditions.map((result) => result.met)]).toEqual([false, [true, false]]);
    expect(checkChallenge(goal, baseline, report({ conversionRate: 0.23, cac: 20, converted: 115, sms: 10 })).met).toBe(false);
  });

  it('sums unsubscribes over channels and compares absolute changes', () => {
    expect(metricValue(baseline, 'unsubscribes')).toBe(20);
    const halved = condition({ metric: 'unsubscribes', change: 'relative', atMost: -0.5 });
    expect(checkChallenge({ conditions: [halved] }, baseline, report({ conversionRate: 0.2, cac: 30, converted: 100, sms: 9 })).met).toBe(true);
    expect(checkChallenge({ conditions: [halved] }, baseline, report({ conversionRate: 0.2, cac: 30, converted: 100, sms: 10 })).met).toBe(false);
    const tenMore = condition({ metric: 'converted', change: 'absolute', atLeast: 10 });
    expect(checkChallenge({ conditions: [tenMore] }, baseline, report({ conversionRate: 0.2, cac: 30, converted: 110, sms: 0 })).met).toBe(true);
    expect(metricValue(baseline, 'nodeUsers', 'coupon')).toBe(40);
  });

  it('is not met when a figure is missing, e.g. the lift of a journey without a holdout', () => {
    const lift = condition({ metric: 'lift', atLeast: 0.02 });
    const result = checkChallenge({ conditions: [lift] }, baseline, baseline);
    expect(result.met).toBe(false);
    expect(inEnglish(result.conditions[0]!.text)).toContain('cannot be read');
    expect(checkChallenge({ conditions: [lift] }, baseline, report({ conversionRate: 0.2, cac: 30, converted: 100, sms: 0, lift: 0.03 })).met).toBe(false);
  });

  it('refuses conditions that cannot be checked', () => {
    expect(conditionSchema.safeParse({ metric: 'cac' }).success).toBe(false);
    expect(conditionSchema.safeParse({ metric: 'cac', change: 'relative', atMost: 'baseline' }).success).toBe(false);
    expect(conditionSchema.safeParse({ metric: 'nodeUsers', atLeast: 1 }).success).toBe(false);
  });

  it('reads incremental figures from report.incremental, and revenue and ROI as the attributed figures, ROI as a percentage', () => {
    const figures = {
      ...baseline,
      attributedRevenue: 9000,
      attributedRoi: { value: 3.5, interval: null },
      incremental: { conversions: { value: 12, interval: null }, revenue: { value: 1500, interval: null }, roi: { value: -0.25, interval: null } },
    } as unknown as SimulationReport;
    expect(metricValue(figures, 'incrementalRevenue')).toBe(1500);
    expect(metricValue(figures, 'incrementalConversions')).toBe(12);
    expect(metricValue(figures, 'incrementalRoi')).toBe(-0.25);
    expect(metricValue(figures, 'revenue')).toBe(9000);
    expect(metricValue(figures, 'roi')).toBe(3.5);
    const paysBack = condition({ metric: 'incrementalRoi', atLeast: 0 });
    const result = checkChallenge({ conditions: [paysBack] }, figures, figures);
    expect(result.met).toBe(false);
    expect(inEnglish(result.conditions[0]!.text)).toBe('✗ incremental ROI -25.0 % (-25.0 % → -25.0 %); wanted at least 0.0 %.');
    expect(inChinese(result.conditions[0]!.text)).toContain('增量 ROI');
    expect(inEnglish(checkChallenge({ conditions: [condition({ metric: 'roi', atLeast: 0 })] }, figures, figures).conditions[0]!.text)).toContain('attributed ROI 350.0 %');
  });
});
