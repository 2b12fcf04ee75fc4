// How many users a challenge check runs and how sure its verdict is (src/core/lessons/power.ts): the
// sizing against closed forms, and its power and false alarms over a fixed list of seeds, on users whose
// outcomes are drawn as 0/1 with and without common random numbers between the two journeys.
import { checkChallenge } from '../../../src/core/lessons/challenge';
import { checkSize, figureOf, isDetected, MAX_CHECK_USERS, pairedDifference, proportionUsersForPower, thresholdOf, usersForPower } from '../../../src/core/lessons/power';
import { conditionSchema, type ChallengeCondition } from '../../../src/core/lessons/schema';
import type { SimulationReport } from '../../../src/core/sim/engine/report';
import { inChinese, inEnglish } from '../../support/messages.ts';

const condition = (input: unknown): ChallengeCondition => conditionSchema.parse(input);

/** Just what the checked figures read: users, seed, conversions (everyone entered). */
const report = (users: number, converted: number, seed = 1): SimulationReport =>
  ({ users, seed, entered: users, converted, conversionRate: { value: converted / users, interval: null }, unsubscribes: {}, attributedRevenue: 50 * converted }) as unknown as SimulationReport;

/** A small seeded generator (mulberry32): the same seed, the same users. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const Z_SUM_SQUARED = (1.959963984540054 + 0.8416212335729143) ** 2;
const SEEDS = Array.from({ length: 400 }, (_, index) => 1000 + index);
const threeSe = (rate: number) => 3 * Math.sqrt((rate * (1 - rate)) / SEEDS.length);

/**
 * Two runs on the same `users` users: the baseline converts with p, the attempt with q. `shared` is the
 * share of users whose attempt outcome reuses their baseline draw (common random numbers, as both engines
 * give a user the same draws wherever the journeys agree); the others draw afresh.
 */
function twoRuns(seed: number, users: number, p: number, q: number, shared: number) {
  const random = generator(seed);
  let baseline = 0;
  let attempt = 0;
  for (let user = 0; user < users; user++) {
    const draw = random();
    const again = random() < shared ? draw : random();
    if (draw < p) baseline++;
    if (again < q) attempt++;
  }
  return { baseline: report(users, baseline, seed), attempt: report(users, attempt, seed) };
}

/** Share of seeds on which the check tells the attempt's conversions from the baseline's. */
function detectionRate(users: number, p: number, q: number, shared: number): number {
  let detected = 0;
  for (const seed of SEEDS) {
    const runs = twoRuns(seed, users, p, q, shared);
    const baseline = figureOf(runs.baseline, 'converted', undefined)!;
    const attempt = figureOf(runs.attempt, 'converted', undefined)!;
    if (isDetected(pairedDifference(baseline, attempt, users))) detected++;
  }
  return detected / SEEDS.length;
}

describe('challenge check sizing', () => {
  it('is the closed form for a proportion: n = (z_{α/2} + z_β)² · 2p(1 − p) / δ²', () => {
    expect(proportionUsersForPower(0.2, 0.04)).toBe(Math.ceil((Z_SUM_SQUARED * 2 * 0.16) / 0.0016));
    expect(proportionUsersForPower(0.2, 0.04)).toBe(1570);
    expect(usersForPower(1, 0)).toBeNull();
    expect(usersForPower(Number.NaN, 1)).toBeNull();
  });

  it('takes the threshold from the nearest bound, in the figure’s units', () => {
    expect(thresholdOf(condition({ metric: 'converted', change: 'relative', atLeast: 0.2 }), 100)).toEqual({ delta: 20, at: 120 });
    expect(thresholdOf(condition({ metric: 'converted', change: 'relative', atMost: -0.5 }), 80)).toEqual({ delta: 40, at: 40 });
    expect(thresholdOf(condition({ metric: 'converted', change: 'absolute', atLeast: 10 }), 100)).toEqual({ delta: 10, at: 110 });
    expect(thresholdOf(condition({ metric: 'cac', atMost: 25 }), 30)).toEqual({ delta: 5, at: 25 });
    expect(thresholdOf(condition({ metric: 'cac', atMost: 'baseline' }), 30)).toBeNull();
  });

  it('sizes a check from the baseline’s spread and the attempt’s at the threshold, between the lesson’s users and the cap', () => {
    const raise = { conditions: [condition({ metric: 'converted', change: 'relative', atLeast: 0.2 })] };
    // p = 0.2 → 0.24: (z + z)² · (0.2·0.8 + 0.24·0.76) / 0.04².
    const needed = Math.ceil((Z_SUM_SQUARED * (0.16 + 0.24 * 0.76)) / 0.0016);
    expect(checkSize(raise, report(500, 100), 500)).toEqual({ users: needed, needed, capped: false });
    // A lesson with more users than needed keeps its own.
    expect(checkSize(raise, report(5000, 1000), 5000)).toEqual({ users: 5000, needed, capped: false });
    // A tiny threshold asks for more than a check runs.
    const nudge = { conditions: [condition({ metric: 'converted', change: 'relative', atLeast: 0.01 })] };
    expect(checkSize(nudge, report(500, 100), 500)).toMatchObject({ users: MAX_CHECK_USERS, capped: true });
    // No spread (attributed revenue) or a bound at the baseline: nothing to size by.
    expect(checkSize({ conditions: [condition({ metric: 'revenue', change: 'relative', atLeast: 0.2 })] }, report(500, 100), 500)).toEqual({ users: 500, needed: null, capped: false });
    expect(checkSize({ conditions: [condition({ metric: 'converted', atLeast: 'baseline' })] }, report(500, 100), 500)).toEqual({ users: 500, needed: null, capped: false });
  });

  it('detects a difference at the threshold in at least 80 % of seeds when the runs share their users’ draws', () => {
    const needed = checkSize({ conditions: [condition({ metric: 'converted', change: 'relative', atLeast: 0.2 })] }, report(500, 100), 500).users;
    expect(detectionRate(needed, 0.2, 0.24, 0.5)).toBeGreaterThanOrEqual(0.8);
  });

  it('has 80 % power at the threshold even with no draws shared (independent runs), within 3 SE', () => {
    const needed = checkSize({ conditions: [condition({ metric: 'converted', change: 'relative', atLeast: 0.2 })] }, report(500, 100), 500).users;
    const rate = detectionRate(needed, 0.2, 0.24, 0);
    expect(rate).toBeGreaterThanOrEqual(0.8 - threeSe(0.8));
    // …and not far more: the sizing is not wasteful either.
    expect(rate).toBeLessThanOrEqual(0.8 + threeSe(0.8));
  });

  it('flags a null difference in at most 5 % + 3 SE of seeds, paired or not', () => {
    expect(detectionRate(1680, 0.2, 0.2, 0)).toBeLessThanOrEqual(0.05 + threeSe(0.05));
    expect(detectionRate(1680, 0.2, 0.2, 0.5)).toBeLessThanOrEqual(0.05 + threeSe(0.05));
  });
});

describe('a check’s verdict', () => {
  it('compares totals per the lesson’s users and says how the runs were paired, with the difference ± its margin', () => {
    const raise = { conditions: [condition({ metric: 'converted', change: 'absolute', atLeast: 40 })] };
    const size = checkSize(raise, report(2000, 400), 2000);
    expect(size.users).toBeGreaterThan(2000);
    // 20 % → 25 % on size.users users: +100 per 2,000 users, whatever size.users is.
    const users = size.users;
    const result = checkChallenge(raise, report(users, 0.2 * users), report(users, 0.25 * users), { lessonUsers: 2000, size });
    expect(result.conditions[0]).toMatchObject({ met: true, baseline: 400, attempt: 500 });
    const margin = 1.959963984540054 * 2000 * Math.sqrt((0.2 * 0.8 + 0.25 * 0.75) / users);
    expect(inEnglish(result.conditions[0]!.uncertainty!)).toBe(`Difference +100 ± ${margin.toFixed(2)} (95 %).`);
    expect(inEnglish(result.pairing)).toBe(`Paired: both journeys ran on the same ${users.toLocaleString('en')} users with seed 1. That is enough for 80 % power at the challenge’s thresholds.`);
    expect(inChinese(result.pairing)).toContain('配对比较');
  });

  it('says when a bound lies within the margin: too close to call', () => {
    const halve = { conditions: [condition({ metric: 'converted', change: 'relative', atMost: -0.5 })] };
    const result = checkChallenge(halve, report(300, 30), report(300, 14), { lessonUsers: 300 });
    expect(result.conditions[0]!.met).toBe(true);
    expect(result.conditions[0]!.spread?.close).toBe(true);
    expect(inEnglish(result.conditions[0]!.uncertainty!)).toMatch(/^Difference -53\.3 % ± \d+\.\d % \(95 %\): a bound lies within this range, too close to call on these users\.$/);
    expect(inEnglish(result.pairing)).toBe('Paired: both journeys ran on the same 300 users with seed 1.');
    const far = checkChallenge(halve, report(30_000, 3000), report(30_000, 600), { lessonUsers: 300 });
    expect(far.conditions[0]!.spread?.close).toBe(false);
  });

  it('says when 80 % power would need more users than a check runs', () => {
    const nudge = { conditions: [condition({ metric: 'converted', change: 'relative', atLeast: 0.01 })] };
    const size = checkSize(nudge, report(500, 100), 500);
    const result = checkChallenge(nudge, report(size.users, 20_000), report(size.users, 20_100), { lessonUsers: 500, size });
    expect(inEnglish(result.pairing)).toContain(`80 % power at the challenge’s thresholds would need ${size.needed!.toLocaleString('en')} users, more than a check runs`);
  });
});
