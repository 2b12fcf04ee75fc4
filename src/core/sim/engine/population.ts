/**
 * A population: the run's users are real customers, one each, instead of draws from the cohort's
 * segments. Each carries what the fit says of them given their own history — their segment, RFM
 * scores, whether they are still active at launch, their purchase rate and dropout chance, their
 * spend level (src/core/calibration/population.ts draws these), and the attributes and tags of their
 * own profile where the data has one — and takes everything else (attributes they have no value of,
 * reach, responses) from their segment as a synthetic user would. Both engines read it through
 * the world they share, so they still agree draw for draw, and any split of users over workers gives
 * the same report: a user's numbers are looked up by index, never drawn in sequence.
 */
import { message } from '../../i18n';
import type { Problem } from '../../journey';
import type { CohortGenerator } from '../../cohort/generate';
import type { AttributeValue } from '../../cohort/schema';

/** A profile column of the customers, under the cohort attribute key it was fitted as. */
export type PopulationAttribute =
  | { key: string; kind: 'categorical'; values: readonly string[]; /** Per customer: index into values, −1 when their profile has none. */ codes: Int32Array }
  | { key: string; kind: 'numeric'; /** Per customer; NaN when their profile has none. */ values: Float64Array };

/** A profile tag under its cohort tag key: 1 for each customer carrying it. */
export interface PopulationTag {
  key: string;
  carriers: Uint8Array;
}

export interface SimulationPopulation {
  /** Customers: users 0 … size − 1. */
  size: number;
  /** Index of each customer's segment in the cohort's segments. */
  segment: Uint16Array;
  /** RFM scores 1–5. */
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
  /** 1 when the customer is still active (has not lapsed) at launch. */
  alive: Uint8Array;
  /** Purchase rate per day while active (BG/NBD λ). */
  lambdaPerDay: Float64Array;
  /** Chance of lapsing after each purchase (BG/NBD p). */
  dropout: Float64Array;
  /** Latent spend rate ν of the gamma-gamma model (1 / currency unit): the mean order is p / ν. */
  spendRate: Float64Array;
  /**
   * The day (since 1970-01-01) the customers are described at: the end of their data. A journey
   * launched later finds each customer still active with the chance of no lapse in between.
   */
  asOf?: number;
  /**
   * The customers' own profile values. A customer with no value of an attribute has one drawn from
   * their segment, as a synthetic user does; tags are exact (no profile row: no tags of the profile).
   */
  attributes?: readonly PopulationAttribute[];
  tags?: readonly PopulationTag[];
}

const columns = ['segment', 'recency', 'frequency', 'monetary', 'alive', 'lambdaPerDay', 'dropout', 'spendRate'] as const;

/** What is wrong with a population for a cohort with `segments` segments; empty when it can run. */
export function populationProblems(population: SimulationPopulation, segments: number): Problem[] {
  const found: Problem[] = [];
  const say = (path: (string | number)[], values: Record<string, string | number>) =>
    found.push({ severity: 'error', code: 'simulation-settings', message: message('core.sim.engine.population.invalid', values), location: { path: ['population', ...path] } });
  if (!(Number.isInteger(population.size) && population.size >= 1)) say(['size'], { column: 'size', row: 0 });
  for (const column of columns) if (population[column]?.length !== population.size) say([column], { column, row: 0 });
  if (found.length > 0) return found;
  for (let row = 0; row < population.size && found.length === 0; row++) {
    if (population.segment[row]! >= segments) say(['segment', row], { column: 'segment', row: row + 1 });
    for (const column of ['recency', 'frequency', 'monetary'] as const) if (!(population[column][row]! >= 1 && population[column][row]! <= 5)) say([column, row], { column, row: row + 1 });
    if (population.alive[row]! > 1) say(['alive', row], { column: 'alive', row: row + 1 });
    if (!(population.lambdaPerDay[row]! >= 0 && Number.isFinite(population.lambdaPerDay[row]!))) say(['lambdaPerDay', row], { column: 'lambdaPerDay', row: row + 1 });
    if (!(population.dropout[row]! >= 0 && population.dropout[row]! <= 1)) say(['dropout', row], { column: 'dropout', row: row + 1 });
    if (!(population.spendRate[row]! > 0 && Number.isFinite(population.spendRate[row]!))) say(['spendRate', row], { column: 'spendRate', row: row + 1 });
  }
  (population.attributes ?? []).forEach((attribute, at) => {
    const codes = attribute.kind === 'categorical' ? attribute.codes : null;
    const length = codes ? codes.length : attribute.values.length;
    if (found.length > 0) return;
    if (length !== population.size) return say(['attributes', at], { column: attribute.key, row: 0 });
    if (codes) {
      const row = codes.findIndex((code) => !(code >= -1 && code < attribute.values.length));
      if (row >= 0) say(['attributes', at, row], { column: attribute.key, row: row + 1 });
    }
  });
  (population.tags ?? []).forEach((tag, at) => {
    if (found.length > 0) return;
    if (tag.carriers.length !== population.size) return say(['tags', at], { column: tag.key, row: 0 });
    const row = tag.carriers.findIndex((carries) => carries > 1);
    if (row >= 0) say(['tags', at, row], { column: tag.key, row: row + 1 });
  });
  return found;
}

/** A customer's own value of an attribute column; undefined when their profile has none. */
function ownValue(attribute: PopulationAttribute, index: number): string | number | undefined {
  if (attribute.kind === 'numeric') return Number.isFinite(attribute.values[index]!) ? attribute.values[index]! : undefined;
  const code = attribute.codes[index]!;
  return code >= 0 ? attribute.values[code] : undefined;
}

/**
 * The cohort's generator with each user's segment, RFM scores, attributes and tags those of their
 * customer. Both engines ask it (the kernel value by value, the reference for whole users), so they agree.
 */
export function populationGenerator(base: CohortGenerator, population: SimulationPopulation): CohortGenerator {
  const scores = [population.recency, population.frequency, population.monetary];
  const segmentOf = (index: number) => population.segment[index]!;
  const rfmOf = (index: number, _segment: number, dimension: number) => scores[dimension]![index]!;
  const ownAttributes = new Map((population.attributes ?? []).map((attribute) => [attribute.key, attribute]));
  const ownTags = new Map((population.tags ?? []).map((tag) => [tag.key, tag.carriers]));
  const attributeOf: CohortGenerator['attributeOf'] = (index, segment, name) => {
    const column = ownAttributes.get(name);
    return (column && ownValue(column, index)) ?? base.attributeOf(index, segment, name);
  };
  const tagOf: CohortGenerator['tagOf'] = (index, segment, tag) => {
    const carriers = ownTags.get(tag);
    return carriers ? carriers[index] === 1 : base.tagOf(index, segment, tag);
  };
  return {
    ...base,
    segmentOf,
    rfmOf,
    attributeOf,
    tagOf,
    user(index) {
      const user = base.user(index);
      const segmentIndex = segmentOf(index);
      const synthetic = base.spec.segments[segmentIndex]!;
      const names = new Set([...Object.keys(user.attributes), ...[...ownAttributes.values()].filter((column) => ownValue(column, index) !== undefined).map((column) => column.key)]);
      const attributes: Record<string, AttributeValue> = {};
      for (const name of names) {
        const value = attributeOf(index, segmentIndex, name);
        if (value !== undefined) attributes[name] = value;
      }
      return {
        ...user,
        segment: synthetic.id,
        segmentIndex,
        attributes,
        tags: base.spec.tags.filter((tag) => tagOf(index, segmentIndex, tag)),
        rfm: { recency: rfmOf(index, segmentIndex, 0), frequency: rfmOf(index, segmentIndex, 1), monetary: rfmOf(index, segmentIndex, 2) },
        reach: Object.fromEntries(Object.keys(user.reach).map((channel) => [channel, base.reachOf(index, segmentIndex, channel as keyof typeof user.reach)])) as typeof user.reach,
      };
    },
    *users(start = 0, end = base.size) {
      for (let index = Math.max(0, start); index < Math.min(end, base.size); index++) yield this.user(index);
    },
  };
}
