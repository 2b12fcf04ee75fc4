/**
 * A run's results are counters in one Float64Array: whole numbers only (money in integer units), so
 * adding the arrays of several workers gives exactly the single-worker array, in any order. The layout
 * names each block's offset; it depends only on the journey, the cohort and the horizon.
 */

export const SCALARS = [
  'users',
  'entered',
  'entries',
  'converted',
  'purchases',
  'revenueAll',
  'journeyPurchases',
  'journeyRevenue',
  'convertedRevenue',
  'touchCost',
  'offersGranted',
  'offersRedeemed',
  'offerCost',
  'churned',
  'churnedEntered',
  'reactivated',
  'deferred',
  'dropped',
  'deadEnds',
  // The global control group and the rest (whole-horizon goal reached and revenue), and the customer
  // value of converted users (money units, one rounding per user).
  'controlUsers',
  'controlConverted',
  'controlRevenue',
  'treatedUsers',
  'treatedConverted',
  'treatedRevenue',
  'customerValue',
] as const;
export type Scalar = (typeof SCALARS)[number];

export const CHANNEL_FIELDS = ['sent', 'suppressed', 'unreachable', 'optedOut', 'opens', 'clicks', 'unsubscribes', 'cost'] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];

export const SEGMENT_FIELDS = ['users', 'entered', 'converted', 'purchases', 'journeyRevenue', 'cost', 'churned', 'reactivated', 'unsubscribes'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Per split variant: who was assigned, who then did a goal's event, what they spent and cost afterwards. */
export const ARM_FIELDS = ['assigned', 'converted', 'revenue', 'cost'] as const;
export type ArmField = (typeof ARM_FIELDS)[number];

/**
 * A group's paired differences between each user and their twin (docs/simulation.md, "The twin"):
 * plain sums of the per-user increments, and the sums of squares and cross products the intervals need
 * as wide counters (money squared passes 2^53).
 */
export const PAIRED_SUMS = ['users', 'conversions', 'purchases', 'revenue', 'cost'] as const;
export const PAIRED_WIDE = ['conversions2', 'purchases2', 'revenue2', 'cost2', 'revenueCost', 'conversionsCost'] as const;
export type PairedSum = (typeof PAIRED_SUMS)[number];
export type PairedWide = (typeof PAIRED_WIDE)[number];
/** Wide counters outside the paired blocks: squares for the control group's and the customer value's intervals. */
export const WIDE_SCALARS = ['controlRevenue2', 'treatedRevenue2', 'customerValue2'] as const;
export type WideScalar = (typeof WIDE_SCALARS)[number];

/**
 * A wide counter is an exact integer kept in LIMBS slots of base 2^24 (limb i counts 2^(24·i)). Each
 * limb stays a whole number below 2^53, so adding counter arrays element by element (any worker or
 * shard split) stays exact once `normalizeWide` has brought the lower limbs under 2^24.
 */
export const LIMBS = 3;
const LIMB = 2 ** 24;
/** A lower limb is carried once it reaches this, so one more addend below 2^52 still adds exactly. */
const CARRY_AT = 2 ** 51;
/** Factors below this multiply exactly in one limb (product < 2^52). */
const SMALL = 2 ** 26;

export const PAIRED_BLOCK = PAIRED_SUMS.length + PAIRED_WIDE.length * LIMBS;

export interface CounterLayout {
  size: number;
  scalar: Record<Scalar, number>;
  wideScalar: Record<WideScalar, number>;
  /** Paired blocks (PAIRED_BLOCK slots): all users, per segment, per split arm (−1 for other nodes). */
  paired: number;
  pairedSegment: number;
  pairedArmOffset: number[];
  /** [node][conversions, revenue, cost]: increments of the users who entered it. */
  nodeIncrement: number;
  /** [day]: incremental conversions and revenue (money units). */
  incrementalConversionsByDay: number;
  incrementalRevenueByDay: number;
  /** [stage]: users who reached the stage or a later one. */
  stageReached: number;
  /** Every wide counter's first limb, for normalizeWide. */
  wide: number[];
  /** Per node: entries, and users who entered it at least once. */
  nodeEntries: number;
  nodeUsers: number;
  /** Per node, its ports from portOffset[node]: times left through each. */
  portOffset: number[];
  /** Per channel, CHANNEL_FIELDS. */
  channel: number;
  /** [channel][day] sends and suppressions. */
  sentByDay: number;
  suppressedByDay: number;
  /** [stage][day]: users in the stage at the end of each day. */
  stageByDay: number;
  /** [day]: users converting (first goal) that day, and journey revenue that day (money units). */
  convertedByDay: number;
  revenueByDay: number;
  /** [channel][hour of day 0–23]: sends at each hour of the day over the horizon (quiet hours show as gaps). */
  sentByHour: number;
  segment: number;
  /** Per split node with its ports from armOffset[node]. */
  armOffset: number[];
  days: number;
  channels: number;
  stages: number;
  nodes: number;
}

export function buildLayout(shape: { nodes: { ports: string[]; isSplit: boolean }[]; days: number; segments: number; stages: number; channels: number }): CounterLayout {
  let next = 0;
  const take = (count: number) => {
    const at = next;
    next += count;
    return at;
  };
  const scalar = Object.fromEntries(SCALARS.map((name) => [name, take(1)])) as Record<Scalar, number>;
  const wideScalar = Object.fromEntries(WIDE_SCALARS.map((name) => [name, take(LIMBS)])) as Record<WideScalar, number>;
  const nodeEntries = take(shape.nodes.length);
  const nodeUsers = take(shape.nodes.length);
  const portOffset = shape.nodes.map((node) => take(node.ports.length));
  const channel = take(shape.channels * CHANNEL_FIELDS.length);
  const sentByDay = take(shape.channels * shape.days);
  const suppressedByDay = take(shape.channels * shape.days);
  const stageByDay = take(shape.stages * shape.days);
  const convertedByDay = take(shape.days);
  const revenueByDay = take(shape.days);
  const sentByHour = take(shape.channels * 24);
  const segment = take(shape.segments * SEGMENT_FIELDS.length);
  const armOffset = shape.nodes.map((node) => (node.isSplit ? take(node.ports.length * ARM_FIELDS.length) : -1));
  const paired = take(PAIRED_BLOCK);
  const pairedSegment = take(shape.segments * PAIRED_BLOCK);
  const pairedArmOffset = shape.nodes.map((node) => (node.isSplit ? take(node.ports.length * PAIRED_BLOCK) : -1));
  const nodeIncrement = take(shape.nodes.length * 3);
  const incrementalConversionsByDay = take(shape.days);
  const incrementalRevenueByDay = take(shape.days);
  const stageReached = take(shape.stages);
  const blocks = [paired, ...Array.from({ length: shape.segments }, (_, index) => pairedSegment + index * PAIRED_BLOCK)];
  shape.nodes.forEach((node, index) => {
    for (let port = 0; port < node.ports.length && node.isSplit; port++) blocks.push(pairedArmOffset[index]! + port * PAIRED_BLOCK);
  });
  const wide = [...Object.values(wideScalar), ...blocks.flatMap((block) => PAIRED_WIDE.map((_, field) => block + PAIRED_SUMS.length + field * LIMBS))];
  return {
    size: next,
    scalar,
    wideScalar,
    paired,
    pairedSegment,
    pairedArmOffset,
    nodeIncrement,
    incrementalConversionsByDay,
    incrementalRevenueByDay,
    stageReached,
    wide,
    nodeEntries,
    nodeUsers,
    portOffset,
    channel,
    sentByDay,
    suppressedByDay,
    stageByDay,
    convertedByDay,
    revenueByDay,
    sentByHour,
    segment,
    armOffset,
    days: shape.days,
    channels: shape.channels,
    stages: shape.stages,
    nodes: shape.nodes.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// Wide counters

function addToLimb(counters: Float64Array, slot: number, limb: number, amount: number): void {
  let at = slot + limb;
  counters[at]! += amount;
  while (limb < LIMBS - 1 && Math.abs(counters[at]!) >= CARRY_AT) {
    const carry = Math.trunc(counters[at]! / LIMB);
    counters[at]! -= carry * LIMB;
    counters[at + 1]! += carry;
    at++;
    limb++;
  }
}

/** Adds a·b exactly to the wide counter at `slot` (a and b whole numbers). */
export function addWideProduct(counters: Float64Array, slot: number, a: number, b: number): void {
  if (a === 0 || b === 0) return;
  const sign = a < 0 !== b < 0 ? -1 : 1;
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x < SMALL && y < SMALL) return addToLimb(counters, slot, 0, sign * x * y);
  const xh = Math.floor(x / LIMB);
  const xl = x - xh * LIMB;
  const yh = Math.floor(y / LIMB);
  const yl = y - yh * LIMB;
  if (xh < SMALL && yh < SMALL) {
    addToLimb(counters, slot, 0, sign * xl * yl);
    addToLimb(counters, slot, 1, sign * (xh * yl + xl * yh));
    addToLimb(counters, slot, 2, sign * xh * yh);
    return;
  }
  // Factors of 2^50 and more (10^11 yuan in money units): exact through BigInt, limb by limb.
  let product = BigInt(sign) * BigInt(x) * BigInt(y);
  for (let limb = 0; limb < LIMBS; limb++) {
    const part = limb === LIMBS - 1 ? product : BigInt.asIntN(25, product % BigInt(LIMB));
    addToLimb(counters, slot, limb, Number(part));
    product = (product - part) / BigInt(LIMB);
  }
}

/** Brings every wide counter's lower limbs under 2^24 in magnitude (before arrays are added together). */
export function normalizeWide(counters: Float64Array, layout: CounterLayout): Float64Array {
  for (const slot of layout.wide)
    for (let limb = 0; limb < LIMBS - 1; limb++) {
      const carry = Math.trunc(counters[slot + limb]! / LIMB);
      counters[slot + limb]! -= carry * LIMB;
      counters[slot + limb + 1]! += carry;
    }
  return counters;
}

/** The exact value of a wide counter. */
export function wideValue(counters: Float64Array, slot: number): bigint {
  let value = 0n;
  for (let limb = LIMBS - 1; limb >= 0; limb--) value = value * BigInt(LIMB) + BigInt(counters[slot + limb]!);
  return value;
}

const indexes = <T extends readonly string[]>(fields: T) => Object.fromEntries(fields.map((field, index) => [field, index])) as Record<T[number], number>;
/** Each field's place in its block, by name (the world counts by these in its hot loop). */
export const CHANNEL = indexes(CHANNEL_FIELDS);
export const SEGMENT = indexes(SEGMENT_FIELDS);
export const ARM = indexes(ARM_FIELDS);
export const PAIRED = indexes(PAIRED_SUMS);
/** A paired block's wide field's first limb, relative to the block. */
export const PAIRED_WIDE_AT = Object.fromEntries(PAIRED_WIDE.map((field, index) => [field, PAIRED_SUMS.length + index * LIMBS])) as Record<PairedWide, number>;

export const channelSlot = (layout: CounterLayout, channel: number, field: ChannelField) => layout.channel + channel * CHANNEL_FIELDS.length + CHANNEL[field];
export const segmentSlot = (layout: CounterLayout, segment: number, field: SegmentField) => layout.segment + segment * SEGMENT_FIELDS.length + SEGMENT[field];
export const armSlot = (layout: CounterLayout, node: number, port: number, field: ArmField) => layout.armOffset[node]! + port * ARM_FIELDS.length + ARM[field];

/** Adds `from` into `into`, element by element. */
export function addCounters(into: Float64Array, from: Float64Array): Float64Array {
  for (let index = 0; index < into.length; index++) into[index]! += from[index]!;
  return into;
}
