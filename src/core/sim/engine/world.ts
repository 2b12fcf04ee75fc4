import type { SimulationPopulation } from './population';
import { channels } from '../../journey/channels';
import { elapsedInEnglish, MS } from '../../journey/duration';
import { grouped } from '../../i18n';
import { UniformStream } from '../math/distributions';
import { betaQuantiles, gammaQuantiles, type QuantileTable } from '../math/inverseCdf';
import { customerMeanOrderValue } from '../math/orderValue';
import { announcementCode } from '../../journey/announcements';
import { hashAfter, hashString, keyPrefix } from '../math/random';
import { addWideProduct, ARM, ARM_FIELDS, CHANNEL, CHANNEL_FIELDS, PAIRED, PAIRED_BLOCK, PAIRED_WIDE_AT, SEGMENT, SEGMENT_FIELDS, type CounterLayout } from './counters';
import { EVENT_CLICK, EVENT_OPEN, EVENT_PURCHASE, EVENT_UNSUBSCRIBE, EVENT_VISIT, MONEY_UNIT, toMoneyUnits, type Model, type SegmentModel } from './model';
import { calendarAdvance } from './clock';
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
const ANNOUNCE_NEXT_TOUCH = announcementCode('next-touch');
const ANNOUNCE_AT_CHECKOUT = announcementCode('at-checkout');
/** An offer's carrier: waiting for the next delivered touch, or announced otherwise (else a touch index). */
const OFFER_WAITING = -1;
const OFFER_NOT_CARRIED = -2;
const Q_EVENTS = 3;

const DAY = MS.day;
const HOUR = MS.hour;
const LATENT = hashString('bgnbd.latent');
const PURCHASES = hashString('bgnbd.purchases');
const INDUCED = hashString('bgnbd.induced');
const INDUCED_ORDERS = hashString('orderValue.induced');
const CONTROL = hashString('control-group');
/** Customer value looks this far past the horizon (12 months). */
const CUSTOMER_VALUE_DAYS = 365;
const SPEND_LATENT = hashString('orderValue.latent');
/** The latent stream's uniforms: the purchase rate's, then the dropout's. */
const LATENT_RATE = 0;
const LATENT_DROPOUT = 1;
const CARRY_FORWARD = hashString('population.carryForward');
const ORDERS = hashString('orderValue.orders');
const EVENTS = hashString('events');
const TOUCH_DELAY = hashString('touch:delay');
const TOUCH_OPEN = hashString('touch:open');
const TOUCH_CLICK = hashString('touch:click');
const TOUCH_UNSUBSCRIBE = hashString('touch:unsubscribe');
const INV_2_32 = 1 / 4294967296;
/** Entries remembered to name the loop a user is caught in (a loop longer than this is named in part); a power of 2. */
const RECENT = 64;

/**
 * A segment's latent traits and order values as quantile tables (math/inverseCdf.ts): each variate is
 * the quantile of one uniform. The purchase rate λ ~ Gamma(r)/α and the dropout p ~ Beta(a, b) of
 * BG/NBD; the spend level ν ~ Gamma(q)/γ and each order's value Gamma(p)/ν of gamma-gamma.
 */
interface TraitTables {
  rate: QuantileTable;
  dropout: QuantileTable;
  spend: QuantileTable;
  order: QuantileTable;
}

function traitTables(segment: SegmentModel): TraitTables {
  return {
    rate: gammaQuantiles(segment.purchase.r),
    dropout: betaQuantiles(segment.purchase.a, segment.purchase.b),
    spend: gammaQuantiles(segment.orderValue.q),
    order: gammaQuantiles(segment.orderValue.p),
  };
}

function grow(array: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Float64Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

export class UserWorld {
  readonly horizon: number;
  readonly counters: Float64Array;
  /**
   * Where counting goes: `counters`, or a scratch array while the twin runs (the twin's only results
   * are the outcome fields below; what else it would count is no figure of the report).
   */
  private sink: Float64Array;
  private readonly scratchCounters: Float64Array;
  /**
   * The twin: the same user and machine with the journey's touches and offers doing nothing
   * (docs/simulation.md, "The twin"). Set by beginUser.
   */
  private twin = false;
  /** The user is in the cohort's global control group: the journey's touches and offers do nothing. */
  private controlled = false;
  /** Touches and offers do nothing (the twin, or a control-group user). */
  private silenced = false;
  /** Run every twin, even where the user's run could not differ from it (tests of that shortcut). */
  alwaysTwin = false;
  /** Run twins at all (false only to measure what they cost: the benchmark). */
  twins = true;
  /** Set to an array to record the twin's steps of the next user into it (tests). */
  twinTrace: TraceEntry[] | null = null;
  /**
   * Something the journey did reached the user's behaviour: a response to a touch happened or the
   * journey induced a purchase. Until then the twin's run is this run draw for draw, minus the cost.
   */
  private diverged = false;
  // The outcome of this run of the user (the treated one, then the twin's), and the treated one kept.
  private runConvertedDay = -1;
  private runPurchases = 0;
  private runRevenue = 0;
  private runCost = 0;
  private runPurchaseDays = new Float64Array(16);
  private runPurchaseUnits = new Float64Array(16);
  private treatedConvertedDay = -1;
  private treatedPurchases = 0;
  private treatedRevenue = 0;
  private treatedCost = 0;
  private treatedPurchaseCount = 0;
  private treatedPurchaseDays = new Float64Array(16);
  private treatedPurchaseUnits = new Float64Array(16);
  /** The treated run's arms (split, port) and entered nodes: the twin's run reuses the live arrays, and the increments belong to the treated path. */
  private readonly treatedArmSplits: Int32Array;
  private readonly treatedArmPorts: Int32Array;
  private treatedArmCount = 0;
  private readonly treatedSeenNodes: Int32Array;
  private treatedSeenCount = 0;
  /** Set to an array to record every step of the next user run into it (null: no trace, faster). */
  trace: TraceEntry[] | null = null;
  private tracing = false;

  // The current user
  user = 0;
  /** The user's key prefix (seed, user) mixed once: their keyed draws hash only the rest (random.ts). */
  private userKey = 0;
  segment = 0;
  now = 0;
  private behaviour!: SegmentModel;
  /** The current segment's tables, and every segment's once its first user needed them. */
  private traits!: TraitTables;
  private readonly segmentTraits: (TraitTables | null)[];
  private lambdaPerMs = 0;
  private dropout = 0;
  private spendLatent = 0;
  private alive = true;
  /** Dropped out at least once, and won back at least once (each user is counted once in each). */
  private lapsed = false;
  private lapsedInJourney = false;
  private wonBack = false;
  private purchaseCount = 0;
  private readonly purchases = new UniformStream(0, 0, PURCHASES);
  private readonly induced = new UniformStream(0, 0, INDUCED);
  /**
   * Baseline purchases (BG/NBD at the user's own rate λ, each followed by a dropout coin) come from
   * their own stream, which nothing the journey does can shift: the next one is due at `purchaseAt`.
   * Purchases the journey induces come from a second Poisson process of rate λ·(lift − 1) on another
   * stream, so the two together buy at λ·lift: `hazardLeft` of its current Exp(1) draw remains at
   * `hazardFrom`, used up at `inducedRate` per ms; it is due at `inducedAt`.
   */
  private purchaseAt = Infinity;
  private inducedCount = 0;
  private hazardFrom = 0;
  private hazardLeft = 0;
  private inducedStarted = false;
  private inducedRate = 0;
  private inducedAt = Infinity;
  private clickUntil = -Infinity;
  // Offers: valid until, value and minimum spend in money units, node, redeemed; how the user learns of
  // it (ANNOUNCE_*), the chance of noticing it at checkout, whether they know it, the touch carrying it
  // (OFFER_WAITING for the next one, OFFER_NOT_CARRIED, or the touch's index), and its lift once known.
  private offerCount = 0;
  private offerUntil = new Float64Array(8);
  private offerValue = new Float64Array(8);
  private offerMinSpend = new Float64Array(8);
  private offerNode = new Float64Array(8);
  private offerDone = new Uint8Array(8);
  private offerMode = new Float64Array(8);
  private offerChance = new Float64Array(8);
  private offerKnown = new Float64Array(8);
  private offerCarrier = new Float64Array(8);
  private offerLift = new Float64Array(8);
  // Events users do on their own, one Poisson stream per rated event: next time (exact), draws so far.
  private readonly rateNext: Float64Array;
  /** The model's rated event codes (a typed array: the hot loops read it on every happening). */
  private readonly rateEvents: Int32Array;
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
  private readonly reach = new Int8Array(channels.length).fill(-1);
  /** `unsubscribed` or `reach` was written since they were last cleared. */
  private channelsTouched = false;
  // Where the user is: in the journey or not, the stage since when, what they have reached.
  private inJourney = false;
  private everEntered = false;
  private lastPurchaseAt = -1;
  private lastPurchaseUnits = 0;
  private stage = -1;
  private stageSince = 0;
  private readonly nodeSeen: Uint8Array;
  /** Each node's stage index. */
  private readonly nodeStage: Int32Array;
  /** Each node's visit count as last entered: part of the draw key of a touch sent there. */
  private readonly visitOf: Int32Array;
  /** The splits the user was assigned at (their arm is theirs for the run), in order: `armSplits[0 … armCount)`. */
  private readonly armPortOf: Int32Array;
  private readonly armSplits: Int32Array;
  private armCount = 0;
  /** Per split: assigned in the current stay, and converted (a goal reached after assignment, within a stay). */
  private readonly armInStay: Uint8Array;
  private readonly armConverted: Uint8Array;
  /** Nodes entered, in order of first entry: `seenNodes[0 … seenCount)`. */
  private readonly seenNodes: Int32Array;
  private seenCount = 0;
  private furthestStage = -1;
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
    this.scratchCounters = new Float64Array(model.layout.size);
    this.sink = this.counters;
    this.armPortOf = new Int32Array(model.nodes.length).fill(-1);
    this.armSplits = new Int32Array(model.nodes.length);
    this.armInStay = new Uint8Array(model.nodes.length);
    this.armConverted = new Uint8Array(model.nodes.length);
    this.seenNodes = new Int32Array(model.nodes.length);
    this.treatedArmSplits = new Int32Array(model.nodes.length);
    this.treatedArmPorts = new Int32Array(model.nodes.length);
    this.treatedSeenNodes = new Int32Array(model.nodes.length);
    this.rateNext = new Float64Array(model.events.length);
    this.rateEvents = Int32Array.from(model.rateEvents);
    this.rateDraws = new Float64Array(model.events.length);
    this.nodeSeen = new Uint8Array(model.nodes.length);
    this.nodeStage = Int32Array.from(model.nodes, (node) => node.stage);
    this.segmentTraits = model.segments.map(() => null);
    this.visitOf = new Int32Array(model.nodes.length);
    this.channelBase = model.layout.channel;
    this.segmentBase = model.layout.segment;
  }

  // ------------------------------------------------------------------------------------------------
  // Counting

  private scalar(slot: number, amount = 1): void {
    this.sink[slot]! += amount;
  }
  private channelCount(channel: number, field: number, amount = 1): void {
    this.sink[this.channelBase + channel * CHANNEL_FIELDS.length + field]! += amount;
  }
  private segmentCount(field: number, amount = 1): void {
    this.sink[this.segmentBase + this.segment * SEGMENT_FIELDS.length + field]! += amount;
  }
  /** Counts for the arms the user is in during this stay (every split assigned since they entered). */
  private armCountInStay(field: number, amount = 1): void {
    for (let index = 0; index < this.armCount; index++) {
      const split = this.armSplits[index]!;
      if (this.armInStay[split]) this.sink[this.layout.armOffset[split]! + this.armPortOf[split]! * ARM_FIELDS.length + field]! += amount;
    }
  }
  /** A cost of the journey (a touch sent, an offer redeemed): counted for the user's run, segment and arms. */
  private spend(units: number): void {
    this.runCost += units;
    this.segmentCount(SEGMENT.cost, units);
    this.armCountInStay(ARM.cost, units);
  }
  private record(entry: TraceEntry): void {
    this.trace!.push(entry);
  }

  // ------------------------------------------------------------------------------------------------
  // A user's start and end

  /**
   * Starts `user`'s run: the treated one, or (`twin`) their twin, after the treated run has finished.
   * Everything the run draws is keyed by the user, so both runs draw the same numbers wherever the
   * journey has not reached the user's behaviour.
   */
  beginUser(user: number, twin = false): void {
    const model = this.model;
    if (twin) this.keepTreatedOutcome();
    this.twin = twin;
    this.sink = twin ? this.scratchCounters : this.counters;
    this.userKey = keyPrefix(model.seed, user);
    this.controlled = model.controlShare > 0 && hashAfter(this.userKey, CONTROL, 0, 0) * INV_2_32 < model.controlShare;
    this.silenced = twin || this.controlled;
    this.diverged = false;
    this.runConvertedDay = -1;
    this.runPurchases = 0;
    this.runRevenue = 0;
    this.runCost = 0;
    this.user = user;
    this.now = 0;
    this.tracing = this.trace !== null;
    const segment = model.generator.segmentOf(user);
    this.segment = segment;
    const behaviour = (this.behaviour = model.segments[segment]!);
    this.traits = this.segmentTraits[segment] ??= traitTables(behaviour);
    // λ now; p and the spend level only when the first purchase needs them (most users of a short
    // horizon never buy, and draws are counter-based, so drawing later gives the same numbers).
    const population = model.population;
    if (population) {
      // A real customer: their own rate, dropout chance and spend level, drawn from the fit given their history.
      this.lambdaPerMs = population.lambdaPerDay[user]! / DAY;
      this.dropout = population.dropout[user]!;
      this.spendLatent = population.spendRate[user]!;
    } else {
      this.lambdaPerMs = this.traits.rate.quantile(this.keyed(LATENT, LATENT_RATE)) / (behaviour.purchase.alpha * DAY);
      this.dropout = -1;
      this.spendLatent = -1;
    }
    this.alive = true;
    this.lapsed = false;
    this.lapsedInJourney = false;
    this.wonBack = false;
    this.purchaseCount = 0;
    this.purchases.reset(model.seed, user, PURCHASES);
    this.clickUntil = -Infinity;
    this.offerCount = 0;
    this.queueSize = 0;
    this.queueSeq = 0;
    this.historySize = 0;
    this.touchSize = 0;
    if (this.channelsTouched) {
      this.channelsTouched = false;
      // A few channels: a loop is cheaper than two calls of fill.
      for (let channel = 0; channel < this.reach.length; channel++) {
        this.unsubscribed[channel] = 0;
        this.reach[channel] = -1;
      }
    }
    this.inJourney = false;
    this.everEntered = false;
    this.lastPurchaseAt = -1;
    this.stage = -1;
    // Only the nodes entered have a mark or a visit to clear (and they are the list of nodes seen).
    for (let index = 0; index < this.seenCount; index++) {
      const node = this.seenNodes[index]!;
      this.nodeSeen[node] = 0;
      this.visitOf[node] = 0;
    }
    for (let index = 0; index < this.armCount; index++) {
      const split = this.armSplits[index]!;
      this.armPortOf[split] = -1;
      this.armInStay[split] = 0;
      this.armConverted[split] = 0;
    }
    this.armCount = 0;
    this.seenCount = 0;
    this.furthestStage = -1;
    this.stepInstant = -1;
    this.steps = 0;
    this.totalSteps = 0;
    // A customer who had lapsed before launch starts inactive: only a win-back brings them back. They
    // did not stop buying during the run, so they are not counted as churned — unless, won back, they
    // lapse again (then they count like anyone who stopped, entered or not).
    if (population && (population.alive[user] === 0 || this.lapsesBeforeLaunch(population, user))) {
      this.alive = false;
      this.purchaseAt = Infinity;
    } else this.purchaseAt = this.lambdaPerMs > 0 ? calendarAdvance(model.clock, 0, -Math.log(1 - this.purchases.next()) / this.lambdaPerMs) : Infinity;
    this.induced.reset(model.seed, user, INDUCED);
    this.inducedCount = 0;
    this.hazardFrom = 0;
    this.hazardLeft = 0;
    this.inducedStarted = false;
    this.inducedRate = 0;
    this.inducedAt = Infinity;
    this.listening = null;
    const rated = this.rateEvents;
    for (let index = 0; index < rated.length; index++) {
      const code = rated[index]!;
      this.rateDraws[code] = 0;
      this.rateNext[code] = model.lazyEvent[code] ? Infinity : this.nextOccurrence(code, 0);
    }
    this.scalar(this.layout.scalar.users);
    this.segmentCount(SEGMENT.users);
  }

  finishUser(): void {
    if (this.stage >= 0) this.closeStage(this.horizon + 1);
    this.stage = -1;
    if (this.twin) return;
    const s = this.layout.scalar;
    for (let stage = 0; stage <= this.furthestStage; stage++) this.sink[this.layout.stageReached + stage]!++;
    const converted = this.runConvertedDay >= 0 ? 1 : 0;
    if (this.controlled) {
      this.scalar(s.controlUsers);
      this.scalar(s.controlConverted, converted);
      this.scalar(s.controlRevenue, this.runRevenue);
      addWideProduct(this.sink, this.layout.wideScalar.controlRevenue2, this.runRevenue, this.runRevenue);
    } else {
      this.scalar(s.treatedUsers);
      this.scalar(s.treatedConverted, converted);
      this.scalar(s.treatedRevenue, this.runRevenue);
      addWideProduct(this.sink, this.layout.wideScalar.treatedRevenue2, this.runRevenue, this.runRevenue);
    }
    if (converted) {
      const value = this.customerValueUnits();
      this.scalar(s.customerValue, value);
      addWideProduct(this.sink, this.layout.wideScalar.customerValue2, value, value);
    }
  }

  /** Whether the user needs a twin run: only where the journey reached their behaviour can it differ. */
  needsTwin(): boolean {
    return this.twins && (this.diverged || this.alwaysTwin);
  }

  /**
   * A converted customer's expected revenue over the 12 months after the horizon, in money units: the
   * BG/NBD conditional expectation given their own rate λ and dropout p, alive or not at the horizon,
   * E[X(t)] = (1 − e^(−λpt))/p, times their own mean order value p/ν (gamma-gamma).
   */
  private customerValueUnits(): number {
    if (!this.alive || !(this.lambdaPerMs > 0)) return 0;
    this.drawLateTraits();
    const lambda = this.lambdaPerMs * DAY;
    const p = this.dropout;
    const purchases = p > 0 ? -Math.expm1(-lambda * p * CUSTOMER_VALUE_DAYS) / p : lambda * CUSTOMER_VALUE_DAYS;
    return Math.round(purchases * customerMeanOrderValue(this.behaviour.orderValue, this.spendLatent) * MONEY_UNIT);
  }

  /**
   * A customer active at the end of their data and a journey launched Δ days later: while active they
   * buy at λ and lapse after each purchase with p, so they are still active at the launch with chance
   * exp(−λ·p·Δ) (a coin on its own stream, so both engines and any worker split draw it alike).
   */
  private lapsesBeforeLaunch(population: SimulationPopulation, user: number): boolean {
    const launchDay = this.model.clock.launchDay;
    if (population.asOf === undefined || launchDay === null || launchDay <= population.asOf) return false;
    const survives = Math.exp(-population.lambdaPerDay[user]! * population.dropout[user]! * (launchDay - population.asOf));
    return this.keyed(CARRY_FORWARD, 0) >= survives;
  }

  /** The dropout chance and spend level, drawn when first needed (counter-based: the same numbers whenever). */
  private drawLateTraits(): void {
    if (this.spendLatent >= 0) return;
    const traits = this.traits;
    this.dropout = traits.dropout.quantile(this.keyed(LATENT, LATENT_DROPOUT));
    this.spendLatent = traits.spend.quantile(this.keyed(SPEND_LATENT, 0)) / this.behaviour.orderValue.gamma;
  }

  private keepTreatedOutcome(): void {
    this.treatedConvertedDay = this.runConvertedDay;
    this.treatedPurchases = this.runPurchases;
    this.treatedRevenue = this.runRevenue;
    this.treatedCost = this.runCost;
    this.treatedPurchaseCount = this.runPurchases;
    [this.treatedPurchaseDays, this.runPurchaseDays] = [this.runPurchaseDays, this.treatedPurchaseDays];
    [this.treatedPurchaseUnits, this.runPurchaseUnits] = [this.runPurchaseUnits, this.treatedPurchaseUnits];
    for (let index = 0; index < this.armCount; index++) {
      const split = this.armSplits[index]!;
      this.treatedArmSplits[index] = split;
      this.treatedArmPorts[index] = this.armPortOf[split]!;
    }
    this.treatedArmCount = this.armCount;
    for (let index = 0; index < this.seenCount; index++) this.treatedSeenNodes[index] = this.seenNodes[index]!;
    this.treatedSeenCount = this.seenCount;
  }

  /**
   * After the user's run (and their twin's, where one ran): the per-user differences go into the paired
   * sums of all users, their segment and every arm they were assigned, and the increments of the nodes
   * they entered and of the days things happened. Without a twin run the twin is this run without its cost.
   */
  settleUser(): void {
    const hadTwin = this.twin;
    this.twin = false;
    this.sink = this.counters;
    const layout = this.layout;
    // Without a twin the live run is the treated one (keepTreatedOutcome copies it only for a twin to run after it).
    const conversions = hadTwin ? (this.treatedConvertedDay >= 0 ? 1 : 0) - (this.runConvertedDay >= 0 ? 1 : 0) : 0;
    const purchases = hadTwin ? this.treatedPurchases - this.runPurchases : 0;
    const revenue = hadTwin ? this.treatedRevenue - this.runRevenue : 0;
    const cost = hadTwin ? this.treatedCost : this.runCost;
    this.addPaired(layout.paired, conversions, purchases, revenue, cost);
    this.addPaired(layout.pairedSegment + this.segment * PAIRED_BLOCK, conversions, purchases, revenue, cost);
    const armCount = hadTwin ? this.treatedArmCount : this.armCount;
    for (let index = 0; index < armCount; index++) {
      const split = hadTwin ? this.treatedArmSplits[index]! : this.armSplits[index]!;
      const port = hadTwin ? this.treatedArmPorts[index]! : this.armPortOf[split]!;
      this.addPaired(layout.pairedArmOffset[split]! + port * PAIRED_BLOCK, conversions, purchases, revenue, cost);
    }
    if (conversions === 0 && revenue === 0 && cost === 0) return;
    const seen = hadTwin ? this.treatedSeenNodes : this.seenNodes;
    const seenCount = hadTwin ? this.treatedSeenCount : this.seenCount;
    for (let index = 0; index < seenCount; index++) {
      const at = layout.nodeIncrement + seen[index]! * 3;
      this.counters[at]! += conversions;
      this.counters[at + 1]! += revenue;
      this.counters[at + 2]! += cost;
    }
    if (!hadTwin) return;
    if (this.treatedConvertedDay >= 0) this.counters[layout.incrementalConversionsByDay + this.treatedConvertedDay]!++;
    if (this.runConvertedDay >= 0) this.counters[layout.incrementalConversionsByDay + this.runConvertedDay]!--;
    for (let index = 0; index < this.treatedPurchaseCount; index++)
      this.counters[layout.incrementalRevenueByDay + this.treatedPurchaseDays[index]!]! += this.treatedPurchaseUnits[index]!;
    for (let index = 0; index < this.runPurchases; index++)
      this.counters[layout.incrementalRevenueByDay + this.runPurchaseDays[index]!]! -= this.runPurchaseUnits[index]!;
  }

  private addPaired(block: number, conversions: number, purchases: number, revenue: number, cost: number): void {
    const counters = this.counters;
    counters[block + PAIRED.users]!++;
    if (conversions === 0 && purchases === 0 && revenue === 0 && cost === 0) return;
    counters[block + PAIRED.conversions]! += conversions;
    counters[block + PAIRED.purchases]! += purchases;
    counters[block + PAIRED.revenue]! += revenue;
    counters[block + PAIRED.cost]! += cost;
    addWideProduct(counters, block + PAIRED_WIDE_AT.conversions2, conversions, conversions);
    addWideProduct(counters, block + PAIRED_WIDE_AT.purchases2, purchases, purchases);
    addWideProduct(counters, block + PAIRED_WIDE_AT.revenue2, revenue, revenue);
    addWideProduct(counters, block + PAIRED_WIDE_AT.cost2, cost, cost);
    addWideProduct(counters, block + PAIRED_WIDE_AT.revenueCost, revenue, cost);
    addWideProduct(counters, block + PAIRED_WIDE_AT.conversionsCost, conversions, cost);
  }

  // ------------------------------------------------------------------------------------------------
  // What happens next

  /** The time of the world's next happening (Infinity when none): whole milliseconds. */
  nextTime(): number {
    let next = Math.ceil(this.purchaseAt);
    const induced = Math.ceil(this.inducedAt);
    if (induced < next) next = induced;
    const rated = this.rateEvents;
    for (let index = 0; index < rated.length; index++) {
      const at = Math.ceil(this.rateNext[rated[index]!]!);
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
    for (let index = 0; index < this.rateEvents.length; index++) {
      const code = this.rateEvents[index]!;
      if (Q_EVENTS + code < rank && Math.ceil(this.rateNext[code]!) === now) {
        rated = code;
        rank = Q_EVENTS + code;
        break;
      }
    }
    if (Q_EVENTS + EVENT_PURCHASE < rank) {
      // A baseline purchase first, then an induced one due at the same millisecond.
      if (Math.ceil(this.purchaseAt) === now) return this.baselinePurchase();
      if (Math.ceil(this.inducedAt) === now) return this.inducedPurchase();
    }
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
    const u = hashAfter(this.userKey, EVENTS, this.rateDraws[code]!++, this.model.eventHash[code]!) * INV_2_32;
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
    const rated = this.rateEvents;
    for (let index = 0; index < rated.length; index++) {
      const code = rated[index]!;
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
    // Responses are only ever scheduled by a touch: from here on the twin's run may differ.
    this.diverged = true;
    if (code === EVENT_UNSUBSCRIBE) {
      if (this.unsubscribed[a]) return -1;
      this.unsubscribed[a] = 1;
      this.channelsTouched = true;
      this.channelCount(a, CHANNEL.unsubscribes);
      this.segmentCount(SEGMENT.unsubscribes);
    } else if (code === EVENT_OPEN) {
      this.channelCount(a, CHANNEL.opens);
      // An opened touch that carried offers announces them.
      if (b > 0) this.learnOffersCarriedBy(b - 1);
    } else if (code === EVENT_CLICK) {
      this.channelCount(a, CHANNEL.clicks);
      if (!this.alive) this.tryWinBack();
      this.clickUntil = this.now + this.behaviour.responseWindowMs;
      if (this.clickUntil < this.horizon) this.schedule(this.clickUntil, Q_LIFT_END, 0, 0, 0);
      this.rateChanged();
    } else if (code === EVENT_VISIT) this.noticeAtCheckout();
    return this.happen(code, 0, code === EVENT_VISIT ? -1 : a);
  }

  private happen(code: number, value: number, channel: number): number {
    if (this.model.countedEvent[code]) {
      this.historyTime = grow(this.historyTime, this.historySize + 1);
      this.historyCode = grow(this.historyCode, this.historySize + 1);
      this.historyTime[this.historySize] = this.now;
      this.historyCode[this.historySize++] = code;
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
    // The oldest valid offer the user knows lifts (one at a time); an offer they do not know lifts nothing.
    for (let index = 0; index < this.offerCount; index++)
      if (!this.offerDone[index] && this.offerKnown[index] && now < this.offerUntil[index]!) {
        lift *= this.offerLift[index]!;
        break;
      }
    return lift;
  }

  /**
   * The lift changes now: the induced process (rate λ·(lift − 1)) uses up its hazard so far at the old
   * rate and continues at the new one. Its first Exp(1) draw is taken when it first has a rate, so a
   * user the journey never lifts draws nothing from the induced stream.
   */
  private rateChanged(): void {
    if (!this.alive) return;
    // A lift below 1 induces nothing: it thins the user's own purchases instead (baselinePurchase).
    const rate = this.lambdaPerMs * Math.max(0, this.multiplier() - 1);
    if (rate === this.inducedRate) return;
    if (!this.inducedStarted) {
      this.inducedStarted = true;
      this.hazardLeft = -Math.log(1 - this.induced.next());
    } else this.settleInducedClock();
    this.hazardFrom = this.now;
    this.inducedRate = rate;
    this.inducedAt = rate > 0 ? this.now + this.hazardLeft / rate : Infinity;
  }

  /**
   * Uses up the induced clock's hazard at its current rate up to now. A baseline purchase due at the
   * same millisecond runs first and can change the rate after the induced one was due (its exact time
   * falls inside that millisecond): nothing is left then, and the induced purchase comes at once.
   */
  private settleInducedClock(): void {
    this.hazardLeft = Math.max(0, this.hazardLeft - this.inducedRate * (this.now - this.hazardFrom));
    this.hazardFrom = this.now;
  }

  /**
   * A purchase at the user's own rate (due now, or brought forward to now by an induced one): then the
   * BG/NBD dropout coin, and the next one's clock from when this one was due, so the purchases after it
   * keep their times. Where the journey's lift is below 1 the purchase is made with that chance, by a
   * coin on the journey's stream (thinning, so the two buy at λ × lift); one not made still draws its
   * dropout coin and next clock, which keeps the baseline stream the twin's.
   */
  private baselinePurchase(): number {
    const k = this.purchaseCount++;
    this.drawLateTraits();
    const lift = this.multiplier();
    const kept = lift >= 1 || this.induced.next() < lift;
    if (!kept) this.diverged = true;
    const code = kept ? this.purchase(this.keyed(ORDERS, 0, k)) : -1;
    if (this.purchases.next() < this.dropout) {
      this.alive = false;
      this.purchaseAt = Infinity;
      // The induced clock stops here; a win-back restarts it from what was left of its draw.
      this.settleInducedClock();
      this.inducedRate = 0;
      this.inducedAt = Infinity;
      const s = this.layout.scalar;
      if (!this.lapsed) {
        this.lapsed = true;
        this.scalar(s.churned);
        this.segmentCount(SEGMENT.churned);
      }
      // Counted once, at the first lapse after entering (a user may lapse, enter, be won back and lapse again).
      if (this.everEntered && !this.lapsedInJourney) {
        this.lapsedInJourney = true;
        this.scalar(s.churnedEntered);
      }
      if (this.tracing) this.record({ at: this.now, type: 'churn' });
    } else if (this.lambdaPerMs > 0) this.purchaseAt = calendarAdvance(this.model.clock, this.purchaseAt, -Math.log(1 - this.purchases.next()) / this.lambdaPerMs);
    return code;
  }

  /**
   * A lapsed customer clicked a touch: with the segment's win-back chance (a coin on the journey's
   * stream) they are alive again, their next purchase at their own rate from now, and can lapse again.
   * The twin, who never clicks, stays lapsed and draws nothing more from the baseline stream, so the
   * draws taken from here on cannot make the two differ where the journey did not act.
   */
  private tryWinBack(): void {
    if (!(this.behaviour.reactivation > 0) || !(this.induced.next() < this.behaviour.reactivation)) return;
    this.alive = true;
    this.inducedRate = 0;
    this.hazardFrom = this.now;
    this.purchaseAt = this.lambdaPerMs > 0 ? calendarAdvance(this.model.clock, this.now, -Math.log(1 - this.purchases.next()) / this.lambdaPerMs) : Infinity;
    if (!this.wonBack) {
      this.wonBack = true;
      this.scalar(this.layout.scalar.reactivated);
      this.segmentCount(SEGMENT.reactivated);
    }
    if (this.tracing) this.record({ at: this.now, type: 'reactivate' });
  }

  /**
   * A purchase the journey caused (its lift): its order value from its own stream, no dropout coin
   * (buying more because of a coupon is no new chance to lapse), then the next induced clock.
   */
  private inducedPurchase(): number {
    const k = this.inducedCount++;
    this.drawLateTraits();
    this.diverged = true;
    // The next induced clock starts now, at the rate after this order (which may redeem an offer).
    this.hazardFrom = this.inducedAt;
    this.hazardLeft = -Math.log(1 - this.induced.next());
    this.inducedRate = 0;
    this.inducedAt = Infinity;
    // Pull-forward: with the segment's chance this order is the user's next own one, brought forward —
    // its order value and dropout coin, and it is not made again when it was due.
    const pullForward = this.behaviour.pullForward;
    const pulled = pullForward > 0 && (pullForward >= 1 || this.induced.next() < pullForward);
    const code = pulled ? this.baselinePurchase() : this.purchase(this.keyed(INDUCED_ORDERS, 0, k));
    this.rateChanged();
    return code;
  }

  /** Counts a purchase of the order value of uniform `u`, redeems an offer it qualifies for, tells the machine. */
  private purchase(u: number): number {
    const model = this.model;
    this.noticeAtCheckout();
    // z ~ Gamma(p, rate ν): the user's own spend level ν scales a Gamma(p) variate.
    const order = this.traits.order.quantile(u) / this.spendLatent;
    // 凑单: an order below the minimum spend of the offer the user has in mind (the oldest valid one they
    // know, the one that lifts) is topped up to it, and that offer is the one it redeems.
    const target = this.knownOffer();
    const fen = Math.max(Math.round(order * 100), target < 0 ? 0 : Math.ceil(this.offerMinSpend[target]! / (MONEY_UNIT / 100)));
    const value = fen / 100;
    const units = fen * (MONEY_UNIT / 100);
    const s = this.layout.scalar;
    this.scalar(s.purchases);
    this.scalar(s.revenueAll, units);
    const day = this.dayOf(this.now);
    const at = this.runPurchases++;
    if (at >= this.runPurchaseDays.length) {
      this.runPurchaseDays = grow(this.runPurchaseDays, at + 1);
      this.runPurchaseUnits = grow(this.runPurchaseUnits, at + 1);
    }
    this.runPurchaseDays[at] = day;
    this.runPurchaseUnits[at] = units;
    this.runRevenue += units;
    // Revenue is attributed to the journey while the user is in it (a purchase that converts them still
    // counts: the machine hears of it after this); what users buy after they leave is not.
    if (this.inJourney) {
      this.scalar(s.journeyPurchases);
      this.scalar(s.journeyRevenue, units);
      this.sink[this.layout.revenueByDay + day]! += units;
      this.segmentCount(SEGMENT.purchases);
      this.segmentCount(SEGMENT.journeyRevenue, units);
      this.armCountInStay(ARM.revenue, units);
    }
    if (this.runConvertedDay >= 0) this.scalar(s.convertedRevenue, units);
    this.lastPurchaseAt = this.now;
    this.lastPurchaseUnits = units;
    // The offer the user has in mind is redeemed; otherwise the oldest valid one the order qualifies for.
    const redeemed = target >= 0 && units >= this.offerMinSpend[target]! ? target : this.oldestQualifying(units);
    if (redeemed >= 0) {
      this.offerDone[redeemed] = 1;
      this.scalar(s.offersRedeemed);
      this.scalar(s.offerCost, this.offerValue[redeemed]!);
      this.spend(this.offerValue[redeemed]!);
      if (this.tracing)
        this.record({ at: this.now, type: 'redeem', node: model.nodes[this.offerNode[redeemed]!]!.id, value: this.offerValue[redeemed]! / MONEY_UNIT });
      this.rateChanged();
    }
    return this.happen(EVENT_PURCHASE, value, -1);
  }

  // ------------------------------------------------------------------------------------------------
  // What the journey does to the user (called by the engines as the machine acts)

  /** The user enters a node (counts a step at this instant and over the horizon; a runaway loop throws). */
  enter(node: number, visit: number): void {
    if (this.now !== this.stepInstant) {
      this.stepInstant = this.now;
      this.steps = 0;
    }
    this.recent[this.totalSteps & (RECENT - 1)] = node;
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
    const stage = this.nodeStage[node]!;
    if (stage > this.furthestStage) this.furthestStage = stage;
    if (stage !== this.stage) {
      if (this.stage >= 0) this.closeStage(this.now);
      this.stage = stage;
      this.stageSince = this.now;
    }
    this.visitOf[node] = visit;
    this.scalar(this.layout.nodeEntries + node);
    if (!this.nodeSeen[node]) {
      this.nodeSeen[node] = 1;
      this.seenNodes[this.seenCount++] = node;
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
    // Every split the user passes assigns them; the split's draw is the user's for the whole run, so a
    // later stay takes the same arm again (and counts it once). A control-group user is in no arm: the
    // arms and the holdout lift compare users the journey can reach.
    if (model.isSplit && !this.controlled) {
      if (this.armPortOf[node]! < 0) {
        this.armPortOf[node] = port;
        this.armSplits[this.armCount++] = node;
        this.sink[this.layout.armOffset[node]! + port * ARM_FIELDS.length + ARM.assigned]!++;
      }
      this.armInStay[node] = 1;
    }
    if (this.tracing) this.record({ at: this.now, type: 'port', node: model.id, port: model.ports[port]! });
  }

  goal(node: number): void {
    // An arm converts when a goal is reached after assignment, within the same stay.
    for (let index = 0; index < this.armCount; index++) {
      const split = this.armSplits[index]!;
      if (this.armInStay[split] && !this.armConverted[split]) {
        this.armConverted[split] = 1;
        this.sink[this.layout.armOffset[split]! + this.armPortOf[split]! * ARM_FIELDS.length + ARM.converted]!++;
      }
    }
    if (this.runConvertedDay < 0) {
      this.runConvertedDay = this.dayOf(this.now);
      this.scalar(this.layout.scalar.converted);
      this.sink[this.layout.convertedByDay + this.runConvertedDay]!++;
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
    for (let index = 0; index < this.armCount; index++) this.armInStay[this.armSplits[index]!] = 0;
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

  /**
   * The journey's two actions on the user, touches and offers, do nothing for the twin and for a
   * control-group user (docs/simulation.md, "The twin"); everything else the journey does still happens.
   */
  offer(node: number, valueYuan: number, minSpendYuan: number, validityMs: number, announcement: number, checkoutChance: number): void {
    if (this.silenced) return;
    const at = this.offerCount++;
    if (at >= this.offerUntil.length) {
      this.offerUntil = grow(this.offerUntil, at + 1);
      this.offerValue = grow(this.offerValue, at + 1);
      this.offerMinSpend = grow(this.offerMinSpend, at + 1);
      this.offerNode = grow(this.offerNode, at + 1);
      this.offerMode = grow(this.offerMode, at + 1);
      this.offerChance = grow(this.offerChance, at + 1);
      this.offerKnown = grow(this.offerKnown, at + 1);
      this.offerCarrier = grow(this.offerCarrier, at + 1);
      this.offerLift = grow(this.offerLift, at + 1);
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
    this.offerMode[at] = announcement;
    this.offerChance[at] = checkoutChance;
    this.offerKnown[at] = 0;
    this.offerCarrier[at] = announcement === ANNOUNCE_NEXT_TOUCH ? OFFER_WAITING : OFFER_NOT_CARRIED;
    // Depth: the lift grows with the offer's share of what this user expects to spend on an order.
    this.drawLateTraits();
    const expectedOrder = customerMeanOrderValue(this.behaviour.orderValue, this.spendLatent);
    this.offerLift[at] = expectedOrder > 0 ? 1 + this.behaviour.priceElasticity * (valueYuan / expectedOrder) : 1;
    this.scalar(this.layout.scalar.offersGranted);
    if (until < this.horizon) this.schedule(until, Q_OFFER_END, at, 0, 0);
    if (this.tracing) this.record({ at: this.now, type: 'offer', node: this.model.nodes[node]!.id, value: valueYuan });
  }

  /** The user learns of offer `index` (it lifts from now on while valid). */
  private learnOffer(index: number): void {
    this.offerKnown[index] = 1;
    // Knowing an offer changes what the user buys (its lift, topping an order up): the twin may differ.
    this.diverged = true;
    if (this.tracing) this.record({ at: this.now, type: 'notice', node: this.model.nodes[this.offerNode[index]!]!.id });
    this.rateChanged();
  }

  /** A touch the user opened announces the offers it carried that are still valid and unused. */
  private learnOffersCarriedBy(touch: number): void {
    for (let index = 0; index < this.offerCount; index++)
      if (this.offerCarrier[index] === touch && !this.offerKnown[index] && !this.offerDone[index] && this.now < this.offerUntil[index]!) this.learnOffer(index);
  }

  /** At a visit or a purchase, each valid offer shown at checkout is noticed with its chance (a coin on the journey's stream). */
  private noticeAtCheckout(): void {
    for (let index = 0; index < this.offerCount; index++)
      if (this.offerMode[index] === ANNOUNCE_AT_CHECKOUT && !this.offerKnown[index] && !this.offerDone[index] && this.now < this.offerUntil[index]!)
        if (this.induced.next() < this.offerChance[index]!) this.learnOffer(index);
  }

  /** The oldest valid, unused offer the user knows (the one that lifts), or −1. */
  private knownOffer(): number {
    for (let index = 0; index < this.offerCount; index++)
      if (this.offerKnown[index] && !this.offerDone[index] && this.now < this.offerUntil[index]!) return index;
    return -1;
  }

  /** The oldest valid, unused offer whose minimum spend an order of `units` meets, known or not, or −1. */
  private oldestQualifying(units: number): number {
    for (let index = 0; index < this.offerCount; index++)
      if (!this.offerDone[index] && this.now < this.offerUntil[index]! && units >= this.offerMinSpend[index]!) return index;
    return -1;
  }

  /** A message node sends a touch on `channel` (an index of `channels`). */
  touch(node: number, channel: number): void {
    if (this.silenced) {
      // The story tells a control-group user why no message came; the twin records nothing.
      if (!this.twin) this.touchOutcome(node, channel, 'control-group', -1);
      return;
    }
    const visit = this.visitOf[node]!;
    let reach = this.reach[channel]!;
    if (reach < 0) {
      reach = this.reach[channel] = this.model.generator.reachOf(this.user, this.segment, channels[channel]!) ? 1 : 0;
      this.channelsTouched = true;
    }
    if (!reach) return this.touchOutcome(node, channel, 'unreachable', CHANNEL.unreachable);
    if (this.unsubscribed[channel]) return this.touchOutcome(node, channel, 'opted-out', CHANNEL.optedOut);
    const quiet = this.model.quietHours;
    if (quiet) {
      // Quiet hours are local: the clock starts at the launch's time of day.
      const offset = this.model.clock.offsetMs;
      const time = (this.now + offset) % DAY;
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
        this.sink[this.layout.suppressedByDay + channel * model.days + day]!++;
        return this.touchOutcome(node, channel, 'suppressed', CHANNEL.suppressed);
      }
    }
    const behaviour = this.behaviour;
    let fatigued = 0;
    for (let index = this.touchSize - 1; index >= 0 && this.touchTime[index]! > now - behaviour.responseWindowMs; index--) fatigued++;
    this.touchTime = grow(this.touchTime, this.touchSize + 1);
    const touchIndex = this.touchSize++;
    this.touchTime[touchIndex] = now;
    // The first touch delivered after an offer meant for the next touch carries it (a badge on the canvas).
    let carries = 0;
    for (let index = 0; index < this.offerCount; index++)
      if (this.offerCarrier[index] === OFFER_WAITING && !this.offerDone[index] && now < this.offerUntil[index]!) {
        this.offerCarrier[index] = touchIndex;
        carries = touchIndex + 1;
      }
    const cost = model.channelCostUnits[channel]!;
    this.sink[this.layout.sentByDay + channel * model.days + day]!++;
    const clock = model.clock;
    const hour = Math.floor(((now + clock.offsetMs) % DAY) / HOUR);
    this.sink[this.layout.sentByHour + channel * 24 + hour]!++;
    this.channelCount(channel, CHANNEL.cost, cost);
    this.scalar(this.layout.scalar.touchCost, cost);
    this.spend(cost);
    this.touchOutcome(node, channel, 'sent', CHANNEL.sent);

    const nodeHash = model.nodes[node]!.hash;
    const factor = Math.pow(behaviour.fatigue, fatigued);
    // The hour and weekday it arrives: people open more at some hours, and answer a late message later.
    const delayMs = behaviour.responseDelayMs * clock.delayByHour[channel * 24 + hour]!;
    const respondAt = now + Math.ceil(-Math.log(1 - this.touchDraw(nodeHash, visit, TOUCH_DELAY)) * delayMs);
    if (respondAt >= this.horizon) return;
    const localDay = Math.floor((now + clock.offsetMs) / DAY);
    const weekday = localDay < clock.days && clock.openByDay.length > 0 ? clock.openByDay[channel * clock.days + localDay]! : 1;
    const opened = this.touchDraw(nodeHash, visit, TOUCH_OPEN) < behaviour.open[channel]! * factor * clock.openByHour[channel * 24 + hour]! * weekday;
    if (opened) {
      this.schedule(respondAt, Q_EVENTS + EVENT_OPEN, channel, carries, 0);
      if (this.touchDraw(nodeHash, visit, TOUCH_CLICK) < behaviour.click[channel]! * factor) {
        this.schedule(respondAt, Q_EVENTS + EVENT_CLICK, channel, 0, 0);
        this.schedule(respondAt, Q_EVENTS + EVENT_VISIT, channel, 0, 0);
      }
    }
    // Contact pressure: every touch received in the window before this one raises the opt-out chance.
    const pressure = 1 + behaviour.unsubscribePressure * fatigued;
    if (this.touchDraw(nodeHash, visit, TOUCH_UNSUBSCRIBE) < behaviour.unsubscribe[channel]! * pressure)
      this.schedule(respondAt, Q_EVENTS + EVENT_UNSUBSCRIBE, channel, 0, 0);
  }

  /** The day (0 = launch day) of a time within the horizon. */
  private dayOf(time: number): number {
    return Math.min(this.model.days - 1, Math.floor(time / DAY));
  }

  /**
   * The user's uniform keyed (seed, user, purpose, counter, salt): the `counter`-th of their stream for
   * `purpose` (math/distributions.ts, UniformStream), hashed from the user's prefix.
   */
  private keyed(purpose: number, counter: number, salt = 0): number {
    return hashAfter(this.userKey, purpose, counter, salt) * INV_2_32;
  }

  private touchDraw(nodeHash: number, visit: number, purpose: number): number {
    return hashAfter(this.userKey, nodeHash, visit, purpose) * INV_2_32;
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
      this.sink[base + day - 1]!++;
    }
  }
}
