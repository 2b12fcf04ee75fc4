import { channels } from '../../journey/channels';
import { elapsedInEnglish, MS } from '../../journey/duration';
import { grouped } from '../../i18n';
import { UniformStream } from '../math/distributions';
import { sampleBgNbdDropout, sampleBgNbdRate } from '../math/bgnbd';
import { orderValueLatent, sampleOrderValue } from '../math/orderValue';
import { hashKey, hashString } from '../math/random';
import { ARM, ARM_FIELDS, CHANNEL, CHANNEL_FIELDS, SEGMENT, SEGMENT_FIELDS, type CounterLayout } from './counters';
import { EVENT_CLICK, EVENT_OPEN, EVENT_PURCHASE, EVENT_UNSUBSCRIBE, EVENT_VISIT, MONEY_UNIT, toMoneyUnits, type Model, type SegmentModel } from './model';
import type { TraceEntry, TouchOutcome } from './trace';

/**
 * The behaviour model around one user at a time (docs/simulation.md): their latent traits, the
 * purchases BG/NBD makes (lifted by clicks and offers), responses to touches, the journey's frequency
 * cap and quiet hours, and the counters and trace. Both engines drive it the same way — the reference
 * runner from an XState actor's effects, the kernel from its plan — so they can only differ in what the
 * journey does. One instance serves a whole range of users; `beginUser` resets it, nothing is allocated
 * per user (typed arrays grow when a user needs more room, and are kept).
 */

export const MAX_STEPS_PER_INSTANT = 10_000;
/** Node entries a user may make per day of the horizon, and at least, before the run fails (`stepBudget`). */
export const MAX_STEPS_PER_DAY = 5_000;
export const MIN_STEP_BUDGET = 20_000;

/**
 * How many nodes one user may enter over the whole horizon: 5,000 a day (at least 20,000). That is a
 * step every 17 seconds around the clock for the whole run; a real journey takes a few steps a day,
 * a loop that waits a minute or more goes round at most 1,440 times a day. Only a loop that time
 * hardly moves through (waits of milliseconds: validation warns of it as `loop-too-fast`) gets there,
 * and without the budget it would keep the run busy for hours. Both engines count the same entries,
 * so they stop at the same step with the same problem.
 */
export function stepBudget(horizonMs: number): number {
  return Math.max(MIN_STEP_BUDGET, Math.ceil((MAX_STEPS_PER_DAY * horizonMs) / MS.day));
}

/** A journey that keeps moving without time passing (see docs/simulation.md). */
export class RunawayError extends Error {
  constructor(
    readonly nodes: string[],
    readonly at: number,
    readonly user: number,
  ) {
    super(
      `The journey loops without time passing: user ${user} moved ${grouped(MAX_STEPS_PER_INSTANT)} times at ${at} ms through ${nodes.join(' → ')}. Put a wait (or a wait for an event) in the loop.`,
    );
    this.name = 'RunawayError';
  }
}

/** A user who used up the step budget of the whole horizon: a loop that time hardly moves through. */
export class StepBudgetError extends Error {
  constructor(
    readonly nodes: string[],
    readonly at: number,
    readonly user: number,
    readonly budget: number,
  ) {
    super(
      `The journey loops too fast: user ${user} entered ${grouped(budget)} nodes within ${elapsedInEnglish(at)} of launch, going round ${nodes.join(' → ')}. Make the waits in the loop longer (a minute or more), or give the loop a way out.`,
    );
    this.name = 'StepBudgetError';
  }
}

// Same-instant order of queued happenings: the world's own bookkeeping first, then behaviour events by code.
const Q_DEFERRED_TOUCH = 0;
const Q_LIFT_END = 1;
const Q_OFFER_END = 2;
const Q_EVENTS = 3;

const DAY = MS.day;
const HOUR = MS.hour;
const LATENT = hashString('bgnbd.latent');
const PURCHASES = hashString('bgnbd.purchases');
const SPEND_LATENT = hashString('orderValue.latent');
const ORDERS = hashString('orderValue.orders');
const EVENTS = hashString('events');
const TOUCH_DELAY = hashString('touch:delay');
const TOUCH_OPEN = hashString('touch:open');
const TOUCH_CLICK = hashString('touch:click');
const TOUCH_UNSUBSCRIBE = hashString('touch:unsubscribe');
const INV_2_32 = 1 / 4294967296;
/** Entries remembered to name the loop a user is caught in (a loop longer than this is named in part). */
const RECENT = 64;

function grow(array: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Float64Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

export class UserWorld {
  readonly horizon: number;
  readonly counters: Float64Array;
  /** Set to an array to record every step of the next user run into it (null: no trace, faster). */
  trace: TraceEntry[] | null = null;
  private tracing = false;

  // The current user
  user = 0;
  segment = 0;
  now = 0;
  private behaviour!: SegmentModel;
  private lambdaPerMs = 0;
  private dropout = 0;
  private dropoutCounter = 0;
  private spendLatent = 0;
  private alive = true;
  private purchaseCount = 0;
  private readonly purchases = new UniformStream(0, 0, PURCHASES);
  private readonly scratch = new UniformStream(0, 0, LATENT);
  // Purchases come from a Poisson process whose rate changes with lifts: `hazardLeft` of the current
  // Exp(1) draw remains at `hazardFrom`, used up at `rate` per ms; the purchase is due at `purchaseAt`.
  private hazardFrom = 0;
  private hazardLeft = 0;
  private rate = 0;
  private purchaseAt = Infinity;
  private clickUntil = -Infinity;
  // Offers: valid until, value and minimum spend in money units, node, redeemed.
  private offerCount = 0;
  private offerUntil = new Float64Array(8);
  private offerValue = new Float64Array(8);
  private offerMinSpend = new Float64Array(8);
  private offerNode = new Float64Array(8);
  private offerDone = new Uint8Array(8);
  // Events users do on their own, one Poisson stream per rated event: next time (exact), draws so far.
  private readonly rateNext: Float64Array;
  private readonly rateDraws: Float64Array;
  /** Which events the machine listens for now (lazy rated events run only then). */
  private listening: Uint8Array | null = null;
  // Queue of scheduled happenings (small: a few responses and expiries at a time).
  private queueSize = 0;
  private queueSeq = 0;
  private qTime = new Float64Array(16);
  private qRank = new Float64Array(16);
  private qSeq = new Float64Array(16);
  private qA = new Float64Array(16);
  private qB = new Float64Array(16);
  private qC = new Float64Array(16);
  // History: behaviour events (time, code) and delivered touches (time), for conditions, cap and fatigue.
  private historySize = 0;
  private historyTime = new Float64Array(64);
  private historyCode = new Float64Array(64);
  private touchSize = 0;
  private touchTime = new Float64Array(32);
  private readonly unsubscribed = new Uint8Array(channels.length);
  private readonly reach = new Int8Array(channels.length);
  // Where the user is: in the journey or not, the stage since when, what they have reached.
  private inJourney = false;
  private everEntered = false;
  private converted = false;
  private lastPurchaseAt = -1;
  private lastPurchaseUnits = 0;
  private stage = -1;
  private stageSince = 0;
  private readonly nodeSeen: Uint8Array;
  /** Each node's visit count as last entered: part of the draw key of a touch sent there. */
  private readonly visitOf: Int32Array;
  private armNode = -1;
  private armPort = -1;
  private armConverted = false;
  private stepInstant = -1;
  private steps = 0;
  /** Node entries of this user so far, and the last RECENT of them (a ring buffer, to name a loop). */
  private totalSteps = 0;
  private readonly stepBudget: number;
  private readonly recent = new Int32Array(RECENT);
  /** The event being delivered: its value (a purchase's, in yuan) and channel (responses'). */
  eventValue = 0;
  eventChannel = -1;

  private readonly layout: CounterLayout;
  private readonly channelBase: number;
  private readonly segmentBase: number;

  constructor(
    readonly model: Model,
    counters?: Float64Array,
  ) {
    this.horizon = model.horizonMs;
    this.stepBudget = stepBudget(model.horizonMs);
    this.layout = model.layout;
    this.counters = counters ?? new Float64Array(model.layout.size);
    this.rateNext = new Float64Array(model.events.length);
    this.rateDraws = new Float64Array(model.events.length);
    this.nodeSeen = new Uint8Array(model.nodes.length);
    this.visitOf = new Int32Array(model.nodes.length);
    this.channelBase = model.layout.channel;
    this.segmentBase = model.layout.segment;
  }

  // ------------------------------------------------------------------------------------------------
  // Counting

  private scalar(slot: number, amount = 1): void {
    this.counters[slot]! += amount;
  }
  private channelCount(channel: number, field: number, amount = 1): void {
    this.counters[this.channelBase + channel * CHANNEL_FIELDS.length + field]! += amount;
  }
  private segmentCount(field: number, amount = 1): void {
    this.counters[this.segmentBase + this.segment * SEGMENT_FIELDS.length + field]! += amount;
  }
  private armCount(field: number, amount = 1): void {
    if (this.armNode >= 0) this.counters[this.layout.armOffset[this.armNode]! + this.armPort * ARM_FIELDS.length + field]! += amount;
  }
  private record(entry: TraceEntry): void {
    this.trace!.push(entry);
  }

  // ------------------------------------------------------------------------------------------------
  // A user's start and end

  beginUser(user: number): void {
    const model = this.model;
    this.user = user;
    this.now = 0;
    this.tracing = this.trace !== null;
    const segment = model.generator.segmentOf(user);
    this.segment = segment;
    const behaviour = (this.behaviour = model.segments[segment]!);
    // λ now; p and the spend level only when the first purchase needs them (most users of a short
    // horizon never buy, and draws are counter-based, so drawing later gives the same numbers).
    const latent = this.scratch.reset(model.seed, user, LATENT);
    this.lambdaPerMs = sampleBgNbdRate(behaviour.purchase, latent.next) / DAY;
    this.dropoutCounter = latent.counter;
    this.dropout = -1;
    this.spendLatent = -1;
    this.alive = true;
    this.purchaseCount = 0;
    this.purchases.reset(model.seed, user, PURCHASES);
    this.clickUntil = -Infinity;
    this.offerCount = 0;
    this.queueSize = 0;
    this.queueSeq = 0;
    this.historySize = 0;
    this.touchSize = 0;
    this.unsubscribed.fill(0);
    this.reach.fill(-1);
    this.inJourney = false;
    this.everEntered = false;
    this.converted = false;
    this.lastPurchaseAt = -1;
    this.stage = -1;
    this.nodeSeen.fill(0);
    this.visitOf.fill(0);
    this.armNode = -1;
    this.armPort = -1;
    this.armConverted = false;
    this.stepInstant = -1;
    this.steps = 0;
    this.totalSteps = 0;
    this.hazardFrom = 0;
    this.hazardLeft = -Math.log(1 - this.purchases.next());
    this.rate = this.lambdaPerMs;
    this.purchaseAt = this.rate > 0 ? this.hazardLeft / this.rate : Infinity;
    this.listening = null;
    for (const code of model.rateEvents) {
      this.rateDraws[code] = 0;
      this.rateNext[code] = model.lazyEvent[code] ? Infinity : this.nextOccurrence(code, 0);
    }
    this.scalar(this.layout.scalar.users);
    this.segmentCount(SEGMENT.users);
  }

  finishUser(): void {
    if (this.stage >= 0) this.closeStage(this.horizon + 1);
    this.stage = -1;
  }

  // ------------------------------------------------------------------------------------------------
  // What happens next

  /** The time of the world's next happening (Infinity when none): whole milliseconds. */
  nextTime(): number {
    let next = Math.ceil(this.purchaseAt);
    for (const code of this.model.rateEvents) {
      const at = Math.ceil(this.rateNext[code]!);
      if (at < next) next = at;
    }
    for (let index = 0; index < this.queueSize; index++) if (this.qTime[index]! < next) next = this.qTime[index]!;
    return next;
  }

  /**
   * Performs the next happening at `now` (which the caller set to `nextTime()`), and returns the code
   * of the behaviour event the machine should receive, or −1 when it was the world's own bookkeeping.
   * At one instant: bookkeeping first, then events by code (the queue's before a rate's of the same
   * code, each in the order scheduled).
   */
  step(): number {
    const now = this.now;
    let best = -1;
    for (let index = 0; index < this.queueSize; index++) {
      if (this.qTime[index] !== now) continue;
      if (best < 0 || this.qRank[index]! < this.qRank[best]! || (this.qRank[index] === this.qRank[best] && this.qSeq[index]! < this.qSeq[best]!))
        best = index;
    }
    let rank = best >= 0 ? this.qRank[best]! : Infinity;
    let rated = -1;
    for (const code of this.model.rateEvents)
      if (Q_EVENTS + code < rank && Math.ceil(this.rateNext[code]!) === now) {
        rated = code;
        rank = Q_EVENTS + code;
        break;
      }
    if (Q_EVENTS + EVENT_PURCHASE < rank && Math.ceil(this.purchaseAt) === now) return this.purchase();
    if (rated >= 0) {
      this.rateNext[rated] = this.nextOccurrence(rated, this.rateNext[rated]!);
      return this.happen(rated, 0, -1);
    }
    if (best >= 0) return this.runQueued(best);
    throw new Error(`Nothing is due at ${now} ms`);
  }

  private nextOccurrence(code: number, from: number): number {
    const rate = this.behaviour.eventRate[code]!;
    if (!(rate > 0)) return Infinity;
    const u = hashKey(this.model.seed, this.user, EVENTS, this.rateDraws[code]!++, this.model.eventHash[code]!) * INV_2_32;
    return from - Math.log(1 - u) / rate;
  }

  /**
   * The machine now listens for the events flagged. A rated event that nothing counts is simulated only
   * while it is listened for: when listening starts its next occurrence is drawn from now, when it stops
   * the pending one is dropped. A Poisson process has no memory, so this changes nothing a journey
   * can observe, and spares drawing events no one reacts to.
   */
  listen(flags: Uint8Array): void {
    const before = this.listening;
    if (flags === before) return;
    this.listening = flags;
    for (const code of this.model.rateEvents) {
      if (!this.model.lazyEvent[code]) continue;
      const was = before !== null && before[code] === 1;
      if (flags[code] === 1 && !was) this.rateNext[code] = this.nextOccurrence(code, this.now);
      else if (flags[code] !== 1 && was) this.rateNext[code] = Infinity;
    }
  }

  private runQueued(index: number): number {
    const rank = this.qRank[index]!;
    const a = this.qA[index]!;
    const b = this.qB[index]!;
    const c = this.qC[index]!;
    const last = --this.queueSize;
    this.qTime[index] = this.qTime[last]!;
    this.qRank[index] = this.qRank[last]!;
    this.qSeq[index] = this.qSeq[last]!;
    this.qA[index] = this.qA[last]!;
    this.qB[index] = this.qB[last]!;
    this.qC[index] = this.qC[last]!;
    if (rank === Q_DEFERRED_TOUCH) {
      if (this.unsubscribed[c]) this.touchOutcome(a, c, 'opted-out', CHANNEL.optedOut);
      else this.deliver(a, b, c);
      return -1;
    }
    if (rank === Q_LIFT_END || rank === Q_OFFER_END) {
      this.rateChanged();
      return -1;
    }
    const code = rank - Q_EVENTS;
    if (code === EVENT_UNSUBSCRIBE) {
      if (this.unsubscribed[a]) return -1;
      this.unsubscribed[a] = 1;
      this.channelCount(a, CHANNEL.unsubscribes);
      this.segmentCount(SEGMENT.unsubscribes);
    } else if (code === EVENT_OPEN) this.channelCount(a, CHANNEL.opens);
    else if (code === EVENT_CLICK) {
      this.channelCount(a, CHANNEL.clicks);
      this.clickUntil = this.now + this.behaviour.responseWindowMs;
      if (this.clickUntil < this.horizon) this.schedule(this.clickUntil, Q_LIFT_END, 0, 0, 0);
      this.rateChanged();
    }
    return this.happen(code, 0, code === EVENT_VISIT ? -1 : a);
  }

  private happen(code: number, value: number, channel: number): number {
    if (this.model.countedEvent[code]) {
      this.historyTime = grow(this.historyTime, this.historySize + 1);
      this.historyCode = grow(this.historyCode, this.historySize + 1);
      this.historyTime[this.historySize] = this.now;
      this.historyCode[this.historySize++] = code;
    }
    if (this.armNode >= 0 && !this.armConverted && this.model.goalEvent[code]) {
      this.armConverted = true;
      this.armCount(ARM.converted);
    }
    this.eventValue = value;
    this.eventChannel = channel;
    if (this.tracing)
      this.record({
        at: this.now,
        type: 'event',
        event: this.model.events[code]!,
        ...(code === EVENT_PURCHASE ? { value } : {}),
        ...(channel >= 0 ? { channel: channels[channel]! } : {}),
      });
    return code;
  }

  private schedule(time: number, rank: number, a: number, b: number, c: number): void {
    const at = this.queueSize++;
    if (at >= this.qTime.length) {
      this.qTime = grow(this.qTime, at + 1);
      this.qRank = grow(this.qRank, at + 1);
      this.qSeq = grow(this.qSeq, at + 1);
      this.qA = grow(this.qA, at + 1);
      this.qB = grow(this.qB, at + 1);
      this.qC = grow(this.qC, at + 1);
    }
    this.qTime[at] = time;
    this.qRank[at] = rank;
    this.qSeq[at] = this.queueSeq++;
    this.qA[at] = a;
    this.qB[at] = b;
    this.qC[at] = c;
  }

  // ------------------------------------------------------------------------------------------------
  // Purchases (BG/NBD with lifts) and offers

  private multiplier(): number {
    const now = this.now;
    let lift = now < this.clickUntil ? this.behaviour.clickLift : 1;
    for (let index = 0; index < this.offerCount; index++)
      if (!this.offerDone[index] && now < this.offerUntil[index]!) {
        lift *= this.behaviour.offerLift;
        break;
      }
    return lift;
  }

  /** The purchase rate changes now: use up the hazard so far at the old rate, continue at the new one. */
  private rateChanged(): void {
    if (!this.alive || this.purchaseAt <= this.now) return; // a purchase already due resets the clock itself
    const rate = this.lambdaPerMs * this.multiplier();
    if (rate === this.rate) return;
    this.hazardLeft -= this.rate * (this.now - this.hazardFrom);
    this.hazardFrom = this.now;
    this.rate = rate;
    this.purchaseAt = rate > 0 ? this.now + this.hazardLeft / rate : Infinity;
  }

  private purchase(): number {
    const model = this.model;
    const at = this.purchaseAt;
    const k = this.purchaseCount++;
    if (this.spendLatent < 0) {
      this.dropout = sampleBgNbdDropout(this.behaviour.purchase, this.scratch.reset(model.seed, this.user, LATENT, this.dropoutCounter).next);
      this.spendLatent = orderValueLatent(this.behaviour.orderValue, this.scratch.reset(model.seed, this.user, SPEND_LATENT).next);
    }
    const order = sampleOrderValue(this.behaviour.orderValue, this.spendLatent, this.scratch.reset(model.seed, this.user, ORDERS, 0, k).next);
    const fen = Math.round(order * 100);
    const value = fen / 100;
    const units = fen * (MONEY_UNIT / 100);
    const s = this.layout.scalar;
    this.scalar(s.purchases);
    this.scalar(s.revenueAll, units);
    // Revenue is the journey's while the user is in it (a purchase that converts them still counts:
    // the machine hears of it after this); what users buy after they leave is not attributed to it.
    if (this.inJourney) {
      this.scalar(s.journeyPurchases);
      this.scalar(s.journeyRevenue, units);
      this.counters[this.layout.revenueByDay + this.dayOf(this.now)]! += units;
      this.segmentCount(SEGMENT.purchases);
      this.segmentCount(SEGMENT.journeyRevenue, units);
    }
    this.armCount(ARM.revenue, units);
    if (this.converted) this.scalar(s.convertedRevenue, units);
    this.lastPurchaseAt = this.now;
    this.lastPurchaseUnits = units;
    // The oldest valid offer the order qualifies for is redeemed.
    for (let index = 0; index < this.offerCount; index++)
      if (!this.offerDone[index] && this.now < this.offerUntil[index]! && units >= this.offerMinSpend[index]!) {
        this.offerDone[index] = 1;
        this.scalar(s.offersRedeemed);
        this.scalar(s.offerCost, this.offerValue[index]!);
        this.segmentCount(SEGMENT.cost, this.offerValue[index]!);
        this.armCount(ARM.cost, this.offerValue[index]!);
        if (this.tracing)
          this.record({ at: this.now, type: 'redeem', node: model.nodes[this.offerNode[index]!]!.id, value: this.offerValue[index]! / MONEY_UNIT });
        break;
      }
    const code = this.happen(EVENT_PURCHASE, value, -1);
    // Then the user may drop out for good (BG/NBD); otherwise the next purchase clock starts now.
    if (this.purchases.next() < this.dropout) {
      this.alive = false;
      this.purchaseAt = Infinity;
      this.scalar(s.churned);
      if (this.everEntered) this.scalar(s.churnedEntered);
      this.segmentCount(SEGMENT.churned);
      if (this.tracing) this.record({ at: this.now, type: 'churn' });
    } else {
      this.hazardFrom = at;
      this.hazardLeft = -Math.log(1 - this.purchases.next());
      this.rate = this.lambdaPerMs * this.multiplier();
      this.purchaseAt = this.rate > 0 ? at + this.hazardLeft / this.rate : Infinity;
    }
    return code;
  }

  // ------------------------------------------------------------------------------------------------
  // What the journey does to the user (called by the engines as the machine acts)

  /** The user enters a node (counts a step at this instant and over the horizon; a runaway loop throws). */
  enter(node: number, visit: number): void {
    if (this.now !== this.stepInstant) {
      this.stepInstant = this.now;
      this.steps = 0;
    }
    this.recent[this.totalSteps % RECENT] = node;
    this.totalSteps++;
    if (++this.steps > MAX_STEPS_PER_INSTANT) throw new RunawayError(this.recentLoop(), this.now, this.user);
    if (this.totalSteps > this.stepBudget) throw new StepBudgetError(this.recentLoop(), this.now, this.user, this.stepBudget);
    const s = this.layout.scalar;
    if (!this.inJourney) {
      this.inJourney = true;
      this.scalar(s.entries);
      if (!this.everEntered) {
        this.everEntered = true;
        this.scalar(s.entered);
        this.segmentCount(SEGMENT.entered);
      }
    }
    const stage = this.model.nodes[node]!.stage;
    if (stage !== this.stage) {
      if (this.stage >= 0) this.closeStage(this.now);
      this.stage = stage;
      this.stageSince = this.now;
    }
    this.visitOf[node] = visit;
    this.scalar(this.layout.nodeEntries + node);
    if (!this.nodeSeen[node]) {
      this.nodeSeen[node] = 1;
      this.scalar(this.layout.nodeUsers + node);
    }
    if (this.tracing) this.record({ at: this.now, type: 'enter', node: this.model.nodes[node]!.id, visit });
  }

  /** The nodes of the last RECENT entries, each once, in the order first entered: the loop a user is caught in. */
  private recentLoop(): string[] {
    const count = Math.min(this.totalSteps, RECENT);
    const ids = new Set<string>();
    for (let back = count; back >= 1; back--) ids.add(this.model.nodes[this.recent[(this.totalSteps - back) % RECENT]!]!.id);
    return [...ids];
  }

  port(node: number, port: number): void {
    this.scalar(this.layout.portOffset[node]! + port);
    const model = this.model.nodes[node]!;
    if (model.isSplit && this.armNode < 0) {
      this.armNode = node;
      this.armPort = port;
      this.armCount(ARM.assigned);
    }
    if (this.tracing) this.record({ at: this.now, type: 'port', node: model.id, port: model.ports[port]! });
  }

  goal(node: number): void {
    if (!this.converted) {
      this.converted = true;
      this.scalar(this.layout.scalar.converted);
      this.counters[this.layout.convertedByDay + this.dayOf(this.now)]!++;
      // The order that converts the user (exit on goal hears of it just after) is their first as a customer.
      if (this.lastPurchaseAt === this.now) this.scalar(this.layout.scalar.convertedRevenue, this.lastPurchaseUnits);
      this.segmentCount(SEGMENT.converted);
    }
    if (this.tracing) this.record({ at: this.now, type: 'goal', node: this.model.nodes[node]!.id, goal: this.model.nodes[node]!.goal ?? '' });
  }

  /** The user leaves the journey, through an exit node (or an unconnected port: node −1). */
  leave(node: number, reason: string): void {
    if (this.stage >= 0) this.closeStage(this.now);
    this.stage = -1;
    this.inJourney = false;
    if (node < 0) this.scalar(this.layout.scalar.deadEnds);
    if (this.tracing) this.record({ at: this.now, type: 'exit', node: node < 0 ? null : this.model.nodes[node]!.id, reason });
  }

  changeTag(node: number, name: string, present: boolean | null, value: string | number | boolean | null): void {
    if (this.tracing)
      this.record(
        present === null
          ? { at: this.now, type: 'attribute', node: this.model.nodes[node]!.id, attribute: name, value: value ?? '' }
          : { at: this.now, type: 'tag', node: this.model.nodes[node]!.id, tag: name, present },
      );
  }

  offer(node: number, valueYuan: number, minSpendYuan: number, validityMs: number): void {
    const at = this.offerCount++;
    if (at >= this.offerUntil.length) {
      this.offerUntil = grow(this.offerUntil, at + 1);
      this.offerValue = grow(this.offerValue, at + 1);
      this.offerMinSpend = grow(this.offerMinSpend, at + 1);
      this.offerNode = grow(this.offerNode, at + 1);
      const done = new Uint8Array(this.offerUntil.length);
      done.set(this.offerDone);
      this.offerDone = done;
    }
    const until = this.now + validityMs;
    this.offerUntil[at] = until;
    this.offerValue[at] = toMoneyUnits(valueYuan);
    this.offerMinSpend[at] = toMoneyUnits(minSpendYuan);
    this.offerNode[at] = node;
    this.offerDone[at] = 0;
    this.scalar(this.layout.scalar.offersGranted);
    if (until < this.horizon) this.schedule(until, Q_OFFER_END, at, 0, 0);
    this.rateChanged();
    if (this.tracing) this.record({ at: this.now, type: 'offer', node: this.model.nodes[node]!.id, value: valueYuan });
  }

  /** A message node sends a touch on `channel` (an index of `channels`). */
  touch(node: number, channel: number): void {
    const visit = this.visitOf[node]!;
    let reach = this.reach[channel]!;
    if (reach < 0) reach = this.reach[channel] = this.model.generator.reachOf(this.user, this.segment, channels[channel]!) ? 1 : 0;
    if (!reach) return this.touchOutcome(node, channel, 'unreachable', CHANNEL.unreachable);
    if (this.unsubscribed[channel]) return this.touchOutcome(node, channel, 'opted-out', CHANNEL.optedOut);
    const quiet = this.model.quietHours;
    if (quiet) {
      const time = this.now % DAY;
      const inside = quiet.startMs <= quiet.endMs ? time >= quiet.startMs && time < quiet.endMs : time >= quiet.startMs || time < quiet.endMs;
      if (inside) {
        const until = this.now - time + quiet.endMs + (time >= quiet.endMs ? DAY : 0);
        if (until >= this.horizon) {
          this.scalar(this.layout.scalar.dropped);
          return this.touchOutcome(node, channel, 'dropped', -1);
        }
        this.scalar(this.layout.scalar.deferred);
        this.schedule(until, Q_DEFERRED_TOUCH, node, visit, channel);
        return this.touchOutcome(node, channel, 'deferred', -1);
      }
    }
    this.deliver(node, visit, channel);
  }

  private touchOutcome(node: number, channel: number, outcome: TouchOutcome, field: number): void {
    if (field >= 0) this.channelCount(channel, field);
    if (this.tracing) this.record({ at: this.now, type: 'touch', node: this.model.nodes[node]!.id, channel: channels[channel]!, outcome });
  }

  private deliver(node: number, visit: number, channel: number): void {
    const model = this.model;
    const now = this.now;
    const day = this.dayOf(now);
    const cap = model.frequencyCap;
    if (cap) {
      let recent = 0;
      for (let index = this.touchSize - 1; index >= 0 && this.touchTime[index]! > now - cap.windowMs; index--) recent++;
      if (recent >= cap.touches) {
        this.counters[this.layout.suppressedByDay + channel * model.days + day]!++;
        return this.touchOutcome(node, channel, 'suppressed', CHANNEL.suppressed);
      }
    }
    const behaviour = this.behaviour;
    let fatigued = 0;
    for (let index = this.touchSize - 1; index >= 0 && this.touchTime[index]! > now - behaviour.responseWindowMs; index--) fatigued++;
    this.touchTime = grow(this.touchTime, this.touchSize + 1);
    this.touchTime[this.touchSize++] = now;
    const cost = model.channelCostUnits[channel]!;
    this.counters[this.layout.sentByDay + channel * model.days + day]!++;
    this.counters[this.layout.sentByHour + channel * 24 + Math.floor((now % DAY) / HOUR)]!++;
    this.channelCount(channel, CHANNEL.cost, cost);
    this.scalar(this.layout.scalar.touchCost, cost);
    this.segmentCount(SEGMENT.cost, cost);
    this.armCount(ARM.cost, cost);
    this.touchOutcome(node, channel, 'sent', CHANNEL.sent);

    const nodeHash = model.nodes[node]!.hash;
    const factor = Math.pow(behaviour.fatigue, fatigued);
    const respondAt = now + Math.ceil(-Math.log(1 - this.touchDraw(nodeHash, visit, TOUCH_DELAY)) * behaviour.responseDelayMs);
    if (respondAt >= this.horizon) return;
    const opened = this.touchDraw(nodeHash, visit, TOUCH_OPEN) < behaviour.open[channel]! * factor;
    if (opened) {
      this.schedule(respondAt, Q_EVENTS + EVENT_OPEN, channel, 0, 0);
      if (this.touchDraw(nodeHash, visit, TOUCH_CLICK) < behaviour.click[channel]! * factor) {
        this.schedule(respondAt, Q_EVENTS + EVENT_CLICK, channel, 0, 0);
        this.schedule(respondAt, Q_EVENTS + EVENT_VISIT, channel, 0, 0);
      }
    }
    if (this.touchDraw(nodeHash, visit, TOUCH_UNSUBSCRIBE) < behaviour.unsubscribe[channel]!)
      this.schedule(respondAt, Q_EVENTS + EVENT_UNSUBSCRIBE, channel, 0, 0);
  }

  /** The day (0 = launch day) of a time within the horizon. */
  private dayOf(time: number): number {
    return Math.min(this.model.days - 1, Math.floor(time / DAY));
  }

  private touchDraw(nodeHash: number, visit: number, purpose: number): number {
    return hashKey(this.model.seed, this.user, nodeHash, visit, purpose) * INV_2_32;
  }

  /** How many times the user did `code` in the last `windowMs`, up to and including now. */
  eventCount(code: number, windowMs: number): number {
    const from = this.now - windowMs;
    let count = 0;
    for (let index = this.historySize - 1; index >= 0 && this.historyTime[index]! > from; index--) if (this.historyCode[index] === code) count++;
    return count;
  }

  // ------------------------------------------------------------------------------------------------

  /** Counts the user in their stage at the end of every day in [stageSince, until). */
  private closeStage(until: number): void {
    const { days } = this.model;
    const base = this.layout.stageByDay + this.stage * days;
    // The last day may end early, at a horizon that is not a whole number of days.
    for (let day = Math.max(1, Math.ceil(this.stageSince / DAY)); day <= days; day++) {
      const end = Math.min(day * DAY, this.horizon);
      if (end < this.stageSince || end >= until) break;
      this.counters[base + day - 1]!++;
    }
  }
}
