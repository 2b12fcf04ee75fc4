import { channels, type Channel } from '../../journey/channels';
import { stages, type Stage } from '../../journey/stages';
import { MS } from '../../journey/duration';
import { armSlot, channelSlot, PAIRED, PAIRED_BLOCK, PAIRED_WIDE_AT, segmentSlot, wideValue, type ArmField, type CounterLayout, type PairedSum, type PairedWide } from './counters';
import { MONEY_UNIT, type Model } from './model';
import { usersPerArm } from '../math/sampleSize';
import type { EngineName } from './runRange';

/**
 * The report of a run: counts (means over replications), money in yuan, and rates with 95 % intervals.
 * With one replication, proportions get the Wilson score interval and the holdout lift Newcombe's
 * interval for a difference of proportions (both from the users simulated); ratios such as ROI get no
 * interval. With R ≥ 2 replications (seeds seed, seed + 1, …) every figure gets the t interval over
 * the replications' values. docs/simulation.md explains each figure.
 */

export interface Interval {
  low: number;
  high: number;
  /**
   * wilson / newcombe: score intervals of proportions; t: over replications; paired: from the per-user
   * differences between each user and their twin (docs/simulation.md, "The twin").
   */
  method: 'wilson' | 'newcombe' | 't' | 'paired' | 'normal';
}

export interface Estimate {
  value: number;
  interval: Interval | null;
}

/**
 * What the journey adds over what the same users would have done without it (their twins): totals over
 * the group's users (per replication), with 95 % intervals from the per-user paired differences.
 * Money in yuan; `roi` a ratio (0.25 = 25 %), shown as a percentage everywhere.
 */
export interface Incremental {
  /** Users in the group. */
  users: number;
  /** Users who reached a goal node minus users whose twin did ("converted anyway"). */
  conversions: Estimate;
  purchases: Estimate;
  /** Revenue over the whole horizon minus the twin's. */
  revenue: Estimate;
  /** The journey's cost (touches and redeemed offers): all of it is incremental, the twin costs nothing. */
  cost: Estimate;
  /** (incremental revenue − cost) ÷ cost; null interval when there is no cost. */
  roi: Estimate;
  /** Cost ÷ incremental conversions (null when the journey adds none); null interval when the conversions' interval reaches 0. */
  costPerConversion: Estimate | null;
}

/** Per node: over the users who entered it, their whole-horizon increment (no intervals). */
export interface NodeIncrement {
  conversions: number;
  revenue: number;
  cost: number;
}

export interface NodeReport {
  id: string;
  kind: string;
  label: string;
  stage: Stage;
  entries: number;
  users: number;
  ports: Record<string, number>;
  incremental: NodeIncrement;
}

export interface ChannelReport {
  sent: number;
  suppressed: number;
  unreachable: number;
  optedOut: number;
  opens: number;
  clicks: number;
  unsubscribes: number;
  cost: number;
  sentByDay: number[];
  suppressedByDay: number[];
  /** Sends at each hour of the day (0–23), over the whole horizon. */
  sentByHour: number[];
}

export interface ArmReport {
  split: string;
  port: string;
  label: string;
  holdout: boolean;
  /** Users assigned to this arm (a user keeps their arm of a split for the whole run). */
  assigned: number;
  /** Assigned users who reached a goal node after assignment, within the same stay. */
  converted: number;
  conversionRate: Estimate;
  /** Attributed: what assigned users bought after assignment while in the journey, and what they cost. */
  attributedRevenue: number;
  cost: number;
  /** The arm's users against their twins, over the whole horizon. */
  incremental: Incremental;
}

export interface SegmentReport {
  id: string;
  users: number;
  entered: number;
  converted: number;
  conversionRate: Estimate;
  purchases: number;
  attributedRevenue: number;
  cost: number;
  churned: number;
  /** Users of the segment a clicked touch won back after they had lapsed. */
  reactivated: number;
  unsubscribes: number;
  incremental: Incremental;
}

/** The holdout comparison a real A/B test after launch would make, beside the true effect. */
export interface HoldoutLift {
  split: string;
  holdout: string;
  treatedRate: number;
  holdoutRate: number;
  /** Treated arms' conversion rate minus the holdout's (Newcombe, or t over replications). */
  difference: Estimate;
  /** The same difference measured without noise: treated arms' incremental conversions per assigned user. */
  trueDifference: number;
  /** Revenue per treated user minus revenue per holdout user (attributed, after assignment), times the treated users. */
  incrementalRevenue: Estimate;
  /** (incremental revenue − the treated users' cost) ÷ that cost. */
  incrementalRoi: Estimate;
  /**
   * Users the holdout needs (with as many or more treated) for a two-sided 5 % test to detect the true
   * difference with 80 % power; null when the journey adds nothing to detect.
   */
  holdoutUsersNeeded: number | null;
}

/** The cohort's global control group: held out of every journey, the whole journey's effect against it. */
export interface ControlGroupReport {
  share: number;
  controlUsers: number;
  treatedUsers: number;
  /** Share of each group that reached a goal node over the horizon. */
  controlRate: number;
  treatedRate: number;
  difference: Estimate;
  /** Whole-horizon revenue per user of each group (yuan). */
  controlRevenuePerUser: number;
  treatedRevenuePerUser: number;
  /** Treated users' revenue minus what as many control users spent: Welch's interval. */
  incrementalRevenue: Estimate;
}

export const REPORT_VERSION = 2;

export interface SimulationReport {
  format: 'journey-lab-report';
  version: typeof REPORT_VERSION;
  journey: { id: string; name: string };
  cohort: { id: string };
  engine: EngineName;
  seed: number;
  users: number;
  replications: number;
  horizonDays: number;
  entered: number;
  entries: number;
  converted: number;
  conversionRate: Estimate;
  /** What the journey adds, over all users simulated (the headline figures). */
  incremental: Incremental & { byDay: { conversions: number[]; revenue: number[] } };
  /** The twins: what the same users do without the journey ("anyway"). */
  baseline: { converted: number; purchases: number; revenue: number };
  purchases: number;
  journeyPurchases: number;
  /** Attributed revenue: everything users bought while in the journey, organic purchases included. */
  attributedRevenue: number;
  revenueAllUsers: number;
  cost: { touches: number; offers: number; total: number; byChannel: Record<Channel, number> };
  offers: { granted: number; redeemed: number };
  /** (attributed revenue − cost) ÷ cost: a ratio, shown as a percentage. Not the journey's return: see incremental.roi. */
  attributedRoi: Estimate;
  cac: Estimate;
  arpu: Estimate;
  /** Attributed revenue per converted user, over the horizon (what was called LTV). */
  revenuePerConverted: Estimate;
  /**
   * Customer value: a converted customer's expected revenue over the 12 months after the horizon, from
   * their purchase model's conditional expectation (their rate, dropout and spend, alive or not).
   */
  customerValue: Estimate;
  /** Users who dropped out (lapsed) within the horizon, at least once; `churnedEntered` of them had entered the journey. */
  churned: number;
  churnedEntered: number;
  /** Users a clicked touch won back after they had lapsed (each once; they may lapse again). */
  reactivated: number;
  unsubscribes: Record<Channel, number>;
  quietHours: { deferred: number; dropped: number };
  deadEnds: number;
  nodes: NodeReport[];
  goals: { node: string; goal: string; users: number; rate: Estimate }[];
  stagesByDay: Record<Stage, number[]>;
  /** Users who reached each stage or a later one (in stage order): a funnel that never widens. */
  stageFunnel: Record<Stage, number>;
  /** Users converting (reaching a first goal) each day, and attributed revenue each day, in yuan. */
  conversionsByDay: number[];
  revenueByDay: number[];
  channels: Record<Channel, ChannelReport>;
  operations: { peakDay: number; peakSends: number; suppressed: number };
  segments: SegmentReport[];
  arms: ArmReport[];
  lift: HoldoutLift | null;
  controlGroup: ControlGroupReport | null;
}

// ---------------------------------------------------------------------------------------------------
// Intervals

const Z = 1.959963984540054;

/** Wilson score interval for successes out of trials. */
export function wilson(successes: number, trials: number): Interval | null {
  if (!(trials > 0)) return null;
  const p = successes / trials;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (Z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half), method: 'wilson' };
}

/** Newcombe's hybrid score interval for p1 − p2 (method 10 of Newcombe 1998). */
export function newcombe(x1: number, n1: number, x2: number, n2: number): Interval | null {
  const a = wilson(x1, n1);
  const b = wilson(x2, n2);
  if (!a || !b) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    low: difference - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: difference + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
    method: 'newcombe',
  };
}

// 97.5 % quantiles of Student's t (a two-sided 95 % interval) for 1–30 degrees of freedom.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The 97.5 % quantile of t with `df` degrees of freedom: the table, then the Cornish–Fisher expansion (error < 1e-4 from df 30). */
export function t975(df: number): number {
  if (df <= T975.length) return T975[df - 1]!;
  const z = Z;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** The t interval for the mean of replication values (null for fewer than two finite values). */
export function tInterval(values: number[]): Interval | null {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n < 2) return null;
  const mean = finite.reduce((sum, value) => sum + value, 0) / n;
  const variance = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half, method: 't' };
}

// ---------------------------------------------------------------------------------------------------

const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : 0);
const yuan = (units: number) => units / MONEY_UNIT;

/** One replication's headline figures, from its counters. */
function figures(model: Model, counters: Float64Array) {
  const s = model.layout.scalar;
  const at = (slot: number) => counters[slot]!;
  const revenue = yuan(at(s.journeyRevenue));
  const cost = yuan(at(s.touchCost) + at(s.offerCost));
  return {
    conversionRate: ratio(at(s.converted), at(s.entered)),
    attributedRoi: ratio(revenue - cost, cost),
    cac: ratio(cost, at(s.converted)),
    arpu: ratio(revenue, at(s.entered)),
    revenuePerConverted: ratio(yuan(at(s.convertedRevenue)), at(s.converted)),
  };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

// ---------------------------------------------------------------------------------------------------
// Paired differences (the twin)

const sumOver = (replications: Float64Array[], slot: number) => replications.reduce((sum, counters) => sum + counters[slot]!, 0);
const wideOver = (replications: Float64Array[], slot: number) => replications.reduce((sum, counters) => sum + wideValue(counters, slot), 0n);

/**
 * The per-user sample covariance of a and b over n users from their exact sums: (n·Σab − Σa·Σb) ÷ (n(n − 1)),
 * the numerator in BigInt so no digit is lost before the one rounding to a float.
 */
function covariance(n: number, sumA: number, sumB: number, sumAB: bigint): number {
  if (n < 2) return 0;
  const numerator = BigInt(n) * sumAB - BigInt(sumA) * BigInt(sumB);
  return Number(numerator) / (n * (n - 1));
}

const normalInterval = (value: number, standardError: number, method: Interval['method']): Interval | null =>
  Number.isFinite(standardError) ? { low: value - Z * standardError, high: value + Z * standardError, method } : null;

/**
 * A group's incremental figures from its paired block, pooled over the replications (independent users):
 * each total is the mean per-user difference times the group's users per replication, its interval
 * from the per-user variance; ROI and cost per conversion are ratios of totals with the delta method.
 */
function pairedFigures(replications: Float64Array[], block: number): Incremental {
  const R = replications.length;
  const sum = (field: PairedSum) => sumOver(replications, block + PAIRED[field]);
  const wide = (field: PairedWide) => wideOver(replications, block + PAIRED_WIDE_AT[field]);
  const n = sum('users');
  const sums = { conversions: sum('conversions'), purchases: sum('purchases'), revenue: sum('revenue'), cost: sum('cost') };
  const variance = {
    conversions: covariance(n, sums.conversions, sums.conversions, wide('conversions2')),
    purchases: covariance(n, sums.purchases, sums.purchases, wide('purchases2')),
    revenue: covariance(n, sums.revenue, sums.revenue, wide('revenue2')),
    cost: covariance(n, sums.cost, sums.cost, wide('cost2')),
  };
  const total = (field: keyof typeof sums, scale = 1): Estimate => {
    const value = sums[field] / R / scale;
    return { value, interval: n >= 2 ? normalInterval(value, Math.sqrt(n * variance[field]) / R / scale, 'paired') : null };
  };
  const conversions = total('conversions');
  // ROI = Σrevenue ÷ Σcost − 1; Var(ratio) ≈ (σr² − 2Kσrc + K²σc²) ÷ (n·c̄²) with K the ratio (delta method).
  const ratioError = (top: number, bottom: number, varianceTop: number, varianceBottom: number, cross: number) => {
    const K = top / bottom;
    const meanBottom = bottom / n;
    return Math.sqrt(Math.max(0, varianceTop - 2 * K * cross + K * K * varianceBottom) / (n * meanBottom * meanBottom));
  };
  let roi: Estimate = { value: 0, interval: null };
  if (sums.cost > 0) {
    const value = sums.revenue / sums.cost - 1;
    const cross = covariance(n, sums.revenue, sums.cost, wide('revenueCost'));
    roi = { value, interval: n >= 2 ? normalInterval(value, ratioError(sums.revenue, sums.cost, variance.revenue, variance.cost, cross), 'paired') : null };
  }
  let costPerConversion: Estimate | null = null;
  if (sums.conversions > 0) {
    const value = yuan(sums.cost / sums.conversions);
    const cross = covariance(n, sums.cost, sums.conversions, wide('conversionsCost'));
    const reachesZero = !conversions.interval || conversions.interval.low <= 0;
    costPerConversion = {
      value,
      interval: reachesZero ? null : normalInterval(value, yuan(ratioError(sums.cost, sums.conversions, variance.cost, variance.conversions, cross)), 'paired'),
    };
  }
  return {
    users: n / R,
    conversions,
    purchases: total('purchases'),
    revenue: total('revenue', MONEY_UNIT),
    cost: total('cost', MONEY_UNIT),
    roi,
    costPerConversion,
  };
}

/**
 * Users a holdout needs to detect the true effect: the treated rate against the rate without the journey
 * it implies. The true effect counts whole-horizon increments, the rate only goals within the stay, so
 * the implied rate can fall below 0; then (and for no effect) there is no such size.
 */
function holdoutSizeFor(treatedRate: number, trueDifference: number): number | null {
  const without = treatedRate - trueDifference;
  if (!(trueDifference > 0) || !(without >= 0) || !(treatedRate <= 1)) return null;
  const users = usersPerArm(treatedRate, without);
  return Number.isFinite(users) ? users : null;
}

function controlGroupReport(model: Model, replications: Float64Array[]): ControlGroupReport | null {
  const s = model.layout.scalar;
  const R = replications.length;
  const sum = (slot: number) => sumOver(replications, slot);
  const nc = sum(s.controlUsers);
  const nt = sum(s.treatedUsers);
  if (!(model.controlShare > 0) || nc < 2 || nt < 2) return null;
  const controlRevenue = sum(s.controlRevenue);
  const treatedRevenue = sum(s.treatedRevenue);
  const varianceControl = covariance(nc, controlRevenue, controlRevenue, wideOver(replications, model.layout.wideScalar.controlRevenue2));
  const varianceTreated = covariance(nt, treatedRevenue, treatedRevenue, wideOver(replications, model.layout.wideScalar.treatedRevenue2));
  const perUser = (revenue: number, users: number) => yuan(revenue / users);
  const incremental = (perUser(treatedRevenue, nt) - perUser(controlRevenue, nc)) * (nt / R);
  const rates = replications.map((counters) => ({
    control: ratio(counters[s.controlConverted]!, counters[s.controlUsers]!),
    treated: ratio(counters[s.treatedConverted]!, counters[s.treatedUsers]!),
  }));
  const differences = rates.map((rate) => rate.treated - rate.control);
  const first = replications[0]!;
  return {
    share: model.controlShare,
    controlUsers: nc / R,
    treatedUsers: nt / R,
    controlRate: mean(rates.map((rate) => rate.control)),
    treatedRate: mean(rates.map((rate) => rate.treated)),
    difference: {
      value: mean(differences),
      interval: R >= 2 ? tInterval(differences) : newcombe(first[s.treatedConverted]!, first[s.treatedUsers]!, first[s.controlConverted]!, first[s.controlUsers]!),
    },
    controlRevenuePerUser: perUser(controlRevenue, nc),
    treatedRevenuePerUser: perUser(treatedRevenue, nt),
    // Welch: the standard error of the difference of two means with their own variances.
    incrementalRevenue: { value: incremental, interval: normalInterval(incremental, yuan(Math.sqrt(varianceTreated / nt + varianceControl / nc)) * (nt / R), 'normal') },
  };
}

function customerValueEstimate(model: Model, replications: Float64Array[]): Estimate {
  const s = model.layout.scalar;
  const n = sumOver(replications, s.converted);
  const total = sumOver(replications, s.customerValue);
  if (!(n > 0)) return { value: 0, interval: null };
  const value = yuan(total / n);
  const variance = covariance(n, total, total, wideOver(replications, model.layout.wideScalar.customerValue2));
  return { value, interval: n >= 2 ? normalInterval(value, yuan(Math.sqrt(variance / n)), 'normal') : null };
}

export interface ReportMeta {
  engine: EngineName;
  seed: number;
}

/** The report of `replications` (counter arrays from seeds seed, seed + 1, …) of one model. */
export function buildReport(model: Model, replications: Float64Array[], meta: ReportMeta): SimulationReport {
  const layout: CounterLayout = model.layout;
  const R = replications.length;
  const averaged = new Float64Array(layout.size);
  for (const counters of replications) for (let index = 0; index < layout.size; index++) averaged[index]! += counters[index]!;
  for (let index = 0; index < layout.size; index++) averaged[index]! /= R;
  const at = (slot: number) => averaged[slot]!;
  const s = layout.scalar;
  const perReplication = replications.map((counters) => figures(model, counters));
  const replicated = (values: number[]): Estimate => ({ value: mean(values), interval: R >= 2 ? tInterval(values) : null });
  const ratioEstimate = (pick: (figure: ReturnType<typeof figures>) => number): Estimate => replicated(perReplication.map(pick));
  const proportion = (successes: (counters: Float64Array) => number, trials: (counters: Float64Array) => number): Estimate => {
    const values = replications.map((counters) => ratio(successes(counters), trials(counters)));
    const value = mean(values);
    if (R >= 2) return { value, interval: tInterval(values) };
    return { value, interval: wilson(successes(replications[0]!), trials(replications[0]!)) };
  };

  const channelReports = {} as Record<Channel, ChannelReport>;
  const byChannel = {} as Record<Channel, number>;
  const unsubscribes = {} as Record<Channel, number>;
  channels.forEach((channel, index) => {
    const field = (name: Parameters<typeof channelSlot>[2]) => at(channelSlot(layout, index, name));
    const days = (base: number) => Array.from({ length: model.days }, (_, day) => at(base + index * model.days + day));
    channelReports[channel] = {
      sent: field('sent'),
      suppressed: field('suppressed'),
      unreachable: field('unreachable'),
      optedOut: field('optedOut'),
      opens: field('opens'),
      clicks: field('clicks'),
      unsubscribes: field('unsubscribes'),
      cost: yuan(field('cost')),
      sentByDay: days(layout.sentByDay),
      suppressedByDay: days(layout.suppressedByDay),
      sentByHour: Array.from({ length: 24 }, (_, hour) => at(layout.sentByHour + index * 24 + hour)),
    };
    byChannel[channel] = yuan(field('cost'));
    unsubscribes[channel] = field('unsubscribes');
  });
  const sendsByDay = Array.from({ length: model.days }, (_, day) => channels.reduce((sum, channel) => sum + channelReports[channel].sentByDay[day]!, 0));
  // A loop, not Math.max(...sendsByDay): a long horizon has more days than a call takes arguments.
  const peakSends = sendsByDay.reduce((most, sends) => Math.max(most, sends), 0);

  const nodes: NodeReport[] = model.nodes.map((node, index) => ({
    id: node.id,
    kind: node.kind,
    label: node.label,
    stage: stages[node.stage]!,
    entries: at(layout.nodeEntries + index),
    users: at(layout.nodeUsers + index),
    ports: Object.fromEntries(node.ports.map((port, portIndex) => [port, at(layout.portOffset[index]! + portIndex)])),
    incremental: {
      conversions: at(layout.nodeIncrement + index * 3),
      revenue: yuan(at(layout.nodeIncrement + index * 3 + 1)),
      cost: yuan(at(layout.nodeIncrement + index * 3 + 2)),
    },
  }));

  const arms: ArmReport[] = [];
  model.nodes.forEach((node, index) => {
    if (!node.isSplit) return;
    node.ports.forEach((port, portIndex) => {
      const slot = (field: ArmField) => armSlot(layout, index, portIndex, field);
      arms.push({
        split: node.id,
        port,
        label: node.armLabel[portIndex]!,
        holdout: node.holdout[portIndex]!,
        assigned: at(slot('assigned')),
        converted: at(slot('converted')),
        conversionRate: proportion((c) => c[slot('converted')]!, (c) => c[slot('assigned')]!),
        attributedRevenue: yuan(at(slot('revenue'))),
        cost: yuan(at(slot('cost'))),
        incremental: pairedFigures(replications, layout.pairedArmOffset[index]! + portIndex * PAIRED_BLOCK),
      });
    });
  });

  let lift: SimulationReport['lift'] = null;
  const holdoutArm = arms.find((arm) => arm.holdout);
  if (holdoutArm) {
    const split = model.nodeIndex.get(holdoutArm.split)!;
    const slot = (port: number, field: ArmField) => armSlot(layout, split, port, field);
    const holdoutPort = model.nodes[split]!.ports.indexOf(holdoutArm.port);
    const treatedPorts = model.nodes[split]!.ports.map((_, port) => port).filter((port) => !model.nodes[split]!.holdout[port]);
    const sums = (counters: Float64Array) => {
      const total = (field: ArmField) => treatedPorts.reduce((sum, port) => sum + counters[slot(port, field)]!, 0);
      const treatedN = total('assigned');
      const holdoutN = counters[slot(holdoutPort, 'assigned')]!;
      const incremental = treatedN > 0 && holdoutN > 0 ? yuan(total('revenue')) - (yuan(counters[slot(holdoutPort, 'revenue')]!) / holdoutN) * treatedN : 0;
      const cost = yuan(total('cost'));
      return { treated: total('converted'), treatedN, holdout: counters[slot(holdoutPort, 'converted')]!, holdoutN, incremental, incrementalRoi: ratio(incremental - cost, cost) };
    };
    const each = replications.map(sums);
    const values = each.map((x) => ratio(x.treated, x.treatedN) - ratio(x.holdout, x.holdoutN));
    const first = each[0]!;
    const treatedRate = mean(each.map((x) => ratio(x.treated, x.treatedN)));
    // The true effect on the same users: the treated arms' incremental conversions per assigned user.
    const treatedUsers = treatedPorts.reduce((sum, port) => sum + sumOver(replications, slot(port, 'assigned')), 0);
    const treatedIncrement = treatedPorts.reduce((sum, port) => sum + sumOver(replications, layout.pairedArmOffset[split]! + port * PAIRED_BLOCK + PAIRED.conversions), 0);
    const trueDifference = ratio(treatedIncrement, treatedUsers);
    lift = {
      split: holdoutArm.split,
      holdout: holdoutArm.port,
      treatedRate,
      holdoutRate: mean(each.map((x) => ratio(x.holdout, x.holdoutN))),
      difference: { value: mean(values), interval: R >= 2 ? tInterval(values) : newcombe(first.treated, first.treatedN, first.holdout, first.holdoutN) },
      trueDifference,
      incrementalRevenue: replicated(each.map((x) => x.incremental)),
      incrementalRoi: replicated(each.map((x) => x.incrementalRoi)),
      holdoutUsersNeeded: holdoutSizeFor(treatedRate, trueDifference),
    };
  }

  const segmentField = (segment: number, field: Parameters<typeof segmentSlot>[2]) => segmentSlot(layout, segment, field);
  const revenue = yuan(at(s.journeyRevenue));
  const touches = yuan(at(s.touchCost));
  const offers = yuan(at(s.offerCost));
  const incremental = pairedFigures(replications, layout.paired);
  const perStage = (base: number) => Object.fromEntries(stages.map((stage, index) => [stage, at(base + index)])) as Record<Stage, number>;
  return {
    format: 'journey-lab-report',
    version: REPORT_VERSION,
    journey: { id: model.journey.id, name: model.journey.name },
    cohort: { id: model.cohort.id },
    engine: meta.engine,
    seed: meta.seed,
    users: model.users,
    replications: R,
    horizonDays: model.horizonMs / MS.day,
    entered: at(s.entered),
    entries: at(s.entries),
    converted: at(s.converted),
    conversionRate: proportion((c) => c[s.converted]!, (c) => c[s.entered]!),
    incremental: {
      ...incremental,
      byDay: {
        conversions: Array.from({ length: model.days }, (_, day) => at(layout.incrementalConversionsByDay + day)),
        revenue: Array.from({ length: model.days }, (_, day) => yuan(at(layout.incrementalRevenueByDay + day))),
      },
    },
    baseline: {
      converted: at(s.converted) - incremental.conversions.value,
      purchases: at(s.purchases) - incremental.purchases.value,
      revenue: yuan(at(s.revenueAll)) - incremental.revenue.value,
    },
    purchases: at(s.purchases),
    journeyPurchases: at(s.journeyPurchases),
    attributedRevenue: revenue,
    revenueAllUsers: yuan(at(s.revenueAll)),
    cost: { touches, offers, total: touches + offers, byChannel },
    offers: { granted: at(s.offersGranted), redeemed: at(s.offersRedeemed) },
    attributedRoi: ratioEstimate((figure) => figure.attributedRoi),
    cac: ratioEstimate((figure) => figure.cac),
    arpu: ratioEstimate((figure) => figure.arpu),
    revenuePerConverted: ratioEstimate((figure) => figure.revenuePerConverted),
    customerValue: customerValueEstimate(model, replications),
    churned: at(s.churned),
    churnedEntered: at(s.churnedEntered),
    reactivated: at(s.reactivated),
    unsubscribes,
    quietHours: { deferred: at(s.deferred), dropped: at(s.dropped) },
    deadEnds: at(s.deadEnds),
    nodes,
    goals: model.nodes.flatMap((node, index) =>
      node.goal === null
        ? []
        : [{ node: node.id, goal: node.goal, users: at(layout.nodeUsers + index), rate: proportion((c) => c[layout.nodeUsers + index]!, (c) => c[s.entered]!) }],
    ),
    stagesByDay: Object.fromEntries(stages.map((stage, index) => [stage, Array.from({ length: model.days }, (_, day) => at(layout.stageByDay + index * model.days + day))])) as Record<
      Stage,
      number[]
    >,
    stageFunnel: perStage(layout.stageReached),
    conversionsByDay: Array.from({ length: model.days }, (_, day) => at(layout.convertedByDay + day)),
    revenueByDay: Array.from({ length: model.days }, (_, day) => yuan(at(layout.revenueByDay + day))),
    channels: channelReports,
    operations: { peakDay: sendsByDay.indexOf(peakSends), peakSends, suppressed: channels.reduce((sum, channel) => sum + channelReports[channel].suppressed, 0) },
    segments: model.segments.map((segment, index) => ({
      id: segment.id,
      users: at(segmentField(index, 'users')),
      entered: at(segmentField(index, 'entered')),
      converted: at(segmentField(index, 'converted')),
      conversionRate: proportion((c) => c[segmentField(index, 'converted')]!, (c) => c[segmentField(index, 'entered')]!),
      purchases: at(segmentField(index, 'purchases')),
      attributedRevenue: yuan(at(segmentField(index, 'journeyRevenue'))),
      cost: yuan(at(segmentField(index, 'cost'))),
      churned: at(segmentField(index, 'churned')),
      reactivated: at(segmentField(index, 'reactivated')),
      unsubscribes: at(segmentField(index, 'unsubscribes')),
      incremental: pairedFigures(replications, layout.pairedSegment + index * PAIRED_BLOCK),
    })),
    arms,
    lift,
    controlGroup: controlGroupReport(model, replications),
  };
}
