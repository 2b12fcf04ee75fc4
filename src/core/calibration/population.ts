/**
 * A population: every customer of the data as one simulated user, with what the fit says of them
 * given their whole history up to the last day of the data (Fader, Hardie & Lee 2005):
 *
 * - alive at launch with their own P(alive | x, t_x, T);
 * - purchase rate λ and dropout chance p from the BG/NBD posterior of that state: λ ~ Gamma(r + x, α + T)
 *   and p ~ Beta(a, b + x) if still active, λ ~ Gamma(r + x, α + t_x) and p ~ Beta(a + 1, b + x − 1) if
 *   lapsed after the last purchase (a won-back customer buys at that rate);
 * - spend rate ν ~ Gamma(p·x + q, γ + x·m_x) (gamma-gamma posterior; the prior Gamma(q, γ) without
 *   repeat purchases), so their mean order p/ν leans towards what they have spent;
 * - their segment (by the rule the fit used) and their RFM scores at the end of the data;
 * - their own profile's attributes and tags, under the cohort keys the fit gave those columns.
 *
 * The draws are seeded per customer (the same seed gives the same population), so a win-back journey
 * targets the customers who really are at risk. The journey launches at the end of the data.
 */
import { hashString } from '../sim/math/random';
import { sampleBeta, sampleGamma, uniformStream } from '../sim/math/distributions';
import type { PopulationAttribute, PopulationTag, SimulationPopulation } from '../sim/engine/population';
import type { ProfileTable } from './import/profiles';
import { categoryValue, type ProfileDistributions } from './profileDistributions';
import type { CohortSpecInput } from '../cohort/schema';
import { probabilityAlive } from './bgnbdCustomer';
import { rfmTiers, type CustomerFit, type SegmentBy } from './fitCustomers';
import type { TransactionTable } from './import/transactions';
import { rfmSummary } from './rfmSummary';

const PURPOSE = hashString('population');

export interface PopulationOptions {
  segmentBy: SegmentBy;
  /** For a column: the value of a customer (an index into the table's customers). */
  segmentValueOf?: (customer: number) => string | null;
  seed: number;
  /** The profiles the fit read, and the cohort keys their columns became. */
  profiles?: PopulationProfiles;
}

export interface PopulationProfiles {
  profiles: ProfileTable;
  keys: ProfileDistributions['keys'];
}

export interface BuiltPopulation extends SimulationPopulation {
  /** The table's customer index of each user (for their id). */
  customer: Int32Array;
  /** The day (since 1970-01-01) whose end the population describes: the last day of the data. */
  asOf: number;
}

export function buildPopulation(table: TransactionTable, lastDay: number, fit: CustomerFit, cohort: CohortSpecInput, options: PopulationOptions): BuiltPopulation {
  const summary = rfmSummary(table, { calibrationEnd: lastDay });
  const size = summary.count;
  const ids = cohort.segments.map((segment) => segment.id);
  const largest = cohort.segments.reduce((best, segment, index) => (segment.share > cohort.segments[best]!.share ? index : best), 0);
  const indexOfId = (id: string | undefined) => {
    const index = id === undefined ? -1 : ids.indexOf(id);
    return index >= 0 ? index : largest;
  };
  const byValue = new Map(fit.segments.map((segment) => [segment.value, segment.id]));
  const population: BuiltPopulation = {
    size,
    asOf: lastDay,
    customer: summary.customer.slice(),
    segment: new Uint16Array(size),
    recency: summary.rfm.recency.slice(),
    frequency: summary.rfm.frequency.slice(),
    monetary: summary.rfm.monetary.slice(),
    alive: new Uint8Array(size),
    lambdaPerDay: new Float64Array(size),
    dropout: new Float64Array(size),
    spendRate: new Float64Array(size),
  };
  for (let i = 0; i < size; i++) {
    const segmentBy = options.segmentBy;
    let id: string | undefined;
    if (segmentBy === 'none') id = ids[0];
    else if (segmentBy === 'rfm') {
      const total = summary.rfm.recency[i]! + summary.rfm.frequency[i]! + summary.rfm.monetary[i]!;
      id = rfmTiers.find((tier) => total >= tier.minimum)?.id;
    } else id = byValue.get(options.segmentValueOf?.(summary.customer[i]!) ?? null) ?? byValue.get(null);
    const segment = indexOfId(id);
    population.segment[i] = segment;
    const { purchase, orderValue } = cohort.segments[segment]!.behaviour;
    const x = summary.frequency[i]!;
    const tx = summary.recency[i]!;
    const T = summary.age[i]!;
    const u = uniformStream(options.seed, i, PURPOSE);
    const alive = u() < probabilityAlive(purchase, x, tx, T);
    population.alive[i] = alive ? 1 : 0;
    // The posterior depends on which it is: still active after T (λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x)),
    // or lapsed right after the last purchase at t_x (λ ~ Gamma(r + x, α + t_x), p ~ Beta(a + 1, b + x − 1);
    // only a customer with a repeat purchase can be lapsed, so x ≥ 1).
    population.lambdaPerDay[i] = sampleGamma(purchase.r + x, 1 / (purchase.alpha + (alive ? T : tx)), u);
    population.dropout[i] = alive ? sampleBeta(purchase.a, purchase.b + x, u) : sampleBeta(purchase.a + 1, purchase.b + x - 1, u);
    const mean = summary.meanRepeatValue[i]!;
    const known = x > 0 && Number.isFinite(mean);
    population.spendRate[i] = sampleGamma(known ? orderValue.p * x + orderValue.q : orderValue.q, 1 / (orderValue.gamma + (known ? x * mean : 0)), u);
  }
  if (options.profiles) Object.assign(population, profileColumns(options.profiles, population.customer));
  return population;
}

/** Each user's own profile values, by the table customer index of each user. */
function profileColumns({ profiles, keys }: PopulationProfiles, customers: Int32Array): { attributes: PopulationAttribute[]; tags: PopulationTag[] } {
  const rowOf = new Map<number, number>();
  for (let row = 0; row < profiles.length; row++) rowOf.set(profiles.customer[row]!, row);
  const rows = Int32Array.from(customers, (customer) => rowOf.get(customer) ?? -1);
  const attributes = keys.attributes.map(({ position, key }): PopulationAttribute => {
    const column = profiles.attributes[position]!;
    if (column.kind === 'numeric') return { key, kind: 'numeric', values: Float64Array.from(rows, (row) => (row >= 0 ? column.values[row]! : NaN)) };
    return { key, kind: 'categorical', values: column.values.map(categoryValue), codes: Int32Array.from(rows, (row) => (row >= 0 ? column.codes[row]! : -1)) };
  });
  const tags = keys.tags.map(({ position, key }): PopulationTag => {
    const carriers = new Set(profiles.tags[position]!.customers);
    return { key, carriers: Uint8Array.from(customers, (customer) => (carriers.has(customer) ? 1 : 0)) };
  });
  return { attributes, tags };
}
