import { channels, type Channel } from '../journey/channels';
import { rfmDimensions } from '../journey/condition';
import type { JourneyUser } from '../compile/runtime';
import type { AttributeValue, CohortSegment, CohortSpec } from './schema';
import { hashAfter2, hashKey, hashString, keyPrefix2 } from '../sim/math/random';

/**
 * Turns a cohort spec into users, lazily: user `index` is computed from (seed, index) alone whenever it
 * is asked for, so a million-user cohort costs no memory and any engine, visiting users in any order,
 * sees the same people. Every field has its own draw, keyed like every other draw in the simulator:
 * `draw(seed, index, COHORT_DRAW_NODE, 0, purpose)` with purpose "cohort:segment",
 * "cohort:attribute:<name>", "cohort:rfm:<dimension>", "cohort:tag:<tag>" or "cohort:reach:<channel>".
 * A field's draw does not depend on any other field's, so adding a tag to a spec does not reshuffle the
 * regions of its users.
 */

/** The `node` word of the generator's draws; "__" ids are reserved, so no journey node can share it. */
export const COHORT_DRAW_NODE = '__cohort';

/** One synthetic user: what journey conditions read, plus which channels can reach them. */
export interface SyntheticUser extends JourneyUser {
  /** Index of the user's segment in `spec.segments`. */
  segmentIndex: number;
  /** Whether a touch on the channel reaches the user (opted in, app installed, follows the account…). */
  reach: Record<Channel, boolean>;
}

export interface CohortGenerator {
  readonly spec: CohortSpec;
  readonly seed: number;
  /** Number of users; valid indexes are 0 … size − 1. */
  readonly size: number;
  /** User `index`, computed now; the same (spec, seed, index) always gives the same user. */
  user(index: number): SyntheticUser;
  /** Users start … end − 1, one at a time (none is kept). */
  users(start?: number, end?: number): Generator<SyntheticUser>;
  // One field of user `index` at a time, for engines that read only what a journey needs; each gives
  // exactly what `user(index)` gives. `segment` is the user's segment index (from `segmentOf`).
  segmentOf(index: number): number;
  reachOf(index: number, segment: number, channel: Channel): boolean;
  tagOf(index: number, segment: number, tag: string): boolean;
  attributeOf(index: number, segment: number, name: string): AttributeValue | undefined;
  /** The score 1–5 of an RFM dimension (0 recency, 1 frequency, 2 monetary). */
  rfmOf(index: number, segment: number, dimension: number): number;
}

const TWO_TO_32 = 4294967296;
const NODE_WORD = hashString(COHORT_DRAW_NODE);

type AttributePlan =
  | { name: string; purpose: number; kind: 'categorical'; values: AttributeValue[]; cumulative: number[] }
  | { name: string; purpose: number; kind: 'numeric'; mean: number; sd: number; min: number; max: number; integer: boolean };

interface SegmentPlan {
  id: string;
  attributes: AttributePlan[];
  attributeByName: Map<string, AttributePlan>;
  rfm: number[][];
  tags: { tag: string; chance: number; purpose: number }[];
  reach: { channel: Channel; chance: number; purpose: number }[];
}

/** Running totals of non-negative weights, scaled so that the last is 1 (null when they sum to 0). */
function cumulative(weights: readonly number[]): number[] | null {
  const total = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  if (!(total > 0)) return null;
  let running = 0;
  const result = weights.map((weight) => (running += Math.max(0, weight)) / total);
  result[result.length - 1] = 1;
  return result;
}

function pick(cumulativeShares: readonly number[], u: number): number {
  for (let index = 0; index < cumulativeShares.length; index++) if (u < (cumulativeShares[index] ?? 1)) return index;
  return cumulativeShares.length - 1;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

function planSegment(spec: CohortSpec, segment: CohortSegment): SegmentPlan {
  const attributes: AttributePlan[] = [];
  for (const [name, declaration] of Object.entries(spec.attributes)) {
    const purpose = hashString(`cohort:attribute:${name}`);
    if (declaration.values) {
      const shares = segment.attributes[name] ?? declaration.shares;
      if (!shares) continue;
      const values = declaration.values;
      const running = cumulative(values.map((value) => shares[String(value)] ?? 0));
      if (running) attributes.push({ name, purpose, kind: 'categorical', values, cumulative: running });
    } else if (declaration.numeric) {
      const distribution = segment.numeric[name] ?? declaration.normal;
      if (!distribution) continue;
      const { min, max, integer } = declaration.numeric;
      attributes.push({ name, purpose, kind: 'numeric', mean: distribution.mean, sd: distribution.sd, min, max, integer });
    }
  }
  return {
    id: segment.id,
    attributes,
    attributeByName: new Map(attributes.map((attribute) => [attribute.name, attribute])),
    rfm: rfmDimensions.map((dimension) => cumulative(segment.rfm[dimension]) ?? [0.2, 0.4, 0.6, 0.8, 1]),
    tags: spec.tags
      .map((tag) => ({ tag, chance: segment.tags[tag] ?? 0, purpose: hashString(`cohort:tag:${tag}`) }))
      .filter((tag) => tag.chance > 0),
    reach: channels.map((channel) => ({ channel, chance: segment.reach[channel] ?? 0, purpose: hashString(`cohort:reach:${channel}`) })),
  };
}

/**
 * A lazy, deterministic generator of the cohort's users. Pass a spec that `checkCohort` accepted; the
 * seed is any 32-bit integer (other numbers are truncated to one, as in every draw).
 */
export function createCohortGenerator(spec: CohortSpec, seed: number): CohortGenerator {
  const segmentShares = cumulative(spec.segments.map((segment) => segment.share)) ?? spec.segments.map((_, index) => (index + 1) / spec.segments.length);
  const plans = spec.segments.map((segment) => planSegment(spec, segment));
  const segmentPurpose = hashString('cohort:segment');
  const rfmPurposes = rfmDimensions.map((dimension) => hashString(`cohort:rfm:${dimension}`));
  // The draws of one user share the key's first words (seed, user, NODE_WORD): mixed once per user (random.ts).
  // NaN equals no index, so the first draw always mixes its own prefix (−1 would match an index of −1).
  let lastIndex = NaN;
  let lastPrefix = 0;
  const uniform = (index: number, purpose: number) => {
    if (index !== lastIndex) {
      lastIndex = index;
      lastPrefix = keyPrefix2(seed, index, NODE_WORD);
    }
    return hashAfter2(lastPrefix, 0, purpose) / TWO_TO_32;
  };

  const tagPurposes = new Map<string, number>();
  const tagPurpose = (tag: string) => {
    let purpose = tagPurposes.get(tag);
    if (purpose === undefined) tagPurposes.set(tag, (purpose = hashString(`cohort:tag:${tag}`)));
    return purpose;
  };
  const tagChances = plans.map((plan) => new Map(plan.tags.map((tag) => [tag.tag, tag.chance])));

  const segmentOf = (index: number) => pick(segmentShares, uniform(index, segmentPurpose));

  function attributeValue(index: number, attribute: AttributePlan): AttributeValue {
    if (attribute.kind === 'categorical') return attribute.values[pick(attribute.cumulative, uniform(index, attribute.purpose))]!;
    // Half a step in from 0 and 1 keeps the quantile finite.
    const u = (hashKey(seed, index, NODE_WORD, 0, attribute.purpose) + 0.5) / TWO_TO_32;
    let value = attribute.mean + attribute.sd * normalQuantile(u);
    value = Math.min(attribute.max, Math.max(attribute.min, value));
    if (attribute.integer) value = Math.min(Math.floor(attribute.max), Math.max(Math.ceil(attribute.min), Math.round(value)));
    return value;
  }

  const reachOf = (index: number, segment: number, channel: Channel) => {
    const chance = plans[segment]!.reach[channels.indexOf(channel)]!;
    return chance.chance > 0 && uniform(index, chance.purpose) < chance.chance;
  };
  const tagOf = (index: number, segment: number, tag: string) => {
    const chance = tagChances[segment]!.get(tag) ?? 0;
    return chance > 0 && uniform(index, tagPurpose(tag)) < chance;
  };
  const attributeOf = (index: number, segment: number, name: string) => {
    const attribute = plans[segment]!.attributeByName.get(name);
    return attribute ? attributeValue(index, attribute) : undefined;
  };
  const rfmOf = (index: number, segment: number, dimension: number) =>
    pick(plans[segment]!.rfm[dimension]!, uniform(index, rfmPurposes[dimension]!)) + 1;

  function user(index: number): SyntheticUser {
    if (!Number.isInteger(index) || index < 0 || index >= spec.size)
      throw new RangeError(`User index ${index} is outside the cohort (0 to ${spec.size - 1}).`);
    const segmentIndex = segmentOf(index);
    const plan = plans[segmentIndex]!;
    const attributes: SyntheticUser['attributes'] = {};
    for (const attribute of plan.attributes) attributes[attribute.name] = attributeValue(index, attribute);
    const reach = {} as Record<Channel, boolean>;
    for (const channel of channels) reach[channel] = reachOf(index, segmentIndex, channel);
    return {
      id: index,
      segment: plan.id,
      segmentIndex,
      attributes,
      tags: plan.tags.filter((tag) => tagOf(index, segmentIndex, tag.tag)).map((tag) => tag.tag),
      rfm: { recency: rfmOf(index, segmentIndex, 0), frequency: rfmOf(index, segmentIndex, 1), monetary: rfmOf(index, segmentIndex, 2) },
      reach,
    };
  }

  function* users(start = 0, end = spec.size): Generator<SyntheticUser> {
    for (let index = Math.max(0, start); index < Math.min(end, spec.size); index++) yield user(index);
  }

  return { spec, seed, size: spec.size, user, users, segmentOf, reachOf, tagOf, attributeOf, rfmOf };
}
