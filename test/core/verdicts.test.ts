import { compareArms, evaluateGoal, goalSchema, goalsSchema, goalUnits, isStaleReport, MAX_GOALS, metricsByDay, normalCdf, usersPerArm, verdictOf, Z_80, Z_975, type GoalSpec } from '../../src/core/sim/analysis/verdicts';
import { goalMetrics } from '../../src/core/journey/goals';
import { newcombe, wilson, REPORT_VERSION, type ArmReport, type Estimate, type Incremental, type SimulationReport } from '../../src/core/sim/engine/report';

const exact = (value: number): Estimate => ({ value, interval: null });

/** An increment of `conversions` and ¥`revenue` at a cost of ¥`cost` (no intervals). */
function increment(conversions: number, revenue: number, cost: number): Incremental {
  return {
    users: 0,
    conversions: exact(conversions),
    purchases: exact(0),
    revenue: exact(revenue),
    cost: exact(cost),
    roi: exact(cost > 0 ? (revenue - cost) / cost : 0),
    costPerConversion: conversions > 0 ? exact(cost / conversions) : null,
  };
}

/** An arm with `converted` of `assigned` users (one replication: Wilson interval). */
function arm(port: string, converted: number, assigned: number, extra: Partial<ArmReport> = {}): ArmReport {
  return {
    split: 'split',
    port,
    label: port,
    holdout: false,
    assigned,
    converted,
    conversionRate: { value: converted / assigned, interval: wilson(converted, assigned) },
    attributedRevenue: converted * 100,
    cost: assigned,
    incremental: increment(converted / 2, converted * 20, assigned),
    ...extra,
  };
}

/** Just the fields verdicts.ts reads. */
function report(fields: Partial<SimulationReport>): SimulationReport {
  return {
    version: REPORT_VERSION,
    replications: 1,
    horizonDays: 90,
    arms: [],
    lift: null,
    conversionRate: { value: 0.1, interval: { low: 0.08, high: 0.12, method: 'wilson' } },
    attributedRevenue: 5000,
    attributedRoi: { value: 0.5, interval: null },
    // The journey adds 30 conversions and ¥1,200 at a cost of ¥1,000 (paired intervals), 12 and ¥480 of them in the first 30 days.
    incremental: {
      users: 2000,
      conversions: { value: 30, interval: { low: 20, high: 40, method: 'paired' } },
      purchases: exact(40),
      revenue: { value: 1200, interval: { low: 800, high: 1600, method: 'paired' } },
      cost: exact(1000),
      roi: { value: 0.2, interval: { low: -0.2, high: 0.6, method: 'paired' } },
      costPerConversion: { value: 1000 / 30, interval: { low: 25, high: 50, method: 'paired' } },
      byDay: {
        conversions: Array.from({ length: 90 }, (_, day) => (day < 30 ? 12 / 30 : 18 / 60)),
        revenue: Array.from({ length: 90 }, (_, day) => (day < 30 ? 480 / 30 : 720 / 60)),
      },
    },
    entered: 1000,
    // 100 conversions and ¥5,000 over 90 days: 40 and ¥2,000 in the first 30.
    conversionsByDay: Array.from({ length: 90 }, (_, day) => (day < 30 ? 40 / 30 : 60 / 60)),
    revenueByDay: Array.from({ length: 90 }, (_, day) => (day < 30 ? 2000 / 30 : 3000 / 60)),
    cac: { value: 40, interval: null },
    ...fields,
  } as SimulationReport;
}

describe('usersPerArm', () => {
  it('is the two-proportion sample size, rounded up (p1 = 0.10, p2 = 0.12: 3,841 per arm)', () => {
    // (1.95996·√(2·0.11·0.89) + 0.84162·√(0.09 + 0.1056))² / 0.02² = (0.867274 + 0.372220)² / 0.0004 = 3840.85
    const exact = (Z_975 * Math.sqrt(2 * 0.11 * 0.89) + Z_80 * Math.sqrt(0.1 * 0.9 + 0.12 * 0.88)) ** 2 / 0.02 ** 2;
    expect(exact).toBeCloseTo(3840.85, 2);
    expect(usersPerArm(0.1, 0.12)).toBe(3841);
    expect(usersPerArm(0.12, 0.1)).toBe(3841);
    // Halving the difference needs about four times the users.
    expect(usersPerArm(0.1, 0.11)! / usersPerArm(0.1, 0.12)!).toBeGreaterThan(3.7);
    expect(usersPerArm(0.1, 0.1)).toBeNull();
  });
});

describe('compareArms', () => {
  it('compares each variant with the first arm when there is no holdout, with Newcombe’s interval', () => {
    const a = arm('variant-1', 200, 2000);
    const b = arm('variant-2', 300, 2000);
    const c = arm('variant-3', 150, 2000);
    const [split] = compareArms(report({ arms: [a, b, c] }));
    expect(split!.split).toBe('split');
    expect(split!.arms).toHaveLength(3);
    const [vsB, vsC] = split!.comparisons;
    expect(vsB!.against).toBe('first');
    expect(vsB!.baseline).toBe(a);
    expect(vsB!.difference).toBeCloseTo(0.05, 12);
    const expected = newcombe(300, 2000, 200, 2000)!;
    expect(vsB!.interval).toEqual({ low: expected.low, high: expected.high, method: 'newcombe' });
    expect(vsB!.verdict).toBe('better');
    expect(vsB!.usersNeeded).toBeNull();
    expect(vsC!.verdict).toBe('worse');
    // Attributed revenue per assigned user: 300·100/2000 − 200·100/2000 = 15 − 10.
    expect(vsB!.revenuePerUser).toEqual({ arm: 15, baseline: 10, difference: 5 });
    // Incremental revenue per assigned user, from each arm's increment over its twins: 300·20/2000 − 200·20/2000 = 3 − 2.
    expect(vsB!.incrementalRevenuePerUser).toEqual({ arm: 3, baseline: 2, difference: 1 });
  });

  it('compares the treated arms with the holdout, and says how many users a close call needs', () => {
    const treated = arm('variant-1', 52, 500);
    const holdout = arm('variant-2', 50, 500, { holdout: true });
    const [split] = compareArms(report({ arms: [treated, holdout] }));
    expect(split!.comparisons).toHaveLength(1);
    const [comparison] = split!.comparisons;
    expect(comparison!.against).toBe('holdout');
    expect(comparison!.arm).toBe(treated);
    expect(comparison!.baseline).toBe(holdout);
    expect(comparison!.interval!.low).toBeLessThan(0);
    expect(comparison!.interval!.high).toBeGreaterThan(0);
    expect(comparison!.verdict).toBe('not distinguishable');
    expect(comparison!.usersNeeded).toBe(usersPerArm(0.1, 0.104));
    expect(comparison!.usersNeeded).toBeGreaterThan(50_000);
  });

  it('returns no users needed when the arms convert at exactly the same rate', () => {
    const [split] = compareArms(report({ arms: [arm('a', 50, 500), arm('b', 50, 500)] }));
    expect(split!.comparisons[0]!.verdict).toBe('not distinguishable');
    expect(split!.comparisons[0]!.usersNeeded).toBeNull();
  });

  it('combines the arms’ t intervals by a normal approximation with two or more replications', () => {
    const rate = (value: number, half: number): Estimate => ({ value, interval: { low: value - half, high: value + half, method: 't' } });
    const a = arm('a', 100, 1000, { conversionRate: rate(0.1, 0.03) });
    const b = arm('b', 160, 1000, { conversionRate: rate(0.16, 0.04) });
    const [split] = compareArms(report({ replications: 3, arms: [a, b] }));
    const interval = split!.comparisons[0]!.interval!;
    expect(interval.method).toBe('combined');
    expect(interval.low).toBeCloseTo(0.06 - 0.05, 12);
    expect(interval.high).toBeCloseTo(0.06 + 0.05, 12);
    expect(split!.comparisons[0]!.verdict).toBe('better');
  });

  it('groups arms by split and gives no comparison without intervals a verdict', () => {
    const empty = arm('b', 0, 1, { assigned: 0, converted: 0, conversionRate: { value: 0, interval: null } });
    const splits = compareArms(report({ arms: [arm('a', 10, 100), empty, arm('x', 5, 50, { split: 'other' }), arm('y', 6, 50, { split: 'other' })] }));
    expect(splits.map((split) => split.split)).toEqual(['split', 'other']);
    expect(splits[0]!.comparisons[0]!.interval).toBeNull();
    expect(splits[0]!.comparisons[0]!.verdict).toBe('not distinguishable');
    expect(compareArms(report({ arms: [] }))).toEqual([]);
  });

  it('decides from where the interval lies', () => {
    expect(verdictOf({ low: 0.001, high: 0.02, method: 'newcombe' })).toBe('better');
    expect(verdictOf({ low: -0.02, high: -0.001, method: 'newcombe' })).toBe('worse');
    expect(verdictOf({ low: 0, high: 0.02, method: 'newcombe' })).toBe('not distinguishable');
    expect(verdictOf(null)).toBe('not distinguishable');
  });
});

describe('normalCdf', () => {
  it('matches the standard normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(Z_975)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
    expect(normalCdf(Z_80)).toBeCloseTo(0.8, 6);
    expect(normalCdf(-8)).toBeLessThan(1e-12);
  });
});

describe('goals', () => {
  const goal = (fields: Partial<GoalSpec>): GoalSpec => ({ metric: 'conversionRate', comparison: '>=', target: 0.1, ...fields });

  it('validates at most three goals', () => {
    expect(goalSchema.safeParse({ metric: 'roi', comparison: '>=', target: 1.5, withinDays: 90 }).success).toBe(true);
    expect(goalSchema.safeParse({ metric: 'clicks', comparison: '>=', target: 1 }).success).toBe(false);
    expect(goalSchema.safeParse({ metric: 'roi', comparison: '>', target: 1 }).success).toBe(false);
    expect(goalSchema.safeParse({ metric: 'roi', comparison: '>=', target: 1, withinDays: 0 }).success).toBe(false);
    expect(goalsSchema.safeParse([goal({}), goal({}), goal({})]).success).toBe(true);
    expect(goalsSchema.safeParse([goal({}), goal({}), goal({}), goal({})]).success).toBe(false);
  });

  it('gives the probability of meeting a target from the estimate and its interval', () => {
    // Conversion 10 % with 95 % interval 8–12 %: sd = 0.02 / 1.96.
    const r = report({});
    expect(evaluateGoal(goal({ target: 0.1 }), r).probability).toBeCloseTo(0.5, 6);
    const high = evaluateGoal(goal({ target: 0.12 }), r);
    expect(high).toMatchObject({ met: false, value: 0.1, interval: { low: 0.08, high: 0.12 } });
    expect(high.probability).toBeCloseTo(0.025, 5);
    const low = evaluateGoal(goal({ target: 0.09 }), r);
    expect(low.met).toBe(true);
    expect(low.probability).toBeCloseTo(normalCdf(0.01 / (0.02 / Z_975)), 9);
    expect(evaluateGoal(goal({ target: 0.12, comparison: '<=' }), r).probability).toBeCloseTo(0.975, 5);
  });

  it('is monotonic in the target: decreasing for ≥, increasing for ≤', () => {
    const r = report({});
    const targets = Array.from({ length: 41 }, (_, index) => 0.06 + index * 0.002);
    const atLeast = targets.map((target) => evaluateGoal(goal({ target }), r).probability!);
    const atMost = targets.map((target) => evaluateGoal(goal({ target, comparison: '<=' }), r).probability!);
    for (let index = 1; index < targets.length; index++) {
      expect(atLeast[index]).toBeLessThanOrEqual(atLeast[index - 1]!);
      expect(atMost[index]).toBeGreaterThanOrEqual(atMost[index - 1]!);
      expect(atLeast[index]! + atMost[index]!).toBeCloseTo(1, 9);
    }
    expect(atLeast[0]).toBeGreaterThan(0.99);
    expect(atLeast[40]).toBeLessThan(0.01);
  });

  it('is certain either way without an interval', () => {
    const r = report({});
    expect(evaluateGoal({ metric: 'revenue', comparison: '>=', target: 4000 }, r)).toMatchObject({ met: true, value: 5000, interval: null, probability: 1 });
    expect(evaluateGoal({ metric: 'revenue', comparison: '>=', target: 6000 }, r)).toMatchObject({ met: false, probability: 0 });
    expect(evaluateGoal({ metric: 'cac', comparison: '<=', target: 50 }, r)).toMatchObject({ met: true, value: 40, probability: 1 });
    expect(evaluateGoal({ metric: 'roi', comparison: '>=', target: 0.6 }, r)).toMatchObject({ met: false, value: 0.5, probability: 0 });
  });

  it('reads the lift against the holdout, and has none without a holdout', () => {
    expect(evaluateGoal({ metric: 'liftVsHoldout', comparison: '>=', target: 0.01 }, report({}))).toEqual({ met: false, value: null, interval: null, probability: null, window: 'horizon', unavailable: 'no-holdout' });
    const lift = { split: 's', holdout: 'h', treatedRate: 0.13, holdoutRate: 0.1, difference: { value: 0.03, interval: { low: 0.01, high: 0.05, method: 'newcombe' as const } }, incrementalRevenue: { value: 0, interval: null }, incrementalRoi: { value: 0, interval: null }, trueDifference: 0.03, holdoutUsersNeeded: 2000 };
    const result = evaluateGoal({ metric: 'liftVsHoldout', comparison: '>=', target: 0.01 }, report({ lift }));
    expect(result.met).toBe(true);
    expect(result.probability).toBeCloseTo(0.975, 5);
  });

  it('is the goal spec of the journey document, re-exported', async () => {
    const journeyGoals = await import('../../src/core/journey/goals');
    expect(goalSchema).toBe(journeyGoals.goalSchema);
    expect(MAX_GOALS).toBe(3);
    expect(goalSchema.safeParse({ ...goal({}), note: 'x' }).success).toBe(false);
  });

  it('says how the goal’s time frame relates to the horizon', () => {
    const r = report({});
    expect(evaluateGoal(goal({ withinDays: 90 }), r).window).toBe('horizon');
    expect(evaluateGoal(goal({ withinDays: 30 }), r).window).toBe('window');
    expect(evaluateGoal(goal({ withinDays: 120 }), r).window).toBe('longer');
  });

  it('checks conversion rate and revenue on a window shorter than the horizon, from the day series', () => {
    const r = report({});
    const rate = evaluateGoal(goal({ target: 0.05, withinDays: 30 }), r);
    expect(rate.value).toBeCloseTo(0.04, 12);
    const interval = wilson(40, 1000)!;
    expect(rate.interval!.low).toBeCloseTo(interval.low, 12);
    expect(rate.interval!.high).toBeCloseTo(interval.high, 12);
    expect(rate).toMatchObject({ met: false, window: 'window', unavailable: null });
    expect(rate.probability).toBeLessThan(0.1);
    // Over the whole horizon the same target is met: the window, not the horizon, decides.
    expect(evaluateGoal(goal({ target: 0.05 }), r).met).toBe(true);
    expect(evaluateGoal({ metric: 'revenue', comparison: '>=', target: 2500, withinDays: 30 }, r)).toMatchObject({ met: false, interval: null, probability: 0, window: 'window' });
    expect(evaluateGoal({ metric: 'revenue', comparison: '>=', target: 2500, withinDays: 30 }, r).value).toBeCloseTo(2000, 9);
    expect(evaluateGoal({ metric: 'revenue', comparison: '>=', target: 2500 }, r).met).toBe(true);
  });

  it('pools the replications’ users for a window’s interval (the report keeps only the mean day series)', () => {
    const one = evaluateGoal(goal({ withinDays: 30 }), report({}));
    const five = evaluateGoal(goal({ withinDays: 30 }), report({ replications: 5 }));
    expect(five.value).toBeCloseTo(one.value!, 12);
    const pooled = wilson(200, 5000)!;
    expect(five.interval!.low).toBeCloseTo(pooled.low, 12);
    expect(five.interval!.high).toBeCloseTo(pooled.high, 12);
  });

  it('has no figure for lift, ROI or CAC on a window shorter than the horizon, and the horizon’s beyond it', () => {
    const lift = { split: 's', holdout: 'h', treatedRate: 0.13, holdoutRate: 0.1, difference: { value: 0.03, interval: null }, incrementalRevenue: { value: 0, interval: null }, incrementalRoi: { value: 0, interval: null }, trueDifference: 0.03, holdoutUsersNeeded: 2000 };
    const r = report({ lift });
    expect(metricsByDay).toEqual(['incrementalConversions', 'incrementalRevenue', 'conversionRate', 'revenue']);
    for (const metric of ['liftVsHoldout', 'roi', 'cac', 'incrementalRoi', 'costPerIncrementalConversion'] as const)
      expect(evaluateGoal({ metric, comparison: '>=', target: 0, withinDays: 30 }, r)).toEqual({ met: false, value: null, interval: null, probability: null, window: 'window', unavailable: 'horizon-only' });
    expect(evaluateGoal({ metric: 'roi', comparison: '>=', target: 0.4, withinDays: 120 }, r)).toMatchObject({ met: true, value: 0.5, window: 'longer', unavailable: null });
    expect(evaluateGoal({ metric: 'cac', comparison: '<=', target: 50, withinDays: 90 }, r)).toMatchObject({ met: true, value: 40, window: 'horizon' });
  });

  it('evaluates the incremental metrics from report.incremental, with their paired intervals', () => {
    const r = report({});
    const revenue = evaluateGoal({ metric: 'incrementalRevenue', comparison: '>=', target: 1200 }, r);
    expect(revenue).toMatchObject({ met: true, value: 1200, interval: { low: 800, high: 1600 }, window: 'horizon', unavailable: null });
    expect(revenue.probability).toBeCloseTo(0.5, 6);
    // Attributed revenue (¥5,000) would meet a ¥2,000 target; what the journey added (¥1,200) does not.
    expect(evaluateGoal({ metric: 'revenue', comparison: '>=', target: 2000 }, r).met).toBe(true);
    expect(evaluateGoal({ metric: 'incrementalRevenue', comparison: '>=', target: 2000 }, r)).toMatchObject({ met: false, value: 1200 });
    expect(evaluateGoal({ metric: 'incrementalConversions', comparison: '>=', target: 25 }, r)).toMatchObject({ met: true, value: 30, interval: { low: 20, high: 40 } });
    expect(evaluateGoal({ metric: 'costPerIncrementalConversion', comparison: '<=', target: 40 }, r)).toMatchObject({ met: true, interval: { low: 25, high: 50 } });
    // ROI: incremental 20 % misses a 30 % target the attributed 50 % meets.
    expect(evaluateGoal({ metric: 'incrementalRoi', comparison: '>=', target: 0.3 }, r)).toMatchObject({ met: false, value: 0.2, interval: { low: -0.2, high: 0.6 } });
    expect(evaluateGoal({ metric: 'roi', comparison: '>=', target: 0.3 }, r)).toMatchObject({ met: true, value: 0.5 });
  });

  it('has no cost per incremental conversion when the journey adds none', () => {
    const r = report({ incremental: { ...increment(0, 0, 100), byDay: { conversions: [], revenue: [] } } });
    expect(evaluateGoal({ metric: 'costPerIncrementalConversion', comparison: '<=', target: 40 }, r)).toEqual({ met: false, value: null, interval: null, probability: null, window: 'horizon', unavailable: 'no-increment' });
  });

  it('gives no probability for a cost per incremental conversion whose conversions may be none', () => {
    // ¥40 per conversion, but the conversions' interval reaches 0: the report gives the cost no interval.
    const r = report({ incremental: { ...increment(5, 0, 200), byDay: { conversions: [], revenue: [] } } });
    expect(evaluateGoal({ metric: 'costPerIncrementalConversion', comparison: '<=', target: 50 }, r)).toEqual({ met: true, value: 40, interval: null, probability: null, window: 'horizon', unavailable: null });
  });

  it('sums incremental conversions and revenue over a window from report.incremental.byDay, without an interval', () => {
    const r = report({});
    const revenue = evaluateGoal({ metric: 'incrementalRevenue', comparison: '>=', target: 500, withinDays: 30 }, r);
    expect(revenue).toMatchObject({ met: false, interval: null, probability: 0, window: 'window', unavailable: null });
    expect(revenue.value).toBeCloseTo(480, 9);
    const conversions = evaluateGoal({ metric: 'incrementalConversions', comparison: '>=', target: 10, withinDays: 30 }, r);
    expect(conversions).toMatchObject({ met: true, probability: 1, window: 'window' });
    expect(conversions.value).toBeCloseTo(12, 9);
  });

  it('writes each metric’s target in its own unit: ROI a percentage, money, users', () => {
    expect(Object.keys(goalUnits).sort()).toEqual([...goalMetrics].sort());
    expect(goalUnits).toMatchObject({ incrementalRoi: 'percent', roi: 'percent', incrementalRevenue: 'money', costPerIncrementalConversion: 'money', incrementalConversions: 'count', liftVsHoldout: 'points' });
    // The headline metrics lead the list a goal is picked from.
    expect(goalMetrics.slice(0, 4)).toEqual(['incrementalConversions', 'incrementalRevenue', 'incrementalRoi', 'costPerIncrementalConversion']);
  });

  it('gives no figure for a report kept from an older format, instead of failing', () => {
    const old = { ...report({}), version: 1, incremental: undefined, revenue: 5000 } as unknown as SimulationReport;
    expect(isStaleReport(old)).toBe(true);
    expect(isStaleReport(report({}))).toBe(false);
    expect(isStaleReport(null)).toBe(true);
    for (const metric of goalMetrics) expect(evaluateGoal({ metric, comparison: '>=', target: 0 }, old)).toMatchObject({ value: null, probability: null, unavailable: 'stale' });
    expect(compareArms(old)).toEqual([]);
  });
});
