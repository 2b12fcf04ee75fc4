// Pure helpers for the cohort editor: the plain-words figures implied by the model parameters, and
// normalising segment shares to 100 %.
import { expectedOrderValue } from '../sim/math/orderValue';

/** Average purchases per month (30 days) while a user is active, under BG/NBD: r / alpha × 30. */
export const purchasesPerMonth = (r: number, alpha: number): number => (r / alpha) * 30;

/** Mean chance of lapsing (dropping out for good) after each purchase, under BG/NBD: a / (a + b). */
export const lapseChance = (a: number, b: number): number => a / (a + b);

/** Mean order value under gamma-gamma: p × gamma / (q − 1); infinite when q ≤ 1 (the model's own formula). */
export const meanOrderValue = (p: number, q: number, gamma: number): number => expectedOrderValue({ p, q, gamma });

/** True when every argument is a finite number (so an implied figure can be shown). */
export const allFinite = (...values: unknown[]): boolean => values.every((value) => typeof value === 'number' && Number.isFinite(value));

/**
 * Scales shares (any non-negative numbers) so they add up to exactly 100, keeping their proportions,
 * rounded to `decimals` places; the rounding remainder goes to the largest share. Shares that are all
 * zero (or not numbers) become equal.
 */
export function normaliseShares(shares: readonly unknown[], decimals = 1): number[] {
  if (shares.length === 0) return [];
  const values = shares.map((value) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0));
  const total = values.reduce((sum, value) => sum + value, 0);
  const factor = 10 ** decimals;
  const weights = total > 0 ? values.map((value) => value / total) : values.map(() => 1 / values.length);
  const rounded = weights.map((weight) => Math.round(weight * 100 * factor));
  const remainder = 100 * factor - rounded.reduce((sum, value) => sum + value, 0);
  let largest = 0;
  rounded.forEach((value, index) => {
    if (value > rounded[largest]!) largest = index;
  });
  rounded[largest]! += remainder;
  return rounded.map((value) => value / factor);
}

/** The sum of the numeric shares (non-numbers count as 0). */
export const shareTotal = (shares: readonly unknown[]): number =>
  Math.round(shares.reduce<number>((sum, value) => sum + (typeof value === 'number' && Number.isFinite(value) ? value : 0), 0) * 1e6) / 1e6;

/**
 * Normalises a record of shares over `keys` (e.g. one attribute's declared values) to exactly 100;
 * keys not listed are dropped, listed keys without a share count as 0.
 */
export function normaliseShareRecord(shares: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, number> {
  const next = normaliseShares(keys.map((key) => shares[key]));
  return Object.fromEntries(keys.map((key, index) => [key, next[index]!]));
}

/** RFM score shares (scores 1–5, in percent) when a segment gives none: uniform, as the format's default. */
export const uniformRfmShares: readonly number[] = [20, 20, 20, 20, 20];
