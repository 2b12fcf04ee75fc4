/**
 * A small unconstrained minimiser for the maximum-likelihood fits: BFGS (Nocedal & Wright, Numerical
 * Optimization, 2nd ed., alg. 6.1) with a line search that satisfies the strong Wolfe conditions
 * (alg. 3.5 and 3.6: bracket, then zoom by safeguarded quadratic interpolation), and numerical
 * Hessians by central differences for the standard errors.
 *
 * Why not a package: the npm candidates (fmin 0.0.4, optimization-js, numeric 1.2.6) are unmaintained,
 * untyped, or want a value-only function; the fits here compute value and gradient in one pass over
 * the customers, which this interface takes directly. Checked in test/calibration/optimize.test.ts on
 * Rosenbrock and on quadratics with known minima and Hessians.
 *
 * The fits minimise over log-parameters, so no constraints are needed; an objective may return
 * Infinity (or NaN) where it cannot be evaluated, and the line search then steps back.
 */

/** Returns f(x) and writes ∇f(x) into `gradient` (same length as x). */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** A function of x alone, for `hessianFromValues` and `withNumericalGradient`. */
export type ValueFunction = (x: Float64Array) => number;

export interface MinimizeOptions {
  /** Iterations (line searches) at most; 500 by default. */
  maxIterations?: number;
  /**
   * Converged when max |∂f/∂xᵢ| ≤ gradientTolerance · max(1, min(|f(start)|, |f|)); 1e-9 by default.
   * Relative, because a log-likelihood and its gradient grow with the number of customers; the
   * smaller of the first and current |f|, so an objective running off to −∞ is not called converged.
   */
  gradientTolerance?: number;
  /**
   * A first estimate of the inverse Hessian (n × n, row-major, positive definite), e.g. the
   * covariance of a previous fit of similar data: the first steps are then nearly Newton steps.
   * The identity, scaled after the first step, by default.
   */
  initialInverseHessian?: ArrayLike<number>;
}

export interface MinimizeResult {
  /** The minimiser found (the last point when not converged). */
  x: Float64Array;
  value: number;
  /** ∇f at x. */
  gradient: Float64Array;
  iterations: number;
  /** Objective evaluations, line searches included. */
  evaluations: number;
  converged: boolean;
  /** max |∂f/∂xᵢ| at x. */
  gradientNorm: number;
}

const ARMIJO = 1e-4;
const CURVATURE = 0.9;
const LINE_SEARCH_TRIES = 40;
/** Relative rounding noise allowed in f when the slope shows the step is good (see `acceptable`). */
const VALUE_NOISE = 1e-12;

const dot = (u: Float64Array, v: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i]! * v[i]!;
  return sum;
};

const maxAbs = (u: Float64Array): number => {
  let largest = 0;
  for (let i = 0; i < u.length; i++) largest = Math.max(largest, Math.abs(u[i]!));
  return largest;
};

/** The identity matrix times `scale`, n × n row-major. */
function scaledIdentity(n: number, scale: number, into: Float64Array): Float64Array {
  into.fill(0);
  for (let i = 0; i < n; i++) into[i * n + i] = scale;
  return into;
}

/** Evaluation of the objective along x + step · direction, remembering the last point evaluated. */
class LineProbe {
  readonly point: Float64Array;
  readonly gradient: Float64Array;
  step = NaN;
  value = NaN;
  evaluations = 0;

  constructor(
    private readonly objective: Objective,
    private readonly origin: Float64Array,
    private readonly direction: Float64Array,
  ) {
    this.point = new Float64Array(origin.length);
    this.gradient = new Float64Array(origin.length);
  }

  /** f at the step; the slope along the direction is `slope()` afterwards. */
  at(step: number): number {
    for (let i = 0; i < this.point.length; i++) this.point[i] = this.origin[i]! + step * this.direction[i]!;
    this.step = step;
    this.evaluations++;
    const value = this.objective(this.point, this.gradient);
    this.value = Number.isFinite(value) && this.gradient.every(Number.isFinite) ? value : Infinity;
    return this.value;
  }

  slope(): number {
    return dot(this.gradient, this.direction);
  }
}

/**
 * Whether the probe's point ends the line search: the strong Wolfe conditions (sufficient decrease
 * and |slope| ≤ CURVATURE · |slope0|), where "decrease" also admits a change within the rounding
 * noise of f (VALUE_NOISE · |f0|). Near an optimum of a sum over many customers the decrease a step
 * makes falls below what f's rounding can show, while the gradient still says clearly whether the
 * step helped; this is Hager & Zhang's (2005) "approximate Wolfe" idea, and it lets BFGS drive the
 * gradient to its tolerance instead of stalling on indistinguishable values.
 */
function acceptable(probe: LineProbe, f0: number, slope0: number): boolean {
  if (!(Math.abs(probe.slope()) <= -CURVATURE * slope0)) return false;
  return probe.value <= f0 + ARMIJO * probe.step * slope0 || probe.value <= f0 + VALUE_NOISE * Math.abs(f0);
}

/**
 * A step satisfying the strong Wolfe conditions from f0 with slope0 < 0, or, failing that after
 * LINE_SEARCH_TRIES evaluations, the best step with sufficient decrease; null when none decreased f.
 * On return the probe holds the accepted point.
 */
function wolfeStep(probe: LineProbe, f0: number, slope0: number, firstStep: number): number | null {
  let previous = 0;
  let previousValue = f0;
  let previousSlope = slope0;
  let step = firstStep;
  let tries = 0;
  // Bracketing: grow the step until it overshoots (no sufficient decrease, or f rising) or the slope turns.
  for (; tries < LINE_SEARCH_TRIES; tries++) {
    const value = probe.at(step);
    if (acceptable(probe, f0, slope0)) return step;
    if (value > f0 + ARMIJO * step * slope0 || (tries > 0 && value >= previousValue)) {
      return zoom(probe, f0, slope0, previous, previousValue, previousSlope, step, value, tries);
    }
    const slope = probe.slope();
    if (slope >= 0) return zoom(probe, f0, slope0, step, value, slope, previous, previousValue, tries);
    previous = step;
    previousValue = value;
    previousSlope = slope;
    step *= 2;
  }
  return previous > 0 ? reprobe(probe, previous) : null;
}

function reprobe(probe: LineProbe, step: number): number {
  if (probe.step !== step) probe.at(step);
  return step;
}

/** Alg. 3.6: `low` has sufficient decrease and the lowest f so far; the minimum lies between low and high. */
function zoom(
  probe: LineProbe,
  f0: number,
  slope0: number,
  low: number,
  lowValue: number,
  lowSlope: number,
  high: number,
  highValue: number,
  tries: number,
): number | null {
  for (; tries < LINE_SEARCH_TRIES; tries++) {
    const width = high - low;
    // Minimum of the quadratic through f(low), f′(low) and f(high), kept within the middle 80 %.
    const curvature = highValue - lowValue - lowSlope * width;
    let step = Number.isFinite(highValue) && curvature > 0 ? low - (lowSlope * width * width) / (2 * curvature) : low + width / 2;
    step = Math.min(Math.max(step, Math.min(low + 0.1 * width, high - 0.1 * width)), Math.max(low + 0.1 * width, high - 0.1 * width));
    if (step === low || step === high) break;
    const value = probe.at(step);
    if (acceptable(probe, f0, slope0)) return step;
    if (value > f0 + ARMIJO * step * slope0 || value >= lowValue) {
      high = step;
      highValue = value;
    } else {
      const slope = probe.slope();
      if (slope * (high - low) >= 0) {
        high = low;
        highValue = lowValue;
      }
      low = step;
      lowValue = value;
      lowSlope = slope;
    }
  }
  return low > 0 ? reprobe(probe, low) : null;
}

/**
 * Minimises `objective` from `start` by BFGS. The inverse-Hessian estimate starts as the identity
 * scaled by sᵀy/yᵀy after the first step (N&W eq. 6.20); an update whose curvature sᵀy is not
 * positive is skipped, and a failed line search restarts from steepest descent once before giving up.
 */
export function minimizeBfgs(objective: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-9;
  const n = start.length;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  let evaluations = 1;
  const startScale = Math.abs(value);
  const small = (): boolean => maxAbs(gradient) <= tolerance * Math.max(1, Math.min(startScale, Math.abs(value)));
  if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
    return { x, value, gradient, iterations: 0, evaluations, converged: false, gradientNorm: NaN };
  }
  const given = options.initialInverseHessian;
  const usable = given !== undefined && given.length === n * n && Array.from(given).every(Number.isFinite);
  const inverse = usable ? Float64Array.from(given) : scaledIdentity(n, 1, new Float64Array(n * n));
  /** Whether the inverse carries curvature (given, or scaled after a step), so a unit step is natural. */
  let scaled = usable;
  let freshInverse = !usable;
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const inverseY = new Float64Array(n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (small()) break;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= inverse[i * n + j]! * gradient[j]!;
      direction[i] = sum;
    }
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      scaledIdentity(n, 1, inverse);
      for (let i = 0; i < n; i++) direction[i] = -gradient[i]!;
      slope = dot(direction, gradient);
      scaled = false;
      freshInverse = true;
    }
    // Before any curvature is known, a first step that moves no coordinate by more than 1.
    const firstStep = scaled ? 1 : Math.min(1, 1 / maxAbs(direction));
    const probe = new LineProbe(objective, x, direction);
    const step = wolfeStep(probe, value, slope, firstStep);
    evaluations += probe.evaluations;
    if (step === null) {
      if (freshInverse) break;
      scaledIdentity(n, 1, inverse);
      scaled = false;
      freshInverse = true;
      continue;
    }
    for (let i = 0; i < n; i++) {
      s[i] = probe.point[i]! - x[i]!;
      y[i] = probe.gradient[i]! - gradient[i]!;
    }
    x = Float64Array.from(probe.point);
    gradient = Float64Array.from(probe.gradient);
    value = probe.value;
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (!scaled) {
        scaledIdentity(n, sy / dot(y, y), inverse);
        scaled = true;
      }
      updateInverse(inverse, s, y, sy, inverseY);
      freshInverse = false;
    }
  }
  const gradientNorm = maxAbs(gradient);
  const converged = small();
  return { x, value, gradient, iterations, evaluations, converged, gradientNorm };
}

/** H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/sᵀy, in place (H symmetric). */
function updateInverse(inverse: Float64Array, s: Float64Array, y: Float64Array, sy: number, inverseY: Float64Array): void {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += inverse[i * n + j]! * y[j]!;
    inverseY[i] = sum;
  }
  const rho = 1 / sy;
  const yHy = dot(y, inverseY);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      inverse[i * n + j] = inverse[i * n + j]! + rho * ((1 + rho * yHy) * s[i]! * s[j]! - s[i]! * inverseY[j]! - inverseY[i]! * s[j]!);
    }
  }
}

const stepFor = (relative: number, coordinate: number): number => relative * Math.max(1, Math.abs(coordinate));

/**
 * The Hessian at x (n × n, row-major) by central differences of the analytic gradient,
 * Hᵢⱼ = (∂ᵢf(x + hⱼeⱼ) − ∂ᵢf(x − hⱼeⱼ)) / 2hⱼ, symmetrised; hⱼ = relativeStep · max(1, |xⱼ|).
 * Error O(h²) plus rounding of the gradient divided by h.
 */
export function hessianFromGradient(objective: Objective, x: ArrayLike<number>, relativeStep = 1e-4): Float64Array {
  const n = x.length;
  const point = Float64Array.from(x);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const h = stepFor(relativeStep, point[j]!);
    const centre = point[j]!;
    point[j] = centre + h;
    objective(point, plus);
    point[j] = centre - h;
    objective(point, minus);
    point[j] = centre;
    for (let i = 0; i < n; i++) hessian[i * n + j] = (plus[i]! - minus[i]!) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (hessian[i * n + j]! + hessian[j * n + i]!) / 2;
      hessian[i * n + j] = mean;
      hessian[j * n + i] = mean;
    }
  }
  return hessian;
}

/**
 * The Hessian at x (n × n, row-major) from values alone, by the central second differences
 * (f(x+hᵢ+hⱼ) − f(x+hᵢ−hⱼ) − f(x−hᵢ+hⱼ) + f(x−hᵢ−hⱼ)) / 4hᵢhⱼ off the diagonal and
 * (f(x+2hᵢ) − 2f(x) + f(x−2hᵢ)) / 4hᵢ² on it; hᵢ = relativeStep · max(1, |xᵢ|). Rounding costs
 * about ε|f|/h², hence the larger default step than `hessianFromGradient`.
 */
export function hessianFromValues(f: ValueFunction, x: ArrayLike<number>, relativeStep = 1e-3): Float64Array {
  const n = x.length;
  const point = Float64Array.from(x);
  const steps = Array.from(point, (coordinate) => stepFor(relativeStep, coordinate));
  const at = (i: number, di: number, j: number, dj: number): number => {
    const ci = point[i]!;
    const cj = point[j]!;
    point[i] = ci + di;
    point[j] = point[j]! + dj;
    const value = f(point);
    point[i] = ci;
    point[j] = cj;
    return value;
  };
  const hessian = new Float64Array(n * n);
  const centre = f(point);
  for (let i = 0; i < n; i++) {
    const hi = steps[i]!;
    hessian[i * n + i] = (at(i, 2 * hi, i, 0) - 2 * centre + at(i, -2 * hi, i, 0)) / (4 * hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = steps[j]!;
      const value = (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
      hessian[i * n + j] = value;
      hessian[j * n + i] = value;
    }
  }
  return hessian;
}

/** An Objective from a value-only function, its gradient by central differences (2n evaluations). */
export function withNumericalGradient(f: ValueFunction, relativeStep = 1e-6): Objective {
  return (x, gradient) => {
    const point = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) {
      const h = stepFor(relativeStep, point[i]!);
      const centre = point[i]!;
      point[i] = centre + h;
      const up = f(point);
      point[i] = centre - h;
      const down = f(point);
      point[i] = centre;
      gradient[i] = (up - down) / (2 * h);
    }
    return f(x);
  };
}

/**
 * The inverse of a symmetric positive-definite matrix (n × n, row-major) by Cholesky factorisation,
 * or null when the matrix is not positive definite (a pivot ≤ 0 or not finite).
 */
export function invertPositiveDefinite(matrix: Float64Array, n: number): Float64Array | null {
  const lower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= lower[j * n + k]! ** 2;
    if (!(pivot > 0 && pivot < Infinity)) return null;
    const diagonal = Math.sqrt(pivot);
    lower[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      lower[i * n + j] = sum / diagonal;
    }
  }
  // Solve L Lᵀ X = I column by column.
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= lower[i * n + k]! * column[k]!;
      column[i] = sum / lower[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = column[i]!;
      for (let k = i + 1; k < n; k++) sum -= lower[k * n + i]! * column[k]!;
      column[i] = sum / lower[i * n + i]!;
    }
    for (let i = 0; i < n; i++) inverse[i * n + c] = column[i]!;
  }
  return inverse;
}
