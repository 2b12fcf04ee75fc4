import {
  hessianFromGradient,
  hessianFromValues,
  invertPositiveDefinite,
  minimizeBfgs,
  withNumericalGradient,
  type Objective,
} from '../../src/core/calibration';

/** Rosenbrock's banana, minimum 0 at (1, 1). */
const rosenbrock: Objective = (x, gradient) => {
  const [u, v] = [x[0]!, x[1]!];
  gradient[0] = -2 * (1 - u) - 400 * u * (v - u * u);
  gradient[1] = 200 * (v - u * u);
  return (1 - u) ** 2 + 100 * (v - u * u) ** 2;
};

/** f(x) = ½ (x − c)ᵀ A (x − c) + 7, A positive definite with off-diagonal terms. */
const A = [
  [4, 1, 0.5],
  [1, 3, -0.4],
  [0.5, -0.4, 2],
];
const CENTRE = [1.5, -2, 0.25];
const quadraticValue = (x: Float64Array): number => {
  let value = 7;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) value += 0.5 * (x[i]! - CENTRE[i]!) * A[i]![j]! * (x[j]! - CENTRE[j]!);
  return value;
};
const quadratic: Objective = (x, gradient) => {
  for (let i = 0; i < 3; i++) {
    let sum = 0;
    for (let j = 0; j < 3; j++) sum += A[i]![j]! * (x[j]! - CENTRE[j]!);
    gradient[i] = sum;
  }
  return quadraticValue(x);
};

describe('minimizeBfgs', () => {
  it.each([
    [-1.2, 1],
    [2, 2],
    [-3, -4],
  ])('finds the Rosenbrock minimum (1, 1) from (%d, %d)', (u, v) => {
    const result = minimizeBfgs(rosenbrock, [u, v]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
    expect(result.gradientNorm).toBeLessThanOrEqual(1e-9);
  });

  it('finds a quadratic minimum and its value', () => {
    const result = minimizeBfgs(quadratic, [10, 10, 10]);
    expect(result.converged).toBe(true);
    CENTRE.forEach((c, i) => expect(result.x[i]).toBeCloseTo(c, 8));
    expect(result.value).toBeCloseTo(7, 12);
    // BFGS with exact-enough line searches ends a 3-dimensional quadratic in a handful of steps.
    expect(result.iterations).toBeLessThanOrEqual(12);
  });

  it('works with a value-only function through numerical gradients', () => {
    const result = minimizeBfgs(withNumericalGradient(quadraticValue), [0, 0, 0], { gradientTolerance: 1e-7 });
    expect(result.converged).toBe(true);
    CENTRE.forEach((c, i) => expect(result.x[i]).toBeCloseTo(c, 5));
  });

  it('steps back from where the objective is not finite', () => {
    // log-barrier: infinite for x ≤ 0, minimum at x = 1.
    const barrier: Objective = (x, gradient) => {
      gradient[0] = 1 - 1 / x[0]!;
      return x[0]! > 0 ? x[0]! - Math.log(x[0]!) : Infinity;
    };
    const result = minimizeBfgs(barrier, [20]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it('reports no convergence when the iterations run out', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
    expect(result.gradientNorm).toBeGreaterThan(1e-9);
  });

  it('reports an objective that is not finite at the start', () => {
    const result = minimizeBfgs(() => NaN, [0]);
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(0);
  });

  it('says an unbounded objective did not converge', () => {
    const result = minimizeBfgs((x, gradient) => {
      gradient[0] = 1;
      return x[0]!;
    }, [0], { maxIterations: 50 });
    expect(result.converged).toBe(false);
    expect(result.x[0]).toBeLessThan(-1e6);
  });
});

describe('numerical Hessians', () => {
  it('recover a quadratic’s Hessian from gradients and from values', () => {
    const point = [0.3, -1, 2];
    const fromGradient = hessianFromGradient(quadratic, point);
    const fromValues = hessianFromValues(quadraticValue, point);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(fromGradient[i * 3 + j]).toBeCloseTo(A[i]![j]!, 8);
        expect(fromValues[i * 3 + j]).toBeCloseTo(A[i]![j]!, 5);
      }
    }
  });

  it('recover Rosenbrock’s Hessian at the minimum, [[802, −400], [−400, 200]]', () => {
    const expected = [802, -400, -400, 200];
    const fromGradient = hessianFromGradient(rosenbrock, [1, 1]);
    const fromValues = hessianFromValues((x) => rosenbrock(x, new Float64Array(2)), [1, 1]);
    expected.forEach((value, k) => {
      expect(fromGradient[k]).toBeCloseTo(value, 4);
      expect(Math.abs(fromValues[k]! - value)).toBeLessThan(1e-2);
    });
  });
});

describe('invertPositiveDefinite', () => {
  it('inverts a positive-definite matrix', () => {
    const matrix = Float64Array.from(A.flat());
    const inverse = invertPositiveDefinite(matrix, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let product = 0;
        for (let k = 0; k < 3; k++) product += matrix[i * 3 + k]! * inverse[k * 3 + j]!;
        expect(product).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('refuses indefinite, singular and non-finite matrices', () => {
    expect(invertPositiveDefinite(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    expect(invertPositiveDefinite(Float64Array.from([1, 1, 1, 1]), 2)).toBeNull();
    expect(invertPositiveDefinite(Float64Array.from([NaN, 0, 0, 1]), 2)).toBeNull();
  });
});
