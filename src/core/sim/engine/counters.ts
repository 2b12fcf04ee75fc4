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
  'deferred',
  'dropped',
  'deadEnds',
] as const;
export type Scalar = (typeof SCALARS)[number];

export const CHANNEL_FIELDS = ['sent', 'suppressed', 'unreachable', 'optedOut', 'opens', 'clicks', 'unsubscribes', 'cost'] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];

export const SEGMENT_FIELDS = ['users', 'entered', 'converted', 'purchases', 'journeyRevenue', 'cost', 'churned', 'unsubscribes'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Per split variant: who was assigned, who then did a goal's event, what they spent and cost afterwards. */
export const ARM_FIELDS = ['assigned', 'converted', 'revenue', 'cost'] as const;
export type ArmField = (typeof ARM_FIELDS)[number];

export interface CounterLayout {
  size: number;
  scalar: Record<Scalar, number>;
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
  return {
    size: next,
    scalar,
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

const indexes = <T extends readonly string[]>(fields: T) => Object.fromEntries(fields.map((field, index) => [field, index])) as Record<T[number], number>;
/** Each field's place in its block, by name (the world counts by these in its hot loop). */
export const CHANNEL = indexes(CHANNEL_FIELDS);
export const SEGMENT = indexes(SEGMENT_FIELDS);
export const ARM = indexes(ARM_FIELDS);

export const channelSlot = (layout: CounterLayout, channel: number, field: ChannelField) => layout.channel + channel * CHANNEL_FIELDS.length + CHANNEL[field];
export const segmentSlot = (layout: CounterLayout, segment: number, field: SegmentField) => layout.segment + segment * SEGMENT_FIELDS.length + SEGMENT[field];
export const armSlot = (layout: CounterLayout, node: number, port: number, field: ArmField) => layout.armOffset[node]! + port * ARM_FIELDS.length + ARM[field];

/** Adds `from` into `into`, element by element. */
export function addCounters(into: Float64Array, from: Float64Array): Float64Array {
  for (let index = 0; index < into.length; index++) into[index]! += from[index]!;
  return into;
}
