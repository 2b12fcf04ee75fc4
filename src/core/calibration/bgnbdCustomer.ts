/**
 * Customer-level BG/NBD quantities (Fader, Hardie & Lee 2005), with time in any one unit (α per that
 * unit, as a fit on summaries in that unit returns it):
 *
 * - P(alive | x, t_x, T), from the paper's eq. (6) as the share of its first term;
 * - E[Y(t) | x, t_x, T], eq. (10): purchases in the next t time units;
 * - P(X(t) = x), eq. (8): the distribution of repeat purchases of a customer observed for t.
 *
 * E[Y(t) | …] uses the structure behind eq. (10): given alive at T, the customer's (λ, p) are
 * distributed Gamma(r + x, α + T) × Beta(a, b + x), and buying restarts afresh at T, so
 * E[Y(t) | …] = P(alive) · E[X(t)] under the parameters (r + x, α + T, a, b + x). E[X(t)] is
 * eq. (9) through ₂F₁, or quadrature where a is within 0.01 of 1 and eq. (9) is ill-conditioned.
 */
import { assertBgNbdParams, expectedPurchasesByQuadrature, expectedPurchasesClosedForm, type BgNbdParams } from '../sim/math/bgnbd';
import { logBeta, logGamma } from '../sim/math/specialFunctions';

function assertHistory(x: number, tx: number, T: number): void {
  if (!(x >= 0 && Number.isInteger(x))) throw new RangeError(`BG/NBD: x must be a whole number ≥ 0, got ${x}`);
  if (!(T >= 0 && T < Infinity)) throw new RangeError(`BG/NBD: T must be finite and ≥ 0, got ${T}`);
  if (!(tx >= 0 && tx <= T)) throw new RangeError(`BG/NBD: t_x must lie in [0, T = ${T}], got ${tx}`);
}

/**
 * P(alive at T | x repeat purchases, the last at t_x, observed for T):
 * 1 / (1 + 1{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)).
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  assertBgNbdParams(params);
  assertHistory(x, tx, T);
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  // 1 / (1 + e^logOdds), without overflow for large odds.
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * E[X(t)] for a customer drawn from a BG/NBD population, any time unit: eq. (9) except where a is
 * within 0.01 of 1 (0/0 at a = 1) or a + b ≤ 1, where it integrates over p instead.
 */
export function expectedPurchasesAnyUnit(params: BgNbdParams, t: number): number {
  const closedFormWorks = Math.abs(params.a - 1) >= 0.01 && params.a + params.b > 1;
  return closedFormWorks ? expectedPurchasesClosedForm(params, t) : expectedPurchasesByQuadrature(params, t);
}

/** E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] of a customer with this history (eq. 10). */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const alive = probabilityAlive(params, x, tx, T);
  const { r, alpha, a, b } = params;
  return alive * expectedPurchasesAnyUnit({ r: r + x, alpha: alpha + T, a, b: b + x }, t);
}

/**
 * P(X(t) = x), eq. (8):
 *   B(a, b + x)/B(a, b) · Γ(r + x)/(Γ(r) x!) · (α/(α + t))^r (t/(α + t))^x
 *   + 1{x>0} · B(a + 1, b + x − 1)/B(a, b) · [1 − (α/(α + t))^r Σⱼ<ₓ Γ(r + j)/(Γ(r) j!) (t/(α + t))^j].
 */
export function probabilityOfPurchases(params: BgNbdParams, x: number, t: number): number {
  assertBgNbdParams(params);
  if (!(x >= 0 && Number.isInteger(x))) throw new RangeError(`BG/NBD: x must be a whole number ≥ 0, got ${x}`);
  if (!(t >= 0 && t < Infinity)) throw new RangeError(`BG/NBD: t must be finite and ≥ 0, got ${t}`);
  const { r, alpha, a, b } = params;
  const logStay = Math.log(alpha / (alpha + t));
  const logGo = t > 0 ? Math.log(t / (alpha + t)) : -Infinity;
  const logNb = (j: number): number => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logStay + (j === 0 ? 0 : j * logGo);
  const stillActive = Math.exp(logBeta(a, b + x) - logBeta(a, b) + logNb(x));
  if (x === 0) return stillActive;
  let below = 0;
  for (let j = 0; j < x; j++) below += Math.exp(logNb(j));
  return stillActive + Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b)) * Math.max(0, 1 - below);
}

/**
 * P(X(t) = 0), …, P(X(t) = k − 1) and, last, P(X(t) ≥ k): eq. (8) by recurrences in x (no Γ
 * calls), k + 1 numbers that add up to 1. For histograms over many customers.
 */
export function purchaseCountDistribution(params: BgNbdParams, t: number, k: number, into = new Float64Array(k + 1)): Float64Array {
  const { r, alpha, a, b } = params;
  const stay = alpha / (alpha + t);
  const go = t / (alpha + t);
  let negativeBinomial = Math.pow(stay, r); // Γ(r + x)/(Γ(r) x!) stay^r go^x
  let belowCdf = 0; // Σⱼ<ₓ of the same
  let betaRatio = 1; // B(a, b + x)/B(a, b)
  let total = 0;
  for (let x = 0; x < k; x++) {
    // B(a + 1, b + x − 1)/B(a, b) = B(a, b + x)/B(a, b) · a/(b + x − 1)
    const dropped = x === 0 ? 0 : ((betaRatio * a) / (b + x - 1)) * Math.max(0, 1 - belowCdf);
    const probability = betaRatio * negativeBinomial + dropped;
    into[x] = probability;
    total += probability;
    belowCdf += negativeBinomial;
    negativeBinomial *= ((r + x) / (x + 1)) * go;
    betaRatio *= (b + x) / (a + b + x);
  }
  into[k] = Math.max(0, 1 - total);
  return into;
}
