import { describe, expect, it } from 'vitest';
import { checkSimulation, simulateChecked, type CheckedSimulation } from '../../src/core/sim/engine/simulate';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { cohort, smsThenGoal } from './support';

/**
 * The paired interval of an incremental figure is a 95 % interval for what the journey adds: over 200
 * seeded runs of 5,000 users it must cover the true effect — the mean increment per user of a
 * 2,000,000-user run, times 5,000 — in 90–99 % of them (a binomial(200, 0.95) lands there with
 * probability above 0.999). And it is narrower than the holdout lift's interval at the same users:
 * a simulator knows each user's counterfactual, a real test only compares two groups.
 */

const SEEDS = Array.from({ length: 200 }, (_, index) => 1_000 + index);
const USERS = 5_000;

function checked(journey: JourneyDocumentInput, users: number, seed: number): CheckedSimulation {
  const result = checkSimulation({ journey, cohort: cohort({ clickLift: 4 }), users, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.checked;
}

describe('incremental intervals', { timeout: 600_000 }, () => {
  it('cover the true effect in 90–99 % of 200 seeded runs', async () => {
    const journey = smsThenGoal({ horizon: 'P30D' });
    const truth = (await simulateChecked(checked(journey, 2_000_000, 1), { workers: 4 })).report.incremental;
    const trueConversions = (truth.conversions.value / 2_000_000) * USERS;
    const trueRevenue = (truth.revenue.value / 2_000_000) * USERS;
    expect(trueConversions).toBeGreaterThan(5);
    let conversionsCovered = 0;
    let revenueCovered = 0;
    for (const seed of SEEDS) {
      const { incremental } = (await simulateChecked(checked(journey, USERS, seed))).report;
      const { conversions, revenue } = incremental;
      if (conversions.interval!.low <= trueConversions && trueConversions <= conversions.interval!.high) conversionsCovered++;
      if (revenue.interval!.low <= trueRevenue && trueRevenue <= revenue.interval!.high) revenueCovered++;
    }
    for (const covered of [conversionsCovered, revenueCovered]) {
      expect(covered / SEEDS.length).toBeGreaterThanOrEqual(0.9);
      expect(covered / SEEDS.length).toBeLessThanOrEqual(0.99);
    }
  });

  it('are narrower than the holdout lift at the same users', async () => {
    const journey: JourneyDocumentInput = {
      ...smsThenGoal({ horizon: 'P30D' }),
      nodes: [
        ...smsThenGoal().nodes!,
        node('split', 'split', { variants: [{ label: 'Treated', weight: 50 }, { label: 'Holdout', weight: 50, holdout: true }] }),
        node('heldBought', 'waitForEvent', { event: 'purchase', timeout: 'P30D' }),
        node('wonAnyway', 'goal', { event: 'purchase' }),
      ],
      edges: [
        edge('start', 'next', 'split'),
        edge('split', 'variant-1', 'sms'),
        edge('split', 'variant-2', 'heldBought'),
        edge('heldBought', 'happened', 'wonAnyway'),
        edge('heldBought', 'timeout', 'out'),
        edge('wonAnyway', 'next', 'out'),
        ...smsThenGoal().edges!.filter((link) => link.source !== 'start'),
      ],
    };
    const { report } = await simulateChecked(checked(journey, USERS, 7));
    const treated = report.arms.find((arm) => !arm.holdout)!;
    const width = (interval: { low: number; high: number } | null) => interval!.high - interval!.low;
    // Both as a difference in the share converted among the treated arm's users.
    const paired = width(treated.incremental.conversions.interval) / treated.assigned;
    const lift = width(report.lift!.difference.interval);
    expect(paired).toBeLessThan(lift / 2);
    expect(report.lift!.trueDifference).toBeCloseTo(treated.incremental.conversions.value / treated.assigned, 10);
    expect(report.lift!.holdoutUsersNeeded).toBeGreaterThan(0);
  });
});
