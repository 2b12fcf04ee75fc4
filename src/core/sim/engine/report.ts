import { channels, type Channel } from '../../journey/channels';
import { stages, type Stage } from '../../journey/stages';
import { MS } from '../../journey/duration';
import { armSlot, channelSlot, segmentSlot, type ArmField, type CounterLayout } from './counters';
import { MONEY_UNIT, type Model } from './model';
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
  method: 'wilson' | 'newcombe' | 't';
}

export interface Estimate {
  value: number;
  interval: Interval | null;
}

export interface NodeReport {
  id: string;
  kind: string;
  label: string;
  stage: Stage;
  entries: number;
  users: number;
  ports: Record<string, number>;
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
  assigned: number;
  converted: number;
  conversionRate: Estimate;
  revenue: number;
  cost: number;
}

export interface SimulationReport {
  format: 'journey-lab-report';
  version: 1;
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
  purchases: number;
  journeyPurchases: number;
  revenue: number;
  revenueAllUsers: number;
  cost: { touches: number; offers: number; total: number; byChannel: Record<Channel, number> };
  offers: { granted: number; redeemed: number };
  roi: Estimate;
  cac: Estimate;
  arpu: Estimate;
  ltv: Estimate;
  churned: number;
  churnedEntered: number;
  unsubscribes: Record<Channel, number>;
  quietHours: { deferred: number; dropped: number };
  deadEnds: number;
  nodes: NodeReport[];
  goals: { node: string; goal: string; users: number; rate: Estimate }[];
  stagesByDay: Record<Stage, number[]>;
  /** Users converting (reaching a first goal) each day, and journey revenue each day, in yuan. */
  conversionsByDay: number[];
  revenueByDay: number[];
  channels: Record<Channel, ChannelReport>;
  operations: { peakDay: number; peakSends: number; suppressed: number };
  segments: { id: string; users: number; entered: number; converted: number; conversionRate: Estimate; purchases: number; revenue: number; cost: number; churned: number; unsubscribes: number }[];
  arms: ArmReport[];
  lift: {
    split: string;
    holdout: string;
    treatedRate: number;
    holdoutRate: number;
    difference: Estimate;
    /** Revenue per treated user minus revenue per holdout user, times the treated users: what the journey added. */
    incrementalRevenue: Estimate;
    /** (incremental revenue − the treated users' cost) ÷ that cost. */
    incrementalRoi: Estimate;
  } | null;
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
    roi: ratio(revenue - cost, cost),
    cac: ratio(cost, at(s.converted)),
    arpu: ratio(revenue, at(s.entered)),
    ltv: ratio(yuan(at(s.convertedRevenue)), at(s.converted)),
  };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
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
        revenue: yuan(at(slot('revenue'))),
        cost: yuan(at(slot('cost'))),
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
    lift = {
      split: holdoutArm.split,
      holdout: holdoutArm.port,
      treatedRate: mean(each.map((x) => ratio(x.treated, x.treatedN))),
      holdoutRate: mean(each.map((x) => ratio(x.holdout, x.holdoutN))),
      difference: { value: mean(values), interval: R >= 2 ? tInterval(values) : newcombe(first.treated, first.treatedN, first.holdout, first.holdoutN) },
      incrementalRevenue: replicated(each.map((x) => x.incremental)),
      incrementalRoi: replicated(each.map((x) => x.incrementalRoi)),
    };
  }

  const segmentField = (segment: number, field: Parameters<typeof segmentSlot>[2]) => segmentSlot(layout, segment, field);
  const revenue = yuan(at(s.journeyRevenue));
  const touches = yuan(at(s.touchCost));
  const offers = yuan(at(s.offerCost));
  return {
    format: 'journey-lab-report',
    version: 1,
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
    purchases: at(s.purchases),
    journeyPurchases: at(s.journeyPurchases),
    revenue,
    revenueAllUsers: yuan(at(s.revenueAll)),
    cost: { touches, offers, total: touches + offers, byChannel },
    offers: { granted: at(s.offersGranted), redeemed: at(s.offersRedeemed) },
    roi: ratioEstimate((figure) => figure.roi),
    cac: ratioEstimate((figure) => figure.cac),
    arpu: ratioEstimate((figure) => figure.arpu),
    ltv: ratioEstimate((figure) => figure.ltv),
    churned: at(s.churned),
    churnedEntered: at(s.churnedEntered),
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
      revenue: yuan(at(segmentField(index, 'journeyRevenue'))),
      cost: yuan(at(segmentField(index, 'cost'))),
      churned: at(segmentField(index, 'churned')),
      unsubscribes: at(segmentField(index, 'unsubscribes')),
    })),
    arms,
    lift,
  };
}
