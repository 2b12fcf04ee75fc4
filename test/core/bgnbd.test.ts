import {
  assertBgNbdParams,
  bgnbdLatent,
  countRepeatPurchases,
  expectedPurchases,
  expectedPurchasesByQuadrature,
  expectedPurchasesClosedForm,
  simulateRepeatPurchases,
  type BgNbdParams,
} from '../../src/core/sim/math/bgnbd';
import { UniformStream } from '../../src/core/sim/math/distributions';
import { hashString } from '../../src/core/sim/math/random';

const SEED = 424_242;
const LATENT = hashString('bgnbd.latent');
const PURCHASES = hashString('bgnbd.purchases');

/** The CDNOW fit of Fader, Hardie & Lee (2005), α converted from weeks to days. */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const MODERATE: BgNbdParams = { r: 0.5, alpha: 20, a: 1.5, b: 3 };
const REGULAR: BgNbdParams = { r: 2, alpha: 60, a: 2.2, b: 5 };
const A_IS_ONE: BgNbdParams = { r: 0.5, alpha: 20, a: 1, b: 3 };
const SETS: Record<string, BgNbdParams> = {
  'CDNOW (a < 1)': CDNOW,
  'r=0.5 α=20 a=1.5 b=3': MODERATE,
  'r=2 α=60 a=2.2 b=5': REGULAR,
  'a = 1 exactly': A_IS_ONE,
};

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('E[X(t)], the closed form and its quadrature', () => {
  // Reference values: eq. (9) in mpmath 1.3 at 30–50 digits, which for a < 1 (analytic continuation)
  // agrees with the integral over p, and at a = 1 is the limit a → 1 (eq. 9 at a = 1 ± 1e-25).
  it.each([
    [CDNOW, 30, 0.20860806324029707],
    [CDNOW, 90, 0.5297692457081344],
    [CDNOW, 365, 1.4486012675219357],
    [MODERATE, 30, 0.5648433566925898],
    [MODERATE, 90, 1.211133588741684],
    [MODERATE, 365, 2.428401177151686],
    [REGULAR, 30, 0.817386581858596],
    [REGULAR, 90, 1.8189482262584662],
    [REGULAR, 365, 3.4851293061606965],
    [{ r: 1, alpha: 10, a: 2, b: 3 }, 365, 3.2444082753406427],
    [A_IS_ONE, 30, 0.6045623997712924],
    [A_IS_ONE, 365, 3.2328342452198884],
    [{ r: 0.3, alpha: 5, a: 0.4, b: 0.3 }, 365, 3.6236040793861357],
    [{ r: 1.2, alpha: 8, a: 0.05, b: 12 }, 30, 4.43945191993974],
    [{ r: 1.2, alpha: 8, a: 0.05, b: 12 }, 365, 51.0790750007311],
  ] as [BgNbdParams, number, number][])('E[X(t)] for %o at t = %s days matches mpmath', (params, t, expected) => {
    expect(relativeError(expectedPurchases(params, t), expected)).toBeLessThan(1e-9);
    expect(relativeError(expectedPurchasesByQuadrature(params, t), expected)).toBeLessThan(1e-9);
    if (params.a !== 1 && params.a + params.b > 1) {
      expect(relativeError(expectedPurchasesClosedForm(params, t), expected)).toBeLessThan(1e-9);
    }
  });

  it('agrees between eq. (9) and quadrature across a grid of parameters', () => {
    for (const r of [0.1, 0.8, 3]) {
      for (const alpha of [1, 15, 200]) {
        for (const a of [1.05, 1.8, 6]) {
          for (const b of [0.4, 2.5, 20]) {
            for (const t of [1, 45, 730]) {
              const params = { r, alpha, a, b };
              expect(relativeError(expectedPurchasesClosedForm(params, t), expectedPurchasesByQuadrature(params, t))).toBeLessThan(1e-8);
            }
          }
        }
      }
    }
  });

  it('starts at 0, grows like r·t/α at first, increases, and is continuous through a = 1', () => {
    for (const params of Object.values(SETS)) {
      expect(expectedPurchases(params, 0)).toBe(0);
      const t = 1e-4;
      expect(relativeError(expectedPurchases(params, t), (params.r * t) / params.alpha)).toBeLessThan(1e-3);
      let previous = 0;
      for (const days of [1, 7, 30, 90, 180, 365, 730, 3650]) {
        const value = expectedPurchases(params, days);
        expect(value).toBeGreaterThan(previous);
        previous = value;
      }
    }
    const around = [0.99, 0.999, 1, 1.001, 1.01, 1.011].map((a) => expectedPurchases({ r: 0.5, alpha: 20, a, b: 3 }, 365));
    for (let i = 1; i < around.length; i++) expect(relativeError(around[i] as number, around[i - 1] as number)).toBeLessThan(0.01);
  });

  it('refuses parameters and horizons outside the model', () => {
    expect(() => assertBgNbdParams({ r: 0, alpha: -1, a: 1, b: NaN })).toThrow(/r=0, alpha=-1, b=NaN/);
    expect(() => expectedPurchases({ ...CDNOW, alpha: 0 }, 30)).toThrow(RangeError);
    expect(() => expectedPurchases(CDNOW, -1)).toThrow(RangeError);
    expect(() => expectedPurchases(CDNOW, Infinity)).toThrow(RangeError);
    expect(() => expectedPurchasesClosedForm({ r: 1, alpha: 10, a: 1, b: 2 }, 30)).toThrow(RangeError);
    expect(() => expectedPurchasesClosedForm({ r: 1, alpha: 10, a: 0.3, b: 0.5 }, 30)).toThrow(RangeError);
  });
});

describe('the simulated purchase process', () => {
  const stream = new UniformStream(SEED, 0, LATENT);
  const purchases = new UniformStream(SEED, 0, PURCHASES);
  const times: number[] = [];

  /** Counts in (0, 30], (0, 90] and (0, 365] of one user, from that user's own streams. */
  function simulateUser(params: BgNbdParams, user: number): [number, number, number] {
    const latent = bgnbdLatent(params, stream.reset(SEED, user, LATENT).next);
    const { count } = simulateRepeatPurchases(latent, 365, purchases.reset(SEED, user, PURCHASES).next, times);
    let by30 = 0;
    let by90 = 0;
    for (const time of times) {
      if (time <= 30) by30++;
      if (time <= 90) by90++;
    }
    return [by30, by90, count];
  }

  it.each(Object.entries(SETS))('matches E[X(t)] within three standard errors: %s', (_name, params) => {
    const users = 20_000;
    const horizons = [30, 90, 365] as const;
    const sums = [0, 0, 0];
    const squares = [0, 0, 0];
    for (let user = 0; user < users; user++) {
      const counts = simulateUser(params, user);
      for (let k = 0; k < 3; k++) {
        const count = counts[k] as number;
        sums[k] = (sums[k] as number) + count;
        squares[k] = (squares[k] as number) + count * count;
      }
    }
    horizons.forEach((t, k) => {
      const mean = (sums[k] as number) / users;
      const variance = ((squares[k] as number) - users * mean * mean) / (users - 1);
      const standardError = Math.sqrt(variance / users);
      expect(Math.abs(mean - expectedPurchases(params, t))).toBeLessThan(3 * standardError);
    });
  });

  it('gives every user the same draws whatever order the users are visited in', () => {
    const params = MODERATE;
    const forward = Array.from({ length: 500 }, (_, user) => simulateUser(params, user));
    const backward = Array.from({ length: 500 }, (_, i) => simulateUser(params, 499 - i)).reverse();
    expect(backward).toEqual(forward);
  });

  it('returns ascending times inside the horizon, and counts them without allocating the same way', () => {
    const params = REGULAR;
    for (let user = 0; user < 300; user++) {
      const latent = bgnbdLatent(params, stream.reset(SEED, user, LATENT).next);
      const result = simulateRepeatPurchases(latent, 200, purchases.reset(SEED, user, PURCHASES).next);
      const used = purchases.counter;
      expect(result.count).toBe(result.times.length);
      result.times.forEach((time, i) => {
        expect(time).toBeGreaterThan(i === 0 ? 0 : (result.times[i - 1] as number));
        expect(time).toBeLessThanOrEqual(200);
      });
      const count = countRepeatPurchases(latent.lambda, latent.p, 200, purchases.reset(SEED, user, PURCHASES).next);
      expect(count).toBe(result.count);
      expect(purchases.counter).toBe(used);
    }
  });

  it('follows the BG/NBD story for fixed λ and p', () => {
    const u = purchases.reset(SEED, 1, PURCHASES).next;
    expect(countRepeatPurchases(0, 0.5, 365, u)).toBe(0); // never buys
    expect(countRepeatPurchases(0.2, 0.3, 0, u)).toBe(0); // no time
    // With p = 1 the first purchase is the last one; with p = 0 it is a Poisson process.
    for (let user = 0; user < 200; user++) {
      expect(countRepeatPurchases(5, 1, 365, purchases.reset(SEED, user, PURCHASES).next)).toBe(1);
    }
    let total = 0;
    for (let user = 0; user < 2_000; user++) total += countRepeatPurchases(0.1, 0, 100, purchases.reset(SEED, user, PURCHASES).next);
    expect(Math.abs(total / 2_000 - 10)).toBeLessThan(3 * Math.sqrt(10 / 2_000));
    expect(() => countRepeatPurchases(-1, 0.5, 10, u)).toThrow(RangeError);
    expect(() => countRepeatPurchases(1, 1.5, 10, u)).toThrow(RangeError);
    expect(() => countRepeatPurchases(1, 0.5, NaN, u)).toThrow(RangeError);
    expect(() => countRepeatPurchases(1, 0, Infinity, u)).toThrow(RangeError);
  });
});
