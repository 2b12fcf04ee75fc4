import type { Localized } from '../i18n';
import type { CohortPreset } from '../cohort/presets';
import type { ChannelResponse, CohortSpecInput } from '../cohort/schema';
import type { Channel } from '../journey/channels';
import type { CohortProvenance, SegmentFit } from '../cohort/provenance';
import { MAX_USERS } from '../journey/limits';

/**
 * A fitted cohort: the chosen preset's cohort with its segments replaced by the ones fitted on the
 * user's customers. What the data gives (each segment's share, BG/NBD purchase and gamma-gamma order
 * value parameters, RFM score distribution, attribute and tag distributions from profiles, channel
 * responses from campaign history) replaces the preset's; everything else (attribute vocabulary,
 * reach, behaviour-event rates, reactions to offers and pressure, timing, calendar) is the preset's,
 * taken from its largest segment — its "typical customer" — and listed in the provenance as filled
 * from the preset, so nobody mistakes an assumption for a measurement.
 */

/** One fitted segment, as the fit hands it over. */
export interface FittedSegment {
  id: string;
  name: Localized;
  description: Localized;
  customers: number;
  fit: SegmentFit;
  /** Percentages of customers with RFM score 1–5, per dimension (from the data). */
  rfm?: { recency: number[]; frequency: number[]; monetary: number[] };
  /** Per profile attribute declared in the cohort: percentage of the segment per value. */
  attributes?: Record<string, Record<string, number>>;
  /** Per numeric profile attribute: its mean and standard deviation in the segment. */
  numeric?: Record<string, { mean: number; sd: number }>;
  /** Per tag: the share of the segment's customers carrying it (0–1). */
  tags?: Record<string, number>;
  /** Channel responses measured in campaign history, field by field, where there were enough sends. */
  response?: Partial<Record<Channel, Partial<ChannelResponse>>>;
}

export interface FittedCohortInput {
  id: string;
  name: Localized;
  description: Localized;
  preset: CohortPreset;
  segments: readonly FittedSegment[];
  /** Attributes and tags the profiles add to the preset's vocabulary. */
  extraAttributes?: CohortSpecInput['attributes'];
  extraTags?: readonly string[];
  /** Open-rate multipliers by hour and weekday measured in campaign history, per channel; the preset's elsewhere. */
  timing?: { openByHour: Partial<Record<Channel, number[]>>; openByWeekday: Partial<Record<Channel, number[]>> };
  provenance: Omit<CohortProvenance, 'filledFromPreset' | 'fits'>;
}

/** What a fitted segment always takes from the preset's typical segment (the provenance lists them). */
const FROM_PRESET = ['reach', 'behaviour.events', 'behaviour.responseDelayHours', 'behaviour.fatigue', 'behaviour.clickLift', 'behaviour.priceElasticity', 'behaviour.responseWindowDays', 'behaviour.pullForward', 'behaviour.reactivation', 'behaviour.unsubscribePressure', 'timing', 'calendar', 'controlGroupShare'];

type SegmentInput = CohortSpecInput['segments'][number];

/** Percentages rounded to two decimals that still add up to exactly 100 (largest remainders). */
export function sharesOf(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return counts.map(() => 100 / counts.length);
  const hundredths = counts.map((value) => (value / total) * 10_000);
  const floors = hundredths.map(Math.floor);
  let missing = 10_000 - floors.reduce((sum, value) => sum + value, 0);
  const order = hundredths.map((value, index) => [value - floors[index]!, index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (missing-- <= 0) break;
    floors[index]! += 1;
  }
  return floors.map((value) => value / 100);
}

const typicalSegment = (preset: CohortPreset): SegmentInput =>
  preset.spec.segments.reduce((largest, segment) => (segment.share > largest.share ? segment : largest));

export function buildFittedCohort(input: FittedCohortInput): CohortSpecInput {
  const typical = typicalSegment(input.preset);
  const shares = sharesOf(input.segments.map((segment) => segment.customers));
  const filled = new Set(FROM_PRESET);
  const segments = input.segments.map((segment, index): SegmentInput => {
    const { bgnbd, gammaGamma } = segment.fit;
    if (!bgnbd) filled.add('behaviour.purchase');
    if (!gammaGamma) filled.add('behaviour.orderValue');
    if (!segment.attributes) filled.add('segments.attributes');
    if (!segment.tags) filled.add('segments.tags');
    const response = mergedResponses(typical.behaviour.response ?? {}, segment.response ?? {});
    if (!segment.response || Object.keys(segment.response).length === 0) filled.add('behaviour.response');
    return {
      id: segment.id,
      name: segment.name,
      description: segment.description,
      share: shares[index]!,
      attributes: { ...(typical.attributes ?? {}), ...(segment.attributes ?? {}) },
      numeric: { ...(typical.numeric ?? {}), ...(segment.numeric ?? {}) },
      ...(segment.rfm ? { rfm: { recency: tuple(segment.rfm.recency), frequency: tuple(segment.rfm.frequency), monetary: tuple(segment.rfm.monetary) } } : {}),
      tags: { ...(typical.tags ?? {}), ...(segment.tags ?? {}) },
      reach: typical.reach ?? {},
      behaviour: {
        ...typical.behaviour,
        purchase: bgnbd ? { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b } : typical.behaviour.purchase,
        orderValue: gammaGamma ? { p: gammaGamma.p, q: gammaGamma.q, gamma: gammaGamma.gamma } : typical.behaviour.orderValue,
        response,
      },
    };
  });
  const customers = input.segments.reduce((sum, segment) => sum + segment.customers, 0);
  const preset = input.preset.spec;
  return {
    schemaVersion: preset.schemaVersion,
    id: input.id,
    name: input.name,
    description: input.description,
    size: Math.min(MAX_USERS, Math.max(1, customers)),
    controlGroupShare: preset.controlGroupShare ?? 0,
    ...timingOf(preset.timing, input.timing),
    ...(preset.calendar === undefined ? {} : { calendar: preset.calendar }),
    attributes: { ...(preset.attributes ?? {}), ...(input.extraAttributes ?? {}) },
    tags: [...new Set([...(preset.tags ?? []), ...(input.extraTags ?? [])])],
    segments,
    provenance: {
      ...input.provenance,
      fits: input.segments.map((segment) => segment.fit),
      filledFromPreset: { preset: input.preset.id, fields: [...filled].filter((field) => field !== 'timing' || !measuresTiming(input.timing)) },
    },
  };
}

/** Five shares as the schema's tuple, rounded so they add up to 100. */
function tuple(values: readonly number[]): [number, number, number, number, number] {
  const shares = sharesOf(values);
  return [shares[0] ?? 0, shares[1] ?? 0, shares[2] ?? 0, shares[3] ?? 0, shares[4] ?? 0];
}

/** The preset's responses with what was measured put over them, field by field; a channel the preset lacks only when all three were measured. */
function mergedResponses(preset: Partial<Record<Channel, ChannelResponse>>, measured: Partial<Record<Channel, Partial<ChannelResponse>>>): Partial<Record<Channel, ChannelResponse>> {
  const merged: Partial<Record<Channel, ChannelResponse>> = { ...preset };
  for (const [channel, fields] of Object.entries(measured) as [Channel, Partial<ChannelResponse>][]) {
    const base = preset[channel];
    if (base) merged[channel] = { ...base, ...fields };
    else if (fields.open !== undefined && fields.click !== undefined && fields.unsubscribe !== undefined) merged[channel] = { open: fields.open, click: fields.click, unsubscribe: fields.unsubscribe };
  }
  return merged;
}

const measuresTiming = (timing: FittedCohortInput['timing']): boolean => !!timing && Object.keys(timing.openByHour).length + Object.keys(timing.openByWeekday).length > 0;

/** The preset's timing with the measured open patterns put over it, channel by channel. */
function timingOf(preset: CohortSpecInput['timing'], measured: FittedCohortInput['timing']): Pick<CohortSpecInput, 'timing'> {
  if (!measuresTiming(measured)) return preset === undefined ? {} : { timing: preset };
  return { timing: { ...(preset ?? {}), openByHour: { ...(preset?.openByHour ?? {}), ...measured!.openByHour }, openByWeekday: { ...(preset?.openByWeekday ?? {}), ...measured!.openByWeekday } } };
}
