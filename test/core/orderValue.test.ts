import { UniformStream } from '../../src/core/sim/math/distributions';
import {
  assertGammaGammaParams,
  customerMeanOrderValue,
  expectedOrderValue,
  expectedOrderValueGivenHistory,
  orderValueLatent,
  orderValueVariance,
  sampleOrderValue,
  type GammaGammaParams,
} from '../../src/core/sim/math/orderValue';
import { hashString } from '../../src/core/sim/math/random';

const SEED = 77_001;
const LATENT = hashString('orderValue.latent');
const ORDERS = hashString('orderValue.orders');

/** The CDNOW gamma-gamma fit (Fader, Hardie & Lee 2005), read as yuan. */
const CDNOW: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
/** A yuan-scale basket: mean 600 yuan. */
const BASKET: GammaGammaParams = { p: 4, q: 5, gamma: 600 };

/** Mean and standard error of the mean. */
function meanAndError(values: Float64Array): { mean: number; standardError: number } {
  let mean = 0;
  for (const value of values) mean += value;
  mean /= values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, standardError: Math.sqrt(squares / (values.length - 1) / values.length) };
}

describe('the gamma-gamma order value model', () => {
  const latent = new UniformStream(SEED, 0, LATENT);
  const orders = new UniformStream(SEED, 0, ORDERS);

  it('has mean p·γ/(q − 1) and variance p·γ²·(p + q − 1)/((q − 1)²(q − 2))', () => {
    expect(expectedOrderValue(BASKET)).toBe(600);
    expect(expectedOrderValue(CDNOW)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(orderValueVariance(BASKET)).toBeCloseTo((4 * 600 * 600 * 8) / (16 * 3), 6);
    expect(expectedOrderValue({ p: 2, q: 1, gamma: 10 })).toBe(Infinity);
    expect(orderValueVariance({ p: 2, q: 2, gamma: 10 })).toBe(Infinity);
    expect(() => assertGammaGammaParams({ p: 0, q: 3, gamma: -1 })).toThrow(/p=0, gamma=-1/);
    expect(() => expectedOrderValue({ p: 1, q: NaN, gamma: 1 })).toThrow(RangeError);
  });

  it.each([
    ['CDNOW', CDNOW],
    ['basket', BASKET],
  ] as const)('simulates order values whose mean is p·γ/(q − 1) within three standard errors (%s)', (_name, params) => {
    const users = 20_000;
    const values = new Float64Array(users);
    for (let user = 0; user < users; user++) {
      const nu = orderValueLatent(params, latent.reset(SEED, user, LATENT).next);
      values[user] = sampleOrderValue(params, nu, orders.reset(SEED, user, ORDERS).next);
    }
    expect(values.every((value) => value > 0 && Number.isFinite(value))).toBe(true);
    const { mean, standardError } = meanAndError(values);
    expect(Math.abs(mean - expectedOrderValue(params))).toBeLessThan(3 * standardError);
  });

  it("gives one customer's orders the mean p/ν", () => {
    const nu = 0.01;
    const values = new Float64Array(20_000);
    const u = orders.reset(SEED, 1, ORDERS).next;
    for (let i = 0; i < values.length; i++) values[i] = sampleOrderValue(BASKET, nu, u);
    const { mean, standardError } = meanAndError(values);
    expect(customerMeanOrderValue(BASKET, nu)).toBe(400);
    expect(Math.abs(mean - 400)).toBeLessThan(3 * standardError);
  });

  it('predicts the next order from past ones without bias', () => {
    // For customers with three past orders, E[next − prediction] = 0 (the posterior mean).
    const users = 20_000;
    const errors = new Float64Array(users);
    for (let user = 0; user < users; user++) {
      const nu = orderValueLatent(BASKET, latent.reset(SEED, user, LATENT).next);
      const u = orders.reset(SEED, user, ORDERS).next;
      const past = (sampleOrderValue(BASKET, nu, u) + sampleOrderValue(BASKET, nu, u) + sampleOrderValue(BASKET, nu, u)) / 3;
      errors[user] = sampleOrderValue(BASKET, nu, u) - expectedOrderValueGivenHistory(BASKET, 3, past);
    }
    const { mean, standardError } = meanAndError(errors);
    expect(Math.abs(mean)).toBeLessThan(3 * standardError);
    expect(expectedOrderValueGivenHistory(BASKET, 0, 0)).toBe(600);
    // weight on the customer's own average: p·x/(p·x + q − 1) = 12/16
    expect(expectedOrderValueGivenHistory(BASKET, 3, 1000)).toBeCloseTo(0.25 * 600 + 0.75 * 1000, 9);
    expect(() => expectedOrderValueGivenHistory({ p: 1, q: 0.5, gamma: 1 }, 2, 10)).toThrow(RangeError);
  });

  it('draws the same values from the same streams', () => {
    const draw = (user: number): number =>
      sampleOrderValue(BASKET, orderValueLatent(BASKET, latent.reset(SEED, user, LATENT).next), orders.reset(SEED, user, ORDERS).next);
    const first = [0, 1, 2, 3].map(draw);
    expect([3, 2, 1, 0].map(draw).reverse()).toEqual(first);
  });
});
