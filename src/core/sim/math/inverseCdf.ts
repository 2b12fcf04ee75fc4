/**
 * Gamma and beta variates by inversion: one uniform in, the distribution's quantile out, read from a
 * table built once per shape. The simulation draws a Gamma for every synthetic user's purchase rate
 * and a Beta and a Gamma for every buyer's dropout and spend level; Marsaglia–Tsang's rejection
 * sampler spends three or more uniforms, a logarithm, a square root and a cosine on each, the table a
 * multiply and a cubic (docs/performance.md).
 *
 * The table follows u by octaves from each end — [¼, ½), [⅛, ¼), … below ½ and the same of 1 − u
 * above — sixteen cells each, and holds per cell the quintic Hermite interpolant of the quantile Q(u)
 * through its exact values and first two derivatives at the cell's ends (Q′ = 1/f, Q″ = −f′/f³). The
 * tails' power laws look alike in every octave, so this is within ~1e-12 nearly everywhere; each cell
 * is checked at its middle (where a quintic Hermite cell's error peaks) against the exact CDF when its
 * octave is built, and a cell off by
 * more than TOLERANCE (relative, in x) has its draws solved exactly by safeguarded Newton on the CDF
 * inside the cell's bracket. So every variate is its uniform's quantile to within 1e-9 relative: a
 * distribution no test can tell from the exact one, whatever the shape.
 *
 * The regularised incomplete gamma and beta functions (series and Lentz continued fractions, as in
 * Numerical Recipes §6.2 and §6.4) are accurate to a few ulps of the larger of F and 1 − F, which is
 * all the inversion needs: it solves on whichever of the two is below ½.
 */
import { logGamma } from './specialFunctions';

/** Relative size of a last term or factor that no longer changes a double (a couple of ulps of 1). */
const EPSILON = 4e-16;
const TINY = 1e-300;
const MAX_TERMS = 10_000;

// ---------------------------------------------------------------------------------------------------
// Incomplete gamma and beta

/** Σ xⁿ / (a (a+1) … (a+n)), the series of P(a, x) without its prefactor; for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * EPSILON) break;
  }
  return sum;
}

/** The continued fraction of Q(a, x) without its prefactor (modified Lentz); for x ≥ a + 1. */
function gammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return h;
}

/** The regularised lower incomplete gamma P(a, x) and its complement Q(a, x), for a > 0, x ≥ 0. */
export function incompleteGamma(a: number, x: number): { lower: number; upper: number } {
  if (!(x > 0)) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const prefactor = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    const lower = prefactor * gammaSeries(a, x);
    return { lower, upper: 1 - lower };
  }
  const upper = prefactor * gammaFraction(a, x);
  return { lower: 1 - upper, upper };
}

/** The continued fraction of I_x(a, b) without its prefactor (modified Lentz); for x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return h;
}

/** The regularised incomplete beta I_x(a, b) and its complement 1 − I_x(a, b), for a, b > 0, 0 ≤ x ≤ 1. */
export function incompleteBeta(a: number, b: number, x: number): { lower: number; upper: number } {
  if (!(x > 0)) return { lower: 0, upper: 1 };
  if (x >= 1) return { lower: 1, upper: 0 };
  const prefactor = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (prefactor * betaFraction(a, b, x)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (prefactor * betaFraction(b, a, 1 - x)) / b;
  return { lower: 1 - upper, upper };
}

// ---------------------------------------------------------------------------------------------------
// Inversion

/** A continuous distribution on (0, upper) as the inversion needs it. */
interface Continuous {
  /** F(x) and 1 − F(x). */
  cdf(x: number): { lower: number; upper: number };
  density(x: number): number;
  /** f′(x) / f(x). */
  densitySlope(x: number): number;
  /** The end of the support: Infinity (gamma) or 1 (beta). */
  upper: number;
  /** A first guess at Q(u) in the lower tail (u small) and the upper tail (survival = 1 − u small). */
  lowerTail(u: number): number;
  upperTail(survival: number): number;
}

/**
 * Q(u) within (lo, hi), where F(lo) ≤ u ≤ F(hi): Newton on t = ln x (the lower tails of small shapes
 * span hundreds of orders of magnitude), bisecting in t whenever a step would leave the bracket. It
 * compares with F where u < ½ and with 1 − F (`survival`, given exactly) above, so the upper tail keeps
 * its relative precision.
 */
function solve(distribution: Continuous, u: number, survival: number, lo: number, hi: number, guess: number): number {
  if (!(u > 0)) return 0;
  let tLo = lo > 0 ? Math.log(lo) : -Infinity;
  let tHi = hi < Infinity ? Math.log(hi) : Infinity;
  let t = guess > lo && guess < hi ? Math.log(guess) : midpoint(tLo, tHi);
  for (let iteration = 0; iteration < 300; iteration++) {
    const x = Math.exp(t);
    const gap = gapAt(distribution, x, u, survival);
    if (gap === 0) return x;
    if (gap > 0) tHi = t;
    else tLo = t;
    const slope = distribution.density(x) * x;
    let next = slope > 0 ? t - gap / slope : NaN;
    if (!(next > tLo && next < tHi)) next = midpoint(tLo, tHi);
    const scale = Math.max(1, Math.abs(t));
    if (Math.abs(next - t) <= 1e-15 * scale || tHi - tLo <= 1e-15 * scale) return Math.exp(next);
    t = next;
  }
  return Math.exp(t);
}

/** F(x) − u, measured on whichever side of ½ u lies (positive: x is above the quantile). */
function gapAt(distribution: Continuous, x: number, u: number, survival: number): number {
  const { lower, upper } = distribution.cdf(x);
  return u < 0.5 ? lower - u : survival - upper;
}

/** A point between two ends in t = ln x, either of which may be infinite. */
function midpoint(tLo: number, tHi: number): number {
  if (tLo === -Infinity) return tHi === Infinity ? 0 : Math.min(tHi - 2, tHi * 2);
  if (tHi === Infinity) return Math.max(tLo + 1, tLo * 2);
  return 0.5 * (tLo + tHi);
}

/** Cells per octave of u (or of 1 − u). */
const CELLS = 16;
/** Largest relative error in x an interpolated cell may have, else its draws are solved exactly. */
const TOLERANCE = 1e-9;
const OCTAVES = 32;
const TWO_32 = 4294967296;
/** SCALE[z] · k − CELLS is the position in octave z of k (a uniform times 2³²) or of 2³² − k. */
const SCALE = Float64Array.from({ length: OCTAVES }, (_, z) => CELLS / 2 ** (30 - z));

/** Octave o of a table: z below ½ (u in [2^−(z+2), 2^−(z+1))), OCTAVES + z above (the same range of 1 − u). */
const SIDES = 2 * OCTAVES;

/**
 * The quantile function of a continuous distribution, tabulated by octaves of u from each end: the
 * power laws of the tails (Q ∝ u^(1/shape) near 0, −ln(1 − u) near 1) look alike in every octave, so
 * a quintic over sixteen cells per octave is within ~1e-12 nearly everywhere, and a cell that is not
 * within TOLERANCE is solved exactly. An octave is built the first time a draw falls in it, from its
 * own exact ends only, so the table gives the same variates whatever order draws come in (workers and
 * engines agree). `quantile(u)` is a pure function of u.
 */
export class QuantileTable {
  /**
   * Per octave and cell, the quintic Hermite interpolant through Q, Q′ and Q″ at the cell's ends: six
   * coefficients in s, the position in the cell (NaN where its draws are solved exactly instead). One
   * array for all octaves, so a draw reads one object's memory.
   */
  private readonly coefficients = new Float64Array(SIDES * CELLS * 6);
  /** Per octave, the quantile at its cells' ends (the brackets of solved cells). */
  private readonly edges = new Float64Array(SIDES * (CELLS + 1));
  private readonly built = new Uint8Array(SIDES);

  constructor(private readonly distribution: Continuous) {}

  /** Q(u) for u in [0, 1) a multiple of 2⁻³² (a counter-based uniform). */
  quantile(u: number): number {
    const upper = u >= 0.5;
    // The uniform's 32-bit integer, or the survival's (1 − u)·2³² − 1 above ½, in [0, 2³¹).
    const k = upper ? TWO_32 - 1 - u * TWO_32 : u * TWO_32;
    if (k < 1) return upper ? this.solveAt(u) : 0;
    const z = Math.clz32(k) - 1;
    const octave = upper ? OCTAVES + z : z;
    if (this.built[octave] === 0) this.build(upper, z);
    let position = (upper ? k + 1 : k) * SCALE[z]! - CELLS;
    if (position >= CELLS) position = CELLS - 1e-9;
    const cell = position | 0;
    const q = this.coefficients;
    const at = (octave * CELLS + cell) * 6;
    const c0 = q[at]!;
    // A solved cell has NaN for its first coefficient (one array read either way).
    if (c0 !== c0) {
      const edge = octave * (CELLS + 1) + cell;
      return this.solveAt(u, this.edges[upper ? edge + 1 : edge]!, this.edges[upper ? edge : edge + 1]!);
    }
    const s = position - cell;
    return c0 + s * (q[at + 1]! + s * (q[at + 2]! + s * (q[at + 3]! + s * (q[at + 4]! + s * q[at + 5]!))));
  }

  private solveAt(u: number, lo = 0, hi = this.distribution.upper): number {
    const survival = 1 - u;
    const guess = u < 0.5 ? this.distribution.lowerTail(u) : this.distribution.upperTail(survival);
    return solve(this.distribution, u, survival, lo, hi, guess);
  }

  private build(upper: boolean, z: number): void {
    const distribution = this.distribution;
    const base = 2 ** -(z + 2);
    const width = base / CELLS;
    // Position i of the octave: the tail probability (u below ½, 1 − u above) at its edge.
    const tail = (position: number) => base + position * width;
    const value = new Float64Array(CELLS + 1);
    const first = new Float64Array(CELLS + 1);
    const second = new Float64Array(CELLS + 1);
    for (let i = 0; i <= CELLS; i++) {
      const p = tail(i);
      // The first edge from the tail's approximation, each next one from its neighbour's Taylor step.
      const guess = i > 0 ? value[i - 1]! + first[i - 1]! + second[i - 1]! / 2 : upper ? distribution.upperTail(p) : distribution.lowerTail(p);
      const x = upper ? solve(distribution, 1 - p, p, 0, distribution.upper, guess) : solve(distribution, p, 1 - p, 0, distribution.upper, guess);
      // dQ/du = 1/f, d²Q/du² = −(f′/f)·(dQ/du)²; along the survival the first changes sign. Per cell: times width, width².
      const slope = 1 / distribution.density(x);
      value[i] = x;
      first[i] = (upper ? -slope : slope) * width;
      second[i] = -distribution.densitySlope(x) * slope * slope * width * width;
    }
    const octave = upper ? OCTAVES + z : z;
    const quintic = this.coefficients.subarray(octave * CELLS * 6, (octave + 1) * CELLS * 6);
    for (let cell = 0; cell < CELLS; cell++) {
      const p0 = value[cell]!;
      const p1 = value[cell + 1]!;
      const d0 = first[cell]!;
      const d1 = first[cell + 1]!;
      const e0 = second[cell]!;
      const e1 = second[cell + 1]!;
      if (![p0, p1, d0, d1, e0, e1].every(Number.isFinite) || p0 === p1) {
        quintic.fill(NaN, 6 * cell, 6 * cell + 6);
        continue;
      }
      const a = p1 - p0 - d0 - e0 / 2;
      const b = d1 - d0 - e0;
      const c = e1 - e0;
      const at = 6 * cell;
      quintic.set([p0, d0, e0 / 2, 10 * a - 4 * b + c / 2, -15 * a + 7 * b - c, 6 * a - 3 * b + c / 2], at);
      // The error of a quintic Hermite cell peaks at its middle, s³(1 − s)³: checked there.
      const p = tail(cell + 0.5);
      const x = quintic[at]! + 0.5 * (quintic[at + 1]! + 0.5 * (quintic[at + 2]! + 0.5 * (quintic[at + 3]! + 0.5 * (quintic[at + 4]! + 0.5 * quintic[at + 5]!))));
      const gap = upper ? gapAt(distribution, x, 1 - p, p) : gapAt(distribution, x, p, 1 - p);
      // |F(x̂) − u| / f(x̂): how far x̂ is from the quantile, relative to x̂.
      if (!(x > 0 && Math.abs(gap) <= TOLERANCE * x * distribution.density(x))) quintic.fill(NaN, at, at + 6);
    }
    this.edges.set(value, octave * (CELLS + 1));
    this.built[octave] = 1;
  }
}

/** Gamma(shape, 1) as the inversion needs it. */
function standardGamma(shape: number): Continuous {
  const logNorm = logGamma(shape);
  const logGammaPlusOne = logGamma(shape + 1);
  return {
    cdf: (x) => incompleteGamma(shape, x),
    densitySlope: (x) => (shape - 1) / x - 1,
    density: (x) => (x > 0 && x < Infinity ? Math.exp((shape - 1) * Math.log(x) - x - logNorm) : 0),
    upper: Infinity,
    // P(a, x) ≈ xᵃ / Γ(a + 1) for small x; Q(a, x) ≈ xᵃ⁻¹ e⁻ˣ / Γ(a) for large x (one fixed-point step).
    lowerTail: (u) => Math.exp((Math.log(u) + logGammaPlusOne) / shape),
    upperTail: (survival) => {
      const x = Math.max(1, shape - Math.log(survival));
      return Math.max(x, (shape - 1) * Math.log(x) - logNorm - Math.log(survival));
    },
  };
}

/** Beta(a, b) as the inversion needs it. */
function beta(a: number, b: number): Continuous {
  const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
  return {
    cdf: (x) => incompleteBeta(a, b, x),
    densitySlope: (x) => (a - 1) / x - (b - 1) / (1 - x),
    density: (x) => (x > 0 && x < 1 ? Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB) : 0),
    upper: 1,
    // I_x(a, b) ≈ xᵃ / (a·B(a, b)) near 0, and 1 − I_x ≈ (1 − x)ᵇ / (b·B(a, b)) near 1.
    lowerTail: (u) => Math.min(0.5, Math.exp((Math.log(u) + Math.log(a) + logB) / a)),
    upperTail: (survival) => Math.max(0.5, -Math.expm1((Math.log(survival) + Math.log(b) + logB) / b)),
  };
}

// Tables are kept by shape: a run's segments share the ones they have in common, and a sweep that
// varies other parameters builds none again. At most TABLES_KEPT are kept (a sweep over shapes).
const TABLES_KEPT = 64;
const tables = new Map<string, QuantileTable>();

function kept(key: string, build: () => QuantileTable): QuantileTable {
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= TABLES_KEPT) tables.clear();
    table = build();
    tables.set(key, table);
  }
  return table;
}

function assertShape(value: number, name: string, table: string): void {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`${table}: ${name} must be a positive finite number, got ${value}`);
}

/** A new quantile table of Gamma(shape, 1), shared with no one (tests; the simulation uses `gammaQuantiles`). */
export function newGammaTable(shape: number): QuantileTable {
  assertShape(shape, 'shape', 'gammaQuantiles');
  return new QuantileTable(standardGamma(shape));
}

/** A new quantile table of Beta(a, b), shared with no one. */
export function newBetaTable(a: number, b: number): QuantileTable {
  assertShape(a, 'a', 'betaQuantiles');
  assertShape(b, 'b', 'betaQuantiles');
  return new QuantileTable(beta(a, b));
}

/** The quantile table of Gamma(shape, 1): `quantile(u)` is the variate of uniform u (times a scale for other scales). */
export function gammaQuantiles(shape: number): QuantileTable {
  return kept(`gamma:${shape}`, () => newGammaTable(shape));
}

/** The quantile table of Beta(a, b). */
export function betaQuantiles(a: number, b: number): QuantileTable {
  return kept(`beta:${a}:${b}`, () => newBetaTable(a, b));
}
