/**
 * Channel responses measured in campaign history: per channel (and per segment, where the history has
 * one row per send with the customer), the chance a delivered touch is opened, that an opened one is
 * clicked, and that a delivered one makes the customer opt out — each a Beta posterior under the
 * Jeffreys prior with its 95 % interval — and, where sends have times, open-rate multipliers by local
 * hour and weekday for the cohort's timing. Too few sends give no estimate: the preset's value stays.
 */
import { channels, type Channel } from '../journey/channels';
import { campaignOutcomes, type CampaignSummary, type OutcomeCounts } from './import/campaigns';
import { jeffreysEstimate, type RateEstimate } from './betaInterval';

/** Deliveries a channel (or a segment's channel) needs before its rates are estimated. */
export const MIN_DELIVERED = 100;
/** Deliveries an hour or weekday needs before it gets its own multiplier (else 1). */
export const MIN_DELIVERED_PER_SLOT = 30;
/** The largest multiplier a timing slot may have (the cohort format's limit). */
const MAX_MULTIPLIER = 20;

export interface ChannelResponseFit {
  channel: Channel;
  /** The segment's id, or null for every customer. */
  segment: string | null;
  delivered: number;
  open: RateEstimate | null;
  click: RateEstimate | null;
  unsubscribe: RateEstimate | null;
}

const known = (summary: CampaignSummary, outcome: (typeof campaignOutcomes)[number]) => summary.outcomesKnown.includes(outcome);

function fitOf(summary: CampaignSummary, channel: Channel, segment: string | null, counts: OutcomeCounts): ChannelResponseFit | null {
  const delivered = counts.delivered;
  if (delivered < MIN_DELIVERED) return null;
  const opened = known(summary, 'opened') ? counts.opened : null;
  return {
    channel,
    segment,
    delivered,
    open: opened === null ? null : jeffreysEstimate(Math.min(opened, delivered), delivered),
    click: opened !== null && opened > 0 && known(summary, 'clicked') ? jeffreysEstimate(Math.min(counts.clicked, opened), opened) : null,
    unsubscribe: known(summary, 'unsubscribed') ? jeffreysEstimate(Math.min(counts.unsubscribed, delivered), delivered) : null,
  };
}

/**
 * Estimates for every channel with enough deliveries over all customers, and — when the history has
 * one row per send and `segmentOf` names customers' segments — for every segment's channel with enough.
 */
export function channelResponseFits(summary: CampaignSummary, segmentOf?: (customer: number) => string | null): ChannelResponseFit[] {
  const fits: ChannelResponseFit[] = [];
  for (const channel of channels) {
    const counts = summary.byChannel[channel];
    const fit = counts && fitOf(summary, channel, null, counts);
    if (fit) fits.push(fit);
  }
  const sends = summary.sends;
  if (!sends || !segmentOf) return fits;
  const bySegment = new Map<string, OutcomeCounts>();
  for (let i = 0; i < sends.length; i++) {
    const segment = sends.customer[i]! >= 0 ? segmentOf(sends.customer[i]!) : null;
    if (segment === null) continue;
    const key = `${segment}\u0000${sends.channel[i]}`;
    let counts = bySegment.get(key);
    if (!counts) bySegment.set(key, (counts = { sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, converted: 0 }));
    const bits = sends.outcomes[i]!;
    counts.sent++;
    // Bit 0 is delivery, set for every send when the file says nothing of delivery (deliveredAssumed).
    campaignOutcomes.forEach((outcome, bit) => (counts[outcome] += (bits >> bit) & 1));
  }
  for (const [key, counts] of bySegment) {
    const [segment, channelIndex] = key.split('\u0000') as [string, string];
    const fit = fitOf(summary, channels[Number(channelIndex)]!, segment, counts);
    if (fit) fits.push(fit);
  }
  return fits;
}

/** Open-rate multipliers per slot (hour or weekday): the slot's open rate over the channel's, 1 where a slot has too few deliveries. */
function multipliers(slots: readonly OutcomeCounts[]): number[] | null {
  const total = slots.reduce((sum, slot) => ({ delivered: sum.delivered + slot.delivered, opened: sum.opened + slot.opened }), { delivered: 0, opened: 0 });
  if (total.opened === 0 || total.delivered < MIN_DELIVERED) return null;
  const overall = total.opened / total.delivered;
  const values = slots.map((slot) => (slot.delivered >= MIN_DELIVERED_PER_SLOT ? Math.min(MAX_MULTIPLIER, slot.opened / slot.delivered / overall) : 1));
  return values.some((value) => value !== 1) ? values.map((value) => Math.round(value * 1000) / 1000) : null;
}

export interface MeasuredTiming {
  openByHour: Partial<Record<Channel, number[]>>;
  openByWeekday: Partial<Record<Channel, number[]>>;
}

/** Send-hour and weekday open patterns, per channel, where the history has times and opens. */
export function timingFromCampaigns(summary: CampaignSummary): MeasuredTiming {
  const timing: MeasuredTiming = { openByHour: {}, openByWeekday: {} };
  if (!known(summary, 'opened')) return timing;
  for (const channel of channels) {
    const byHour = summary.byHour[channel] && multipliers(summary.byHour[channel]);
    if (byHour) timing.openByHour[channel] = byHour;
    const byWeekday = summary.byWeekday[channel] && multipliers(summary.byWeekday[channel]);
    if (byWeekday) timing.openByWeekday[channel] = byWeekday;
  }
  return timing;
}

/** The cohort's response fields a fit measured: the posterior means, for the segment (its own fit first, else everyone's). */
export function measuredResponses(fits: readonly ChannelResponseFit[], segment: string): Partial<Record<Channel, { open?: number; click?: number; unsubscribe?: number }>> {
  const measured: Partial<Record<Channel, { open?: number; click?: number; unsubscribe?: number }>> = {};
  for (const channel of channels) {
    const fit = fits.find((candidate) => candidate.channel === channel && candidate.segment === segment) ?? fits.find((candidate) => candidate.channel === channel && candidate.segment === null);
    if (!fit) continue;
    const fields = { ...(fit.open ? { open: fit.open.mean } : {}), ...(fit.click ? { click: fit.click.mean } : {}), ...(fit.unsubscribe ? { unsubscribe: fit.unsubscribe.mean } : {}) };
    if (Object.keys(fields).length > 0) measured[channel] = fields;
  }
  return measured;
}
