import { gamma, gammaSign, hyp2f1, integrateTanhSinh, logBeta, logGamma } from '../../src/core/sim/math/specialFunctions';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('logGamma', () => {
  // Reference values: mpmath 1.3 at 40 digits, log|Γ(x)|.
  it.each([
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247001],
    [3.7, 1.428072326665388],
    [100, 359.1342053695754],
    [12345.678, 103959.91990554606],
    [-2.3, 0.36956666345500805],
  ])('log|Γ(%s)| matches mpmath', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('agrees with factorials, the recurrence and the reflection formula', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(relativeError(gamma(n + 1), (factorial *= n))).toBeLessThan(1e-13);
    }
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    for (const x of [0.01, 0.3, 1.7, 4.2, 33.3]) {
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-13 * Math.max(1, logGamma(x + 1)));
      // Γ(x)Γ(1 − x) = π / sin(πx) for non-integers
      if (!Number.isInteger(x)) {
        const product = gamma(x) * gamma(1 - x);
        expect(relativeError(product, Math.PI / Math.sin(Math.PI * x))).toBeLessThan(1e-12);
      }
    }
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect([gammaSign(2.5), gammaSign(-0.5), gammaSign(-1.5), gammaSign(-2)]).toEqual([1, -1, 1, 0]);
    expect(relativeError(Math.exp(logBeta(2, 3)), 1 / 12)).toBeLessThan(1e-13);
  });
});

describe('hyp2f1', () => {
  const zs = [0.01, 0.3, 0.5, 0.9, 0.9000001, 0.95, 0.99, 0.999, 0.999999, -0.5, -5, -1000];

  it.each(zs)('₂F₁(1, 1; 2; z) = −ln(1 − z)/z at z = %s (c − a − b an integer)', (z) => {
    const expected = -Math.log1p(-z) / z;
    // The function's own sensitivity to rounding z is about 1e-16/(1 − z).
    expect(relativeError(hyp2f1(1, 1, 2, z), expected)).toBeLessThan(1e-13 / Math.min(1, 1 - z));
  });

  it.each(zs)('₂F₁(a, b; b; z) = (1 − z)^−a at z = %s', (z) => {
    for (const [a, b] of [
      [0.243, 2.426],
      [2, 5],
      [0.5, 0.5],
    ] as const) {
      expect(relativeError(hyp2f1(a, b, b, z), Math.pow(1 - z, -a))).toBeLessThan(1e-13 / Math.min(1, 1 - z));
    }
  });

  it('₂F₁(½, ½; 3/2; z²) = arcsin(z)/z', () => {
    for (const z of [0.1, 0.7, 0.96, 0.999]) {
      expect(relativeError(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-12);
    }
  });

  // Reference values: mpmath 1.3 at 40 digits.
  it.each([
    [0.243, 2.426, 2.219, 0.92, 2.092709447558119],
    [2, 5, 6.2, 0.99, 269.31840864213467],
    [1.5, 2, 4.5, 0.995, 4.138796350672456],
    [1, 3, 4, 0.97, 6.791395923797398],
    [0.5, 3, 3.5, 0.948, 2.864601493580731],
    [0.3, 0.4, 0.2, 0.95, 5.232336000441146],
    [10, 20, 25, 0.5, 204.3499014371391],
    [0.7, 1.3, 3, 0.99999, 1.886398418231069],
    [3, 4, 2.5, -0.7, 0.07207966001475705],
    [2.5, 1.5, 4, -20, 0.02829832117980611],
  ])('₂F₁(%s, %s; %s; %s) matches mpmath', (a, b, c, z, expected) => {
    expect(relativeError(hyp2f1(a, b, c, z), expected)).toBeLessThan(1e-10);
  });

  it('is continuous where the method changes at z = 0.9', () => {
    for (const [a, b, c] of [
      [0.243, 2.426, 2.219],
      [2, 5, 6.2],
      [0.5, 3, 2.5],
    ] as const) {
      const below = hyp2f1(a, b, c, 0.9);
      const above = hyp2f1(a, b, c, 0.9 + 1e-12);
      expect(relativeError(above, below)).toBeLessThan(1e-9);
    }
  });

  it('sums polynomials exactly, applies Gauss at z = 1 and refuses what is undefined', () => {
    const [b, c, z] = [1.7, 2.9, 0.97];
    const polynomial = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(relativeError(hyp2f1(-2, b, c, z), polynomial)).toBeLessThan(1e-14);
    // Gauss: ₂F₁(a, b; c; 1) = Γ(c)Γ(c − a − b)/(Γ(c − a)Γ(c − b))
    expect(relativeError(hyp2f1(0.5, 1, 3, 1), (gamma(3) * gamma(1.5)) / (gamma(2.5) * gamma(2)))).toBeLessThan(1e-13);
    expect(hyp2f1(2, 3, 4, 0)).toBe(1);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, NaN, 2, 0.5)).toThrow(RangeError);
  });
});

describe('integrateTanhSinh', () => {
  it('integrates smooth integrands and ones with endpoint singularities in their derivatives', () => {
    expect(relativeError(integrateTanhSinh(Math.sin, 0, Math.PI), 2)).toBeLessThan(1e-12);
    expect(relativeError(integrateTanhSinh(Math.sqrt, 0, 1), 2 / 3)).toBeLessThan(1e-12);
    expect(relativeError(integrateTanhSinh((x) => Math.pow(x, 1.26) * Math.log1p(x), 0, 2), 1.801001477536171)).toBeLessThan(1e-10);
    expect(integrateTanhSinh(Math.exp, 1, 1)).toBe(0);
  });
});
