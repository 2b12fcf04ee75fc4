/**
 * Customers drawn from a known BG/NBD (and optionally gamma-gamma) model, summarised as the fits read
 * them: for tests of parameter recovery and for the benchmark. Each customer makes a first purchase at
 * a given time and then buys by the BG/NBD process (`simulateRepeatPurchases` of the simulation's
 * model, so the two share one definition); what falls before the calibration end makes the summary,
 * what falls after it until the holdout end is the holdout count.
 *
 * Randomness is counter-based: customer i's latent traits, purchases and order values read the
 * streams (seed, i, purpose), so any subset or order of customers draws the same numbers.
 */
import { bgnbdLatent, simulateRepeatPurchases, type BgNbdParams } from '../sim/math/bgnbd';
import { UniformStream } from '../sim/math/distributions';
import { orderValueLatent, sampleOrderValue, type GammaGammaParams } from '../sim/math/orderValue';
import { hashString } from '../sim/math/random';
import type { CustomerSummaries } from './customerSummary';

const LATENT = hashString('calibration.simulate.latent');
const PURCHASES = hashString('calibration.simulate.purchases');
const SPEND = hashString('calibration.simulate.spend');

export interface SimulationInput {
  /** The true parameters, α per the time unit of the times below. */
  params: BgNbdParams;
  /** Each customer's first purchase on a common time axis, at or before the calibration end. */
  firstPurchase: ArrayLike<number>;
  /** End of the calibration period on that axis. */
  calibrationEnd: number;
  /** End of the holdout period; no holdout counts without it. */
  holdoutEnd?: number;
  seed: number;
  /** Order values by the gamma-gamma model; mean repeat values are NaN without it. */
  spend?: GammaGammaParams;
  /** Days per time unit, recorded in the summaries; 1 by default. */
  timeUnitDays?: number;
}

export interface SimulatedCustomers {
  summaries: CustomerSummaries;
  /** Repeat purchases in (calibration end, holdout end] per customer; null without a holdout end. */
  holdout: Float64Array | null;
  /** The customers' drawn purchase rates and dropout probabilities. */
  lambda: Float64Array;
  dropout: Float64Array;
}

/** Simulates the customers of `input` (see SimulationInput). Throws a RangeError on a first purchase after the calibration end. */
export function simulateCustomers(input: SimulationInput): SimulatedCustomers {
  const { params, firstPurchase, calibrationEnd, seed, spend } = input;
  const holdoutEnd = input.holdoutEnd ?? calibrationEnd;
  if (!(holdoutEnd >= calibrationEnd)) throw new RangeError(`simulateCustomers: holdoutEnd ${holdoutEnd} is before calibrationEnd ${calibrationEnd}`);
  const count = firstPurchase.length;
  const frequency = new Float64Array(count);
  const recency = new Float64Array(count);
  const age = new Float64Array(count);
  const meanRepeatValue = new Float64Array(count).fill(NaN);
  const holdout = input.holdoutEnd === undefined ? null : new Float64Array(count);
  const lambda = new Float64Array(count);
  const dropout = new Float64Array(count);
  const stream = new UniformStream(seed, 0, LATENT);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const first = firstPurchase[i]!;
    if (!(first <= calibrationEnd)) throw new RangeError(`simulateCustomers: customer ${i + 1} first buys at ${first}, after the calibration end ${calibrationEnd}`);
    const T = calibrationEnd - first;
    const latent = bgnbdLatent(params, stream.reset(seed, i, LATENT).next);
    lambda[i] = latent.lambda;
    dropout[i] = latent.p;
    simulateRepeatPurchases(latent, holdoutEnd - first, stream.reset(seed, i, PURCHASES).next, times);
    let x = 0;
    while (x < times.length && times[x]! <= T) x++;
    frequency[i] = x;
    recency[i] = x > 0 ? times[x - 1]! : 0;
    age[i] = T;
    if (holdout) holdout[i] = times.length - x;
    if (spend && x > 0) {
      stream.reset(seed, i, SPEND);
      const nu = orderValueLatent(spend, stream.next);
      let total = 0;
      for (let k = 0; k < x; k++) total += sampleOrderValue(spend, nu, stream.next);
      meanRepeatValue[i] = total / x;
    }
  }
  const summaries: CustomerSummaries = { count, timeUnitDays: input.timeUnitDays ?? 1, frequency, recency, age, meanRepeatValue };
  return { summaries, holdout, lambda, dropout };
}
